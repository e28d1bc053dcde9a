#!/usr/bin/env python3
"""Reference values for MLCourse.Data's classification datasets (Iris, Wine, BreastCancer): scikit-learn 1.2's load_iris(),
load_wine() and load_breast_cancer() — feature and class names, class counts, column sums and a few whole rows.

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/datasets.py > tests/MLCourse.Tests/Golden/datasets.json
"""
import os
import sys

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_iris, load_wine

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

cases = []
for name, load in (("iris", load_iris), ("wine", load_wine), ("breast_cancer", load_breast_cancer)):
    d = load()
    rows = [0, 1, len(d.target) // 2, len(d.target) - 1]
    cases.append({"name": name, "feature_names": list(d.feature_names), "class_names": list(d.target_names),
                  "class_counts": plain(np.bincount(d.target)), "column_sums": plain(d.data.sum(axis=0)),
                  "rows": rows, "x_rows": plain(d.data[rows]), "y_rows": plain(d.target[rows])})

print(dump("datasets.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
