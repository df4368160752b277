/**
 * CPU time of processes from /proc (Linux), to show where a run's CPU went: the server's event loop,
 * the PostgreSQL backends, the load generator. Returns null where /proc is not readable.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let ticksPerSec: number | null = null;
function clkTck(): number {
  if (ticksPerSec === null) {
    try {
      ticksPerSec = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSec = 100;
    }
  }
  return ticksPerSec;
}

type Stat = { pid: number; ppid: number; cpuMs: number; reapedChildrenMs: number };

function readStat(pid: number): Stat | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(f[11]) + Number(f[12]);
    const reaped = Number(f[13]) + Number(f[14]);
    return {
      pid,
      ppid: Number(f[1]),
      cpuMs: (ticks * 1000) / clkTck(),
      reapedChildrenMs: (reaped * 1000) / clkTck(),
    };
  } catch {
    return null;
  }
}

export function processCpuMs(pid: number): number | null {
  return readStat(pid)?.cpuMs ?? null;
}

export function parentPid(pid: number): number | null {
  return readStat(pid)?.ppid ?? null;
}

/** CPU of a process and its children, live or exited (a PostgreSQL postmaster and its backends). */
export function treeCpuMs(rootPid: number): number | null {
  const root = readStat(rootPid);
  if (!root) return null;
  let total = root.cpuMs + root.reapedChildrenMs;
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const st = readStat(Number(name));
    if (st && st.ppid === rootPid) total += st.cpuMs;
  }
  return total;
}
