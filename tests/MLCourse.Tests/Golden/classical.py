#!/usr/bin/env python3
"""Reference values for MLCourse.Classical (Pca, StandardScaler, LogisticRegression, LinearSvm, KernelSvm, Kernels),
from scikit-learn 1.2.

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/classical.py > tests/MLCourse.Tests/Golden/classical.json

What each kind mirrors:
- "pca": sklearn.decomposition.PCA(n_components=k, svd_solver="full"): components_ (signs by 1.2's svd_flip on U),
  explained_variance_, explained_variance_ratio_, singular_values_, mean_, transform and inverse_transform.
- "scaler": sklearn.preprocessing.StandardScaler(): mean_, scale_, transform.
- "logistic": sklearn.linear_model.LogisticRegression(C=c, fit_intercept=…, tol=1e-12, max_iter=10000) with
  sample weights, solved with solver="newton-cholesky" and solver="newton-cg". Each solver's "precision" is how far its
  θ = (w, b) lies from the exact optimum, max|H⁻¹∇f(θ)|/max|θ| (one Newton step, in float64): 1e-16 … 1e-7 depending on
  the case and solver (newton-cg's line search often stalls before its tolerance; newton-cholesky once stops at 6e-8).
  The tests compare with each solver at that precision. lbfgs is not used: it stops on scipy's relative-decrease test
  ftol = 2.2e-9, 1e-3 … 1e-7 away from the optimum even with tol=1e-12.
- "svm": sklearn.svm.SVC(kernel=…, C=…, tol=1e-12): support_ (sorted), dual_coef_ (= yᵢαᵢ, in the same order),
  coef_ (linear kernel), intercept_, decision_function. libsvm caches the kernel matrix in single precision, so its
  solution is accurate to ~1e-8 relative; for the hard-margin cases the exact solution on libsvm's support set (the KKT
  system y_t(Σ_s α_s y_s K_ts + b) = 1, Σ α_s y_s = 0 solved in float64) is stored too, as "exact_*".
- "kernel": sklearn.metrics.pairwise.polynomial_kernel and rbf_kernel Gram matrices.
Datasets by name ("wine", "wine-standardised", "iris", "breast_cancer-standardised") are loaded by the C# tests from
data/ through MLCourse.Data (and standardised with MLCourse.Classical.StandardScaler); random data are stored inline.
"""
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_iris, load_wine
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics.pairwise import polynomial_kernel, rbf_kernel
from sklearn.preprocessing import StandardScaler
from sklearn.svm import SVC

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

rng = np.random.default_rng(20261216)
cases = []

named = {
    "wine": load_wine(return_X_y=True),
    "iris": load_iris(return_X_y=True),
    "breast_cancer": load_breast_cancer(return_X_y=True),
}
named["wine-standardised"] = (StandardScaler().fit_transform(named["wine"][0]), named["wine"][1])
named["breast_cancer-standardised"] = (StandardScaler().fit_transform(named["breast_cancer"][0]), named["breast_cancer"][1])


def data_fields(name, x):
    return {"data": name} if name in named else {"data": name, "x": plain(x)}


# ---------------------------------------------------------------- PCA
def pca_case(name, x, k):
    model = PCA(n_components=k, svd_solver="full").fit(x)
    new = rng.standard_normal((4, x.shape[1])) * x.std(axis=0) + x.mean(axis=0)
    scores = model.transform(np.vstack([x[:5], new]))
    cases.append({"name": f"pca {name} k={k}", "kind": "pca", **data_fields(name, x), "components": k,
                  "new_rows": plain(new), "components_": plain(model.components_),
                  "explained_variance": plain(model.explained_variance_),
                  "explained_variance_ratio": plain(model.explained_variance_ratio_),
                  "singular_values": plain(model.singular_values_), "mean": plain(model.mean_),
                  "transform": plain(scores), "inverse_transform": plain(model.inverse_transform(scores))})


spread = rng.standard_normal((50, 6)) @ np.diag([5.0, 3.0, 2.0, 1.0, 0.5, 0.1]) @ np.linalg.qr(rng.standard_normal((6, 6)))[0] + 3
for k in (1, 3, 6):
    pca_case("random 50x6", spread, k)
wide = rng.standard_normal((12, 20)) * rng.uniform(0.5, 4.0, 20) - 1
for k in (5, 11):
    pca_case("random 12x20 (p > n)", wide, k)
