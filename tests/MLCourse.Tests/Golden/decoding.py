#!/usr/bin/env python3
"""Reference values for MLCourse.Decoding.LogitsWarpers and Sampling.Warp/Distribution, computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/decoding.py > tests/MLCourse.Tests/Golden/decoding.json

transformers is not installed here, so the three warpers below re-implement, line for line, the definitions of
transformers' TemperatureLogitsWarper, TopKLogitsWarper and TopPLogitsWarper (min_tokens_to_keep=1,
filter_value=-inf), and `warp` applies them in the order generate() does: temperature, top-k, top-p.
One deviation, made explicit: TopPLogitsWarper calls torch.sort(scores, descending=False), whose order among equal
logits PyTorch does not promise; here the sort is stable=True, and every case asserts that the default sort gives the
same result, so the reference is what transformers computes on this PyTorch.
A removed token's warped logit (-inf) is written as null, with "kept" listing which tokens survive.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261126)
NEG_INF = -float("inf")


def temperature_warper(scores, temperature):
    # TemperatureLogitsWarper.__call__
    return scores / temperature


def top_k_warper(scores, top_k, min_tokens_to_keep=1):
    # TopKLogitsWarper.__init__ keeps max(top_k, min_tokens_to_keep); __call__:
    top_k = min(max(top_k, min_tokens_to_keep), scores.size(-1))  # safety check
    indices_to_remove = scores < torch.topk(scores, top_k)[0][..., -1, None]
    return scores.masked_fill(indices_to_remove, NEG_INF)


def top_p_warper(scores, top_p, min_tokens_to_keep=1):
    result = _top_p(scores, top_p, min_tokens_to_keep, stable=True)
    assert torch.equal(result, _top_p(scores, top_p, min_tokens_to_keep, stable=False)), \
        "the default (unstable) sort changes the result of this case"
    return result


def _top_p(scores, top_p, min_tokens_to_keep, stable):
    # TopPLogitsWarper.__call__ (with the sort's stability made explicit; see the module docstring)
    sorted_logits, sorted_indices = torch.sort(scores, descending=False, stable=stable)
    cumulative_probs = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    # Remove tokens with cumulative top_p above the threshold (token with 0 are kept)
    sorted_indices_to_remove = cumulative_probs <= (1 - top_p)
    # Keep at least min_tokens_to_keep
    sorted_indices_to_remove[..., -min_tokens_to_keep:] = 0
    indices_to_remove = sorted_indices_to_remove.scatter(1, sorted_indices, sorted_indices_to_remove)
    return scores.masked_fill(indices_to_remove, NEG_INF)


def warp(scores, temperature=1.0, top_k=None, top_p=None):
    # generate(): TemperatureLogitsWarper only when temperature != 1.0, then TopK, then TopP.
    if temperature != 1.0:
        scores = temperature_warper(scores, temperature)
    if top_k is not None:
        scores = top_k_warper(scores, top_k)
    if top_p is not None:
        scores = top_p_warper(scores, top_p)
    return scores


def with_nulls(row):
    return [None if math.isinf(x) and x < 0 else x for x in row.tolist()]


cases = []


def case(name, logits, temperature=1.0, top_k=None, top_p=None):
    scores = torch.as_tensor(logits, dtype=torch.float64).reshape(1, -1)
    warped = warp(scores, temperature, top_k, top_p)[0]
    cases.append({
        "name": name,
        "logits": with_nulls(scores[0]),
        "temperature": temperature, "top_k": top_k, "top_p": top_p,
        "kept": plain(~torch.isneginf(warped)),
        "warped": with_nulls(warped),
        "probabilities": plain(torch.softmax(warped, dim=-1)),
    })


ten = torch.randn(10, dtype=torch.float64) * 2
for k in (1, 3, 7, 10, 15):
    case(f"top-k k={k}, V=10", ten, top_k=k)
for p in (0.05, 0.6, 0.75, 0.9, 0.99, 1.0):
    case(f"top-p p={p}, V=10", ten, top_p=p)
for t in (0.1, 0.5, 1.0, 2.0, 50.0):
    case(f"temperature T={t}, V=10", ten, temperature=t)

case("top-k ties at the cut-off keep all tied tokens", [2.0, 1.0, 1.0, 1.0, 0.0], top_k=2)
case("top-k ties above the cut-off", [1.0, 1.0, 1.0, 0.5, 0.0], top_k=4)
case("top-k all equal", [0.3] * 6, top_k=1)
case("top-p uniform p=0.5 keeps exactly half (higher ids)", [0.0] * 4, top_p=0.5)
case("top-p uniform p=0.6", [0.0] * 4, top_p=0.6)
case("top-p one dominant token", [10.0, 0.0, 0.0, -1.0], top_p=0.9)
case("top-p tied tail", [3.0, 1.0, 1.0, 1.0, 1.0, 1.0], top_p=0.8)
case("top-k with -inf entries", [0.0, NEG_INF, 1.0, NEG_INF, 0.5], top_k=4)
case("top-p with -inf entries", [0.0, NEG_INF, 1.0, NEG_INF, 0.5], top_p=0.9)
case("top-p p=1 with -inf entries", [0.0, NEG_INF, 1.0, NEG_INF, 0.5], top_p=1.0)

fifty = torch.randn(50, dtype=torch.float64) * 3
case("pipeline T=0.7, k=20, p=0.8, V=50", fifty, temperature=0.7, top_k=20, top_p=0.8)
case("pipeline T=2, p=0.9, V=50", fifty, temperature=2.0, top_p=0.9)
case("pipeline T=0.5, k=5, V=50", fifty, temperature=0.5, top_k=5)
case("pipeline T=1, k=10, p=0.5, V=50", fifty, top_k=10, top_p=0.5)
log_probs = torch.log_softmax(torch.randn(200, dtype=torch.float64) * 2, dim=-1)
case("pipeline on log-probabilities T=1.5, k=40, p=0.95, V=200", log_probs, temperature=1.5, top_k=40, top_p=0.95)

print(dump("decoding.py", {"torch": torch.__version__}, cases))
