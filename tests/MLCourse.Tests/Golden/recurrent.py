#!/usr/bin/env python3
"""Reference values for MLCourse.Recurrent (Rnn, Lstm, Gru, BiLstm), from PyTorch (float64, a batch of one).

Mirrors torch.nn.RNN(d, h) (tanh), torch.nn.LSTM(d, h), torch.nn.GRU(d, h) and torch.nn.LSTM(d, h, bidirectional=True),
one layer, biases on, batch_first=False with batch size 1: each case stores the layer's parameters (weight_ih_l0,
weight_hh_l0, bias_ih_l0, bias_hh_l0, and the *_reverse ones), the sequence x (T x d), the initial states (null where
the layer is called without one: PyTorch then starts from zeros), output[:, 0], h_n and c_n. For RNN and LSTM it also
stores autograd's x.grad, h0.grad (and c0.grad) for output.backward(G) with a random G (T x h): the backward pass
through time. Shapes include T = 1 and T > 1, d = h = 1, zero and non-zero initial states, and weights scaled up so the
gates saturate.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/recurrent.py > tests/MLCourse.Tests/Golden/recurrent.json
"""
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261211)
torch.set_default_dtype(torch.float64)
cases = []


def parameters(module, scale):
    with torch.no_grad():
        for p in module.parameters():
            p.mul_(scale)
    return {name: plain(p) for name, p in module.named_parameters()}


def leaf(tensor):
    return tensor.clone().requires_grad_(True)


def case(kind, name, d, h, t, h0=False, c0=False, scale=1.0):
    module = {"rnn": lambda: torch.nn.RNN(d, h), "lstm": lambda: torch.nn.LSTM(d, h), "gru": lambda: torch.nn.GRU(d, h),
              "bilstm": lambda: torch.nn.LSTM(d, h, bidirectional=True)}[kind]()
    entry = {"name": name, "kind": kind, "d": d, "h": h, "parameters": parameters(module, scale)}
    x = leaf(torch.randn(t, 1, d) * scale)
    entry["x"] = plain(x[:, 0])
    states = {"h0": leaf(torch.randn(1, 1, h)) if h0 else None, "c0": leaf(torch.randn(1, 1, h)) if c0 else None}
    for key in ("h0", "c0"):
        entry[key] = plain(states[key][0, 0]) if states[key] is not None else None
    if kind == "lstm":
        hx = None
        if h0 or c0:
            hx = tuple(s if s is not None else torch.zeros(1, 1, h) for s in (states["h0"], states["c0"]))
        output, (h_n, c_n) = module(x, hx)
        entry["c_n"] = plain(c_n[0, 0])
    elif kind == "bilstm":
        output, (h_n, _) = module(x)
        entry["h_n_reverse"] = plain(h_n[1, 0])
    else:
        output, h_n = module(x, states["h0"])
    entry["output"] = plain(output[:, 0])
    entry["h_n"] = plain(h_n[0, 0])
    if kind in ("rnn", "lstm"):
        grad_output = torch.randn_like(output)
        output.backward(grad_output)
        entry["grad_output"] = plain(grad_output[:, 0])
        entry["grad_x"] = plain(x.grad[:, 0])
        for key in ("h0", "c0"):
            entry["grad_" + key] = plain(states[key].grad[0, 0]) if states[key] is not None else None
    cases.append(entry)


for kind in ("rnn", "lstm", "gru"):
    case(kind, f"{kind} d=3 h=4 T=1", 3, 4, 1)
    case(kind, f"{kind} d=3 h=4 T=6", 3, 4, 6)
    case(kind, f"{kind} d=3 h=4 T=6 h0", 3, 4, 6, h0=True)
    case(kind, f"{kind} d=1 h=1 T=5 h0", 1, 1, 5, h0=True)
    case(kind, f"{kind} d=5 h=2 T=1 h0", 5, 2, 1, h0=True)
    case(kind, f"{kind} d=4 h=8 T=12 h0 saturated", 4, 8, 12, h0=True, scale=6.0)
case("lstm", "lstm d=3 h=4 T=6 c0 only", 3, 4, 6, c0=True)
case("lstm", "lstm d=3 h=4 T=6 h0 and c0", 3, 4, 6, h0=True, c0=True)
case("lstm", "lstm d=2 h=3 T=1 h0 and c0", 2, 3, 1, h0=True, c0=True)
case("lstm", "lstm d=4 h=8 T=12 h0 and c0 saturated", 4, 8, 12, h0=True, c0=True, scale=6.0)
case("bilstm", "bilstm d=3 h=4 T=1", 3, 4, 1)
case("bilstm", "bilstm d=3 h=4 T=7", 3, 4, 7)
case("bilstm", "bilstm d=2 h=5 T=9 scaled", 2, 5, 9, scale=3.0)

print(dump("recurrent.py", {"torch": torch.__version__}, cases))
