import type { Page } from '@playwright/test';

/**
 * For the benchmarks: a CPU profile of the page over the DevTools protocol, cut into the stretches
 * the main thread was busy without a break (a long task is one such stretch), each summarised by
 * the functions it spent its time in. Read the names from a build without minification
 * (`npx vite build --minify false --outDir dist-profile`, then E2E_DIST=dist-profile).
 */

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface BusyStretch {
  readonly ms: number;
  /** Time spent in each function itself (ms), most first. */
  readonly self: readonly (readonly [string, number])[];
  /** Time spent in each function and what it called (ms), most first. */
  readonly total: readonly (readonly [string, number])[];
}

const IDLE = new Set(['(idle)', '(root)']);
// A gap between two busy samples longer than this ends a stretch (the sampling interval is 0.25 ms).
const GAP_US = 2_000;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.split('/').pop() ?? '';
  return file ? `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}` : functionName;
}

const top = (map: Map<string, number>, n: number) =>
  [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([name, us]) => [name, Math.round(us / 100) / 10] as const);

/** Busy stretches of at least `minMs` in a profile, longest first. */
export function busyStretches(profile: Profile, minMs: number, functions = 8): BusyStretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const stretches: { start: number; end: number; samples: [number, number][] }[] = [];
  let time = profile.startTime;
  let current: (typeof stretches)[number] | undefined;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node || IDLE.has(node.callFrame.functionName)) continue;
    // Each sample stands for the time until the next one.
    const weight = Math.min(profile.timeDeltas[i + 1] ?? 0, GAP_US);
    if (!current || time - current.end > GAP_US) stretches.push((current = { start: time, end: time, samples: [] }));
    current.end = time + weight;
    current.samples.push([node.id, weight]);
  }

  return stretches
    .filter((s) => (s.end - s.start) / 1000 >= minMs)
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .map((s) => {
      const self = new Map<string, number>();
      const total = new Map<string, number>();
      for (const [id, weight] of s.samples) {
        const leaf = byId.get(id)!;
        self.set(frameName(leaf), (self.get(frameName(leaf)) ?? 0) + weight);
        const seen = new Set<string>();
        for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
          const name = frameName(byId.get(at)!);
          if (IDLE.has(name) || seen.has(name)) continue;
          seen.add(name);
          total.set(name, (total.get(name) ?? 0) + weight);
        }
      }
      return { ms: Math.round((s.end - s.start) / 1000), self: top(self, functions), total: top(total, functions * 2) };
    });
}

let dumps = 0;

/** Starts profiling the page; the returned function stops and gives the busy stretches of at least `minMs`. */
export async function startCpuProfile(page: Page): Promise<(minMs: number) => Promise<BusyStretch[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return async (minMs) => {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    await cdp.detach();
    if (process.env.PROFILE_DUMP) (await import('node:fs')).writeFileSync(`${process.env.PROFILE_DUMP}.${(dumps += 1)}`, JSON.stringify(profile));
    return busyStretches(profile, minMs);
  };
}

