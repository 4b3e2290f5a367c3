#!/usr/bin/env python3
"""Targeted edge checks of jingwen vs OpenCC 1.4.2 (run after/besides fuzz.py).

1. NUL in every config (OpenCC drops text after a NUL inside a segment; jingwen
   documents keeping it) — which configs differ.
2. Lone surrogates: jingwen must not throw or lose text: output == jingwen and
   OpenCC on the text with each lone surrogate replaced by U+FFFD (paths A-F).
3. includeTofuRisk: false vs OpenCC(include_tofu_risk_dictionaries=False).
4. Partially built states: one config's tries built (shared dictionaries), then
   fuzz configs sharing some of them with small texts.
5. Texts around the build thresholds (16 KiB one text, 32 KiB cumulative) and a
   fresh Converter per text (path E), lite Converter (F).
Usage: scripts/fuzz-differential (or .venv/bin/python) edge.py [--chars N]
"""
import argparse, json, os, random, re, sys, time
import opencc
import fuzz
from fuzz import ALL_CONFIGS, generate, occ, hexcp, GENS

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


class W(fuzz.Worker):
    def start(self):
        self.close()
        import subprocess
        self.proc = subprocess.Popen(['node', os.path.join(HERE, 'worker.mjs')], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding='utf-8', bufsize=1 << 20)
        self.used = 0

    def ask(self, cfg, text, paths, tofu=True):
        if self.proc is None:
            self.start()
        self.proc.stdin.write(json.dumps({'c': cfg, 't': text, 'p': paths, 'tofu': tofu}) + '\n')
        self.proc.stdin.flush()
        return json.loads(self.proc.stdout.readline())['o']


findings = []


def report(kind, cfg, text, ref, outs, **kw):
    rec = {'kind': kind, 'config': cfg, 'input': text[:200], 'hex': hexcp(text[:60]), 'opencc': ref[:200],
           'jingwen': [o[:200] for o in outs], **kw}
    findings.append(rec)
    print(kind, json.dumps(rec), flush=True)


