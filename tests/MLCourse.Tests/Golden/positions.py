#!/usr/bin/env python3
"""Reference values for MLCourse.Positions (sinusoidal encoding, RoPE, RoFormer's decay bound, clipped relative
positions and Shaw's relative-key logits), computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/positions.py > tests/MLCourse.Tests/Golden/positions.json
References: the sinusoidal module of the PyTorch tutorial / the notes (div_term = exp(arange(0, d, 2) * -ln(base)/d));
RoPE as in Meta's LLaMA reference code (adjacent pairs viewed as complex numbers, multiplied by torch.polar(1, m*theta));
the decay bound with complex cumulative sums; clipping with torch.clamp.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261125)
f64 = torch.float64


def sinusoidal(max_len, d, base=10000.0):
    pe = torch.zeros(max_len, d, dtype=f64)
    position = torch.arange(0, max_len, dtype=f64).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, d, 2, dtype=f64) * (-math.log(base) / d))
    pe[:, 0::2] = torch.sin(position * div_term)
    pe[:, 1::2] = torch.cos(position * div_term)
    return pe


def frequencies(d, base=10000.0):
    return 1.0 / (base ** (torch.arange(0, d, 2, dtype=f64)[: d // 2] / d))


def rope(x, positions, base=10000.0):
    d = x.shape[-1]
    angles = torch.outer(torch.tensor(positions, dtype=f64), frequencies(d, base))
    cis = torch.polar(torch.ones_like(angles), angles)
    xc = torch.view_as_complex(x.reshape(x.shape[0], -1, 2).contiguous())
    return torch.view_as_real(xc * cis).flatten(1)


def decay_bound(distance, d, base=10000.0):
    s = torch.cumsum(torch.polar(torch.ones(d // 2, dtype=f64), distance * frequencies(d, base)), 0)
    return s.abs().mean().item()


def clipped(queries, keys, lo, hi):
    return torch.clamp(torch.arange(keys)[None, :] - torch.arange(queries)[:, None], lo, hi)


sinusoidal_cases = []
for length, d, base in [(1, 2, 10000.0), (10, 4, 10000.0), (40, 16, 10000.0), (20, 8, 100.0), (6, 6, 2.5)]:
    sinusoidal_cases.append({"name": f"L={length}, d={d}, base={base:g}", "length": length, "dimension": d, "base": base,
                             "frequencies": plain(frequencies(d, base)), "encoding": plain(sinusoidal(length, d, base))})
far = sinusoidal(10001, 128)
positions = [0, 1, 511, 512, 600, 10000]
sinusoidal_cases.append({"name": "d=128, far positions", "length": 0, "dimension": 128, "base": 10000.0,
                         "positions": positions, "rows": plain(far[positions]), "frequencies": plain(frequencies(128))})

pe = sinusoidal(513, 128)
dots = pe[0] @ pe.T  # PE_0 . PE_k, k = 0..512
dot_products = {"name": "PE_0 . PE_k, d=128, k=0..512", "dimension": 128, "dots": plain(dots),
                "increases": int((dots[1:] > dots[:-1]).sum())}

rope_cases = []
for name, length, d, pos, base in [("5 tokens, d=8, positions 0..4", 5, 8, [0, 1, 2, 3, 4], 10000.0),
                                   ("3 tokens, d=64, far positions", 3, 64, [0, 7, 1000], 10000.0),
                                   ("4 tokens, d=2, base 500", 4, 2, [3, 0, 9, 2], 500.0),
                                   ("2 tokens, d=128", 2, 128, [511, 4096], 10000.0)]:
    x = torch.randn(length, d, dtype=f64)
    rope_cases.append({"name": name, "x": plain(x), "positions": pos, "base": base, "rotated": plain(rope(x, pos, base))})

bound_cases = []
for d, base in [(128, 10000.0), (16, 10000.0), (8, 100.0)]:
    distances = [0.0, 1.0, 2.5, 10.0, 37.0, 100.0, 250.0, 1000.0, -10.0]
    bound_cases.append({"name": f"d={d}, base={base:g}", "dimension": d, "base": base, "distances": distances,
                        "bounds": [decay_bound(r, d, base) for r in distances]})

clip_cases = []
for queries, keys, lo, hi in [(6, 6, -2, 2), (3, 8, -3, 3), (7, 4, -1, 1), (5, 5, -4, 0), (4, 6, -2, 5), (3, 3, 0, 0)]:
    clip_cases.append({"name": f"{queries}x{keys}, [{lo}, {hi}]", "queries": queries, "keys": keys, "min": lo, "max": hi,
                       "indices": plain(clipped(queries, keys, lo, hi))})

shaw_cases = []
for lq, lk, d, k in [(5, 5, 4, 2), (3, 7, 6, 1), (6, 4, 8, 3), (4, 4, 2, 0)]:
    q, kk = torch.randn(lq, d, dtype=f64), torch.randn(lk, d, dtype=f64)
    table = torch.randn(2 * k + 1, d, dtype=f64)
    a = table[clipped(lq, lk, -k, k) + k]                       # lq x lk x d
    scores = (q @ kk.T + torch.einsum("id,ijd->ij", q, a)) / math.sqrt(d)
    shaw_cases.append({"name": f"Lq={lq}, Lk={lk}, d={d}, K={k}", "q": plain(q), "k": plain(kk), "table": plain(table),
                       "maxDistance": k, "scores": plain(scores)})

cases = ([dict(c, kind="sinusoidal") for c in sinusoidal_cases] + [dict(dot_products, kind="dots")]
         + [dict(c, kind="rope") for c in rope_cases] + [dict(c, kind="bound") for c in bound_cases]
         + [dict(c, kind="clipped") for c in clip_cases] + [dict(c, kind="shaw") for c in shaw_cases])
print(dump("positions.py", {"torch": torch.__version__}, cases))
