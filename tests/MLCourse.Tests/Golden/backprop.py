#!/usr/bin/env python3
"""Reference values for backpropagation (notebook 21): MLCourse.Networks.Mlp with the softmax cross-entropy head and
its batch-normalised and residual variants, MLCourse.Normalization.BatchNorm1d.Backward, and the scalar reverse-mode
autodiff MLCourse.Autodiff.Value, all by PyTorch 1.13's autograd in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/backprop.py > tests/MLCourse.Tests/Golden/backprop.json

Three kinds of case:
- "mlp": a network built as MLCourse's Mlp defines it, from nn.Linear, nn.BatchNorm1d, the activation and identity
  shortcuts: hidden layer l computes h_l = [h_{l-1} +] f(BN(Linear(h_{l-1}))), the shortcut for the hidden layers after
  the first; the last layer is a plain nn.Linear. Loss F.cross_entropy(logits, targets) or F.mse_loss(out, y).
  Recorded: the parameters (weights, biases, BN's gamma and beta, and for evaluation mode its running statistics), the
  batch, the output, the loss, and every parameter's .grad. Shapes from N = 1 to deep stacks, with and without bias,
  weights large enough to saturate tanh, BN in training and evaluation mode.
- "batchnorm": nn.BatchNorm1d's forward output y and the gradients of sum(y * dy) with respect to x, gamma and beta, in
  training mode (batch statistics; N = 2 is the smallest batch) and evaluation mode (random running statistics),
  including features with a large mean (1e3) and a constant feature.
- "autodiff": scalar expressions (named; MLCourse's tests build the same expression from Value operations) at
  several points: the value and the gradient with respect to every input.
"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261202)
f64 = torch.float64
cases = []

ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu, "identity": lambda v: v}


def mlp_case(name, sizes, activation, n, bias=True, batch_norm=False, residual=False, training=True, loss="cross_entropy",
             weight_scale=1.0, x=None, targets=None, weights=None):
    layers = len(sizes) - 1
    linears = [nn.Linear(sizes[i], sizes[i + 1], bias=bias).double() for i in range(layers)]
    norms = [nn.BatchNorm1d(sizes[i + 1]).double() for i in range(layers - 1)] if batch_norm else []
    with torch.no_grad():
        for i, m in enumerate(linears):
            if weights is not None:
                m.weight.copy_(torch.tensor(weights[i], dtype=f64))
                if bias:
                    m.bias.zero_()
            else:
                m.weight.mul_(weight_scale)
        for b in norms:
            b.weight.copy_(1 + 0.3 * torch.randn(b.num_features, dtype=f64))
            b.bias.copy_(0.2 * torch.randn(b.num_features, dtype=f64))
            if not training:
                b.running_mean.copy_(0.5 * torch.randn(b.num_features, dtype=f64))
                b.running_var.copy_(0.5 + torch.rand(b.num_features, dtype=f64))
    for b in norms:
        b.train(training)
    f = ACTIVATIONS[activation]
    x = torch.randn(n, sizes[0], dtype=f64) if x is None else torch.tensor(x, dtype=f64)
    h = x
    for i in range(layers - 1):
        z = linears[i](h)
        a = f(norms[i](z) if batch_norm else z)
        h = h + a if residual and i > 0 else a
    out = linears[-1](h)
    case = {"kind": "mlp", "name": name, "sizes": sizes, "activation": activation, "bias": bias, "batch_norm": batch_norm,
            "residual": residual, "training": training, "loss": loss, "x": plain(x)}
    if loss == "cross_entropy":
        targets = torch.randint(0, sizes[-1], (n,)) if targets is None else torch.tensor(targets)
        value = F.cross_entropy(out, targets)
        case["targets"] = plain(targets)
    else:
        y = torch.randn(n, sizes[-1], dtype=f64)
        value = F.mse_loss(out, y)
        case["y"] = plain(y)
    value.backward()
    case.update({
        "weights": [plain(m.weight.detach()) for m in linears],
        "biases": [plain(m.bias.detach()) for m in linears] if bias else [],
        "gammas": [plain(b.weight.detach()) for b in norms], "betas": [plain(b.bias.detach()) for b in norms],
        "running_means": [plain(b.running_mean) for b in norms] if not training else [],
        "running_vars": [plain(b.running_var) for b in norms] if not training else [],
        "output": plain(out.detach()), "value": value.item(),
        "weight_grads": [plain(m.weight.grad) for m in linears],
        "bias_grads": [plain(m.bias.grad) for m in linears] if bias else [],
        "gamma_grads": [plain(b.weight.grad) for b in norms], "beta_grads": [plain(b.bias.grad) for b in norms],
    })
    cases.append(case)


# The two-layer tanh network of notebook 21 (softmax cross-entropy), on several shapes.
mlp_case("tanh [3, 5, 3], N=4", [3, 5, 3], "tanh", 4)
mlp_case("tanh [4, 8, 2], N=16", [4, 8, 2], "tanh", 16)
mlp_case("tanh [2, 3, 2], N=1", [2, 3, 2], "tanh", 1)
mlp_case("tanh [6, 5, 4], N=7, weights x4 (saturated)", [6, 5, 4], "tanh", 7, weight_scale=4.0)
mlp_case("tanh [3, 4, 3], N=5, no bias", [3, 4, 3], "tanh", 5, bias=False)
mlp_case("tanh [5, 7, 10], N=3, ten classes", [5, 7, 10], "tanh", 3)
# The case notebook 21 quotes: typed inputs and weights, zero biases.
mlp_case("notebook: tanh [2, 3, 2], N=3", [2, 3, 2], "tanh", 3,
         x=[[1.0, -2.0], [0.5, 0.0], [-1.0, 1.5]], targets=[0, 1, 1],
         weights=[[[0.5, -0.3], [0.2, 0.8], [-0.6, 0.1]], [[0.7, -0.4, 0.3], [-0.2, 0.5, 0.9]]])
# Deeper, normalised, residual.
mlp_case("relu [5, 6, 6, 6, 3], N=8", [5, 6, 6, 6, 3], "relu", 8)
mlp_case("tanh residual [3, 4, 4, 4, 2], N=5", [3, 4, 4, 4, 2], "tanh", 5, residual=True)
mlp_case("relu BN [4, 6, 6, 6, 3], N=8, training", [4, 6, 6, 6, 3], "relu", 8, batch_norm=True)
mlp_case("relu BN residual [4, 6, 6, 6, 6, 3], N=8, training", [4, 6, 6, 6, 6, 3], "relu", 8, batch_norm=True, residual=True)
mlp_case("tanh BN [3, 5, 5, 2], N=2, training (smallest batch)", [3, 5, 5, 2], "tanh", 2, batch_norm=True)
mlp_case("relu BN [4, 5, 5, 3], N=3, evaluation", [4, 5, 5, 3], "relu", 3, batch_norm=True, training=False)
mlp_case("tanh BN residual [3, 4, 4, 4, 2], N=6, MSE", [3, 4, 4, 4, 2], "tanh", 6, batch_norm=True, residual=True, loss="mse")
mlp_case("relu BN [3, 4, 4, 2], N=4, no bias", [3, 4, 4, 2], "relu", 4, bias=False, batch_norm=True)


def batchnorm_case(name, x, training=True, eps=1e-5):
    n, c = x.shape
    layer = nn.BatchNorm1d(c, eps=eps).double()
    with torch.no_grad():
        layer.weight.copy_(1 + 0.5 * torch.randn(c, dtype=f64))
        layer.bias.copy_(torch.randn(c, dtype=f64))
        if not training:
            layer.running_mean.copy_(torch.randn(c, dtype=f64))
            layer.running_var.copy_(0.2 + torch.rand(c, dtype=f64))
    layer.train(training)
    running = {"running_mean": plain(layer.running_mean), "running_var": plain(layer.running_var)}
    x = x.clone().requires_grad_(True)
    dy = torch.randn(n, c, dtype=f64)
    y = layer(x)
    (y * dy).sum().backward()
    cases.append({"kind": "batchnorm", "name": name, "training": training, "eps": eps, "x": plain(x.detach()), "dy": plain(dy),
                  "gamma": plain(layer.weight.detach()), "beta": plain(layer.bias.detach()), **running, "y": plain(y.detach()),
                  "dx": plain(x.grad), "dgamma": plain(layer.weight.grad), "dbeta": plain(layer.bias.grad)})


batchnorm_case("training, 6x3", torch.randn(6, 3, dtype=f64))
batchnorm_case("training, 2x4 (smallest batch)", torch.randn(2, 4, dtype=f64))
batchnorm_case("training, 16x1", torch.randn(16, 1, dtype=f64) * 3 + 1)
batchnorm_case("training, 8x2, mean 1e3 and scale 1e-2", 1e3 + 1e-2 * torch.randn(8, 2, dtype=f64))
batchnorm_case("training, 5x2, a constant feature", torch.cat([torch.full((5, 1), 2.5, dtype=f64), torch.randn(5, 1, dtype=f64)], 1))
batchnorm_case("training, 7x3, eps 0.1", torch.randn(7, 3, dtype=f64), eps=0.1)
batchnorm_case("evaluation, 4x3", torch.randn(4, 3, dtype=f64), training=False)
batchnorm_case("evaluation, 1x5 (one row)", torch.randn(1, 5, dtype=f64), training=False)


# Scalar expressions; MLCourse.Tests.Autodiff builds each from Value operations with the same name.
EXPRESSIONS = {
    "product reused": (2, lambda x, y: (lambda u: u * u + torch.tanh(u) * x)(x * y)),
    "softplus": (1, lambda x: torch.log(1 + torch.exp(x))),
    "quotient and powers": (3, lambda x, y, z: (torch.pow(x, 3.0) - y) / (z * z + 1) + torch.pow(x / y, 0.5)),
    "cross-entropy of class 0": (3, lambda a, b, c: torch.log(torch.exp(a) + torch.exp(b) + torch.exp(c)) - a),
    "tanh neuron": (5, lambda w1, w2, b, x1, x2: torch.tanh(w1 * x1 + w2 * x2 + b)),
    "constants on both sides": (1, lambda x: (2.0 - x) * 3.0 + 1.0 / x - x / 4.0 + torch.exp(-x) - (x + 0.5) * (-2.0)),
    "tanh applied 30 times": (1, lambda x: [x := torch.tanh(x) for _ in range(30)][-1]),
    "log of a product": (2, lambda x, y: torch.log(x * y) * torch.pow(y, -1.5)),
}
POINTS = {
    "product reused": [[0.5, -1.2], [2.0, 0.3], [-1.5, -0.7]],
    "softplus": [[0.0], [3.0], [-4.5]],
    "quotient and powers": [[1.5, 0.5, -0.3], [2.0, 3.0, 1.0], [0.7, 0.2, 2.5]],
    "cross-entropy of class 0": [[0.1, 0.2, 0.3], [3.0, -1.0, 0.5], [-2.0, 4.0, 1.0]],
    "tanh neuron": [[0.3, -0.8, 0.1, 1.0, 2.0], [1.5, 0.5, -0.2, -1.0, 0.4]],
    "constants on both sides": [[0.8], [-2.5], [4.0]],
    "tanh applied 30 times": [[0.9], [-2.0]],
    "log of a product": [[2.0, 0.5], [0.1, 3.0]],
}
for name, (arity, f) in EXPRESSIONS.items():
    for point in POINTS[name]:
        assert len(point) == arity
        inputs = [torch.tensor(v, dtype=f64, requires_grad=True) for v in point]
        out = f(*inputs)
        out.backward()
        cases.append({"kind": "autodiff", "name": f"{name} at {point}", "expression": name, "point": point,
                      "value": out.item(), "gradient": [v.grad.item() for v in inputs]})

print(dump("backprop.py", {"torch": torch.__version__}, cases))
