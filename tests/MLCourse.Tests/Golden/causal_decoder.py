#!/usr/bin/env python3
"""Reference outputs for MLCourse.Inference.CausalDecoder (grouped-query attention), computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/causal_decoder.py > tests/MLCourse.Tests/Golden/causal_decoder.json

Each layer maps the L x d hidden states H to A = H + concat_i(softmax(Q_i K_g(i)^T / sqrt(d_head) + causal) V_g(i)) W_O
and then A + ReLU(A W_1) W_2, weights applied to row vectors (H @ W). The key and value heads are shared by groups of
query heads exactly as Hugging Face's LLaMA does it (repeat_kv): the KV tensor of shape (kv_heads, L, d_head) is expanded
with torch.repeat_interleave(group, dim=0), so query heads g*group ... g*group + group - 1 read KV head g. Each case holds
the weights of every layer, the input x and the output of the full causally masked pass.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261201)
F64 = torch.float64
cases = []


def forward(x, layers, heads, kv_heads):
    length, d = x.shape
    head_dim, group = d // heads, heads // kv_heads
    causal = torch.full((length, length), float("-inf"), dtype=F64).triu(1)
    h = x
    for w in layers:
        q = (h @ w["Wq"]).view(length, heads, head_dim).transpose(0, 1)            # (heads, L, d_head)
        k = (h @ w["Wk"]).view(length, kv_heads, head_dim).transpose(0, 1)         # (kv_heads, L, d_head)
        v = (h @ w["Wv"]).view(length, kv_heads, head_dim).transpose(0, 1)
        k, v = k.repeat_interleave(group, dim=0), v.repeat_interleave(group, dim=0)  # (heads, L, d_head)
        weights = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(head_dim) + causal, dim=-1)
        a = h + (weights @ v).transpose(0, 1).reshape(length, d) @ w["Wo"]
        h = a + torch.relu(a @ w["W1"]) @ w["W2"]
    return h


def case(name, layers, heads, kv_heads, head_dim, ffn, length):
    d, kv = heads * head_dim, kv_heads * head_dim

    def weight(rows, columns):
        return torch.randn(rows, columns, dtype=F64) / math.sqrt(rows)

    weights = [{"Wq": weight(d, d), "Wk": weight(d, kv), "Wv": weight(d, kv), "Wo": weight(d, d),
                "W1": weight(d, ffn), "W2": weight(ffn, d)} for _ in range(layers)]
    x = torch.randn(length, d, dtype=F64)
    cases.append({"name": name, "heads": heads, "kv_heads": kv_heads,
                  "layers": [{key: plain(value) for key, value in w.items()} for w in weights],
                  "x": plain(x), "output": plain(forward(x, weights, heads, kv_heads))})


case("multi-head, 1 layer, 2 heads", 1, 2, 2, 3, 5, 4)
case("grouped-query, 4 heads share 2 KV heads", 1, 4, 2, 2, 6, 5)
case("grouped-query, 6 heads share 2 KV heads, 2 layers", 2, 6, 2, 2, 7, 6)
case("grouped-query, 8 heads share 4 KV heads", 1, 8, 4, 2, 4, 3)
case("multi-query, 4 heads share 1 KV head, 2 layers", 2, 4, 1, 3, 5, 5)
case("one token", 1, 4, 2, 2, 3, 1)

print(dump("causal_decoder.py", {"torch": torch.__version__}, cases))
