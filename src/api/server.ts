/** Starts the API and stops it cleanly on SIGTERM/SIGINT. The app itself is built by buildApp. */
import { buildApp, type AppOptions } from './app.ts';

export interface ServerOptions extends AppOptions {
  port: number;
  host: string;
}

export async function startServer(options: ServerOptions) {
  const app = await buildApp(options);
  const address = await app.listen({ port: options.port, host: options.host });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  return { app, address };
}
