#!/usr/bin/env python3
"""Reference values for MLCourse.Activations (Activation, Glu) and MLCourse.Networks (Mlp, SwiGluFeedForward), float64.

Regenerate (needs Debian's python3-torch and python3-mpmath; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/activations.py > tests/MLCourse.Tests/Golden/activations.json

Kinds of case:
- "scalar": torch.sigmoid, torch.tanh, F.relu, F.leaky_relu (several slopes), F.gelu (approximate "none" and "tanh"),
  F.silu, F.softplus (defaults: beta 1, threshold 20) and Swish x*sigmoid(beta*x) (PyTorch has no Swish with a beta:
  written with torch.sigmoid), on a grid with 0, +-1e-8, +-5, +-19, +-20, +-20.5, +-40, +-800; "value" and
  "derivative" are PyTorch's (the derivative by autograd). "exact_value" and "exact_derivative" are the same functions
  evaluated in 60-digit arithmetic (mpmath) and rounded to double (0 where the value is below the smallest double);
  for relu, leaky_relu and softplus they follow PyTorch's definitions (relu'(0) = 0, leaky_relu'(0) = slope, x itself
  above softplus's threshold). "torch_value_rounded" / "torch_derivative_rounded" list the indices where PyTorch's
  float64 result is more than 1e-9 (relative) away from the exact one because its formula cancels: there the tests
  compare with the exact value instead.
- "glu": F.glu(x) on vectors (the last dimension split in halves a, b; a * sigmoid(b)).
- "swiglu": the notes' SwiGLU FeedForward module (003), verbatim, with nn.Linear's default initialisation.
- "mlp": nn.Sequential of nn.Linear layers with an activation after each hidden one, nn.MSELoss, autograd gradients.
"""
import os
import sys

import mpmath
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261208)
f64 = torch.float64
mpmath.mp.dps = 60
cases = []

GRID = [0.0, 1e-8, -1e-8, 0.25, -0.25, 0.5, -0.5, 1.0, -1.0, 1.5, -1.5, 2.0, -2.0, 2.7, -2.7, 5.0, -5.0, 10.0, -10.0,
        19.0, -19.0, 20.0, -20.0, 20.5, -20.5, 36.0, -36.0, 40.0, -40.0, 800.0, -800.0]

C = mpmath.sqrt(2 / mpmath.pi)
K = mpmath.mpf("0.044715")


def s(t):
    return 1 / (1 + mpmath.exp(-t))


def scalar(name, torch_fn, exact_value, exact_derivative, **parameters):
    values, derivatives = [], []
    for x in GRID:
        t = torch.tensor([x], dtype=f64, requires_grad=True)
        y = torch_fn(t)
        y.sum().backward()
        values.append(y.item())
        derivatives.append(t.grad.item())
    exact_v = [float(exact_value(mpmath.mpf(x), x)) for x in GRID]
    exact_d = [float(exact_derivative(mpmath.mpf(x), x)) for x in GRID]

    def rounded(torch_values, exact):
        return [i for i, (a, e) in enumerate(zip(torch_values, exact)) if abs(a - e) > 1e-9 * abs(e) or (e == 0) != (a == 0)]

    case = {"kind": "scalar", "name": name, **parameters, "x": GRID, "value": values, "derivative": derivatives,
            "exact_value": exact_v, "exact_derivative": exact_d,
            "torch_value_rounded": rounded(values, exact_v), "torch_derivative_rounded": rounded(derivatives, exact_d)}
    cases.append(case)


scalar("sigmoid", torch.sigmoid, lambda X, x: s(X), lambda X, x: s(X) * s(-X))
scalar("tanh", torch.tanh, lambda X, x: mpmath.tanh(X), lambda X, x: 1 / mpmath.cosh(X) ** 2)
scalar("relu", F.relu, lambda X, x: max(X, 0), lambda X, x: 1 if x > 0 else 0)
for slope in [0.01, 0.2, 0.0, 1.5, -0.5]:
    scalar(f"leaky_relu slope {slope}", lambda t, a=slope: F.leaky_relu(t, a),
           lambda X, x, a=slope: X if x > 0 else mpmath.mpf(a) * X,
           lambda X, x, a=slope: 1 if x > 0 else mpmath.mpf(a), negative_slope=slope)
scalar("gelu", F.gelu, lambda X, x: X * mpmath.ncdf(X), lambda X, x: mpmath.ncdf(X) + X * mpmath.npdf(X))
scalar("gelu tanh", lambda t: F.gelu(t, approximate="tanh"),
       lambda X, x: X * s(2 * C * (X + K * X ** 3)),
       lambda X, x: s(2 * C * (X + K * X ** 3)) + 2 * X * s(2 * C * (X + K * X ** 3)) * s(-2 * C * (X + K * X ** 3)) * C * (1 + 3 * K * X ** 2))
