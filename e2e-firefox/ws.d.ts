// The part of the `ws` package bidi.ts uses (the package ships no types of its own).
declare module 'ws' {
  export default class WebSocket {
    constructor(url: string);
    on(event: 'message', cb: (data: Buffer | string) => void): this;
    on(event: 'close', cb: () => void): this;
    once(event: 'open', cb: () => void): this;
    once(event: 'error', cb: (e: Error) => void): this;
    send(data: string): void;
    close(): void;
  }
}
