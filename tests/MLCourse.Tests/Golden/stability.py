#!/usr/bin/env python3
"""Reference values for MLCourse.Optimization.GradientClipping and MLCourse.Initialization.Init (PyTorch 1.13, float64).

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/stability.py > tests/MLCourse.Tests/Golden/stability.json

Three kinds of case:
- "clip_norm": torch.nn.utils.clip_grad_norm_(parameters, max_norm) on a list of parameters with given .grad tensors
  (several shapes, flattened row-major into one vector each): the gradients before and after, and the returned total
  norm. Norms that clip and that do not, max_norm equal to or within 1e-6 of the total norm (where PyTorch's
  + 1e-6 in the denominator decides), max_norm = 0 and +inf (null in JSON stands for it: "max_norm_inf"), zero
  gradients, an empty list, huge and tiny entries.
- "clip_value": torch.nn.utils.clip_grad_value_(parameters, clip_value): the gradients before and after.
- "init": what torch.nn.init computes for a weight of a given (out, in) shape: the exact arguments it passes to
  Tensor.uniform_(-b, b) or Tensor.normal_(0, std), recorded by wrapping those two methods (random values cannot be
  compared across random number generators; the bounds and standard deviations can), and calculate_gain's values.
"""
import math
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261201)
cases = []


def grads_of(shapes, scale=1.0, zero=False):
    return [torch.zeros(s, dtype=torch.float64) if zero else torch.randn(s, dtype=torch.float64) * scale for s in shapes]


def parameters(grads):
    params = []
    for g in grads:
        p = torch.zeros_like(g, requires_grad=True)
        p.grad = g.clone()
        params.append(p)
    return params


def clip_norm(name, grads, max_norm=None, relative=None, offset=0.0):
    """max_norm given, or relative·(total norm) + offset computed from the gradients themselves."""
    params = parameters(grads)
    if max_norm is None:
        total = torch.norm(torch.stack([torch.norm(g) for g in grads])).item() if grads else 0.0
        max_norm = relative * total + offset
    total_norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
    cases.append({
        "kind": "clip_norm", "name": name,
        "max_norm": None if math.isinf(max_norm) else max_norm, "max_norm_inf": math.isinf(max_norm),
        "before": [plain(g.reshape(-1)) for g in grads],
        "after": [plain(p.grad.reshape(-1)) for p in params],
        "total_norm": float(total_norm),
    })


def clip_value(name, grads, clip):
    params = parameters(grads)
    torch.nn.utils.clip_grad_value_(params, clip)
    cases.append({
        "kind": "clip_value", "name": name, "clip_value": clip,
        "before": [plain(g.reshape(-1)) for g in grads],
        "after": [plain(p.grad.reshape(-1)) for p in params],
    })


shapes = [(3,), (2, 4), (5,)]
clip_norm("three tensors, clips to half", grads_of(shapes), relative=0.5)
clip_norm("three tensors, max_norm 1.0", grads_of(shapes, scale=3.0), max_norm=1.0)
clip_norm("three tensors, no clip (max_norm above the norm)", grads_of(shapes), relative=2.0)
clip_norm("max_norm equal to the total norm still clips by N/(N+1e-6)", grads_of(shapes), relative=1.0)
clip_norm("max_norm 0.5e-6 above the norm still clips", grads_of(shapes), relative=1.0, offset=0.5e-6)
clip_norm("max_norm 2e-6 above the norm does not clip", grads_of(shapes), relative=1.0, offset=2e-6)
clip_norm("single vector of 10, clips", grads_of([(10,)], scale=5.0), max_norm=2.0)
clip_norm("single entry", [torch.tensor([-7.5], dtype=torch.float64)], max_norm=3.0)
clip_norm("zero gradients are left unchanged", grads_of(shapes, zero=True), max_norm=1.0)
clip_norm("zero and non-zero tensors", [torch.zeros(4, dtype=torch.float64), torch.tensor([3.0, -4.0], dtype=torch.float64)], max_norm=1.0)
clip_norm("max_norm 0 zeroes everything", grads_of(shapes), max_norm=0.0)
clip_norm("max_norm inf never clips", grads_of(shapes, scale=1e3), max_norm=math.inf)
clip_norm("empty list", [], max_norm=1.0)
clip_norm("tiny gradients (norm below 1e-6)", grads_of(shapes, scale=1e-8), max_norm=1e-9)
clip_norm("large gradients", grads_of([(6,), (3, 3)], scale=1e100), max_norm=5.0)
clip_norm("many tensors of mixed scale", [torch.randn(s, dtype=torch.float64) * 10 ** k for k, s in enumerate([(2,), (7,), (1,), (4, 2), (3,)], start=-2)], max_norm=10.0)