pca_case("random 200x8", rng.standard_normal((200, 8)) * np.array([10, 7, 5, 3, 2, 1, 0.5, 0.2]), 4)
pca_case("wine", named["wine"][0], 3)
for k in (2, 13):
    pca_case("wine-standardised", named["wine-standardised"][0], k)
for k in (2, 4):
    pca_case("iris", named["iris"][0], k)
pca_case("breast_cancer-standardised", named["breast_cancer-standardised"][0], 10)


# ---------------------------------------------------------------- StandardScaler
def scaler_case(name, x):
    model = StandardScaler().fit(x)
    cases.append({"name": f"scaler {name}", "kind": "scaler", **data_fields(name, x),
                  "mean": plain(model.mean_), "scale": plain(model.scale_), "transform_rows": plain(model.transform(x[:5]))})


for name in ("wine", "breast_cancer"):
    scaler_case(name, named[name][0])
with_constant = rng.standard_normal((30, 4)) * [1, 10, 0.1, 1] + [0, 5, -2, 0]
with_constant[:, 3] = 7.25
scaler_case("random 30x4 with a constant column", with_constant)


# ---------------------------------------------------------------- logistic regression
def logistic_fit(solver, x, y, c, fit_intercept, weights):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # newton-cg warns that its line search stalls near the optimum
        model = LogisticRegression(C=c, fit_intercept=fit_intercept, tol=1e-12, max_iter=10000, solver=solver)
        return model.fit(x, y, sample_weight=weights)


def distance_to_optimum(x, y, c, fit_intercept, weights, theta):
    """max|Newton step|/max|θ| at θ: how far θ is from the exact optimum of ½‖w‖² + C·Σ sᵢ·logloss (quadratic region)."""
    n, p = x.shape
    design = np.hstack([x, np.ones((n, 1))]) if fit_intercept else x
    s = np.ones(n) if weights is None else weights
    prob = 1 / (1 + np.exp(-design @ theta))
    gradient = c * design.T @ (s * (prob - y))
    gradient[:p] += theta[:p]
    hessian = c * design.T @ (design * (s * prob * (1 - prob))[:, None])
    hessian[range(p), range(p)] += 1
    return float(np.abs(np.linalg.solve(hessian, gradient)).max() / np.abs(theta).max())


def logistic_case(name, x, y, c, fit_intercept=True, weights=None, label=""):
    case = {"name": f"logistic {name} C={c} intercept={fit_intercept}{label}", "kind": "logistic", **data_fields(name, x),
            "y": plain(y), "c": c, "fit_intercept": fit_intercept, "sample_weight": None if weights is None else plain(weights)}
    best = None
    for solver in ("newton-cholesky", "newton-cg"):
        model = logistic_fit(solver, x, y, c, fit_intercept, weights)
        theta = np.r_[model.coef_[0], model.intercept_] if fit_intercept else model.coef_[0]
        precision = distance_to_optimum(x, y, c, fit_intercept, weights, theta)
        case[solver] = {"coef": plain(model.coef_[0]), "intercept": float(model.intercept_[0]), "precision": precision}
        if best is None or precision < best[0]:
            best = (precision, model)
    case["probability"] = plain(best[1].predict_proba(x[:8])[:, 1])
    case["predict"] = plain(best[1].predict(x[:8]))
    cases.append(case)


xl = rng.standard_normal((60, 4)) * [1, 2, 0.5, 1] + [0.5, 0, 0, -1]
yl = (xl @ [1.5, -0.8, 2.0, 0.0] + 0.3 + rng.standard_normal(60) > 0).astype(int)
for c in (0.1, 1.0, 100.0):
    logistic_case("random 60x4", xl, yl, c)
logistic_case("random 60x4", xl, yl, 1.0, fit_intercept=False)
logistic_case("random 60x4", xl, yl, 3.0, weights=rng.uniform(0.2, 3.0, 60), label=" weighted")
logistic_case("random 60x4", xl, yl, 1.0, weights=rng.integers(0, 4, 60).astype(float), label=" integer weights with zeros")
separable = rng.standard_normal((40, 2))
logistic_case("random 40x2 separable", separable, (separable[:, 0] + separable[:, 1] > 0).astype(int), 1e4)
bc_x, bc_y = named["breast_cancer-standardised"]
logistic_case("breast_cancer-standardised", bc_x, bc_y, 1.0)
logistic_case("breast_cancer-standardised", bc_x, bc_y, 0.05, weights=rng.uniform(0.5, 2.0, len(bc_y)), label=" weighted")
imbalanced = rng.standard_normal((300, 3))
y_imbalanced = (imbalanced @ [1.0, 0.5, -0.5] + rng.standard_normal(300) > 2.0).astype(int)
balanced = len(y_imbalanced) / (2 * np.bincount(y_imbalanced))   # class_weight="balanced" as sample weights
logistic_case("random 300x3 imbalanced", imbalanced, y_imbalanced, 1.0, weights=balanced[y_imbalanced], label=" balanced")


