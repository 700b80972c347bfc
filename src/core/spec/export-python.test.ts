// The dlt and Airbyte exports read back by Python: the dlt file runs (dlt stubbed) and gives the
// same config, the Airbyte YAML loads as the same manifest, for every demo style exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportSpecs } from '../../demo/export-specs.ts';
import { airbyteManifest, exportAirbyte } from './export-airbyte.ts';
import { dltConfig, exportDlt, PyCode } from './export-dlt.ts';

const { specs } = exportSpecs();

// Python reads the files back: the dlt file runs (with dlt stubbed, capturing the config) and gives the
// same dict; the YAML loads (PyYAML) as the same manifest.
const HARNESS = `
import sys, json, types, importlib.util
mods = ['dlt', 'dlt.sources', 'dlt.sources.rest_api', 'dlt.sources.helpers', 'dlt.sources.helpers.rest_client', 'dlt.sources.helpers.rest_client.paginators']
for name in mods: sys.modules[name] = types.ModuleType(name)
class Secrets:
    def __getitem__(self, k): return '<secret:%s>' % k
sys.modules['dlt'].secrets = Secrets()
sys.modules['dlt.sources.rest_api'].rest_api_source = lambda c: c
class BaseNextUrlPaginator:
    def __init__(self): pass
sys.modules['dlt.sources.helpers.rest_client.paginators'].BaseNextUrlPaginator = BaseNextUrlPaginator
out = {}
import yaml
for path in sys.argv[1:]:
    if path.endswith('.py'):
        spec = importlib.util.spec_from_file_location('exported', path)
        m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        out[path] = m.config
    else:
        out[path] = yaml.safe_load(open(path))
print(json.dumps(out, default=lambda o: {'$class': type(o).__name__, 'header': o.header}))
`;

test('Python runs the dlt files and loads the Airbyte YAML as the same data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pagescope-export-'));
  writeFileSync(join(dir, 'harness.py'), HARNESS);
  const files: string[] = [];
  const want: Record<string, unknown> = {};
  const plain = (v: unknown): unknown =>
    JSON.parse(
      JSON.stringify(v, (_k, x) => {
        if (!(x instanceof PyCode)) return x;
        const secret = /^dlt\.secrets\["(.+)"\]$/.exec(x.code);
        if (secret) return `<secret:${secret[1]}>`;
        const custom = /^HeaderNextUrlPaginator\((".*")\)$/.exec(x.code);
        return { $class: 'HeaderNextUrlPaginator', header: JSON.parse(custom![1]) };
      }),
    );
  for (const [style, spec] of specs) {
    const py = join(dir, `${style.replace(/-/g, '_')}.py`);
    const yml = join(dir, `${style}.yaml`);
    writeFileSync(py, exportDlt(spec));
    writeFileSync(yml, exportAirbyte(spec));
    files.push(py, yml);
    want[py] = plain(dltConfig(spec).config);
    want[yml] = airbyteManifest(spec).manifest;
  }
  const r = spawnSync('python3', [join(dir, 'harness.py'), ...files], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), want);
});
