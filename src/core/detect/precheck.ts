/**
 * The registry's cheap gates (GNI's lesson: skip obvious non-matches before doing work). Once per
 * exchange, a lower-case set of the response's header names and a lazy probe of the body's top
 * level; a detector whose declared `headers` are all absent, or whose `requires` says no, is not
 * called. The gates only ever skip detectors that would have answered null: precheck.test.ts runs
 * every fixture with and without them and checks each gate against its detector.
 */
import { isObject } from '../json.ts';
import type { BodyShape, DetectContext, Detector } from './types.ts';

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The top-level probe of a parsed body: own-property look-ups, no key lists. */
export function bodyShape(json: unknown): BodyShape {
  const object = isObject(json);
  return {
    object,
    has: (k) => object && own(json, k),
    within: (w, k) => {
      if (!object || !own(json, w)) return false;
      const v = json[w];
      return isObject(v) && own(v, k);
    },
  };
}

/** A function telling whether `detector` can possibly answer on `ctx`; builds its inputs once, lazily. */
export function createGate(ctx: DetectContext): (detector: Detector) => boolean {
  let names: Set<string> | undefined;
  let shape: BodyShape | undefined;
  return (d) => {
    if (d.headers) {
      names ??= new Set(ctx.exchange.response.headers.map((h) => h.name.toLowerCase()));
      if (!d.headers.some((n) => names!.has(n))) return false;
    }
    if (d.requires) {
      shape ??= bodyShape(ctx.json);
      if (!d.requires(shape)) return false;
    }
    return true;
  };
}
