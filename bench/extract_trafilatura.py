#!/usr/bin/env python3
"""Runs trafilatura on documents for bench/quality.mjs (not a benchmark by itself).

  extract_trafilatura.py IN_DIR OUT_DIR

For every IN_DIR/<id>.html it writes OUT_DIR/<id>.txt: trafilatura's title (its
metadata), then its main text, one paragraph per line -- the same shape as a gold
file. trafilatura decodes the bytes itself (it is given bytes, as a scraper would).
Default settings (its recommended balance of precision and recall), plus
include_tables=True so tables of figures in an article are kept as lines.
"""
import sys
from pathlib import Path

import trafilatura


def main() -> int:
    src, dst = Path(sys.argv[1]), Path(sys.argv[2])
    dst.mkdir(parents=True, exist_ok=True)
    for f in sorted(src.glob("*.html")):
        doc = trafilatura.bare_extraction(f.read_bytes(), include_tables=True, with_metadata=True)
        lines = []
        if doc is not None:
            title = getattr(doc, "title", None)
            text = getattr(doc, "text", None)
            if isinstance(doc, dict):  # trafilatura < 2 returns a dict
                title, text = doc.get("title"), doc.get("text")
            if title:
                lines.append(title.strip())
            lines += [l.strip() for l in (text or "").splitlines() if l.strip()]
        (dst / f"{f.stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
