#!/usr/bin/env python3
"""Reference values for MLCourse.Trees (GradientBoostingRegressor, RegressionTree, DecisionTreeClassifier, SecondOrder),
from scikit-learn 1.2 and, for XGBoost's second-order formulas, from the formulas and a brute-force minimisation (SciPy).

Regenerate (needs Debian's python3-sklearn and python3-scipy; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/trees.py > tests/MLCourse.Tests/Golden/trees.json

What each kind mirrors:
- "gbr": sklearn.ensemble.GradientBoostingRegressor(loss="squared_error", n_estimators, learning_rate, max_depth,
  subsample=1) fitted on the first `train_rows` rows: init_ (the mean), train_score_ (MSE after each stage), predict on the
  training rows and, when it is unique, on the held-out rows. Both criteria are fitted, the default "friedman_mse" and
  "squared_error"; `criteria_max_difference` is the largest |difference| of their training predictions.
- "tree_regressor": sklearn.tree.DecisionTreeRegressor(criterion, max_depth) with optional sample weights: the node arrays of
  tree_ (feature, threshold, children, n_node_samples, weighted_n_node_samples, impurity, value) and predict.
- "tree_classifier": sklearn.tree.DecisionTreeClassifier(criterion="gini", max_depth, class_weight=None or "balanced"): the
  node arrays (value normalised to class proportions), predict_proba and predict.
- "second_order_structure" and "second_order_split": XGBoost's leaf weight -G/(H+lambda), structure score and split gain
  from the formulas, next to brute force: scipy.optimize.minimize_scalar of each leaf's sum_i(g_i w + h_i w^2/2) +
  lambda w^2/2 (the leaf weights and structure score of a random partition; for every threshold of every feature, the
  gain = parent minimum - left minimum - right minimum - gamma, and the best split); g and h for squared loss (F - y, 1)
  and the log-loss (p - y, p(1 - p), p = expit(F)).

Uniqueness. Where several splits of a node are equally good in exact arithmetic, scikit-learn keeps the first it meets in
a random order of the features, or the one its rounding favours, and MLCourse the lowest feature: their trees may differ.
The generator therefore recomputes, for every internal node of every sklearn tree, the score of every candidate split of
the node's training samples (weighted squared-error reduction or Gini decrease, in float64) and counts the candidates within
1e-9 (relative) of the best. A tie between splits that partition the training samples differently makes the training
predictions ambiguous: such cases are dropped. A tie between features that partition them alike (common in nodes of two or
three samples) leaves the training predictions alone but not the held-out ones or the node arrays, which are then stored
as null; so are held-out predictions where a held-out value lies on a threshold (27.8 between the training values 27.7 and
27.9: in float64 the midpoint rounds to 27.799999999999997, in float32 above 27.8, so the row goes right in one and left in
the other). The models are also refitted with 12 seeds as a second check that the stored values do not depend on the seed.

float32. scikit-learn's trees cast x to float32 and place thresholds at midpoints of the float32 values. Datasets whose
name ends in "-float32" are rounded to float32 (the C# tests round them the same way) so thresholds agree to the last bit;
on the raw "diabetes" data only predictions and losses are compared.
Datasets by name ("diabetes", "diabetes-float32", "breast_cancer-float32", "iris-float32", "wine-float32") are loaded by
the C# tests from data/ through MLCourse.Data; other data are stored once as a case of kind "dataset" (x and y, or a named
set and the order of its rows), which the others name.
"""
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize_scalar
from scipy.special import expit
from sklearn.datasets import load_breast_cancer, load_diabetes, load_iris, load_wine, make_friedman1
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor
from sklearn.utils.class_weight import compute_sample_weight

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

SEEDS = range(12)
rng = np.random.default_rng(20261215)
cases = []


def f32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


diabetes = load_diabetes(return_X_y=True, scaled=False)
named = {
    "diabetes": diabetes,
    "diabetes-float32": (f32(diabetes[0]), diabetes[1]),
    "breast_cancer-float32": (f32(load_breast_cancer().data), load_breast_cancer().target),
    "iris-float32": (f32(load_iris().data), load_iris().target),
    "wine-float32": (f32(load_wine().data), load_wine().target),
}


