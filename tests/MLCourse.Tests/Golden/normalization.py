#!/usr/bin/env python3
"""Reference values for MLCourse.Normalization (BatchNorm1d, LayerNorm, RMSNorm, GroupNorm, BN folding), PyTorch float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/normalization.py > tests/MLCourse.Tests/Golden/normalization.json
References: torch.nn.BatchNorm1d / BatchNorm2d (training and eval steps, running statistics, num_batches_tracked),
torch.nn.functional.layer_norm with autograd for the backward pass, LLaMA's RMSNorm formula, torch.nn.functional.group_norm
(with layer_norm over C,H,W and instance_norm for G = 1 and G = C), torch.nn.utils.fusion.fuse_linear_bn_eval.
Matrices of N×C×H×W data are written as N rows of C·H·W values, channel-major (x.reshape(N, -1)).
"""
import os
import sys

import torch
import torch.nn.functional as F
from torch.nn.utils.fusion import fuse_linear_bn_eval

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261126)
f64 = torch.float64
cases = []  # every case has a "kind" (the layer it tests) and a unique "name"


def randn(*shape, mean=0.0, std=1.0):
    return torch.randn(*shape, dtype=f64) * std + mean


# ---- BatchNorm1d: sequences of training and evaluation steps -------------------------------------------------------


def bn_case(name, c, steps, eps=1e-5, momentum=0.1, affine=False, mean=0.0, std=1.0):
    """steps: list of ("train"|"eval", N)."""
    bn = torch.nn.BatchNorm1d(c, eps=eps, momentum=momentum).double()
    if affine:
        with torch.no_grad():
            bn.weight.copy_(randn(c, mean=1.0, std=0.5))
            bn.bias.copy_(randn(c))
    case = {"kind": "batchnorm1d", "name": "BatchNorm1d: " + name, "features": c, "eps": eps, "momentum": momentum,
            "gamma": plain(bn.weight.detach()), "beta": plain(bn.bias.detach()), "steps": []}
    for mode, n in steps:
        bn.train(mode == "train")
        x = randn(n, c, mean=mean, std=std)
        with torch.no_grad():
            y = bn(x)
        case["steps"].append({"mode": mode, "x": plain(x), "y": plain(y),
                              "running_mean": plain(bn.running_mean), "running_var": plain(bn.running_var),
                              "num_batches_tracked": int(bn.num_batches_tracked)})
    cases.append(case)


bn_case("defaults: C=3, N=5, three training steps then evaluation", 3, [("train", 5)] * 3 + [("eval", 5), ("eval", 2)])
bn_case("smallest training batch N=2, C=1", 1, [("train", 2), ("train", 2), ("eval", 1)])
bn_case("C=7, N=64, momentum 0.37, eps 1e-3, learned gamma and beta", 7,
        [("train", 64)] * 4 + [("eval", 1), ("train", 16), ("eval", 9)], eps=1e-3, momentum=0.37, affine=True)
bn_case("momentum 0 freezes the running statistics", 4, [("train", 6), ("train", 6), ("eval", 3)], momentum=0.0)
bn_case("momentum 1 keeps the last batch's statistics", 4, [("train", 3), ("train", 8), ("eval", 4)], momentum=1.0, affine=True)
bn_case("eps 0.5 on small-variance features", 5, [("train", 10), ("train", 10), ("eval", 10)], eps=0.5, std=0.1)
bn_case("features with mean 100 and std 20", 6, [("train", 32)] * 5 + [("eval", 7)], mean=100.0, std=20.0, affine=True)
bn_case("evaluation before any training uses mean 0, variance 1", 3, [("eval", 4), ("train", 4), ("eval", 4)], affine=True)

# BatchNorm2d on N×C×H×W = BatchNorm1d on the (N·H·W)×C matrix of channel values.
for name, (n, c, h, w), steps in [("N=4, C=3, 2×5 images", (4, 3, 2, 5), 3), ("N=2, C=5, 3×3 images", (2, 5, 3, 3), 2)]:
    bn = torch.nn.BatchNorm2d(c).double()
    case = {"kind": "batchnorm2d", "name": "BatchNorm2d: " + name, "n": n, "channels": c, "spatial": h * w, "steps": []}
    for _ in range(steps):
        x = randn(n, c, h, w, mean=1.0, std=2.0)
        with torch.no_grad():
            y = bn(x)
        case["steps"].append({"x": plain(x.reshape(n, -1)), "y": plain(y.reshape(n, -1)),
                              "running_mean": plain(bn.running_mean), "running_var": plain(bn.running_var)})
    cases.append(case)

# ---- LayerNorm forward and backward (autograd) ---------------------------------------------------------------------


def ln_case(name, n, d, eps=1e-5, affine=False, mean=0.0, std=1.0):
    x = randn(n, d, mean=mean, std=std).requires_grad_(True)
    gamma = (randn(d, mean=1.0, std=0.5) if affine else torch.ones(d, dtype=f64)).requires_grad_(True)
    beta = (randn(d) if affine else torch.zeros(d, dtype=f64)).requires_grad_(True)
    y = F.layer_norm(x, (d,), gamma, beta, eps)
    dy = randn(n, d)
    y.backward(dy)
    cases.append({"kind": "layernorm", "name": "LayerNorm: " + name, "eps": eps, "x": plain(x.detach()), "gamma": plain(gamma.detach()), "beta": plain(beta.detach()),
                      "y": plain(y.detach()), "dy": plain(dy), "dx": plain(x.grad), "dgamma": plain(gamma.grad), "dbeta": plain(beta.grad)})