scalar("silu", F.silu, lambda X, x: X * s(X), lambda X, x: s(X) * (1 + X * s(-X)))
for beta in [1.0, 0.5, 1.702, 10.0, -2.0]:
    scalar(f"swish beta {beta}", lambda t, b=beta: t * torch.sigmoid(b * t),
           lambda X, x, b=beta: X * s(b * X), lambda X, x, b=beta: s(b * X) * (1 + b * X * s(-b * X)), beta=beta)
scalar("softplus", F.softplus, lambda X, x: X if x > 20 else mpmath.log1p(mpmath.exp(X)),
       lambda X, x: 1 if x > 20 else s(X))

# ---- GLU ------------------------------------------------------------------------------------------------------------
for name, x in [("length 2", torch.tensor([0.7, -1.3], dtype=f64)),
                ("length 6", torch.randn(6, dtype=f64) * 2),
                ("length 10 with gates at +-800 and +-40", torch.tensor([1.5, -2.0, 3.0, 0.5, -7.0, 800.0, -800.0, 40.0, -40.0, 0.0], dtype=f64)),
                ("length 16", torch.randn(16, dtype=f64))]:
    cases.append({"kind": "glu", "name": "glu " + name, "x": plain(x), "y": plain(F.glu(x, dim=-1))})


# ---- SwiGLU: the notes' module (003), verbatim ---------------------------------------------------------------------
class FeedForward(nn.Module):
    def __init__(self, hidden_size: int, intermediate_size: int) -> None:
        super().__init__()

        self.w1 = nn.Linear(hidden_size, intermediate_size, bias=False)
        self.w2 = nn.Linear(intermediate_size, hidden_size, bias=False)
        self.w3 = nn.Linear(hidden_size, intermediate_size, bias=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.w2(F.silu(self.w1(x)) * self.w3(x))


for hidden, intermediate, tokens in [(8, 12, 5), (4, 1, 1), (6, 16, 3), (12, 32, 7)]:
    ffn = FeedForward(hidden, intermediate).double()
    x = torch.randn(tokens, hidden, dtype=f64) * 1.5
    with torch.no_grad():
        y = ffn(x)
    cases.append({"kind": "swiglu", "name": f"swiglu d={hidden}, d_ff={intermediate}, {tokens} tokens",
                  "hidden": hidden, "intermediate": intermediate, "w1": plain(ffn.w1.weight.detach()),
                  "w2": plain(ffn.w2.weight.detach()), "w3": plain(ffn.w3.weight.detach()), "x": plain(x), "y": plain(y)})

# ---- MLP: nn.Sequential + MSE, autograd ---------------------------------------------------------------------------
ACTIVATIONS = {"identity": nn.Identity, "relu": nn.ReLU, "tanh": nn.Tanh, "sigmoid": nn.Sigmoid, "gelu": nn.GELU,
               "silu": nn.SiLU, "leaky_relu 0.1": lambda: nn.LeakyReLU(0.1)}


def mlp_case(sizes, activation, n, bias=True):
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1], bias=bias))
        if i < len(sizes) - 2:
            layers.append(ACTIVATIONS[activation]())
    net = nn.Sequential(*layers).double()
    linears = [m for m in net if isinstance(m, nn.Linear)]
    x = torch.randn(n, sizes[0], dtype=f64)
    y = torch.randn(n, sizes[-1], dtype=f64)
    out = net(x)
    loss = F.mse_loss(out, y)
    loss.backward()
    cases.append({"kind": "mlp", "name": f"mlp {sizes} {activation}, N={n}" + ("" if bias else ", no bias"),
                  "sizes": sizes, "activation": activation, "bias": bias, "x": plain(x), "y": plain(y),
                  "weights": [plain(m.weight.detach()) for m in linears],
                  "biases": [plain(m.bias.detach()) for m in linears] if bias else [],
                  "output": plain(out.detach()), "loss": loss.item(),
                  "weight_grads": [plain(m.weight.grad) for m in linears],
                  "bias_grads": [plain(m.bias.grad) for m in linears] if bias else []})


mlp_case([3, 5, 2], "relu", 7)
mlp_case([4, 6, 6, 1], "tanh", 9)
mlp_case([2, 8, 1], "identity", 4, bias=False)
mlp_case([3, 4, 3], "leaky_relu 0.1", 5)
mlp_case([5, 3, 4, 2], "sigmoid", 6)
mlp_case([3, 7, 2], "gelu", 1)
mlp_case([2, 5, 5, 5, 1], "silu", 11)
mlp_case([1, 1], "relu", 3)

print(dump("activations.py", {"torch": torch.__version__, "mpmath": mpmath.__version__}, cases))
