#!/usr/bin/env python3
"""Reference values for MLCourse.Networks.ResidualMlp and BatchNorm1d.Backward (PyTorch float64 autograd).

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/residual_networks.py > tests/MLCourse.Tests/Golden/residual_networks.json

Kinds:
- "batchnorm_backward": torch.nn.BatchNorm1d in training mode on an N×C batch x with random γ, β; for an upstream gradient
  dy, x.grad, weight.grad and bias.grad of (y * dy).sum().
- "residual_mlp": the network below with random parameters, on a batch x with class labels: the logits, the mean
  cross-entropy F.cross_entropy, and the gradients of every weight, bias, γ and β, of the input and of every block's
  input (retain_grad), then the loss after a few full-batch steps of torch.optim.SGD(lr, momentum).
    stem   h_0 = f(BN(Linear(x)))                      (BN only if batch_norm)
    block  u = h_b; for each of m units u = f(BN(Linear(u)));  h_{b+1} = h_b + u (residual) or u (plain)
    head   logits = Linear(h_B)
  Weights are written as out×in matrices (PyTorch's layout).
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261211)
f64 = torch.float64
cases = []


def bn_case(name, n, c, scale=1.0):
    bn = torch.nn.BatchNorm1d(c).double()
    with torch.no_grad():
        bn.weight.copy_(torch.randn(c, dtype=f64) * 0.5 + 1)
        bn.bias.copy_(torch.randn(c, dtype=f64))
    x = (torch.randn(n, c, dtype=f64) * scale + 0.3).requires_grad_()
    dy = torch.randn(n, c, dtype=f64)
    (bn(x) * dy).sum().backward()
    cases.append({"kind": "batchnorm_backward", "name": "BatchNorm1d backward: " + name, "x": plain(x.detach()), "dy": plain(dy),
                  "gamma": plain(bn.weight.detach()), "beta": plain(bn.bias.detach()),
                  "dx": plain(x.grad), "dgamma": plain(bn.weight.grad), "dbeta": plain(bn.bias.grad)})


bn_case("N = 6, C = 3", 6, 3)
bn_case("N = 2, C = 4 (the smallest batch)", 2, 4)
bn_case("N = 16, C = 5, large inputs", 16, 5, scale=40.0)


class Net(torch.nn.Module):
    def __init__(self, d_in, width, d_out, blocks, m, act, residual, batch_norm):
        super().__init__()
        self.act, self.residual, self.m = act, residual, m
        self.linears = torch.nn.ModuleList([torch.nn.Linear(d_in, width)] +
                                           [torch.nn.Linear(width, width) for _ in range(blocks * m)] + [torch.nn.Linear(width, d_out)])
        self.norms = torch.nn.ModuleList([torch.nn.BatchNorm1d(width) for _ in range(blocks * m + 1)]) if batch_norm else None
        self.blocks = blocks

    def unit(self, l, h):
        z = self.linears[l](h)
        return self.act(self.norms[l](z) if self.norms is not None else z)

    def forward(self, x):
        h = self.unit(0, x)
        inputs = [h]
        for b in range(self.blocks):
            u = h
            for k in range(self.m):
                u = self.unit(1 + b * self.m + k, u)
            h = h + u if self.residual else u
            inputs.append(h)
        for t in inputs:
            t.retain_grad()
        return self.linears[-1](h), inputs


def mlp_case(name, d_in, width, d_out, blocks, m, act, residual, batch_norm, n, steps=3, lr=0.05, momentum=0.9):
    net = Net(d_in, width, d_out, blocks, m, {"relu": torch.relu, "tanh": torch.tanh}[act], residual, batch_norm).double()
    if batch_norm:
        with torch.no_grad():
            for bn in net.norms:
                bn.weight.copy_(torch.rand(width, dtype=f64) + 0.5)
                bn.bias.copy_(torch.randn(width, dtype=f64) * 0.1)
    x = torch.randn(n, d_in, dtype=f64).requires_grad_()
    labels = torch.randint(0, d_out, (n,))
    logits, inputs = net(x)
    loss = F.cross_entropy(logits, labels)
    loss.backward()
    case = {"kind": "residual_mlp", "name": "ResidualMlp: " + name, "input_size": d_in, "width": width, "output_size": d_out,
            "blocks": blocks, "layers_per_block": m, "activation": act, "residual": residual, "batch_norm": batch_norm,
            "weights": [plain(l.weight.detach()) for l in net.linears], "biases": [plain(l.bias.detach()) for l in net.linears],
            "gammas": [plain(bn.weight.detach()) for bn in net.norms] if batch_norm else [],
            "betas": [plain(bn.bias.detach()) for bn in net.norms] if batch_norm else [],
            "x": plain(x.detach()), "labels": labels.tolist(), "logits": plain(logits.detach()), "loss": loss.item(),
            "weight_grads": [plain(l.weight.grad) for l in net.linears], "bias_grads": [plain(l.bias.grad) for l in net.linears],
            "gamma_grads": [plain(bn.weight.grad) for bn in net.norms] if batch_norm else [],
            "beta_grads": [plain(bn.bias.grad) for bn in net.norms] if batch_norm else [],
            "input_grad": plain(x.grad), "block_input_grads": [plain(t.grad) for t in inputs],
            "lr": lr, "momentum": momentum, "steps": steps}
    optimizer = torch.optim.SGD(net.parameters(), lr=lr, momentum=momentum)
    losses = []
    for _ in range(steps):
        optimizer.zero_grad()
        step_loss = F.cross_entropy(net(x.detach())[0], labels)
        losses.append(step_loss.item())
        step_loss.backward()
        optimizer.step()
    case["train_losses"] = losses
    case["loss_after_training"] = F.cross_entropy(net(x.detach())[0], labels).item()
    cases.append(case)


mlp_case("plain, ReLU, batch norm, 2 blocks of 2 units", 2, 5, 2, 2, 2, "relu", False, True, 8)
mlp_case("residual, ReLU, batch norm, 2 blocks of 2 units", 2, 5, 2, 2, 2, "relu", True, True, 8)
mlp_case("residual, tanh, no batch norm, 3 blocks of 1 unit, 3 classes", 4, 6, 3, 3, 1, "tanh", True, False, 5)
mlp_case("plain, tanh, no batch norm, 2 blocks of 1 unit", 3, 4, 2, 2, 1, "tanh", False, False, 4)
mlp_case("residual, ReLU, batch norm, no blocks (stem and head only)", 3, 4, 2, 0, 1, "relu", True, True, 6)

print(dump("residual_networks.py", {"torch": torch.__version__}, cases))