# ---------------------------------------------------------------- SVM
def exact_hard_margin(gram, y, support):
    """The KKT system on the support set: Q_SS α_S + b·y_S = 1, y_Sᵀ α_S = 0."""
    s = np.asarray(support)
    q = np.outer(y[s], y[s]) * gram[np.ix_(s, s)]
    k = len(s)
    system = np.zeros((k + 1, k + 1))
    system[:k, :k], system[:k, k], system[k, :k] = q, y[s], y[s]
    solution = np.linalg.solve(system, np.r_[np.ones(k), 0.0])
    return solution[:k] * y[s], solution[k]


def svm_case(name, x, y, c, kernel="linear", **kernel_args):
    model = SVC(kernel=kernel, C=c, tol=1e-12, **kernel_args).fit(x, y)
    order = np.argsort(model.support_)
    support, dual = model.support_[order], model.dual_coef_[0][order]
    case = {"name": f"svm {name} {kernel} C={c:g}", "kind": "svm", "x": plain(x), "y": plain(y.astype(int)), "c": c,
            "kernel": kernel, **kernel_args, "support": plain(support), "dual_coef": plain(dual),
            "intercept": float(model.intercept_[0]), "decision": plain(model.decision_function(x))}
    if kernel == "linear":
        case["coef"] = plain(model.coef_[0])
    if c >= 1e10:
        gram = {"linear": x @ x.T, "poly": polynomial_kernel(x, degree=kernel_args.get("degree", 3),
                                                             gamma=kernel_args.get("gamma"), coef0=kernel_args.get("coef0", 0.0))}[kernel]
        exact_dual, exact_b = exact_hard_margin(gram, y, support)
        case["exact_dual_coef"], case["exact_intercept"] = plain(exact_dual), float(exact_b)
        if kernel == "linear":
            case["exact_coef"] = plain(exact_dual @ x[support])
    cases.append(case)


def clusters(n, d, shift, noise=1.0):
    x = np.vstack([rng.standard_normal((n, d)) * noise + shift, rng.standard_normal((n, d)) * noise - shift])
    return x, np.r_[np.ones(n), -np.ones(n)]


for trial, (n, d, shift) in enumerate([(10, 2, 2.0), (15, 2, 1.6), (12, 5, 1.5), (25, 3, 2.5)]):
    x, y = clusters(n, d, shift)
    svm_case(f"separable {2 * n}x{d} #{trial}", x, y, 1e10)
x, y = clusters(20, 2, 0.8)
for c in (0.1, 1.0):
    svm_case("overlapping 40x2", x, y, c)
radius = np.r_[rng.uniform(0, 1, 15), rng.uniform(1.6, 2.5, 15)]
angle = rng.uniform(0, 2 * np.pi, 30)
circles = np.c_[radius * np.cos(angle), radius * np.sin(angle)] + [0.3, -0.2]
rings = np.r_[np.ones(15), -np.ones(15)]
svm_case("circles 30x2", circles, rings, 1e10, kernel="poly", degree=2, gamma=1.0, coef0=0.0)
svm_case("circles 30x2", circles, rings, 1.0, kernel="rbf", gamma=0.5)


# ---------------------------------------------------------------- kernels
kx, kz = rng.standard_normal((5, 3)), rng.standard_normal((4, 3))
for degree, gamma, coef0 in ((2, 1.0, 0.0), (3, 0.5, 1.0)):
    cases.append({"name": f"kernel poly degree={degree} gamma={gamma} coef0={coef0}", "kind": "kernel", "kernel": "poly",
                  "x": plain(kx), "z": plain(kz), "degree": degree, "gamma": gamma, "coef0": coef0,
                  "gram": plain(polynomial_kernel(kx, kz, degree=degree, gamma=gamma, coef0=coef0))})
cases.append({"name": "kernel rbf gamma=0.7", "kind": "kernel", "kernel": "rbf", "x": plain(kx), "z": plain(kz), "gamma": 0.7,
              "gram": plain(rbf_kernel(kx, kz, gamma=0.7))})

print(dump("classical.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
