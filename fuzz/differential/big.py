#!/usr/bin/env python3
"""One multi-megabyte text per config (mixed generator, ~2M chars, few newlines), all paths A-D."""
import random, fuzz
w = fuzz.Worker('ABCD')
r = random.Random(99)
for cfg in fuzz.ALL_CONFIGS:
    t = fuzz.gen_mixed(r, fuzz.cdata(cfg), 2_000_000).replace('\x00', '').replace('\n', '')
    ref, outs, bad = fuzz.differs(w, cfg, t)
    print(cfg, len(t), 'DIFF' if bad else 'same', flush=True)
w.close()
