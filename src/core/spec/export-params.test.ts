// What the dlt and Airbyte exports send: the parameters named the same as the crawler's own next
// request, and credentials asked for by name, their values never written out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportSpecs, SECRET_KEY } from '../../demo/export-specs.ts';
import { detectionFromSpec } from './detection.ts';
import { airbyteManifest, exportAirbyte } from './export-airbyte.ts';
import { exportCommand } from './export-command.ts';
import { dltConfig, exportDlt } from './export-dlt.ts';

const { specs, firsts } = exportSpecs();

test('exports name the parameters the crawler sends', () => {
  for (const style of ['offset-limit', 'page-number', 'slack', 'inhouse', 'relay', 'stripe']) {
    const spec = specs.get(style)!;
    const d = detectionFromSpec(spec, firsts.get(style)!);
    assert.ok(d.next, `${style}: the crawler has a next request`);
    const { config } = dltConfig(spec);
    const p = ((config.resources as Record<string, unknown>[])[0].endpoint as Record<string, unknown>)
      .paginator as Record<string, unknown>;
    const { manifest } = airbyteManifest(spec);
    const pag = ((manifest.streams as Record<string, unknown>[])[0].retriever as Record<string, unknown>)
      .paginator as Record<string, Record<string, unknown>>;
    const sent = new URL(d.next.url).searchParams;
    const n = spec.next;
    if (n.type === 'cursor' && n.in === 'body') {
      assert.equal(p.cursor_body_path, 'variables.after');
      assert.deepEqual(pag.page_token_option.field_path, ['variables', 'after']);
      assert.ok(JSON.parse(d.next.body!).variables.after, `${style}: the crawler writes variables.after`);
      continue;
    }
    const param = (p.page_param ?? p.offset_param ?? p.cursor_param) as string;
    assert.ok(sent.has(param), `${style}: dlt's ${param} is in the crawler's next request ${d.next.url}`);
    assert.equal(pag.page_token_option.field_name, param, `${style}: Airbyte injects ${param}`);
    if (p.limit_param) {
      assert.ok(sent.has(p.limit_param as string), `${style}: limit param ${String(p.limit_param)}`);
      assert.equal(pag.page_size_option.field_name, p.limit_param);
    }
  }
  assert.equal(specs.get('inhouse')!.next.type, 'cursor');
  const inhouse = dltConfig(specs.get('inhouse')!).config;
  const ip = ((inhouse.resources as Record<string, unknown>[])[0].endpoint as Record<string, unknown>)
    .paginator;
  assert.deepEqual(ip, { type: 'cursor', cursor_path: 'meta.continuation', cursor_param: 'from' });
});

test('no export carries a secret value; each asks for it by name', () => {
  for (const [style, spec] of specs) {
    for (const text of [exportDlt(spec), exportAirbyte(spec), exportCommand(spec), JSON.stringify(spec)]) {
      assert.ok(!text.includes(SECRET_KEY), `${style}: the key value leaked`);
    }
    assert.match(exportDlt(spec), /"X-Api-Key": dlt\.secrets\["sources\.pagescope\.x_api_key"\]/);
    assert.match(exportAirbyte(spec), /X-Api-Key: "\{\{ config\['x_api_key'\] \}\}"/);
    assert.match(exportCommand(spec), /-H "X-Api-Key: \$X_API_KEY"/);
  }
});
