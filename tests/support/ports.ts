import { createServer } from 'node:net';

const isFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });

/**
 * A loopback port nothing listens on, for a process a test is about to start. Taken at random from 10000–22767,
 * below the ports the system hands out itself (from 32768 on Linux, 49152 elsewhere): between this check and the
 * process binding it (seconds, while it starts), no other file's `listen(0)` or outgoing connection can be given it.
 * With `bus`, port + 10000 is free too (a Redis Cluster node's bus port), and stays below that range as well.
 */
export async function freePort(opts: { bus?: boolean } = {}): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 12_768);
    if ((await isFree(port)) && (!opts.bus || (await isFree(port + 10_000)))) return port;
  }
}