/** Prints the stretches as `[profile]` lines under a label. */
export function printStretches(label: string, stretches: readonly BusyStretch[], count = 4): void {
  for (const s of stretches.slice(0, count)) {
    console.log(`[profile] ${label}: busy ${s.ms} ms`);
    console.log(`  self:  ${s.self.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
    console.log(`  total: ${s.total.map(([n, ms]) => `${n} ${ms}`).join(' | ')}`);
  }
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Time the thread was running (CPU), where the trace has it. */
  readonly tdur?: number;
  readonly tid: number;
  readonly pid: number;
  readonly args?: { readonly name?: string };
}

export interface TracedTask {
  /** Wall-clock duration. */
  readonly ms: number;
  /** Of which the main thread ran (on a loaded machine a task waits for a core most of its time). */
  readonly cpuMs: number;
  /** With `detail`: the task cut into its kinds of work (wall-clock ms, nested work counted once). */
  readonly parts: readonly (readonly [string, number])[];
}

const round = (us: number) => Math.round(us / 100) / 10;
const SCRIPT = new Set(['FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'v8.run']);
const KINDS = new Set(['script', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'ParseHTML', 'MajorGC', 'MinorGC', 'IntersectionObserverController::computeIntersections', 'ResizeObserverController::DeliverObservations']);
const kind = (e: TraceEvent) => (SCRIPT.has(e.name) ? 'script' : e.name);

function parts(task: TraceEvent, onMain: readonly TraceEvent[]): [string, number][] {
  const end = task.ts + (task.dur ?? 0);
  const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && KINDS.has(kind(e))).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  // Nested work of another kind (a layout forced by a script) is taken off its parent.
  const own = new Map<TraceEvent, number>(inside.map((e) => [e, e.dur ?? 0]));
  const stack: TraceEvent[] = [];
  for (const e of inside) {
    while (stack.length > 0 && stack[stack.length - 1]!.ts + (stack[stack.length - 1]!.dur ?? 0) <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) own.set(parent, (own.get(parent) ?? 0) - (e.dur ?? 0));
    stack.push(e);
  }
  const byKind = new Map<string, number>();
  for (const [e, us] of own) byKind.set(kind(e), (byKind.get(kind(e)) ?? 0) + us);
  byKind.set('other', (task.dur ?? 0) - [...own.values()].reduce((a, b) => a + b, 0));
  return [...byKind].filter(([, us]) => us >= 500).sort((a, b) => b[1] - a[1]).map(([k, us]) => [k, round(us)]);
}

/**
 * Starts a trace of the page's renderer (the events DevTools' Performance panel records); the
 * returned function stops it and gives the main thread's tasks, longest first. Each has its wall-clock
 * time and its main-thread CPU time: on a shared, loaded machine the first measures the load as
 * much as the page, the second what the page asked of the processor. With `detail`, each task is
 * also cut into script, style, layout, paint, hit testing... (more tracing, more overhead).
 */
export async function startTrace(page: Page, { detail = false } = {}): Promise<() => Promise<TracedTask[]>> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const categories = detail ? 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8' : 'toplevel,disabled-by-default-devtools.timeline';
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach();
    // The page's renderer: the process whose main thread ran the most tasks.
    const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasksOf = (m: TraceEvent) => events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === m.pid && e.tid === m.tid);
    const main = mains.map((m) => ({ m, tasks: tasksOf(m) })).sort((a, b) => b.tasks.length - a.tasks.length)[0];
    if (!main) return [];
    const onMain = detail ? events.filter((e) => e.ph === 'X' && e.pid === main.m.pid && e.tid === main.m.tid) : [];
    return main.tasks
      .filter((t) => (t.dur ?? 0) >= 1_000)
      .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
      .map((t) => ({ ms: round(t.dur ?? 0), cpuMs: round(t.tdur ?? t.dur ?? 0), parts: detail ? parts(t, onMain) : [] }));
  };
}

/** One line: the longest task by wall clock and by CPU, and the tasks over 50 ms of CPU. */
export function describeTasks(tasks: readonly TracedTask[]): string {
  const byCpu = [...tasks].sort((a, b) => b.cpuMs - a.cpuMs);
  const wall = tasks[0];
  const cpu = byCpu[0];
  if (!wall || !cpu) return 'no tasks';
  const over = byCpu.filter((t) => t.cpuMs >= 50).length;
  return `longest task ${Math.round(wall.ms)} ms wall (${Math.round(wall.cpuMs)} ms CPU); most CPU in one task ${Math.round(cpu.cpuMs)} ms (${Math.round(cpu.ms)} ms wall); tasks over 50 ms CPU: ${over}; top CPU ${JSON.stringify(byCpu.slice(0, 8).map((t) => Math.round(t.cpuMs)))}`;
}
