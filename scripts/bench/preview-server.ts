/** A `vite preview` of a built folder for the scripts that drive Chromium; resolves once it answers. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../tests/server/services';

// One way to find a free loopback port, shared with the server tests and bench-sync.
export { freePort };

const answers = (port: number) => fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);

/**
 * Serves `dist` on `port`. Refuses a port something already answers on: another checkout's server
 * there would be measured instead of this build (the machine is shared). The returned stop resolves
 * once the server has exited, so the port can be used again.
 */
export async function startPreview(root: string, dist: string, port: number): Promise<() => Promise<void>> {
  if (await answers(port)) throw new Error(`port ${port} is already served by another process (another bench?): set BENCH_PORT to a free port`);
  // The vite binary itself (not npx), so that killing it stops the server.
  const server = spawn(resolve(root, 'node_modules/.bin/vite'), ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  const exited = new Promise<void>((done) => server.once('exit', () => done()));
  let gone = false;
  void exited.then(() => (gone = true));
  const stop = () => {
    if (!gone) server.kill();
    return exited;
  };
  for (let i = 0; i < 150 && !gone; i++) {
    if (await answers(port)) return stop;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview of ${dist} did not start on port ${port}`);
}
