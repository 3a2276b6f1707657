// CPU time of this process's descendants (Chromium's browser, renderer, GPU and utility processes) from
// /proc, in milliseconds of user + system time: a figure of the work a step costs that, unlike its wall
// time, does not grow when other programs crowd the machine. Linux only; 0 elsewhere.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Stat {
  ppid: number;
  ticks: number;
}

function statOf(pid: number): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: split after its closing one.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // After the name: state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
    const at = (n: number) => Number(fields[n - 3]);
    return { ppid: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    // The process ended between listing and reading.
    return undefined;
  }
}

/**
 * Milliseconds of CPU used so far by every living descendant of `root` (default: this process).
 *
 * @example const before = descendantsCpuMs(); await step(); const cpu = descendantsCpuMs() - before;
 */
export function descendantsCpuMs(root = process.pid): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const stats = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = statOf(Number(name));
    if (stat !== undefined) stats.set(Number(name), stat);
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = stats.get(pid)?.ppid; p !== undefined && p > 1; p = stats.get(p)?.ppid) {
      if (p === root) return true;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, stat] of stats) if (isDescendant(pid)) ticks += stat.ticks;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
