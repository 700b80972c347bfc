// The properties every positive fixture must keep, body and header ones alike: plain data, an
// absolute same-origin next (unless the server printed another), and every non-pagination query
// parameter kept on the next and the built page URLs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detect } from './index.ts';
import { pageRequest, queryEntries } from './params.ts';
import * as apis from './fixtures/body-apis.ts';
import * as seeds from './fixtures/body-seeds.ts';
import * as more from './fixtures/body-saas-apis.ts';
import { exchangeOf, type BodyFixture } from './fixtures/body-fixture.ts';
import { headerExchange, type HeaderFixture } from './fixtures/headers-fixture.ts';
import { frameworkHeaderFixtures } from './fixtures/headers-framework-links.ts';
import { linkFixtures } from './fixtures/headers-link.ts';
import { gitlabFixtures } from './fixtures/headers-gitlab.ts';
import { wordpressFixtures } from './fixtures/headers-wordpress.ts';
import { vanillaFixtures } from './fixtures/headers-vanilla.ts';
import { totalCountFixtures } from './fixtures/headers-total-count.ts';
import type { Detection } from './types.ts';

/** Every string the server sent (body values, header values and their `<…>` targets). */
function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') {
    out.push(v);
    for (const m of v.matchAll(/<([^>]*)>/g)) out.push(m[1]);
  } else if (Array.isArray(v)) for (const x of v) strings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) strings(x, out);
  return out;
}

/** The properties, checked on one positive detection; `sent` is everything the server sent. */
function properties(name: string, d: Detection | null, sentValues: unknown): string[] {
  if (!d) return [`${name}: nothing detected`];
  const out: string[] = [];
  if (JSON.stringify(structuredClone(d)) !== JSON.stringify(d)) out.push(`${name}: not plain data`);
  const req = new URL(d.url);
  const pagination = new Set(Object.values(d.params).filter((v): v is string => typeof v === 'string'));
  const kept = (url: string) =>
    [...queryEntries(d.url)]
      .filter(([k, v]) => !pagination.has(k) && queryEntries(url).get(k) !== v)
      .map(([k]) => k);
  if (d.next) {
    let u: URL | undefined;
    try {
      u = new URL(d.next.url);
    } catch {
      out.push(`${name}: next is not absolute: ${d.next.url}`);
    }
    // A link the server printed may say otherwise (another host, fewer parameters); a built one may not.
    const fromServer = strings(sentValues).some((v) => {
      try {
        return new URL(v, d.url).href === d.next!.url;
      } catch {
        return false;
      }
    });
    if (u && !/^https?:$/.test(u.protocol)) out.push(`${name}: next is not http(s)`);
    if (u && u.origin !== req.origin && !fromServer) out.push(`${name}: next leaves ${req.origin}`);
    if (!fromServer && kept(d.next.url).length) out.push(`${name}: next drops ${kept(d.next.url)}`);
  }
  const base = d.params.pageBase ?? 1;
  const page2 = pageRequest(d, base + 1);
  if (page2 && kept(page2.url).length) out.push(`${name}: page N drops ${kept(page2.url)}`);
  return out;
}

test('properties hold for every positive body fixture', () => {
  const all: BodyFixture[] = [...Object.values(seeds), ...Object.values(apis), ...Object.values(more)].flat();
  const problems = all.flatMap((f) => {
    const ex = exchangeOf(f);
    return properties(f.name, detect(ex), [f.body, f.headers]);
  });
  assert.deepEqual(problems, []);
});

test('properties hold for every positive header fixture', () => {
  const all: HeaderFixture[] = [
    ...linkFixtures,
    ...gitlabFixtures,
    ...wordpressFixtures,
    ...vanillaFixtures,
    ...totalCountFixtures,
    ...frameworkHeaderFixtures,
  ];
  const problems = all.flatMap((f) => properties(f.name, detect(headerExchange(f)), [f.headers, f.body]));
  assert.deepEqual(problems, []);
});
