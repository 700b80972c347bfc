/**
 * A minimal WebDriver BiDi client: JSON commands `{id, method, params}` over one WebSocket, each
 * answered by a message with the same id. Events are ignored (the suite polls instead). Stock
 * Firefox speaks BiDi natively, so no driver binary and no patched browser are needed.
 */
import WebSocket from 'ws';

type Pending = { resolve(v: unknown): void; reject(e: Error): void; method: string };

/** A BiDi remote value, as script.evaluate returns it. */
type RemoteValue = { type: string; value?: unknown };
type EvaluateResult =
  { type: 'success'; result: RemoteValue } | { type: 'exception'; exceptionDetails: { text: string } };

export class BidiSession {
  private nextId = 0;
  /** How long one command may take before it fails. */
  timeoutMs = 60_000;
  private readonly pending = new Map<number, Pending>();

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data) => this.onMessage(String(data)));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`BiDi connection closed during ${p.method}`));
      this.pending.clear();
    });
  }

  /** Connects to `ws://host:port/session` and starts the session. */
  static async connect(url: string): Promise<BidiSession> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const s = new BidiSession(ws);
    await s.send('session.new', { capabilities: {} });
    return s;
  }

  private onMessage(text: string) {
    const msg = JSON.parse(text) as {
      id?: number;
      type: string;
      result?: unknown;
      error?: string;
      message?: string;
    };
    if (msg.id === undefined) return; // an event
    const p = this.pending.get(msg.id);
    if (!p) return;
    this.pending.delete(msg.id);
    if (msg.type === 'error') p.reject(new Error(`${p.method}: ${msg.error}: ${msg.message}`));
    else p.resolve(msg.result);
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      // No command of this suite takes long; one that never answers must fail the test, not hang it.
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`BiDi ${method} got no answer in ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      const done =
        <A extends unknown[]>(f: (...a: A) => void) =>
        (...a: A) => {
          clearTimeout(timer);
          f(...a);
        };
      this.pending.set(id, { resolve: done(resolve as (v: unknown) => void), reject: done(reject), method });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  /**
   * Evaluates `body` (the inside of an async function) in `context` and returns its value through
   * JSON, so objects come back whole. A thrown error rejects with its message.
   */
  async evaluate<T>(context: string, body: string): Promise<T> {
    const expression = `(async () => JSON.stringify(await (async () => { ${body} })() ?? null))()`;
    const r = await this.send<EvaluateResult>('script.evaluate', {
      expression,
      target: { context },
      awaitPromise: true,
    });
    if (r.type === 'exception') throw new Error(r.exceptionDetails.text);
    return JSON.parse(String(r.result.value)) as T;
  }

  async close(): Promise<void> {
    await this.send('session.end').catch(() => {});
    this.ws.close();
  }
}
