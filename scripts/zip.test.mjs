// The ZIP writer: same files, same bytes, whatever their order; readable back with every CRC right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { crc32, unzip, zipFiles } from './zip.mjs';

const files = [
  { name: 'manifest.json', data: '{"manifest_version":3}\n' },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: 'panel.js', data: 'console.log("x");\n'.repeat(200) },
  { name: 'ünïcode/名前.txt', data: 'utf-8 names' },
];

test('the same files give the same bytes, in any order', () => {
  const a = zipFiles(files);
  const b = zipFiles([...files].reverse());
  assert.ok(a.equals(b));
});

test('entries come back whole, sorted, with fixed 1980-01-01 timestamps and 0644 modes', () => {
  const zip = zipFiles(files);
  const out = unzip(zip);
  assert.deepEqual([...out.keys()], ['icons/icon-16.png', 'manifest.json', 'panel.js', 'ünïcode/名前.txt']);
  for (const f of files) assert.ok(out.get(f.name).equals(Buffer.from(f.data)), f.name);
  // First local header: DOS time 0, DOS date 1980-01-01 (0x0021).
  assert.equal(zip.readUInt16LE(10), 0);
  assert.equal(zip.readUInt16LE(12), 0x21);
  const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  assert.equal(zip.readUInt32LE(central + 38) >>> 16, 0o100644);
});

test('compressible files are deflated, incompressible ones stored', () => {
  const zip = zipFiles(files);
  const methodOf = (name) => {
    const at = zip.indexOf(Buffer.from(name));
    return zip.readUInt16LE(at - 30 + 8);
  };
  assert.equal(methodOf('panel.js'), 8);
  assert.equal(methodOf('icons/icon-16.png'), 0);
  assert.ok(zip.length < 1500, `panel.js's repeats compress (${zip.length} bytes)`);
});

test('crc32 matches the standard check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  if (typeof zlib.crc32 === 'function')
    assert.equal(crc32(Buffer.from('pagescope')), zlib.crc32('pagescope'));
});

test('duplicate or escaping names are refused', () => {
  assert.throws(() => zipFiles([files[0], files[0]]), /duplicate/);
  for (const name of ['../x', '/abs', 'a\\b', ''])
    assert.throws(() => zipFiles([{ name, data: 'x' }]), /bad zip entry/, name);
});
