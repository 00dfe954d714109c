import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Debian's Chromium; Playwright's own browser downloads are not available here.
export const chromiumExecutable = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Several checkouts may test at once on one machine: each run serves its own build on a free port
// (never an existing server, which could be another checkout's). The port is chosen once, in the
// main process, and handed to the workers through the environment they inherit.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  '-e',
  "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
const port = Number(process.env.E2E_PORT);
const outDir = process.env.E2E_DIST ?? 'dist';

// Benchmarks (`*-bench.spec.ts`) print figures and assert no timing: they are not tests, so the
// default run (`npm run test:e2e`, CI) leaves them out; `npm run bench:e2e` (BENCH=1) runs only them.
const bench = process.env.BENCH === '1';

export default defineConfig({
  testDir: 'tests/e2e',
  ...(bench ? { testMatch: '**/*-bench.spec.ts' } : { testIgnore: '**/*-bench.spec.ts' }),
  timeout: 30_000,
  fullyParallel: true,
  workers: 2,
  // A test gets one retry, so that a failure shows whether it is flaky; one that passes only on its
  // retry still fails the run (failOnFlakyTests): a flaky test is a bug to find, not to live with.
  retries: 1,
  failOnFlakyTests: true,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: { executablePath: chromiumExecutable, args: chromiumArgs },
    locale: 'ar',
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