stored = set()


def data_fields(name, x, y):
    """Named datasets are loaded by the tests (a name "<named> shuffled" with its rows in the order "rows" of a case of kind
    "dataset"); other data are stored once, as a case of kind "dataset"."""
    if name not in named and name not in stored:
        stored.add(name)
        base = name.removesuffix(" shuffled")
        if base in named:
            rows = [int(np.flatnonzero((named[base][0] == row).all(axis=1))[0]) for row in x]
            assert np.array_equal(named[base][0][rows], x) and np.array_equal(named[base][1][rows], y)
            cases.append({"name": name, "kind": "dataset", "data": base, "rows": rows})
        else:
            cases.append({"name": name, "kind": "dataset", "x": plain(x), "y": plain(y)})
    return {"data": name}


def agree(arrays, tolerance=1e-9):
    first = np.asarray(arrays[0], dtype=float)
    scale = max(1.0, np.abs(first).max())
    return all(np.asarray(a).shape == first.shape and np.abs(np.asarray(a, dtype=float) - first).max() <= tolerance * scale for a in arrays)


def skipped(name, why):
    print(f"skipped {name}: {why}", file=sys.stderr)


def node_ties(tree, x, stats):
    """(training tie, feature tie) over the internal nodes of a fitted sklearn tree; stats[i] = (w_i, w_i * target_i...).

    A training tie: two best splits partition the node's samples differently (sending one sample left on one feature and
    the same sample right on another is the same partition). A feature tie: two best splits at all."""
    x = f32(x)   # the values sklearn's splitter compares
    path = tree.decision_path(x).tocsc()
    training_tie = feature_tie = False
    for node in np.flatnonzero(tree.tree_.children_left >= 0):
        rows = path[:, node].nonzero()[0]
        candidates = []
        for f in range(x.shape[1]):
            order = rows[np.argsort(x[rows, f], kind="stable")]
            values = x[order, f]
            left = np.cumsum(stats[order], axis=0)[:-1]
            right = left[-1] + stats[order[-1]] - left if len(left) else left
            valid = np.flatnonzero(values[1:] > values[:-1])
            for k in valid:
                wl, wr = left[k, 0], right[k, 0]
                score = wl * wr / (wl + wr) * np.sum((left[k, 1:] / wl - right[k, 1:] / wr) ** 2)
                side = frozenset(order[:k + 1].tolist())
                candidates.append((score, f, frozenset([side, frozenset(rows.tolist()) - side])))   # {A, B} = {B, A}
        best = max(c[0] for c in candidates)
        tied = [c for c in candidates if c[0] >= best * (1 - 1e-9)]
        training_tie |= len({c[2] for c in tied}) > 1
        feature_tie |= len(tied) > 1
    return training_tie, feature_tie


def on_a_threshold(trees, rows):
    """Whether a row has a feature value at a split's threshold up to float32 rounding (27.8 between training values 27.7
    and 27.9): which side it takes depends on how the midpoint is rounded (float32 here, float64 in MLCourse). Data exactly
    representable in float32 have the same thresholds in both, bit for bit."""
    if np.array_equal(f32(rows), rows):
        return False
    for tree in trees:
        t = tree.tree_
        for node in np.flatnonzero(t.children_left >= 0):
            if np.any(np.abs(rows[:, t.feature[node]] - t.threshold[node]) <= 1e-6 * abs(t.threshold[node])):
                return True
    return False


def regression_stats(y, w=None):
    w = np.ones_like(y) if w is None else w
    return np.column_stack([w, w * y])


def classification_stats(y, w=None):
    w = np.ones(len(y)) if w is None else w
    return np.column_stack([w] + [w * (y == c) for c in np.unique(y)])