ln_case("3 rows of d=4, defaults", 3, 4)
ln_case("5 tokens of d=16, learned gamma and beta", 5, 16, affine=True)
ln_case("2 rows of d=64, eps 1e-3", 2, 64, eps=1e-3, affine=True)
ln_case("one row of d=2", 1, 2, affine=True)
ln_case("rows with mean 50 and std 0.5", 4, 8, affine=True, mean=50.0, std=0.5)
ln_case("small-variance rows, eps 0.1", 3, 6, eps=0.1, std=0.2, affine=True)

# ---- RMSNorm (LLaMA's formula; torch 1.13 has no nn.RMSNorm) --------------------------------------------------------


def rms_case(name, n, d, eps=1e-6, affine=False, mean=0.0):
    x = randn(n, d, mean=mean)
    gamma = randn(d, mean=1.0, std=0.5) if affine else torch.ones(d, dtype=f64)
    y = x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * gamma
    cases.append({"kind": "rmsnorm", "name": "RMSNorm: " + name, "eps": eps, "x": plain(x), "gamma": plain(gamma), "y": plain(y)})


rms_case("3 rows of d=4, defaults", 3, 4)
rms_case("5 tokens of d=16, learned gamma", 5, 16, affine=True)
rms_case("2 rows of d=64, eps 1e-5", 2, 64, eps=1e-5, affine=True)
rms_case("rows with mean 3 (RMS is not LayerNorm here)", 4, 8, mean=3.0, affine=True)

# ---- GroupNorm (with LayerNorm over C,H,W for G = 1 and InstanceNorm for G = C) ------------------------------------


def gn_case(name, n, c, h, w, groups, eps=1e-5, affine=False):
    x = randn(n, c, h, w, mean=0.5, std=1.5)
    gamma = randn(c, mean=1.0, std=0.5) if affine else torch.ones(c, dtype=f64)
    beta = randn(c) if affine else torch.zeros(c, dtype=f64)
    y = F.group_norm(x, groups, gamma, beta, eps)
    case = {"kind": "groupnorm", "name": "GroupNorm: " + name, "channels": c, "groups": groups, "eps": eps, "gamma": plain(gamma), "beta": plain(beta),
            "x": plain(x.reshape(n, -1)), "y": plain(y.reshape(n, -1))}
    if groups == 1:
        case["layer_norm_chw"] = plain(F.layer_norm(x, (c, h, w), eps=eps).reshape(n, -1))
    if groups == c:
        case["instance_norm"] = plain(F.instance_norm(x, eps=eps).reshape(n, -1))
    cases.append(case)


gn_case("N=2, C=4, 3×3, G=2", 2, 4, 3, 3, 2)
gn_case("G=1 is LayerNorm over C·H·W", 3, 6, 2, 2, 1)
gn_case("G=C is InstanceNorm", 3, 6, 2, 2, 6)
gn_case("plain N×C features (H=W=1), G=4, learned gamma and beta", 2, 8, 1, 1, 4, affine=True)
gn_case("a single sample N=1, G=2", 1, 4, 5, 1, 2, affine=True)
gn_case("N=2, C=6, 4×4, G=3, eps 1e-3, learned gamma and beta", 2, 6, 4, 4, 3, eps=1e-3, affine=True)

# ---- Folding BatchNorm into the previous linear layer --------------------------------------------------------------


def fold_case(name, inputs, outputs, bias=True, train_steps=5):
    linear = torch.nn.Linear(inputs, outputs, bias=bias).double().eval()
    bn = torch.nn.BatchNorm1d(outputs).double()
    with torch.no_grad():
        bn.weight.copy_(randn(outputs, mean=1.0, std=0.5))
        bn.bias.copy_(randn(outputs))
        for _ in range(train_steps):  # give the running statistics non-trivial values
            bn(linear(randn(16, inputs, mean=0.5, std=2.0)))
        bn.eval()
        x = randn(6, inputs)
        y = bn(linear(x))
        fused = fuse_linear_bn_eval(linear, bn)
    cases.append({"kind": "folding", "name": "Folding: " + name, "weight": plain(linear.weight.detach()),
                    "bias": plain(linear.bias.detach()) if bias else None,
                    "gamma": plain(bn.weight.detach()), "beta": plain(bn.bias.detach()),
                    "running_mean": plain(bn.running_mean), "running_var": plain(bn.running_var), "eps": bn.eps,
                    "x": plain(x), "y": plain(y),
                    "folded_weight": plain(fused.weight.detach()), "folded_bias": plain(fused.bias.detach())})


fold_case("Linear(5, 3) with bias", 5, 3)
fold_case("Linear(8, 8) without bias", 8, 8, bias=False)
fold_case("Linear(4, 6) after one training step", 4, 6, train_steps=1)

print(dump("normalization.py", {"torch": torch.__version__}, cases))
