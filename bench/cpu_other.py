#!/usr/bin/env python3
"""How much CPU *other* processes used while one benchmark ran (not a benchmark itself).

  cpu_other.py PID NAME   (run in the background by scripts/bench; exits when PID exits)

Every 0.5 s it reads /proc/*/stat; a process belongs to the benchmark if PID is
among its ancestors (Chromium's renderers, Python and native children included).
At the end it prints JSON {name, seconds, other_cpu_pct}: the CPU time that every
other process gained, as a share of the machine's capacity (all cores) over the
run. Processes that live less than 0.5 s are missed, so it is a lower bound.
"""
import json
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")
NCPU = os.cpu_count() or 1
ME = os.getpid()


def snapshot():
    out = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
        except OSError:
            continue
        rest = s[s.rfind(")") + 2:].split()
        # fields after the command: state ppid … utime(11) stime(12) … starttime(19)
        out[int(d)] = (int(rest[1]), int(rest[11]) + int(rest[12]), int(rest[19]))
    return out


def main() -> int:
    root, name = int(sys.argv[1]), sys.argv[2]
    t0 = time.time()
    first = snapshot()  # pid -> (ppid, cpu ticks, start time)
    base = {pid: v[1] for pid, v in first.items()}
    starts = {pid: v[2] for pid, v in first.items()}
    last = dict(base)
    mine = {root, ME}
    while os.path.exists(f"/proc/{root}"):
        time.sleep(0.5)
        snap = snapshot()
        for pid, (ppid, ticks, start) in snap.items():
            if pid in starts and starts[pid] != start:  # pid reused: a new process
                base[pid] = 0
                mine.discard(pid)
            starts[pid] = start
            base.setdefault(pid, 0)  # born during the run: all its CPU counts
            last[pid] = ticks
            if ppid in mine:
                mine.add(pid)
    elapsed = time.time() - t0
    other = sum(last[p] - base.get(p, 0) for p in last if p not in mine) / HZ
    print(json.dumps({"name": name, "seconds": round(elapsed, 1), "other_cpu_pct": round(100 * other / (elapsed * NCPU), 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
