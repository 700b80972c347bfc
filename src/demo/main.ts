/**
 * `npm run demo`: the demo API on PORT (default 8787, or a free port when that one is taken).
 * Only wiring here; the server lives in server.ts.
 */
import { startDemoServer } from './server.ts';

const wanted = Number(process.env.PORT ?? 8787);
const latencyMs = Number(process.env.DEMO_LATENCY_MS ?? 0) || 0;

async function start() {
  try {
    return await startDemoServer({ port: Number.isInteger(wanted) ? wanted : 8787, latencyMs });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
    console.error(`Port ${wanted} is taken; using a free port instead.`);
    return startDemoServer({ port: 0, latencyMs });
  }
}

const server = await start();
console.log(`Pagescope demo API: ${server.origin}/  (catalog: ${server.origin}/api/styles.json)`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
