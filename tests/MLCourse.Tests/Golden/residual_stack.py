#!/usr/bin/env python3
"""Reference values for MLCourse.Normalization.ResidualStack, PyTorch float64 with autograd.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/residual_stack.py > tests/MLCourse.Tests/Golden/residual_stack.json
Mirrors a stack of residual blocks with F(h) = relu(h @ W1.T) @ W2.T (torch.nn.Linear layout, no bias) and
torch.nn.functional.layer_norm(·, (width,), eps=eps) without weight and bias: pre-norm x <- x + F(LN(x)) with a final
LN, post-norm x <- LN(x + F(x)). The loss is (upstream * output).sum(); "gradients" are x_l.grad for l = 0 … L.
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261201)
f64 = torch.float64
cases = []


def stack_case(name, placement, tokens, width, hidden, depth, eps=1e-5, x_mean=0.0, x_std=1.0, w_std=None):
    w_std = w_std or (2.0 / width) ** 0.5
    blocks = [(torch.randn(hidden, width, dtype=f64) * w_std, torch.randn(width, hidden, dtype=f64) / hidden ** 0.5)
              for _ in range(depth)]
    x0 = (torch.randn(tokens, width, dtype=f64) * x_std + x_mean).requires_grad_()
    upstream = torch.randn(tokens, width, dtype=f64)
    stream = [x0]
    for w1, w2 in blocks:
        x = stream[-1]
        if placement == "PreNorm":
            nxt = x + F.relu(F.layer_norm(x, (width,), eps=eps) @ w1.T) @ w2.T
        else:
            nxt = F.layer_norm(x + F.relu(x @ w1.T) @ w2.T, (width,), eps=eps)
        nxt.retain_grad()
        stream.append(nxt)
    output = F.layer_norm(stream[-1], (width,), eps=eps) if placement == "PreNorm" else stream[-1]
    (upstream * output).sum().backward()
    cases.append({"kind": "residualstack", "name": name, "placement": placement, "eps": eps,
                  "w1": [plain(w1) for w1, _ in blocks], "w2": [plain(w2) for _, w2 in blocks],
                  "x0": plain(x0.detach()), "upstream": plain(upstream),
                  "stream": [plain(x.detach()) for x in stream], "output": plain(output.detach()),
                  "gradients": [plain(x.grad) for x in stream]})


for placement in ["PreNorm", "PostNorm"]:
    stack_case(f"{placement}: 2 tokens, width 4, hidden 8, 3 blocks", placement, 2, 4, 8, 3)
    stack_case(f"{placement}: 1 token, width 3, hidden 5, 1 block", placement, 1, 3, 5, 1)
    stack_case(f"{placement}: 5 tokens, width 6, hidden 12, 8 blocks, eps 1e-3, input mean 3 and std 4",
               placement, 5, 6, 12, 8, eps=1e-3, x_mean=3.0, x_std=4.0)
    stack_case(f"{placement}: 3 tokens, width 8, hidden 16, 6 blocks, large weights", placement, 3, 8, 16, 6, w_std=1.5)

print(dump("residual_stack.py", {"torch": torch.__version__}, cases))