# ---------------------------------------------------------------- gradient boosting
def gbr_case(name, x, y, train_rows, estimators, rate, depth):
    label = f"gbr {name} depth={depth} rate={rate}"
    xt, yt, xh = x[:train_rows], y[:train_rows], x[train_rows:]
    fits = [GradientBoostingRegressor(n_estimators=estimators, learning_rate=rate, max_depth=depth, random_state=s).fit(xt, yt) for s in SEEDS]
    train = [m.predict(xt) for m in fits]
    raw, ties = np.full(len(yt), fits[0].init_.constant_[0][0]), []
    for tree in fits[0].estimators_[:, 0]:
        ties.append(node_ties(tree, xt, regression_stats(yt - raw)))
        raw = raw + rate * tree.predict(xt)
    if any(t[0] for t in ties) or not agree(train):
        return skipped(label, "a node has tied splits that partition the training rows differently")
    squared = GradientBoostingRegressor(n_estimators=estimators, learning_rate=rate, max_depth=depth, criterion="squared_error", random_state=0).fit(xt, yt)
    held_out = [m.predict(xh) for m in fits]
    cases.append({"name": label, "kind": "gbr", **data_fields(name, x, y),
                  "train_rows": train_rows, "estimators": estimators, "learning_rate": rate, "max_depth": depth,
                  "init": float(fits[0].init_.constant_[0][0]), "train_score": plain(fits[0].train_score_),
                  "predict_train": plain(train[0]),
                  "predict_held_out": plain(held_out[0]) if agree(held_out) and not any(t[1] for t in ties)
                  and not on_a_threshold(fits[0].estimators_[:, 0], xh) else None,
                  "criteria_max_difference": float(np.abs(squared.predict(xt) - train[0]).max())})


for depth, rate in ((1, 0.05), (1, 1.0), (2, 0.1), (2, 0.5), (3, 0.05), (3, 0.1), (3, 1.0), (5, 0.5)):
    gbr_case("diabetes", *named["diabetes"], 300, 25, rate, depth)
fx, fy = make_friedman1(n_samples=160, noise=1.0, random_state=3)
fx, fy = f32(fx), f32(fy)
for depth, rate in ((1, 1.0), (2, 0.05), (3, 0.1), (5, 0.5)):
    gbr_case("friedman1 160x5", fx, fy, 120, 40, rate, depth)
steps = rng.integers(0, 6, size=(50, 2)).astype(float)
gbr_case("integer grid 50x2", steps, steps[:, 0] * 3 - steps[:, 1] ** 2 + rng.standard_normal(50), 40, 15, 0.5, 2)


# ---------------------------------------------------------------- single trees
def tree_arrays(tree, classification):
    t = tree.tree_
    value = t.value[:, 0, :]
    if classification:
        value = value / value.sum(axis=1, keepdims=True)
    return {"feature": plain(t.feature), "threshold": plain(np.where(t.feature < 0, np.nan, t.threshold)),
            "left": plain(t.children_left), "right": plain(t.children_right), "samples": plain(t.n_node_samples),
            "weight": plain(t.weighted_n_node_samples), "impurity": plain(t.impurity), "value": plain(value)}


def tree_case(kind, name, x, y, train_rows, depth, make, weights=None, extra=None):
    label = f"{kind} {name} depth={depth}" + "".join(f" {k}={v}" for k, v in (extra or {}).items())
    xt, yt, xh = x[:train_rows], y[:train_rows], x[train_rows:]
    fits = [make(s).fit(xt, yt, sample_weight=weights) for s in SEEDS]
    classification = kind == "tree_classifier"
    predict = (lambda m, rows: m.predict_proba(rows)) if classification else (lambda m, rows: m.predict(rows))
    train = [predict(m, xt) for m in fits]
    balanced = weights if not (extra or {}).get("balanced") else compute_sample_weight("balanced", yt)
    training_tie, feature_tie = node_ties(fits[0], xt, classification_stats(yt, balanced) if classification else regression_stats(yt, weights))
    if training_tie or not agree(train):
        return skipped(label, "a node has tied splits that partition the training rows differently")
    held_out = [predict(m, xh) for m in fits]
    arrays = [tree_arrays(m, classification) for m in fits]
    feature_tie |= on_a_threshold([fits[0]], xh)
    structure_unique = not feature_tie and agree(held_out) and all(np.array_equal(m.tree_.feature, fits[0].tree_.feature)
                                               and np.array_equal(m.tree_.threshold, fits[0].tree_.threshold) for m in fits)
    case = {"name": label, "kind": kind, **data_fields(name, x, y),
            "train_rows": train_rows, "max_depth": depth, "sample_weight": plain(weights) if weights is not None else None,
            ("predict_proba_train" if classification else "predict_train"): plain(train[0]),
            ("predict_proba_held_out" if classification else "predict_held_out"): plain(held_out[0]) if agree(held_out) and not feature_tie else None,
            "nodes": arrays[0] if structure_unique else None, **(extra or {})}
    if classification:
        case["predict_train"] = plain(fits[0].predict(xt))
    cases.append(case)


