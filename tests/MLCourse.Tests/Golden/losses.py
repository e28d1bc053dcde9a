#!/usr/bin/env python3
"""Reference values for MLCourse.Losses.Loss, from PyTorch (float64, reduction="mean" everywhere).

Mirrors torch.nn.functional: cross_entropy (class indices, with and without label_smoothing and ignore_index, and
class-probability targets), binary_cross_entropy_with_logits (soft targets, |logit| up to 800), mse_loss, l1_loss,
huber_loss (several deltas), kl_div(reduction="batchmean"). Losses torch does not ship are written from their formulas
in torch: softmax focal loss -alpha*(1-p_t)**gamma*log(p_t), log-cosh log(cosh r) = log1p(2 sinh(r/2)**2), Keras's hinge
mean(max(0, 1 - y*s)), and Hinton's distillation alpha*T**2*KL(softmax(t/T) || softmax(s/T)) + (1-alpha)*CE(s, y).
Every gradient is autograd's, with respect to the first argument (logits / prediction / scores / student logits).

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/losses.py > tests/MLCourse.Tests/Golden/losses.json
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261201)
torch.set_default_dtype(torch.float64)
cases = []


def with_grad(x, loss_of):
    x = x.clone().requires_grad_(True)
    loss = loss_of(x)
    loss.backward()
    return plain(loss.item()), x.grad


def logits_of(n, c, scale=3.0):
    return torch.randn(n, c) * scale


# ---- cross-entropy with class indices ----------------------------------------------------------------------------
def cross_entropy_case(name, logits, targets, label_smoothing=0.0, ignore_index=-100):
    targets = torch.tensor(targets)
    loss, grad = with_grad(logits, lambda z: F.cross_entropy(z, targets, label_smoothing=label_smoothing, ignore_index=ignore_index))
    cases.append({"name": name, "kind": "cross_entropy", "logits": plain(logits), "targets": plain(targets),
                  "label_smoothing": label_smoothing, "ignore_index": ignore_index, "loss": loss, "grad": plain(grad)})


extreme = torch.tensor([[800.0, -800.0, 0.0], [-800.0, 800.0, 799.0], [1e4, 5e3, 2e3], [-1e4, -1e3, -34343.0]])
for eps in [0.0, 0.1, 0.3, 1.0]:
    cross_entropy_case(f"ce N=1 C=2 eps={eps}", logits_of(1, 2), [1], eps)
    cross_entropy_case(f"ce N=4 C=3 eps={eps}", logits_of(4, 3), [0, 2, 1, 2], eps)
    cross_entropy_case(f"ce N=8 C=10 eps={eps}", logits_of(8, 10), torch.randint(0, 10, (8,)).tolist(), eps)
    cross_entropy_case(f"ce extreme logits eps={eps}", extreme, [1, 0, 2, 1], eps)
cross_entropy_case("ce N=1 C=1", logits_of(1, 1), [0])
cross_entropy_case("ce N=32 C=50 eps=0.05", logits_of(32, 50, 5.0), torch.randint(0, 50, (32,)).tolist(), 0.05)
for eps in [0.0, 0.2]:
    cross_entropy_case(f"ce ignore -100 eps={eps}", logits_of(6, 5), [3, -100, 0, -100, 4, 1], eps)
    cross_entropy_case(f"ce ignore_index=0 eps={eps}", logits_of(6, 4), [0, 1, 0, 3, 2, 0], eps, ignore_index=0)
    cross_entropy_case(f"ce all ignored eps={eps}", logits_of(3, 4), [-100, -100, -100], eps)
cross_entropy_case("ce extreme logits ignore", extreme, [1, -100, 2, -100], 0.1)


# ---- cross-entropy with class-probability targets -----------------------------------------------------------------
def soft_cross_entropy_case(name, logits, targets):
    loss, grad = with_grad(logits, lambda z: F.cross_entropy(z, targets))
    cases.append({"name": name, "kind": "cross_entropy_probs", "logits": plain(logits), "targets": plain(targets),
                  "loss": loss, "grad": plain(grad)})


soft_cross_entropy_case("soft ce N=5 C=4", logits_of(5, 4), torch.softmax(torch.randn(5, 4), dim=1))
soft_cross_entropy_case("soft ce N=1 C=2", logits_of(1, 2), torch.tensor([[0.25, 0.75]]))
soft_cross_entropy_case("soft ce multi-hot", logits_of(3, 5), torch.tensor([[1.0, 1, 0, 0, 0], [0, 1, 1, 1, 0], [0, 0, 0, 0, 1]]))
soft_cross_entropy_case("soft ce extreme", extreme, torch.softmax(torch.randn(4, 3), dim=1))


# ---- binary cross-entropy with logits ----------------------------------------------------------------------------
def bce_case(name, logits, targets):
    loss, grad = with_grad(logits, lambda x: F.binary_cross_entropy_with_logits(x, targets))
    cases.append({"name": name, "kind": "bce", "logits": plain(logits), "targets": plain(targets), "loss": loss, "grad": plain(grad)})


bce_case("bce n=1", torch.tensor([0.7]), torch.tensor([1.0]))
bce_case("bce n=12 soft", torch.randn(12) * 4, torch.rand(12))
bce_case("bce hard", torch.randn(9) * 3, torch.randint(0, 2, (9,)).double())
bce_case("bce extreme soft", torch.tensor([800.0, -800.0, 500.0, -350.0, 40.0, -40.0, 0.0]),
         torch.tensor([0.3, 0.7, 1.0, 0.0, 0.5, 0.25, 0.9]))
bce_case("bce extreme wrong", torch.tensor([800.0, -800.0, 700.0]), torch.tensor([0.0, 1.0, 0.0]))


# ---- regression losses -------------------------------------------------------------------------------------------
def regression_case(kind, name, prediction, target, loss_of, **options):
    loss, grad = with_grad(prediction, lambda p: loss_of(p, target))
    cases.append({"name": name, "kind": kind, "prediction": plain(prediction), "target": plain(target), **options,
                  "loss": loss, "grad": plain(grad)})


def log_cosh(p, t):
    r = p - t
    return torch.log1p(2 * torch.sinh(r / 2) ** 2).mean()


def hinge(s, y):
    return torch.clamp(1 - y * s, min=0).mean()


for n in [1, 10]:
    prediction, target = torch.randn(n) * 3, torch.randn(n) * 3
    regression_case("mse", f"mse n={n}", prediction, target, F.mse_loss)
    regression_case("l1", f"l1 n={n}", prediction, target, F.l1_loss)
    regression_case("log_cosh", f"log_cosh n={n}", prediction, target, log_cosh)
    for delta in [0.5, 1.0, 2.5]:
        regression_case("huber", f"huber n={n} delta={delta}", prediction, target,
                        lambda p, t: F.huber_loss(p, t, delta=delta), delta=delta)
outliers = (torch.tensor([0.0, 0.3, -1.2, 40.0, -250.0, 1e-3]), torch.tensor([0.0, 0.0, 0.5, 0.0, 0.0, 0.0]))
regression_case("mse", "mse outliers", *outliers, F.mse_loss)
regression_case("l1", "l1 outliers (one zero residual)", *outliers, F.l1_loss)
regression_case("log_cosh", "log_cosh outliers", *outliers, log_cosh)
regression_case("huber", "huber outliers delta=1.0", *outliers, lambda p, t: F.huber_loss(p, t, delta=1.0), delta=1.0)
regression_case("huber", "huber outliers delta=50.0", *outliers, lambda p, t: F.huber_loss(p, t, delta=50.0), delta=50.0)
scores = torch.randn(11) * 2
labels = torch.where(torch.rand(11) < 0.5, -1.0, 1.0)
regression_case("hinge", "hinge n=11", scores, labels, hinge)
regression_case("hinge", "hinge n=1 inside margin", torch.tensor([0.4]), torch.tensor([1.0]), hinge)
regression_case("hinge", "hinge n=3 outside margin", torch.tensor([3.0, -2.5, 1.5]), torch.tensor([1.0, -1.0, 1.0]), hinge)


# ---- focal loss ----------------------------------------------------------------------------------------------------
def focal_case(name, logits, targets, gamma, alpha):
    targets_t = torch.tensor(targets)

    def focal(z):
        log_pt = torch.log_softmax(z, dim=1).gather(1, targets_t[:, None]).squeeze(1)
        return (-alpha * (-torch.expm1(log_pt)) ** gamma * log_pt).mean()

    loss, grad = with_grad(logits, focal)
    cases.append({"name": name, "kind": "focal", "logits": plain(logits), "targets": targets, "gamma": gamma, "alpha": alpha,
                  "loss": loss, "grad": plain(grad)})


for gamma in [0.0, 0.5, 1.0, 2.0, 5.0]:
    focal_case(f"focal N=6 C=4 gamma={gamma}", logits_of(6, 4), torch.randint(0, 4, (6,)).tolist(), gamma, 1.0)
focal_case("focal N=1 C=2 gamma=2 alpha=0.25", logits_of(1, 2), [0], 2.0, 0.25)
focal_case("focal extreme gamma=2", extreme, [1, 0, 2, 1], 2.0, 0.25)
focal_case("focal extreme gamma=1", extreme, [0, 1, 0, 1], 1.0, 1.0)


# ---- KL divergence -------------------------------------------------------------------------------------------------
def kl_case(name, log_q, p):
    loss, grad = with_grad(log_q, lambda x: F.kl_div(x, p, reduction="batchmean"))
    cases.append({"name": name, "kind": "kl_div", "input": plain(log_q), "target": plain(p), "loss": loss})


kl_case("kl N=4 C=5", torch.log_softmax(torch.randn(4, 5) * 2, dim=1), torch.softmax(torch.randn(4, 5), dim=1))
kl_case("kl N=1 C=3 with zero target", torch.log_softmax(torch.randn(1, 3), dim=1), torch.tensor([[0.0, 0.4, 0.6]]))
kl_case("kl equal distributions", torch.log(torch.tensor([[0.2, 0.3, 0.5]])), torch.tensor([[0.2, 0.3, 0.5]]))


# ---- distillation --------------------------------------------------------------------------------------------------
def distillation_case(name, student, teacher, targets, temperature, alpha):
    targets_t = torch.tensor(targets)

    def distill(s):
        soft = F.kl_div(F.log_softmax(s / temperature, dim=1), F.softmax(teacher / temperature, dim=1), reduction="batchmean")
        return alpha * temperature ** 2 * soft + (1 - alpha) * F.cross_entropy(s, targets_t)

    loss, grad = with_grad(student, distill)
    cases.append({"name": name, "kind": "distillation", "student": plain(student), "teacher": plain(teacher), "targets": targets,
                  "temperature": temperature, "alpha": alpha, "loss": loss, "grad": plain(grad)})


student, teacher = logits_of(5, 6), logits_of(5, 6, 4.0)
distill_targets = torch.randint(0, 6, (5,)).tolist()
for temperature in [1.0, 2.0, 4.0, 10.0]:
    for alpha in [0.0, 0.5, 0.9, 1.0]:
        distillation_case(f"distill T={temperature} alpha={alpha}", student, teacher, distill_targets, temperature, alpha)
distillation_case("distill N=1 C=2 T=3", logits_of(1, 2), logits_of(1, 2), [1], 3.0, 0.7)

print(dump("losses.py", {"torch": torch.__version__}, cases))
