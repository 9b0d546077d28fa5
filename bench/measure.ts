/**
 * A command's cost as the machine sees it: wall time, CPU time (user +
 * system, of it and every process it started: /usr/bin/time's count, or the
 * processes' own, sampled, when some were never waited for) and
 * peak memory summed over every process of its tree at once (its RSS and
 * its children's, sampled from /proc every 50 ms), so that a build that
 * starts Pagefind, or a shell that runs Hugo then Pagefind, is measured whole.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Measured {
  seconds: number;
  /** User + system, summed over the processes. */
  cpuSeconds: number;
  /** The largest sum of the tree's resident memory seen at one time. */
  peakMb: number;
}

/** Parent of every process now running, by pid. */
function parents(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (name) state ppid ...`: the name may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // Gone while read.
    }
  }
  return children;
}

/**
 * Resident memory of a process tree, in kB; and the CPU time each of its processes has used so far, noted in
 * `cpuTicks` (a process the build stops without waiting for it is missing from /usr/bin/time's count).
 */
function sampleTree(root: number, cpuTicks: Map<number, number>): number {
  const children = parents();
  let total = 0;
  for (const stack = [root]; stack.length > 0; ) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks.set(pid, Math.max(cpuTicks.get(pid) ?? 0, Number(fields[11]) + Number(fields[12])));
    } catch {
      // Gone while read.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measure(command: string, args: readonly string[], cwd: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', 'BENCH %e %U %S', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > 1 << 20) stderr = stderr.slice(-(1 << 16));
    });
    let peakKb = 0;
    const cpuTicks = new Map<number, number>();
    const sampler = setInterval(() => {
      if (child.pid !== undefined) peakKb = Math.max(peakKb, sampleTree(child.pid, cpuTicks));
    }, 50);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      const measured = /BENCH ([\d.]+) ([\d.]+) ([\d.]+)/.exec(stderr);
      if (code !== 0 || !measured) {
        reject(new Error(`${path.basename(command)} ${args.join(' ')} failed: ${stderr.split('\n').filter(Boolean).slice(-3).join(' ').slice(0, 300)}`));
        return;
      }
      // The larger of the two counts: /usr/bin/time misses processes never waited for, sampling misses the last 50 ms.
      const sampled = [...cpuTicks.values()].reduce((sum, ticks) => sum + ticks, 0) / 100;
      resolve({ seconds: Number(measured[1]), cpuSeconds: Math.max(Number(measured[2]) + Number(measured[3]), sampled), peakMb: peakKb / 1024 });
    });
  });
}