dx, dy = named["diabetes-float32"]
for depth in (1, 2, 3, 5):
    tree_case("tree_regressor", "diabetes-float32", dx, dy, 300, depth,
              lambda s, d=depth: DecisionTreeRegressor(max_depth=d, random_state=s), extra={"criterion": "squared_error"})
tree_case("tree_regressor", "diabetes-float32", dx, dy, 300, 3,
          lambda s: DecisionTreeRegressor(max_depth=3, criterion="friedman_mse", random_state=s), extra={"criterion": "friedman_mse"})
tree_case("tree_regressor", "diabetes-float32", dx, dy, 300, 3,
          lambda s: DecisionTreeRegressor(max_depth=3, random_state=s), weights=rng.uniform(0.2, 3.0, 300), extra={"criterion": "squared_error", "weighted": True})
rx = f32(rng.standard_normal((80, 4)))
tree_case("tree_regressor", "random 80x4", rx, np.sin(2 * rx[:, 0]) + rx[:, 1] * rx[:, 2] + 0.1 * rng.standard_normal(80), 60, 4,
          lambda s: DecisionTreeRegressor(max_depth=4, random_state=s), extra={"criterion": "squared_error"})

bx, by = named["breast_cancer-float32"]
for depth, balanced, rows in ((1, False, 400), (1, True, 400), (2, True, 400), (3, False, 500), (3, True, 500), (4, True, 500)):
    tree_case("tree_classifier", "breast_cancer-float32", bx, by, rows, depth,
              lambda s, d=depth, b=balanced: DecisionTreeClassifier(max_depth=d, class_weight="balanced" if b else None, random_state=s),
              extra={"balanced": balanced})
ix, iy = named["iris-float32"]
order = np.random.default_rng(7).permutation(150)   # iris is sorted by class: shuffle so the first 110 rows hold all three
for depth in (1, 2, 3):
    tree_case("tree_classifier", "iris-float32 shuffled", ix[order], iy[order], 110, depth,
              lambda s, d=depth: DecisionTreeClassifier(max_depth=d, random_state=s), extra={"balanced": False})
wx, wy = named["wine-float32"]
order = np.random.default_rng(8).permutation(178)
for depth, balanced in ((2, False), (3, False), (3, True), (4, True)):
    tree_case("tree_classifier", "wine-float32 shuffled", wx[order], wy[order], 140, depth,
              lambda s, d=depth, b=balanced: DecisionTreeClassifier(max_depth=d, class_weight="balanced" if b else None, random_state=s),
              extra={"balanced": balanced})
imbalanced_y = np.zeros(500, dtype=int)
imbalanced_y[rng.choice(500, 10, replace=False)] = 1
imbalanced_x = f32(rng.standard_normal((500, 2)) + 1.75 * np.outer(imbalanced_y, [1.0, 0.0]))
for balanced in (False, True):
    tree_case("tree_classifier", "imbalanced 2% 500x2", imbalanced_x, imbalanced_y, 400, 3,
              lambda s, b=balanced: DecisionTreeClassifier(max_depth=3, class_weight="balanced" if b else None, random_state=s),
              extra={"balanced": balanced})


# ---------------------------------------------------------------- XGBoost's second-order formulas
def leaf_minimum(g, h, lam):
    """Brute force: minimise sum_i (g_i w + h_i w^2 / 2) + lam w^2 / 2 over w numerically."""
    result = minimize_scalar(lambda w: np.sum(g * w + 0.5 * h * w * w) + 0.5 * lam * w * w, bracket=(-1.0, 1.0), tol=1e-14)
    return result.x, result.fun


def squared_gh(y, f):
    return f - y, np.ones_like(y)


def logistic_gh(y, f):
    p = expit(f)
    return p - y, p * (1 - p)


