/** The customer-like record the benches generate (plain data; also bundled into browser bench pages). */
export function sampleRecord(i: number, id: number = i): Record<string, unknown> {
  return {
    id,
    uuid: `0800273d-7d7f-11e5-e1c0-${String(i).padStart(12, '0')}`,
    name: `Customer ${i}`,
    email: `c${i}@example.com`,
    balance: i * 1.5,
    active: i % 3 !== 0,
    tags: ['a', 'b'],
    address: { city: 'Springfield', zip: '12345' },
  };
}
