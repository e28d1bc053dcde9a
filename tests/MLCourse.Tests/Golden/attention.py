#!/usr/bin/env python3
"""Reference values for MLCourse.Attention.ScaledDotProductAttention, computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/attention.py > tests/MLCourse.Tests/Golden/attention.json
Reference: softmax(q @ k.T / sqrt(d), dim=-1) with hidden keys set to -inf, then @ v; NaN is written as null.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261125)


def attention(q, k, v, keep):
    scores = q @ k.T / math.sqrt(q.shape[-1])
    if keep is not None:
        scores = scores.masked_fill(~keep, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights


cases = []


def case(name, lq, lk, d, dv, keep=None, scale=1.0):
    q = torch.randn(lq, d, dtype=torch.float64) * scale
    k = torch.randn(lk, d, dtype=torch.float64) * scale
    v = torch.randn(lk, dv, dtype=torch.float64)
    out, w = attention(q, k, v, keep)
    cases.append({
        "name": name,
        "q": plain(q), "k": plain(k), "v": plain(v),
        "keep": None if keep is None else plain(keep),
        "output": plain(out), "weights": plain(w),
    })


case("one query one key", 1, 1, 1, 1)
case("square self-attention shape", 4, 4, 8, 8)
case("cross-attention, more keys than queries", 3, 7, 5, 2)
case("cross-attention, more queries than keys", 6, 2, 16, 3)
case("wide head d=64", 5, 5, 64, 64)
case("large logits (near one-hot weights)", 4, 6, 32, 4, scale=4.0)
case("causal mask", 5, 5, 8, 4, keep=torch.ones(5, 5, dtype=torch.bool).tril())
padding = torch.zeros(3, 6, dtype=torch.bool)
padding[:, :4] = True
case("key padding mask (4 real keys of 6)", 3, 6, 4, 3, keep=padding)
random_mask = torch.rand(4, 5) > 0.4
random_mask[:, 0] = True
case("random mask", 4, 5, 6, 2, keep=random_mask)
fully = torch.ones(3, 4, dtype=torch.bool)
fully[1, :] = False
case("one fully masked row gives NaN", 3, 4, 4, 2, keep=fully)

print(dump("attention.py", {"torch": torch.__version__}, cases))