def second_order_case(name, x, g, h, lam, gamma, extra):
    """Every threshold of every feature: the gain by the formula and by brute force; the best split by brute force."""
    _, parent = leaf_minimum(g, h, lam)
    candidates = []
    for f in range(x.shape[1]):
        values = np.unique(x[:, f])
        for a, b in zip(values[:-1], values[1:]):
            threshold = a / 2 + b / 2
            left = x[:, f] <= threshold
            gl, hl, gr, hr = g[left].sum(), h[left].sum(), g[~left].sum(), h[~left].sum()
            formula = 0.5 * (gl ** 2 / (hl + lam) + gr ** 2 / (hr + lam) - (gl + gr) ** 2 / (hl + hr + lam)) - gamma
            brute = parent - leaf_minimum(g[left], h[left], lam)[1] - leaf_minimum(g[~left], h[~left], lam)[1] - gamma
            candidates.append((f, threshold, int(left.sum()), formula, brute))
    best = max(range(len(candidates)), key=lambda k: candidates[k][4])
    formula_best = max(range(len(candidates)), key=lambda k: candidates[k][3])
    assert best == formula_best, name
    cases.append({"name": name, "kind": "second_order_split", "x": plain(x), "g": plain(g), "h": plain(h), "lambda": lam, "gamma": gamma,
                  "candidate_feature": [c[0] for c in candidates], "candidate_threshold": plain([c[1] for c in candidates]),
                  "candidate_left": [c[2] for c in candidates], "gain_formula": plain([c[3] for c in candidates]),
                  "gain_brute_force": plain([c[4] for c in candidates]),
                  "best_feature": candidates[best][0], "best_threshold": candidates[best][1], "best_gain_brute_force": candidates[best][4], **extra})


sx = np.round(rng.standard_normal((40, 3)), 1)   # one decimal: ties within each feature
sy = sx[:, 0] ** 2 - sx[:, 1] + 0.3 * rng.standard_normal(40)
sf = 0.5 * rng.standard_normal(40)
for lam, gamma in ((0.0, 0.0), (1.0, 0.0), (5.0, 0.5)):
    g, h = squared_gh(sy, sf)
    second_order_case(f"second order squared loss lambda={lam} gamma={gamma}", sx, g, h, lam, gamma,
                      {"loss": "squared", "y": plain(sy), "raw": plain(sf)})
labels = (sx[:, 0] + 0.5 * sx[:, 2] + 0.7 * rng.standard_normal(40) > 0).astype(int)
raw = 0.8 * rng.standard_normal(40)
for lam, gamma in ((0.0, 0.0), (1.0, 0.0), (2.0, 0.1)):
    g, h = logistic_gh(labels, raw)
    second_order_case(f"second order logistic loss lambda={lam} gamma={gamma}", sx, g, h, lam, gamma,
                      {"loss": "logistic", "labels": plain(labels), "raw": plain(raw)})

for k, (lam, gamma) in enumerate(((0.0, 0.0), (1.0, 0.0), (10.0, 2.0))):
    g = rng.standard_normal(30)
    h = rng.uniform(0.05, 1.0, 30)
    leaves = rng.integers(0, 4, 30)
    minima = [leaf_minimum(g[leaves == j], h[leaves == j], lam) for j in range(4)]
    sums = [(g[leaves == j].sum(), h[leaves == j].sum()) for j in range(4)]
    cases.append({"name": f"structure score {k} lambda={lam} gamma={gamma}", "kind": "second_order_structure",
                  "g": plain(g), "h": plain(h), "leaves": plain(leaves), "lambda": lam, "gamma": gamma,
                  "leaf_g": plain([s[0] for s in sums]), "leaf_h": plain([s[1] for s in sums]),
                  "weight_formula": plain([-s[0] / (s[1] + lam) for s in sums]),
                  "weight_brute_force": plain([m[0] for m in minima]),
                  "score_formula": float(sum(-0.5 * s[0] ** 2 / (s[1] + lam) for s in sums) + 4 * gamma),
                  "score_brute_force": float(sum(m[1] for m in minima) + 4 * gamma)})

print(dump("trees.py", {"sklearn": sklearn.__version__, "numpy": np.__version__, "scipy": scipy.__version__}, cases))
