/** A `vite preview` of a built folder for the scripts that drive Chromium; resolves once it answers. */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export async function startPreview(root: string, dist: string, port: number): Promise<() => void> {
  // The vite binary itself (not npx), so that killing it stops the server.
  const server = spawn(resolve(root, 'node_modules/.bin/vite'), ['preview', '--outDir', dist, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 150; i++) {
    if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) return () => server.kill();
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`vite preview of ${dist} did not start on port ${port}`);
}
