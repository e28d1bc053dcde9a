#!/usr/bin/env python3
"""Reference values for MLCourse.Attention.MultiHeadAttention, computed with torch.nn.MultiheadAttention in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/multihead.py > tests/MLCourse.Tests/Golden/multihead.json
Each case holds the layer's parameters (random, biases included, so that every term is tested), a batch
(batch_first=True), PyTorch's boolean masks as PyTorch takes them (True = masked out; the C# test negates them), the
output (B, L_q, d), the per-head weights (B, h, L_q, L_k) (need_weights=True, average_attn_weights=False) and the
averaged weights (B, L_q, L_k) (average_attn_weights=True). NaN is written as null.
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261202)
cases = []


def case(name, d, h, b, lq, lk=None, bias=True, causal=False, lengths=None, self_attention=False, distinct_kv=True):
    lk = lq if lk is None else lk
    mha = torch.nn.MultiheadAttention(d, h, bias=bias, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.randn(3 * d, d, dtype=torch.float64) / d ** 0.5)
        mha.out_proj.weight.copy_(torch.randn(d, d, dtype=torch.float64) / d ** 0.5)
        if bias:
            mha.in_proj_bias.copy_(torch.randn(3 * d, dtype=torch.float64))
            mha.out_proj.bias.copy_(torch.randn(d, dtype=torch.float64))
    query = torch.randn(b, lq, d, dtype=torch.float64)
    if self_attention:
        key = value = query
    else:
        key = torch.randn(b, lk, d, dtype=torch.float64)
        value = torch.randn(b, lk, d, dtype=torch.float64) if distinct_kv else key
    attn_mask = torch.ones(lq, lk, dtype=torch.bool).triu(1) if causal else None
    key_padding_mask = None
    if lengths is not None:
        key_padding_mask = torch.arange(lk).expand(b, lk) >= torch.tensor(lengths).unsqueeze(1)
    mha.eval()
    with torch.no_grad():
        output, weights = mha(query, key, value, key_padding_mask=key_padding_mask, need_weights=True,
                              attn_mask=attn_mask, average_attn_weights=False)
        _, averaged = mha(query, key, value, key_padding_mask=key_padding_mask, need_weights=True,
                          attn_mask=attn_mask, average_attn_weights=True)
    cases.append({
        "name": name, "d": d, "heads": h, "bias": bias,
        "in_proj_weight": plain(mha.in_proj_weight), "in_proj_bias": plain(mha.in_proj_bias) if bias else None,
        "out_proj_weight": plain(mha.out_proj.weight), "out_proj_bias": plain(mha.out_proj.bias) if bias else None,
        "query": plain(query), "key": plain(key), "value": plain(value),
        "attn_mask": None if attn_mask is None else plain(attn_mask),
        "key_padding_mask": None if key_padding_mask is None else plain(key_padding_mask),
        "output": plain(output), "weights": plain(weights), "average_weights": plain(averaged),
    })


case("self-attention d=8 h=2, batch of 2", 8, 2, 2, 5, self_attention=True)
case("one head d=8 (h=1) without bias", 8, 1, 2, 4, bias=False, self_attention=True)
case("head width 1: d=6 h=6", 6, 6, 1, 4, self_attention=True)
case("cross-attention d=12 h=3, L_q=4 L_k=6", 12, 3, 2, 4, 6)
case("cross-attention, key = value, L_q=5 L_k=2", 8, 4, 3, 5, 2, distinct_kv=False)
case("cross-attention without bias d=16 h=4", 16, 4, 2, 3, 7, bias=False)
case("causal self-attention d=16 h=4, batch of 3", 16, 4, 3, 6, causal=True, self_attention=True)
case("causal self-attention without bias d=8 h=2", 8, 2, 2, 5, bias=False, causal=True, self_attention=True)
case("key padding, cross-attention d=8 h=4, lengths 6 4 2", 8, 4, 3, 3, 6, lengths=[6, 4, 2])
case("causal and key padding d=12 h=2, lengths 5 3", 12, 2, 2, 5, lengths=[5, 3], causal=True, self_attention=True)
case("a sequence with no valid key gives NaN", 8, 2, 2, 3, 4, lengths=[4, 0])
case("wider d=32 h=8, one sequence", 32, 8, 1, 7, 9)

print(dump("multihead.py", {"torch": torch.__version__}, cases))
