#!/usr/bin/env python3
"""Reference values for MLCourse.Convolution (Conv2d, Conv2dLayer, MaxPool2d, AvgPool2d, Conv1d, TextCnn), PyTorch float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/convolution.py > tests/MLCourse.Tests/Golden/convolution.json

Every case is one sample (PyTorch's batch dimension of 1 dropped). Kinds:
- "conv2d": torch.nn.functional.conv2d(x, w, b, stride, padding, dilation, groups) and its autograd: for a random upstream
  gradient g, x.grad, w.grad and b.grad of (y * g).sum(). x is C_in×H×W, w is C_out×(C_in/groups)×k_h×k_w.
- "unfold": torch.nn.functional.unfold(x, kernel, dilation, padding, stride), the (C·k_h·k_w)×L im2col matrix.
- "max_pool" / "avg_pool": torch.nn.functional.max_pool2d(x, k, s, p) / avg_pool2d(x, k, s) on one channel and x.grad
  for an upstream gradient g. Inputs with ties (small integers, constant blocks) exercise PyTorch's CPU rule that the first
  maximum in row-major order takes the whole gradient; overlapping windows (s < k) exercise the sums.
- "conv1d": torch.nn.functional.conv1d(x, w, b, stride, padding, dilation), x is C_in×L.
- "textcnn": Kim's TextCNN features: for each width, relu(conv1d(embeddings.T, w, b)).max(over time), concatenated,
  then logits = W·features + b; with "length", windows that reach a padded row are masked to -inf before the max.
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261210)
f64 = torch.float64
cases = []


def randn(*shape):
    return torch.randn(*shape, dtype=f64)


def conv2d_case(name, c_in, c_out, h, w, kernel, stride=1, padding=0, dilation=1, groups=1, bias=True):
    kh, kw = kernel
    x = randn(c_in, h, w).requires_grad_()
    weight = randn(c_out, c_in // groups, kh, kw).requires_grad_()
    b = randn(c_out).requires_grad_() if bias else None
    y = F.conv2d(x[None], weight, b, stride, padding, dilation, groups)[0]
    g = randn(*y.shape)
    (y * g).sum().backward()
    cases.append({
        "kind": "conv2d", "name": "conv2d: " + name, "stride": stride, "padding": padding, "dilation": dilation, "groups": groups,
        "x": plain(x.detach()), "weight": plain(weight.detach()), "bias": None if b is None else plain(b.detach()),
        "y": plain(y.detach()), "grad_output": plain(g),
        "grad_x": plain(x.grad), "grad_weight": plain(weight.grad), "grad_bias": plain(g.sum(dim=(1, 2))),
    })


conv2d_case("3→2 channels, 3×3, stride 1, no padding", 3, 2, 5, 6, (3, 3))
conv2d_case("3→4 channels, 3×3, stride 2, padding 1", 3, 4, 7, 8, (3, 3), stride=2, padding=1)
conv2d_case("2→3 channels, non-square 2×3 kernel, stride 2, padding 1", 2, 3, 6, 5, (2, 3), stride=2, padding=1)
conv2d_case("1→2 channels, 4×2 kernel, stride 3, padding 2", 1, 2, 9, 8, (4, 2), stride=3, padding=2)
conv2d_case("2→2 channels, 3×3, dilation 2, padding 2", 2, 2, 7, 7, (3, 3), padding=2, dilation=2)
conv2d_case("4→6 channels, 3×3, groups 2, padding 1", 4, 6, 5, 5, (3, 3), padding=1, groups=2)
conv2d_case("depthwise: 3→3 channels, groups 3, stride 2, padding 1", 3, 3, 6, 7, (3, 3), stride=2, padding=1, groups=3)
conv2d_case("1×1 kernel, stride 2 (the shape-changing shortcut), 3→5 channels", 3, 5, 6, 7, (1, 1), stride=2)
conv2d_case("5×5 kernel on a 5×5 input (one output pixel), no bias", 2, 3, 5, 5, (5, 5), bias=False)
conv2d_case("7×7, stride 2, padding 3 (a ResNet stem on 12×12), 3→2", 3, 2, 12, 12, (7, 7), stride=2, padding=3)


def unfold_case(name, c, h, w, kernel, stride=1, padding=0, dilation=1):
    x = randn(c, h, w)
    columns = F.unfold(x[None], kernel, dilation=dilation, padding=padding, stride=stride)[0]
    cases.append({"kind": "unfold", "name": "unfold: " + name, "kernel": list(kernel), "stride": stride, "padding": padding,
                  "dilation": dilation, "x": plain(x), "columns": plain(columns)})


unfold_case("3×8×9, k = 3, stride 2, padding 1 (27×20 columns)", 3, 8, 9, (3, 3), stride=2, padding=1)
unfold_case("2×5×6, 2×3 kernel, stride 1", 2, 5, 6, (2, 3))
unfold_case("1×7×7, 3×3, dilation 2, padding 1", 1, 7, 7, (3, 3), padding=1, dilation=2)


def pool_case(kind, name, x, k, s, p=0):
    x = x.clone().requires_grad_()
    y = F.max_pool2d(x[None], k, s, p)[0] if kind == "max_pool" else F.avg_pool2d(x[None], k, s)[0]
    g = randn(*y.shape)
    (y * g).sum().backward()
    cases.append({"kind": kind, "name": f"{kind}: {name}", "kernel": k, "stride": s, "padding": p,
                  "x": plain(x.detach()), "y": plain(y.detach()), "grad_output": plain(g), "grad_x": plain(x.grad)})


def ties(h, w, values=3):
    return torch.randint(0, values, (h, w)).to(f64)


pool_case("max_pool", "2×2, stride 2 on 4×6", randn(4, 6), 2, 2)
pool_case("max_pool", "3×3, stride 2 (overlapping) on 7×7", randn(7, 7), 3, 2)
pool_case("max_pool", "2×2, stride 1 (overlapping) with ties", ties(5, 6), 2, 1)
pool_case("max_pool", "3×3, stride 1 with ties (values 0, 1)", ties(6, 5, 2), 3, 1)
pool_case("max_pool", "3×3, stride 2, padding 1 (the ResNet stem's pool) on 8×8", randn(8, 8), 3, 2, 1)
pool_case("max_pool", "2×2, stride 2, padding 1, ties, 5×7 (floor drops nothing)", ties(5, 7), 2, 2, 1)
pool_case("max_pool", "constant 4×4 input (every window a tie), 2×2 stride 1", torch.full((4, 4), 2.5, dtype=f64), 2, 1)
pool_case("max_pool", "3×3, stride 3 on 7×8 (floor drops the last row and columns)", randn(7, 8), 3, 3)
pool_case("max_pool", "one value the maximum of 4 overlapping windows", torch.tensor([[0., 1, 0], [1, 9, 1], [0, 1, 0]], dtype=f64), 2, 1)
pool_case("avg_pool", "2×2, stride 2 on 4×6", randn(4, 6), 2, 2)
pool_case("avg_pool", "3×3, stride 2 (overlapping) on 7×7", randn(7, 7), 3, 2)
pool_case("avg_pool", "2×2, stride 1 (overlapping) on 5×4", randn(5, 4), 2, 1)
pool_case("avg_pool", "3×3, stride 3 on 7×8 (floor drops the last row and columns)", randn(7, 8), 3, 3)


def conv1d_case(name, c_in, c_out, length, k, stride=1, padding=0, dilation=1):
    x, weight, b = randn(c_in, length), randn(c_out, c_in, k), randn(c_out)
    y = F.conv1d(x[None], weight, b, stride, padding, dilation)[0]
    cases.append({"kind": "conv1d", "name": "conv1d: " + name, "stride": stride, "padding": padding, "dilation": dilation,
                  "x": plain(x), "weight": plain(weight), "bias": plain(b), "y": plain(y)})


conv1d_case("E = 5, 3 filters of width 3, L = 9", 5, 3, 9, 3)
conv1d_case("E = 4, 2 filters of width 2, stride 2, padding 1, dilation 2, L = 10", 4, 2, 10, 2, stride=2, padding=1, dilation=2)


def textcnn_case(name, e, widths, n, classes, length, padded_to=None):
    rows = padded_to or length
    emb = randn(rows, e)
    if padded_to:
        emb[length:] = 0
    filters = [(randn(n, e, k), randn(n)) for k in widths]
    out_w, out_b = randn(classes, n * len(widths)), randn(classes)
    features = []
    for (w, b), k in zip(filters, widths):
        maps = F.relu(F.conv1d(emb.T[None], w, b)[0])
        if padded_to:
            maps[:, length - k + 1:] = float("-inf")
        features.append(maps.max(dim=1).values)
    features = torch.cat(features)
    cases.append({"kind": "textcnn", "name": "textcnn: " + name, "widths": widths, "length": length if padded_to else None,
                  "embeddings": plain(emb), "filters": [plain(w) for w, _ in filters], "filter_biases": [plain(b) for _, b in filters],
                  "output_weight": plain(out_w), "output_bias": plain(out_b),
                  "features": plain(features), "logits": plain(out_w @ features + out_b)})


textcnn_case("E = 6, widths 2, 3, 4 × 3 filters, L = 7, 2 classes", 6, [2, 3, 4], 3, 2, 7)
textcnn_case("E = 5, widths 3, 5 × 4 filters, 6 tokens padded to 11, masked", 5, [3, 5], 4, 3, 6, padded_to=11)

print(dump("convolution.py", {"torch": torch.__version__}, cases))
