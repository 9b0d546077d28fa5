/**
 * Where a build's time goes, stage by stage: wall time, and CPU time of
 * every thread of this process and of the processes it started (Pagefind),
 * so that "cores busy" (CPU ÷ wall) shows which stage leaves a core idle.
 * `build --timings` prints it.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface StageTime {
  stage: string;
  seconds: number;
  /** User + system, of this process's threads and its children. */
  cpuSeconds: number;
}

/** CPU seconds of the processes this one started, running or ended (Linux; 0 elsewhere). */
function childrenCpuSeconds(): number {
  try {
    const ticksPerSecond = 100;
    let total = 0;
    // Ended and waited-for children: cutime and cstime of this process.
    const own = readFileSync('/proc/self/stat', 'utf8');
    const fields = own.slice(own.lastIndexOf(')') + 2).split(' ');
    total += (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
    // Running children, of any thread (worker threads start Pagefind): their own utime and stime.
    const children = readdirSync('/proc/self/task').flatMap((task) =>
      readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
    );
    for (const pid of children) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const child = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        total += (Number(child[11]) + Number(child[12])) / ticksPerSecond;
      } catch {
        // Ended while read.
      }
    }
    return total;
  } catch {
    return 0;
  }
}

const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6 + childrenCpuSeconds();
};

export class StageTimer {
  readonly times: StageTime[] = [];
  #wall = performance.now();
  #cpu = cpuNow();

  /** Ends the stage running since the last lap (or the start). */
  lap(stage: string): void {
    const wall = performance.now();
    const cpu = cpuNow();
    this.times.push({ stage, seconds: (wall - this.#wall) / 1000, cpuSeconds: cpu - this.#cpu });
    this.#wall = wall;
    this.#cpu = cpu;
  }
}