def minimize_with(pred, text, max_evals=2000):
    chars, evals, n = list(text), 0, 2
    while len(chars) >= 2 and evals < max_evals:
        size = max(1, len(chars) // n)
        for i in range(0, len(chars), size):
            cand = chars[:i] + chars[i + size:]
            evals += 1
            if cand and pred(''.join(cand)):
                chars, n = cand, max(n - 1, 2)
                break
        else:
            if size == 1:
                break
            n = min(len(chars), n * 2)
    return ''.join(chars)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--chars', type=int, default=30_000)
    a = ap.parse_args()
    r = random.Random(7)
    counts = {c: 0 for c in ALL_CONFIGS}

    # 1. NUL
    w = W('ABCD')
    nul_cfgs = []
    for cfg in ALL_CONFIGS:
        texts = ['\x00', 'a\x00b', '头发\x00头发', '\x00' + '發展頭髮', '发展\x00', '乾隆\x00年間', '后\x00来', '\x00\x00x']
        bad = []
        for t in texts:
            ref, outs = occ(cfg).convert(t), w.ask(cfg, t, 'ABCD')
            counts[cfg] += len(t)
            if any(o != ref for o in outs):
                bad.append((t, ref, outs))
            # jingwen must keep NUL: equal to converting the NUL-separated parts apart
            parts = t.split('\x00')
            joined = '\x00'.join(occ(cfg).convert(p) for p in parts)
            if outs[0] != joined:
                report('NUL-not-part-wise', cfg, t, joined, outs)
        if bad:
            nul_cfgs.append(cfg)
            t, ref, outs = bad[0]
            report('NUL', cfg, t, ref, outs, n_differing=len(bad))
    print('NUL differs in', nul_cfgs, flush=True)

    # 2. lone surrogates
    sur = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800', '\ud83d', '\ude00']
    for cfg in ALL_CONFIGS:
        for _ in range(60):
            base = generate(r.choice(['dict', 'mixed', 'ids']), r, cfg, r.randint(1, 80), True).replace('\x00', '')
            cs = list(base)
            for _ in range(r.randint(1, 4)):
                cs.insert(r.randint(0, len(cs)), r.choice(sur))
            t = ''.join(cs)
            fixed = t.encode('utf-16-le', 'surrogatepass').decode('utf-16-le', 'replace')  # JS semantics: pairs join, lone -> U+FFFD
            ref = occ(cfg).convert(fixed)
            outs = w.ask(cfg, t, 'ABCDEF')
            counts[cfg] += len(t)
            if any(o != ref for o in outs):
                report('surrogate', cfg, t, ref, outs)
                break
    print('surrogates done', flush=True)

    # 3. tofu off (paths B E F only: the global convert() always includes them)
    for cfg in ALL_CONFIGS:
        cc = opencc.OpenCC(cfg, include_tofu_risk_dictionaries=False)
        done = 0
        while done < a.chars:
            t = generate(r.choice(GENS[:5]), r, cfg, r.randint(1, 2000), True).replace('\x00', '')
            ref, outs = cc.convert(t), w.ask(cfg, t, 'BEF', tofu=False)
            done += len(t)
            counts[cfg] += len(t)
            if any(o != ref for o in outs):
                m = minimize_with(lambda s: any(o != cc.convert(s) for o in w.ask(cfg, s, 'BEF', tofu=False)), t)
                report('tofu-off', cfg, m, cc.convert(m), w.ask(cfg, m, 'BEF', tofu=False))
                break
    w.close()
    print('tofu-off done', flush=True)

    # 4. partially built: warm one config, fuzz others with small texts (< 30 KB each)
    pairs = [('s2t', ['s2tw', 's2twp', 's2hk', 's2hkp']), ('t2s', ['tw2s', 'tw2sp', 'hk2s', 'hk2sp']),
             ('t2tw', ['s2tw', 'tw2t']), ('tw2t', ['tw2s', 's2tw']), ('t2hk', ['s2hk', 'hk2s']),
             ('hk2t', ['hk2s', 'hk2sp']), ('s2twp', ['s2tw', 'tw2sp']), ('tw2sp', ['t2s', 'tw2s']),
             ('t2jp', ['jp2t']), ('jp2t', ['t2jp'])]
    for warm, tests in pairs:
        for cfg in tests:
            for rep in range(3):
                w = W('ABCF')
                w.ask(warm, '我们的头发在发展中，后来干了很多面条。乾隆年間發展頭髮。' * 800, 'A')
                used = 0
                while used < 25_000:
                    t = generate(r.choice(GENS[:5]), r, cfg, r.choice([5, 30, 200, 800]), False).replace('\x00', '')[:3000]
                    used += len(t.encode()) * 2
                    ref, outs = occ(cfg).convert(t), w.ask(cfg, t, 'AB')
                    counts[cfg] += len(t)
                    if any(o != ref for o in outs):
                        report('partial', cfg, t, ref, outs, warm=warm)
                        break
                w.close()
    print('partial done', flush=True)

    # 5. thresholds: texts of 16 KiB +-, cumulative 32 KiB crossing, fresh converters
    for cfg in ALL_CONFIGS:
        w = W('ABCDEF')
        cd = fuzz.cdata(cfg)
        for target in (16 * 1024 - 3, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 2, 10_000, 10_000, 10_000, 10_000):
            t = fuzz.gen_dict(r, cd, target).replace('\x00', '')
            b = t.encode()[:target].decode('utf-8', 'ignore')
            ref, outs = occ(cfg).convert(b), w.ask(cfg, b, 'ABCDEF')
            counts[cfg] += len(b)
            if any(o != ref for o in outs):
                report('threshold', cfg, b, ref, outs, nbytes=len(b.encode()))
        w.close()
    print('thresholds done', flush=True)
    print('chars compared per config (edge):', counts)
    json.dump(findings, open(os.path.join(HERE, "results", "edge_findings.json"), "w"), indent=1)
    print('findings:', len(findings))


if __name__ == '__main__':
    main()
