#!/usr/bin/env python3
"""Reference values for MLCourse.Regularization (Lasso, Ridge, lasso paths) and MLCourse.Data.Diabetes, from scikit-learn.

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/regularization.py > tests/MLCourse.Tests/Golden/regularization.json
Lasso fits use tol=1e-12 and a large max_iter, so the references are converged far below the tests' 1e-6 tolerance.
Cases on the diabetes data name the data ("diabetes-scaled" = load_diabetes(), "diabetes-raw" = scaled=False)
instead of repeating it; the C# tests load it from data/diabetes.csv through MLCourse.Data.Diabetes.
"""
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso, Ridge, lars_path, lasso_path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

warnings.simplefilter("error", ConvergenceWarning)   # a reference that did not converge is no reference
rng = np.random.default_rng(20261125)
TOL, MAX_ITER = 1e-12, 1_000_000

datasets = {
    "diabetes-scaled": load_diabetes(return_X_y=True),
    "diabetes-raw": load_diabetes(return_X_y=True, scaled=False),
}


def random_problem(n, p, sparse_truth=3, noise=0.5):
    x = rng.standard_normal((n, p)) * rng.uniform(0.5, 3.0, p) + rng.uniform(-2, 2, p)
    w = np.zeros(p)
    w[rng.choice(p, sparse_truth, replace=False)] = rng.standard_normal(sparse_truth) * 3
    return x, x @ w + 1.5 + noise * rng.standard_normal(n)


datasets["random 40x8"] = random_problem(40, 8)
datasets["random 15x30 (p > n)"] = random_problem(15, 30)


def data_fields(name):
    if name.startswith("diabetes"):
        return {"data": name}
    x, y = datasets[name]
    return {"data": name, "x": plain(x), "y": plain(y)}


cases = []


def lasso_case(data, alpha, fit_intercept):
    x, y = datasets[data]
    model = Lasso(alpha=alpha, fit_intercept=fit_intercept, tol=TOL, max_iter=MAX_ITER).fit(x, y)
    cases.append({"name": f"lasso {data} alpha={alpha} intercept={fit_intercept}", "kind": "lasso", **data_fields(data),
                  "alpha": alpha, "fit_intercept": fit_intercept,
                  "coef": plain(model.coef_), "intercept": float(model.intercept_), "n_iter": int(model.n_iter_)})


for alpha in [0.01, 0.1, 0.5, 1.0, 2.0, 2.2]:   # alpha_max of the scaled data is 2.148…: 2.2 gives w = 0
    lasso_case("diabetes-scaled", alpha, True)
for alpha in [0.1, 1.0, 100.0]:
    lasso_case("diabetes-scaled", alpha, False)
for alpha in [0.1, 1.0]:
    lasso_case("diabetes-raw", alpha, True)
for alpha in [0.01, 0.1, 0.5, 5.0]:
    lasso_case("random 40x8", alpha, True)
    lasso_case("random 40x8", alpha, False)
for alpha in [0.05, 0.3]:
    lasso_case("random 15x30 (p > n)", alpha, True)


def ridge_case(data, alpha, fit_intercept):
    x, y = datasets[data]
    model = Ridge(alpha=alpha, fit_intercept=fit_intercept, solver="svd").fit(x, y)
    cases.append({"name": f"ridge {data} alpha={alpha} intercept={fit_intercept}", "kind": "ridge", **data_fields(data),
                  "alpha": alpha, "fit_intercept": fit_intercept,
                  "coef": plain(model.coef_), "intercept": float(model.intercept_)})


for alpha in [0.0, 0.01, 1.0, 100.0]:
    ridge_case("diabetes-scaled", alpha, True)
ridge_case("diabetes-scaled", 1.0, False)
for alpha in [0.0, 10.0]:
    ridge_case("diabetes-raw", alpha, True)
for alpha in [0.0, 0.5, 20.0]:
    ridge_case("random 40x8", alpha, True)
    ridge_case("random 40x8", alpha, False)
ridge_case("random 15x30 (p > n)", 1.0, True)

# Lasso paths. lasso_path fits no intercept, so X and y are centred first, as Lasso(fit_intercept=True) does; the C#
# path fits the intercept itself, b = mean(y) - mean(X) @ w at every step.
x, y = datasets["diabetes-scaled"]
yc = y - y.mean()
alpha_max = float(np.max(np.abs(x.T @ yc)) / len(y))
path_alphas = alpha_max * np.logspace(0, -4, 25)
alphas, coefs, _ = lasso_path(x, yc, alphas=path_alphas, tol=TOL, max_iter=MAX_ITER)
cases.append({"name": "lasso_path diabetes-scaled", "kind": "lasso_path", "data": "diabetes-scaled",
              "alpha_max": alpha_max, "alphas": plain(alphas), "coefs": plain(coefs),
              "intercepts": plain(y.mean() - x.mean(axis=0) @ coefs)})

xr, yr = datasets["random 15x30 (p > n)"]
xrc, yrc = xr - xr.mean(axis=0), yr - yr.mean()
alphas, coefs, _ = lasso_path(xrc, yrc, alphas=np.geomspace(2.0, 0.05, 12), tol=TOL, max_iter=MAX_ITER)
cases.append({"name": "lasso_path random 15x30 (p > n)", "kind": "lasso_path", **data_fields("random 15x30 (p > n)"),
              "alphas": plain(alphas), "coefs": plain(coefs), "intercepts": plain(yr.mean() - xr.mean(axis=0) @ coefs)})

# LARS with the lasso modification: the exact knots of the lasso path, the order variables are added, and the solution
# at every knot. Variable 6 (s3, hdl) leaves the active set at the 10th knot and comes back at the 11th.
knots, active, knot_coefs = lars_path(x, yc, method="lasso")
first_entry = []
for k in range(1, knot_coefs.shape[1]):
    for j in np.flatnonzero(knot_coefs[:, k]):
        if j not in first_entry:
            first_entry.append(int(j))
cases.append({"name": "lars_path lasso diabetes-scaled", "kind": "lars", "data": "diabetes-scaled",
              "alphas": plain(knots), "active": [int(a) for a in active], "first_entry": first_entry,
              "coefs": plain(knot_coefs), "intercept": float(y.mean())})

raw, _ = datasets["diabetes-raw"]
cases.append({"name": "load_diabetes", "kind": "diabetes", "n_samples": int(x.shape[0]),
              "rows": [0, 1, 2, 441], "scaled_rows": plain(x[[0, 1, 2, 441]]), "raw_rows": plain(raw[[0, 1, 2, 441]]),
              "target_rows": plain(y[[0, 1, 2, 441]]), "scaled_means": plain(x.mean(axis=0)),
              "scaled_norms": plain(np.linalg.norm(x, axis=0)), "raw_means": plain(raw.mean(axis=0)), "target_mean": float(y.mean())})

print(dump("regularization.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
