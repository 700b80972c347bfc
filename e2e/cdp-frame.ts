/**
 * Waiting and evaluating over CDP: `poll` waits on a condition (never on time), `CdpFrame` is one
 * DevTools-owned target (the frontend or the panel iframe) reached through the harness's tunnel.
 */
/** Polls `fn` until it returns a truthy value: a wait on a condition, not on time. */
export async function poll<T>(
  fn: () => Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  let last: unknown;
  for (const end = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e; // a target mid-navigation may refuse one evaluation; try again
    }
    if (Date.now() > end)
      throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
  }
}

/** A DevTools-owned target (frontend or panel iframe). */
export class CdpFrame {
  constructor(
    private readonly sendToTarget: (method: string, params: object) => Promise<unknown>,
    readonly sessionId: string,
  ) {}
  /** Evaluates in the target and returns the (awaited, JSON-serialisable) value. */
  async eval<T = unknown>(expression: string): Promise<T> {
    const r = (await this.send('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    })) as {
      result: { value: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    if (r.exceptionDetails)
      throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
    return r.result.value;
  }
  /** Resolves with the expression's value once it is truthy. */
  waitFor<T = unknown>(expression: string, timeoutMs = 20_000): Promise<T> {
    return poll(() => this.eval<T>(expression), expression, timeoutMs);
  }
  send(method: string, params: object = {}): Promise<unknown> {
    return this.sendToTarget(method, params);
  }
}
