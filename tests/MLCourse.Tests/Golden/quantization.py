#!/usr/bin/env python3
"""Reference values for MLCourse.Inference (AffineQuantizer, Quantization), computed with PyTorch in float64.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/quantization.py > tests/MLCourse.Tests/Golden/quantization.json

Kinds of case:
  per_tensor   torch.fake_quantize_per_tensor_affine and its autograd gradient (the straight-through estimator)
  per_channel  torch.fake_quantize_per_channel_affine and its gradient
  codes        torch.quantize_per_tensor(x.float(), ...).int_repr() and .dequantize() (dyadic scales: exact in float32)
  observer     scale / zero point of MinMaxObserver and PerChannelMinMaxObserver (buffers in float64)

PyTorch keeps scales as float32 and multiplies by a float32 reciprocal, so every scale below is a float32 number and each
case is checked here against the exact double-precision formula (clamp(round(x/s) + z) - z) * s with round half to even:
a case whose inputs sit so close to a rounding boundary that the two disagree would stop this script.
"""
import os
import sys

import torch
from torch.ao.quantization import MinMaxObserver, PerChannelMinMaxObserver

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261125)
F64 = torch.float64
cases = []


def f32(s):
    """The float32 number nearest to s, as a Python float (what PyTorch stores as the scale)."""
    return float(torch.tensor(s, dtype=torch.float32))


def exact(x, scale, zero, qmin, qmax):
    return (torch.clamp(torch.round(x / scale) + zero, qmin, qmax) - zero) * scale


def in_range(x, scale, zero, qmin, qmax):
    q = torch.round(x / scale) + zero
    return ((q >= qmin) & (q <= qmax)).to(F64)


def per_tensor(name, x, scale, zero, qmin, qmax):
    scale = f32(scale)
    x = x.clone().requires_grad_(True)
    out = torch.fake_quantize_per_tensor_affine(x, scale, zero, qmin, qmax)
    upstream = torch.randn(x.shape, dtype=F64)
    (out * upstream).sum().backward()
    reference = exact(x.detach(), scale, zero, qmin, qmax)
    assert torch.equal(out.detach(), reference), name
    assert torch.equal(x.grad, upstream * in_range(x.detach(), scale, zero, qmin, qmax)), name
    cases.append({"name": name, "kind": "per_tensor", "x": plain(x.detach()), "scale": scale, "zero_point": zero,
                  "quant_min": qmin, "quant_max": qmax, "output": plain(out.detach()),
                  "grad_output": plain(upstream), "grad": plain(x.grad)})


def per_channel(name, x, scales, zeros, axis, qmin, qmax):
    scales = torch.tensor([f32(s) for s in scales], dtype=torch.float32)
    zeros_t = torch.tensor(zeros, dtype=torch.int32)
    x = x.clone().requires_grad_(True)
    out = torch.fake_quantize_per_channel_affine(x, scales, zeros_t, axis, qmin, qmax)
    upstream = torch.randn(x.shape, dtype=F64)
    (out * upstream).sum().backward()
    shape = [-1, 1] if axis == 0 else [1, -1]
    s64, z64 = scales.to(F64).reshape(shape), zeros_t.to(F64).reshape(shape)
    assert torch.equal(out.detach(), exact(x.detach(), s64, z64, qmin, qmax)), name
    assert torch.equal(x.grad, upstream * in_range(x.detach(), s64, z64, qmin, qmax)), name
    cases.append({"name": name, "kind": "per_channel", "x": plain(x.detach()), "scales": plain(scales.to(F64)),
                  "zero_points": zeros, "axis": axis, "quant_min": qmin, "quant_max": qmax,
                  "output": plain(out.detach()), "grad_output": plain(upstream), "grad": plain(x.grad)})


def codes(name, x, scale, zero, dtype):
    x = x.to(torch.float32).to(F64)   # quantize_per_tensor takes float32: store the float32 inputs it saw
    q = torch.quantize_per_tensor(x.to(torch.float32), scale, zero, dtype)
    info = torch.iinfo(torch.int8 if dtype == torch.qint8 else torch.uint8)
    cases.append({"name": name, "kind": "codes", "x": plain(x), "scale": scale, "zero_point": zero,
                  "quant_min": info.min, "quant_max": info.max,
                  "codes": plain(q.int_repr().to(torch.int64)), "output": plain(q.dequantize().to(F64))})


def observer(name, x, scheme, qmin, qmax, axis=None, bits=8):
    kwargs = {"quant_min": qmin, "quant_max": qmax, "factory_kwargs": {"dtype": F64}}
    symmetric = scheme in (torch.per_tensor_symmetric, torch.per_channel_symmetric)
    dtype = torch.qint8 if symmetric else torch.quint8
    if axis is None:
        obs = MinMaxObserver(dtype=dtype, qscheme=scheme, **kwargs)
    else:
        obs = PerChannelMinMaxObserver(ch_axis=axis, dtype=dtype, qscheme=scheme, **kwargs)
    obs(x)
    scale, zero = obs.calculate_qparams()
    cases.append({"name": name, "kind": "observer", "x": plain(x), "symmetric": symmetric, "bits": bits, "axis": axis,
                  "quant_min": qmin, "quant_max": qmax, "scales": plain(scale.reshape(-1).to(F64)),
                  "zero_points": plain(zero.reshape(-1).to(torch.int64))})


