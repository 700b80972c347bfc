/**
 * Opt-in fault injection: `/_faults/<spec>/<any demo path>` serves the wrapped endpoint with failures
 * decided by a seeded PRNG, so a crawl test sees the same failures on every run. Spec is comma-separated:
 * `latency=20,fail=0.2,mode=500|429|reset|truncate|timeout,retryAfter=1,seed=7,failFirst=1`.
 *  - fail: probability that an attempt fails; failFirst: the first N attempts of every URL fail.
 *  - mode: what a failure looks like; several modes separated by `|` are picked from per failure.
 * Attempts are counted per URL, so a retried request can succeed, and ordering between URLs does not
 * change the outcome (concurrent crawls stay deterministic).
 */
import { hash32, prng } from './data.ts';

export type FaultMode = 'reset' | 'truncate' | 'timeout' | number;

export type FaultSpec = {
  latencyMs: number;
  fail: number;
  failFirst: number;
  modes: FaultMode[];
  retryAfter: number;
  seed: number;
};

/** Parses a spec; unknown keys and bad values are reported so the server can answer 400. */
export function parseFaultSpec(text: string): { ok: true; spec: FaultSpec } | { ok: false; error: string } {
  const spec: FaultSpec = { latencyMs: 0, fail: 0, failFirst: 0, modes: [500], retryAfter: 1, seed: 1 };
  for (const part of text.split(',').filter(Boolean)) {
    const [key, value = ''] = part.split('=');
    const num = Number(value);
    switch (key) {
      case 'latency':
        if (!(num >= 0 && num <= 60_000))
          return { ok: false, error: `latency must be 0..60000 ms, got "${value}"` };
        spec.latencyMs = num;
        break;
      case 'fail':
        if (!(num >= 0 && num <= 1))
          return { ok: false, error: `fail must be a probability 0..1, got "${value}"` };
        spec.fail = num;
        break;
      case 'failFirst':
        if (!(Number.isInteger(num) && num >= 0 && num <= 100))
          return { ok: false, error: `failFirst must be 0..100, got "${value}"` };
        spec.failFirst = num;
        break;
      case 'retryAfter':
        if (!(Number.isInteger(num) && num >= 0 && num <= 3600))
          return { ok: false, error: `retryAfter must be 0..3600 s, got "${value}"` };
        spec.retryAfter = num;
        break;
      case 'seed':
        if (!Number.isInteger(num)) return { ok: false, error: `seed must be an integer, got "${value}"` };
        spec.seed = num;
        break;
      case 'mode': {
        const modes: FaultMode[] = [];
        for (const m of value.split('|')) {
          if (m === 'reset' || m === 'truncate' || m === 'timeout') modes.push(m);
          else if (/^[45]\d\d$/.test(m)) modes.push(Number(m));
          else
            return {
              ok: false,
              error: `unknown fault mode "${m}" (use 500, 429, 503, reset, truncate, timeout)`,
            };
        }
        spec.modes = modes;
        break;
      }
      default:
        return { ok: false, error: `unknown fault switch "${key}"` };
    }
  }
  return { ok: true, spec };
}

/** Per-server attempt counters; `decide` says whether this attempt of this URL fails, and how. */
export function createFaultState() {
  const attempts = new Map<string, number>();
  return {
    decide(specText: string, spec: FaultSpec, url: string): FaultMode | undefined {
      const key = `${specText}|${url}`;
      const attempt = (attempts.get(key) ?? 0) + 1;
      attempts.set(key, attempt);
      const rand = prng(hash32(`${spec.seed}|${url}|${attempt}`));
      const fails = attempt <= spec.failFirst || rand() < spec.fail;
      if (!fails) return undefined;
      return spec.modes[Math.floor(rand() * spec.modes.length)];
    },
  };
}