clip_value("three tensors at 0.5", grads_of(shapes), 0.5)
clip_value("three tensors at 2 (few entries cut)", grads_of(shapes, scale=2.0), 2.0)
clip_value("entries exactly at plus and minus c", [torch.tensor([1.5, -1.5, 1.4999, -2.0, 0.0], dtype=torch.float64)], 1.5)
clip_value("clip value 0 zeroes everything", grads_of(shapes), 0.0)
clip_value("large clip value changes nothing", grads_of(shapes), 1e6)


recorded = []
original_uniform, original_normal = torch.Tensor.uniform_, torch.Tensor.normal_


def record_uniform(self, a=0.0, b=1.0, **kwargs):
    recorded.append(("uniform", a, b))
    return original_uniform(self, a, b, **kwargs)


def record_normal(self, mean=0.0, std=1.0, **kwargs):
    recorded.append(("normal", mean, std))
    return original_normal(self, mean, std, **kwargs)


torch.Tensor.uniform_, torch.Tensor.normal_ = record_uniform, record_normal
MODES = {"FanIn": "fan_in", "FanOut": "fan_out"}
NONLINEARITIES = {"Linear": "linear", "Sigmoid": "sigmoid", "Tanh": "tanh", "Relu": "relu", "LeakyRelu": "leaky_relu", "Selu": "selu"}


def init(name, method, shape, **kwargs):
    """kwargs use the C# names: gain, a, mode (FanIn/FanOut), nonlinearity (Linear, Relu, ...)."""
    torch_kwargs = dict(kwargs)
    if "mode" in torch_kwargs:
        torch_kwargs["mode"] = MODES[torch_kwargs["mode"]]
    if "nonlinearity" in torch_kwargs:
        torch_kwargs["nonlinearity"] = NONLINEARITIES[torch_kwargs["nonlinearity"]]
    recorded.clear()
    w = torch.empty(shape, dtype=torch.float64)
    getattr(torch.nn.init, method)(w, **torch_kwargs)
    (distribution, first, second), = recorded
    case = {"kind": "init", "name": name, "method": method, "rows": shape[0], "columns": shape[1], "options": kwargs,
            "distribution": distribution}
    if distribution == "uniform":
        assert first == -second
        case["bound"] = second
    else:
        assert first == 0
        case["std"] = second
    cases.append(case)


for rows, columns in [(3, 5), (64, 64), (10, 300), (256, 20)]:
    shape = (rows, columns)
    init(f"xavier_uniform {rows}x{columns}", "xavier_uniform_", shape)
    init(f"xavier_normal {rows}x{columns}", "xavier_normal_", shape)
    init(f"kaiming_uniform {rows}x{columns} (defaults)", "kaiming_uniform_", shape)
    init(f"kaiming_normal {rows}x{columns} (defaults)", "kaiming_normal_", shape)
shape = (40, 120)
init("xavier_uniform with the tanh gain", "xavier_uniform_", shape, gain=torch.nn.init.calculate_gain("tanh"))
init("xavier_normal with the relu gain", "xavier_normal_", shape, gain=torch.nn.init.calculate_gain("relu"))
init("xavier_normal gain 0", "xavier_normal_", shape, gain=0.0)
init("kaiming_normal fan_out relu", "kaiming_normal_", shape, mode="FanOut", nonlinearity="Relu")
init("kaiming_uniform fan_out relu", "kaiming_uniform_", shape, mode="FanOut", nonlinearity="Relu")
init("kaiming_uniform a = sqrt 5 (nn.Linear's default)", "kaiming_uniform_", shape, a=math.sqrt(5))
init("kaiming_normal leaky_relu a = 0.2", "kaiming_normal_", shape, a=0.2, nonlinearity="LeakyRelu")
init("kaiming_normal tanh (a ignored)", "kaiming_normal_", shape, a=0.3, nonlinearity="Tanh")
init("kaiming_uniform linear fan_out", "kaiming_uniform_", shape, mode="FanOut", nonlinearity="Linear")
init("kaiming_normal selu", "kaiming_normal_", shape, nonlinearity="Selu")
init("kaiming_normal sigmoid", "kaiming_normal_", shape, nonlinearity="Sigmoid")
torch.Tensor.uniform_, torch.Tensor.normal_ = original_uniform, original_normal

for nonlinearity, param in [("Linear", None), ("Sigmoid", None), ("Tanh", None), ("Relu", None), ("LeakyRelu", None),
                            ("LeakyRelu", 0.2), ("LeakyRelu", 0.0), ("LeakyRelu", -3.0), ("Selu", None)]:
    cases.append({"kind": "gain", "name": f"calculate_gain {nonlinearity} {param}", "nonlinearity": nonlinearity,
                  "param": param, "gain": float(torch.nn.init.calculate_gain(NONLINEARITIES[nonlinearity], param))})

print(dump("stability.py", {"torch": torch.__version__}, cases))
