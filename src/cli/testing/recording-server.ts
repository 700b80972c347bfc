/**
 * Test double: a server on 127.0.0.1 (port 0) that records every request it gets, raw headers and
 * body included, so a test can assert that no credential byte ever reached it. Two of them are two
 * origins.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

type Recorded = {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  raw: string;
};

export type RecordingServer = {
  origin: string;
  log: Recorded[];
  /** Requests whose raw text (request line, headers, body) holds any of `secrets`. */
  leaks(secrets: readonly string[]): Recorded[];
  close(): Promise<void>;
};

export type Handler = (req: Recorded, res: http.ServerResponse) => void;

/** Starts a recording server; `handler` answers each request after it was read in full. */
export async function recordingServer(handler: Handler): Promise<RecordingServer> {
  const log: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
        headers[req.rawHeaders[i].toLowerCase()] = req.rawHeaders[i + 1];
      const raw = `${req.method} ${req.url}\n${req.rawHeaders.join('\n')}\n\n${body}`;
      const rec = { method: req.method ?? '', url: req.url ?? '/', headers, raw, body };
      log.push(rec);
      handler(rec, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    log,
    leaks: (secrets) => log.filter((r) => secrets.some((s) => r.raw.includes(s))),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** Answers JSON. */
export function json(res: http.ServerResponse, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(value));
}
