#!/usr/bin/env python3
"""The official OpenCC 1.4.2 (PyPI `opencc`, native C++) as a benchmark peer.

  opencc_official.py prepare FILE...
      For each simplified input FILE (bench/.work/inputs/zh-<label>.txt) writes the
      official outputs next to it: <stem>.s2t.official.txt, <stem>.s2twp.official.txt,
      and <stem>.t2s.official.txt, where the t2s input is the official s2t output
      (<stem>.s2t.official.txt). These are the references for the agreement columns.
  opencc_official.py time CONFIG FILE REPS
      Creates the converter (init_ms), then times only `convert` REPS times; prints
      JSON {"init_ms":…, "times_ms":[…]}. Used by bench/convert.mjs once per round.
Run with the project's .venv (scripts/setup --test installs opencc==1.4.2 there).
"""
import json
import os
import sys
import time

import opencc


def out_path(path: str, config: str) -> str:
    stem = path[: -len(".txt")] if path.endswith(".txt") else path
    return f"{stem}.{config}.official.txt"


def prepare(files):
    for path in files:
        targets = {c: out_path(path, c) for c in ("s2t", "s2twp", "t2s")}
        if all(os.path.exists(p) and os.path.getmtime(p) >= os.path.getmtime(path) for p in targets.values()):
            continue
        text = open(path, encoding="utf-8").read()
        s2t = opencc.OpenCC("s2t").convert(text)
        outputs = {"s2t": s2t, "s2twp": opencc.OpenCC("s2twp").convert(text), "t2s": opencc.OpenCC("t2s").convert(s2t)}
        for config, out in outputs.items():
            with open(targets[config], "w", encoding="utf-8") as f:
                f.write(out)


def timing(config: str, path: str, reps: int):
    text = open(path, encoding="utf-8").read()
    t = time.perf_counter()
    conv = opencc.OpenCC(config)
    conv.convert("预热")  # OpenCC loads its dictionaries lazily on first use
    init = (time.perf_counter() - t) * 1e3
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        conv.convert(text)
        times.append((time.perf_counter() - t) * 1e3)
    print(json.dumps({"init_ms": init, "times_ms": times}))


def main() -> int:
    if opencc.__version__ != "1.4.2":
        print(f"need opencc 1.4.2, found {opencc.__version__}", file=sys.stderr)
        return 1
    if sys.argv[1] == "prepare":
        prepare(sys.argv[2:])
    elif sys.argv[1] == "time":
        timing(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
