#!/usr/bin/env python3
"""Reference values for MLCourse.Metrics (Ranking, Classification): scikit-learn 1.2's roc_auc_score,
average_precision_score, roc_curve (drop_intermediate True and False), precision_recall_curve, confusion_matrix,
accuracy_score, balanced_accuracy_score and precision_recall_fscore_support (average None, binary, micro, macro,
weighted; beta 1, 0.5, 2; zero_division 0 and 1).

Ranking cases: continuous scores, heavy ties, all scores tied, perfect and reversed rankings, imbalanced labels, one
positive, one class only (the AUC is undefined: "auc_defined" false), and two features of the breast cancer data as
scores ("data": "breast_cancer", labels 1 = malignant, i.e. 1 - load_breast_cancer().target). Classification cases:
binary and multi-class, a class never predicted, a class only predicted, no positives at all, labels that are not 0 ... k-1.

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/metrics.py > tests/MLCourse.Tests/Golden/metrics.json
"""
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer
from sklearn.metrics import (accuracy_score, average_precision_score, balanced_accuracy_score, confusion_matrix,
                             precision_recall_curve, precision_recall_fscore_support, roc_auc_score, roc_curve)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

warnings.simplefilter("ignore")  # undefined metrics warn; the values are what we compare
rng = np.random.default_rng(18)
cases = []


def ranking(name, scores, labels, data=None):
    scores, labels = np.asarray(scores, dtype=np.float64), np.asarray(labels, dtype=np.int64)
    case = {"kind": "ranking", "name": name}
    case.update({"data": data["data"], "feature": data["feature"]} if data else {"scores": plain(scores), "labels": plain(labels)})
    defined = len(np.unique(labels)) == 2
    case["auc_defined"] = defined
    case["roc_auc"] = float(roc_auc_score(labels, scores)) if defined else None
    case["average_precision"] = float(average_precision_score(labels, scores))
    for key, drop in (("roc", True), ("roc_all", False)):
        fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=drop)
        case[key] = {"fpr": plain(fpr), "tpr": plain(tpr), "thresholds": plain(thresholds)}
    precision, recall, thresholds = precision_recall_curve(labels, scores)
    case["pr"] = {"precision": plain(precision), "recall": plain(recall), "thresholds": plain(thresholds)}
    cases.append(case)


n = 30
labels = (rng.random(n) < 0.4).astype(int)
ranking("continuous", rng.normal(size=n) + labels, labels)
labels = (rng.random(40) < 0.5).astype(int)
ranking("ties", np.round(rng.normal(size=40) * 0.5 + 0.4 * labels, 1), labels)
ranking("all tied", np.full(9, 0.25), [0, 1, 1, 0, 0, 1, 0, 0, 0])
ranking("perfect", [0.9, 0.8, 0.75, 0.3, 0.2, 0.1, 0.05], [1, 1, 1, 0, 0, 0, 0])
ranking("reversed", [0.9, 0.8, 0.75, 0.3, 0.2, 0.1, 0.05], [0, 0, 0, 0, 1, 1, 1])
labels = np.zeros(60, dtype=int)
labels[[4, 17, 42]] = 1
ranking("imbalanced with ties", np.round(rng.normal(size=60) + 1.5 * labels, 0), labels)
ranking("one positive", [-3.0, 2.5, 1e6, -1e6, 0.0, 2.5], [0, 0, 0, 0, 1, 0])
ranking("ties across classes at the top", [5, 5, 5, 4, 3, 3, 1], [1, 0, 1, 0, 1, 0, 0])
ranking("negatives only", [0.3, 0.1, 0.3, 0.7], [0, 0, 0, 0])
ranking("positives only", [0.3, 0.1, 0.3, 0.7], [1, 1, 1, 1])
cancer = load_breast_cancer()
for feature in ("worst radius", "mean concavity"):
    j = list(cancer.feature_names).index(feature)
    ranking(f"breast cancer {feature}", cancer.data[:, j], 1 - cancer.target, {"data": "breast_cancer", "feature": feature})


def classification(name, y_true, y_pred, pos_label=1):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    labels = np.unique(np.concatenate([y_true, y_pred]))
    case = {"kind": "classification", "name": name, "y_true": plain(y_true), "y_pred": plain(y_pred), "pos_label": pos_label,
            "labels": plain(labels), "confusion_matrix": plain(confusion_matrix(y_true, y_pred).astype(float)),
            "accuracy": float(accuracy_score(y_true, y_pred)), "balanced_accuracy": float(balanced_accuracy_score(y_true, y_pred)),
            "scores": []}
    averages = [None, "micro", "macro", "weighted"] + (["binary"] if len(labels) <= 2 else [])
    for beta in (1.0, 0.5, 2.0):
        for zero_division in (0, 1):
            for average in averages:
                p, r, f, s = precision_recall_fscore_support(y_true, y_pred, beta=beta, average=average, pos_label=pos_label,
                                                             zero_division=zero_division)
                case["scores"].append({"beta": beta, "zero_division": zero_division, "average": average or "none",
                                       "precision": plain(np.atleast_1d(p).astype(float)), "recall": plain(np.atleast_1d(r).astype(float)),
                                       "f": plain(np.atleast_1d(f).astype(float)), "support": plain(s) if s is not None else None})
    cases.append(case)


y = (rng.random(50) < 0.3).astype(int)
classification("binary", y, np.where(rng.random(50) < 0.25, 1 - y, y))
classification("binary, positive never predicted", [0, 1, 1, 0, 0, 1, 0], [0, 0, 0, 0, 0, 0, 0])
classification("binary, no true positives but predicted", [0, 0, 0, 0, 0], [0, 1, 0, 1, 0])
classification("binary, one label only", [0, 0, 0, 0], [0, 0, 0, 0])
classification("binary, perfect", [1, 0, 1, 1, 0], [1, 0, 1, 1, 0])
classification("binary labels 3 and 5", [3, 5, 5, 3, 5, 3, 3], [5, 5, 3, 3, 5, 3, 5], pos_label=5)
y = rng.integers(0, 3, 60)
classification("three classes", y, np.where(rng.random(60) < 0.4, rng.integers(0, 3, 60), y))
classification("a class never predicted, a class only predicted", [0, 1, 2, 2, 1, 0, 2, 1, 1, 0], [0, 1, 3, 3, 1, 1, 0, 3, 1, 0])
classification("labels -1, 2, 7", [-1, 2, 7, 7, 2, -1, 7, 7, 2, -1, -1], [2, 2, 7, -1, 2, -1, 7, 7, 7, -1, 2])

print(dump("metrics.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
