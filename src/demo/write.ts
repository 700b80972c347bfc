/** Writing demo responses and faults to the socket (kept apart so server.ts reads as routing only). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultMode, FaultSpec } from './faults.ts';
import type { DemoResponse } from './http.ts';

/** Lets the demo page, other origins and the panel-as-page read the pagination headers (Vanilla v2 supports CORS too). */
const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Prefer, Range, Range-Unit, Authorization',
  'Access-Control-Expose-Headers':
    'Link, Paging-First, Paging-Last, Paging-Prev, Paging-Next, X-Total, X-Total-Pages, X-Page, X-Per-Page, X-Next-Page, X-Prev-Page, X-WP-Total, X-WP-TotalPages, X-Total-Count, Content-Range, Range-Unit, Retry-After',
};

function serialise(r: DemoResponse): string {
  if (r.body === undefined) return '';
  return typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
}

export function writeResponse(res: ServerResponse, r: DemoResponse, headOnly = false): void {
  const text = serialise(r);
  const headers: Record<string, string | number> = { ...CORS, 'Cache-Control': 'no-store', ...r.headers };
  if (r.body !== undefined) {
    headers['Content-Type'] = r.contentType ?? 'application/json; charset=utf-8';
    headers['Content-Length'] = Buffer.byteLength(text);
  }
  if (r.contentType?.startsWith('text/html')) {
    // The demo page loads only its own script: it must work under a strict CSP, like the pages users inspect.
    headers['Content-Security-Policy'] =
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:";
  }
  res.writeHead(r.status, headers);
  res.end(headOnly ? undefined : text);
}

/** Sends one injected failure. `timeout` never answers: the client's own timeout (or close()) ends it. */
export function writeFault(
  req: IncomingMessage,
  res: ServerResponse,
  mode: FaultMode,
  spec: FaultSpec,
  real: () => DemoResponse,
): void {
  if (mode === 'reset') {
    req.socket.destroy();
    return;
  }
  if (mode === 'timeout') return;
  if (mode === 'truncate') {
    const r = real();
    const text = serialise(r);
    const full = Buffer.from(text, 'utf8');
    res.writeHead(r.status, {
      ...CORS,
      ...r.headers,
      'Content-Type': r.contentType ?? 'application/json; charset=utf-8',
      'Content-Length': full.length,
    });
    // Half the promised bytes, then the connection drops: the client sees a premature close.
    res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.destroy());
    return;
  }
  const headers: Record<string, string> = {};
  if (mode === 429 || mode === 503) headers['Retry-After'] = String(spec.retryAfter);
  const body =
    mode === 429
      ? { error: 'rate_limited', message: `Too many requests; retry after ${spec.retryAfter} s` }
      : { error: 'injected_fault', status: mode, message: `Injected ${mode} from the fault prefix` };
  writeResponse(res, { status: mode, headers, body });
}
