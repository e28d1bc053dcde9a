#!/usr/bin/env python3
"""Reference values for MLCourse.Optimization (SGD, AdaGrad, RMSprop, Adam, AdamW), computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/optimizers.py > tests/MLCourse.Tests/Golden/optimizers.json
Each case runs one torch.optim optimizer (single-tensor code path, foreach=False) over one parameter vector for several
steps with given, varying gradients (some with exact zeros, some spanning orders of magnitude), optionally changing the
learning rate before each step as a schedule would. It records the parameters after every step and the final state.
Hyper-parameter names are those of the C# constructors.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261126)

# C# name -> torch keyword, per optimizer.
TORCH_NAMES = {"weightDecay": "weight_decay", "lrDecay": "lr_decay", "initialAccumulatorValue": "initial_accumulator_value"}
STATE_NAMES = {  # torch state key -> C# property
    "momentum_buffer": "MomentumBuffer", "sum": "SumOfSquares", "square_avg": "SquareAverage",
    "exp_avg": "FirstMoment", "exp_avg_sq": "SecondMoment", "grad_avg": "GradientAverage",
}


def build(kind, param, hyper):
    kwargs = {TORCH_NAMES.get(k, k): v for k, v in hyper.items() if k not in ("beta1", "beta2")}
    if "beta1" in hyper or "beta2" in hyper:
        kwargs["betas"] = (hyper.get("beta1", 0.9), hyper.get("beta2", 0.999))
    if kind == "SGD":
        return torch.optim.SGD([param], foreach=False, **kwargs)
    if kind == "AdaGrad":
        return torch.optim.Adagrad([param], foreach=False, **kwargs)
    if kind == "RMSprop":
        return torch.optim.RMSprop([param], foreach=False, **kwargs)
    if kind == "Adam":
        return torch.optim.Adam([param], foreach=False, **kwargs)
    if kind == "AdamW":
        return torch.optim.AdamW([param], foreach=False, **kwargs)
    raise ValueError(kind)


def gradients(steps, n, zeros=(), scale=1.0, spread=0.0):
    """Random gradients; columns in `zeros` are exactly 0; each step scaled by scale * exp(spread * N(0,1))."""
    g = torch.randn(steps, n, dtype=torch.float64) * scale
    g *= torch.exp(spread * torch.randn(steps, 1, dtype=torch.float64))
    for j in zeros:
        g[:, j] = 0.0
    return g


cases = []


def case(name, kind, n, hyper, steps=20, zeros=(), scale=1.0, spread=0.0, lrs=None):
    start = torch.randn(n, dtype=torch.float64)
    grads = gradients(steps, n, zeros, scale, spread)
    param = start.clone().requires_grad_(True)
    optimizer = build(kind, param, hyper)
    trajectory = []
    with torch.no_grad():
        for t in range(steps):
            if lrs is not None:
                optimizer.param_groups[0]["lr"] = lrs[t]
            param.grad = grads[t].clone()
            optimizer.step()
            trajectory.append(param.detach().clone())
    state = optimizer.state[param]
    cases.append({
        "name": name, "optimizer": kind, "hyper": hyper,
        "start": plain(start), "gradients": plain(grads), "lrs": lrs,
        "trajectory": plain(torch.stack(trajectory)),
        "state": {STATE_NAMES[k]: plain(v) for k, v in state.items() if k in STATE_NAMES and v is not None},
    })


def noam(t, d_model=64, warmup=5, factor=2.0):
    return factor * d_model ** -0.5 * min(t ** -0.5, t * warmup ** -1.5)


# SGD: plain, momentum, Nesterov, dampening, L2 weight decay, a changing learning rate.
case("SGD plain, one coordinate", "SGD", 1, {"lr": 0.1})
case("SGD plain with weight decay", "SGD", 6, {"lr": 0.05, "weightDecay": 0.1})
case("SGD momentum 0.9", "SGD", 5, {"lr": 0.01, "momentum": 0.9})
case("SGD Nesterov 0.9", "SGD", 7, {"lr": 0.01, "momentum": 0.9, "nesterov": True})
case("SGD momentum 0.5, dampening 0.3, weight decay", "SGD", 4, {"lr": 0.2, "momentum": 0.5, "dampening": 0.3, "weightDecay": 0.01})
case("SGD Nesterov 0.6 with weight decay", "SGD", 3, {"lr": 0.03, "momentum": 0.6, "weightDecay": 0.05, "nesterov": True})
case("SGD momentum with a changing learning rate", "SGD", 4, {"lr": 0.1, "momentum": 0.9},
     lrs=[0.1 * (t + 1) / 20 for t in range(20)])
# AdaGrad.
case("AdaGrad defaults", "AdaGrad", 5, {})
case("AdaGrad lr decay, weight decay, initial accumulator, eps", "AdaGrad", 4,
     {"lr": 0.5, "lrDecay": 0.1, "weightDecay": 0.01, "initialAccumulatorValue": 0.3, "eps": 1e-6})
case("AdaGrad with always-zero gradient coordinates", "AdaGrad", 3, {"lr": 0.1}, zeros=(1,))
case("AdaGrad gradients over six orders of magnitude", "AdaGrad", 6, {"lr": 0.1}, spread=3.0)
# RMSprop.
case("RMSprop defaults", "RMSprop", 5, {})
case("RMSprop alpha 0.9, eps 1e-6, weight decay", "RMSprop", 3, {"lr": 0.001, "alpha": 0.9, "eps": 1e-6, "weightDecay": 0.02})
case("RMSprop momentum 0.8", "RMSprop", 4, {"lr": 0.01, "momentum": 0.8})
case("RMSprop centered", "RMSprop", 6, {"lr": 0.01, "centered": True})
case("RMSprop centered, momentum, weight decay", "RMSprop", 2, {"lr": 0.005, "centered": True, "momentum": 0.5, "weightDecay": 0.1})
case("RMSprop with always-zero gradient coordinates", "RMSprop", 3, {"lr": 0.01}, zeros=(0, 2))
# Adam (L2 weight decay added to the gradient).
case("Adam defaults, one coordinate", "Adam", 1, {})
case("Adam defaults", "Adam", 8, {})
case("Adam lr 0.01, betas (0.8, 0.99), eps 1e-6", "Adam", 5, {"lr": 0.01, "beta1": 0.8, "beta2": 0.99, "eps": 1e-6})
case("Adam with L2 weight decay 0.1", "Adam", 4, {"lr": 0.01, "weightDecay": 0.1})
case("Adam beta1 = 0 (RMSprop with bias correction)", "Adam", 3, {"lr": 0.01, "beta1": 0.0, "beta2": 0.5})
case("Adam eps comparable to tiny gradients", "Adam", 4, {"lr": 0.01, "eps": 1e-3}, scale=1e-3)
case("Adam gradients over six orders of magnitude", "Adam", 6, {"lr": 0.01}, spread=3.0)
case("Adam with always-zero gradient coordinates", "Adam", 3, {"lr": 0.01}, zeros=(2,))
case("Adam with a Noam schedule", "Adam", 4, {"lr": 0.0, "beta1": 0.9, "beta2": 0.98, "eps": 1e-9},
     lrs=[noam(t + 1) for t in range(20)])
case("Adam 60 steps", "Adam", 3, {"lr": 0.05, "weightDecay": 0.01}, steps=60)
# AdamW (decoupled weight decay).
case("AdamW defaults (weight decay 1e-2)", "AdamW", 6, {})
case("AdamW lr 0.01, weight decay 0.1, betas (0.85, 0.995)", "AdamW", 3, {"lr": 0.01, "weightDecay": 0.1, "beta1": 0.85, "beta2": 0.995})
case("AdamW weight decay 0 (equals Adam)", "AdamW", 4, {"lr": 0.01, "weightDecay": 0.0})
case("AdamW large weight decay 1.0, lr 0.1", "AdamW", 2, {"lr": 0.1, "weightDecay": 1.0})
case("AdamW with a changing learning rate", "AdamW", 5, {"lr": 0.01, "weightDecay": 0.05},
     lrs=[0.02 * min(1.0, (t + 1) / 8) for t in range(20)])
case("AdamW with always-zero gradient coordinates", "AdamW", 3, {"lr": 0.01, "weightDecay": 0.1}, zeros=(0,))

print(dump("optimizers.py", {"torch": torch.__version__}, cases))