def randn(*shape, scale=1.0):
    return torch.randn(*shape, dtype=F64) * scale


# Ties at .5 (dyadic scales, so x/s is exact) and clamping at both ends.
ties = torch.tensor([[-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.5],
                     [126.5, 127.5, 128.5, -127.5, -128.5, -129.5, 0.0],
                     [1e6, -1e6, 0.49999999999999994, -0.5000000000000001, 4.5, -4.5, 5.5]], dtype=F64)
per_tensor("ties at .5 round to even, int8, scale 1", ties, 1.0, 0, -128, 127)
per_tensor("ties at .5, uint8, scale 0.25, zero point 128", ties * 0.25, 0.25, 128, 0, 255)
per_tensor("ties at .5, restricted int8 [-127, 127], scale 2", ties * 2, 2.0, 0, -127, 127)
per_tensor("ties at .5, 4-bit [-8, 7], scale 0.5, zero point -3", ties[:, :5] * 0.5, 0.5, -3, -8, 7)
per_tensor("random 4x6, int8, scale 0.05", randn(4, 6, scale=2.0), 0.05, 0, -128, 127)
per_tensor("random 3x5, uint8, scale 0.037, zero point 77", randn(3, 5, scale=3.0), 0.037, 77, 0, 255)
per_tensor("random 6x2, many clamped, scale 0.01", randn(6, 2, scale=3.0), 0.01, 0, -128, 127)
per_tensor("one value", torch.tensor([[0.3]], dtype=F64), 0.1, 0, -128, 127)
per_tensor("zero point at quant_min clips every negative", randn(2, 5), 1.0 / 64, 0, 0, 255)
per_tensor("zero point at quant_max clips every positive", randn(2, 5), 1.0 / 64, 255, 0, 255)

# Per-channel along rows (axis 0) and columns (axis 1).
per_channel("axis 0, 3 rows, int8", randn(3, 4) * torch.tensor([[0.1], [5.0], [1.0]], dtype=F64), [0.001, 0.04, 0.01], [0, 3, -2], 0, -128, 127)
per_channel("axis 1, 4 columns, uint8", randn(5, 4, scale=2.0), [0.02, 0.015, 0.03, 0.0075], [128, 0, 255, 100], 1, 0, 255)
per_channel("axis 0, ties and clamping, dyadic scales", ties, [1.0, 0.5, 2.0], [0, 10, -5], 0, -128, 127)
per_channel("axis 1, one row", randn(1, 6), [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], [0, 1, 2, -1, -2, 0], 1, -8, 7)
outlier = randn(4, 8)
outlier[:, 5] *= 40.0
per_channel("axis 1, an outlier column", outlier, [f / 127 for f in outlier.abs().max(dim=0).values.tolist()], [0] * 8, 1, -127, 127)

# Integer codes of torch.quantize_per_tensor (float32 input; dyadic scales keep float32 arithmetic exact).
codes("codes, qint8, scale 0.5", ties * 0.5, 0.5, 0, torch.qint8)
codes("codes, quint8, scale 0.125, zero point 100", ties * 0.125, 0.125, 100, torch.quint8)
codes("codes, quint8, scale 1/32, zero point 0", torch.tensor([[-1.0, 0.015625, 0.03125, 0.046875, 7.96875, 8.0, 9.0]], dtype=F64), 1.0 / 32, 0, torch.quint8)

# Observers: scale and zero point from data.
x = randn(4, 6, scale=1.5)
observer("symmetric int8 [-127, 127], per tensor", x, torch.per_tensor_symmetric, -127, 127)
observer("asymmetric uint8 [0, 255], per tensor", x, torch.per_tensor_affine, 0, 255)
observer("asymmetric uint8, all positive (range widened to 0)", x.abs() + 0.5, torch.per_tensor_affine, 0, 255)
observer("asymmetric uint8, all negative (zero point 255)", -x.abs() - 0.5, torch.per_tensor_affine, 0, 255)
observer("symmetric, all zeros (scale floored at eps)", torch.zeros(2, 3, dtype=F64), torch.per_tensor_symmetric, -127, 127)
observer("asymmetric, all zeros (scale floored at eps)", torch.zeros(2, 3, dtype=F64), torch.per_tensor_affine, 0, 255)
observer("symmetric 4-bit [-7, 7], per tensor", x, torch.per_tensor_symmetric, -7, 7, bits=4)
observer("asymmetric 4-bit [0, 15], per tensor", x, torch.per_tensor_affine, 0, 15, bits=4)
observer("symmetric int8, per channel axis 0", outlier, torch.per_channel_symmetric, -127, 127, axis=0)
observer("symmetric int8, per channel axis 1", outlier, torch.per_channel_symmetric, -127, 127, axis=1)
observer("asymmetric uint8, per channel axis 0", x, torch.per_channel_affine, 0, 255, axis=0)
observer("asymmetric uint8, per channel axis 1", x, torch.per_channel_affine, 0, 255, axis=1)

print(dump("quantization.py", {"torch": torch.__version__}, cases))
