#!/usr/bin/env python3
"""Reference values for MLCourse.Classical.ClassWeights.Balanced: scikit-learn 1.2's
compute_class_weight("balanced", classes=np.unique(y), y=y), the weight n/(k·n_c) of each class, and
compute_sample_weight("balanced", y), the same weight given to every sample of the class.

Cases: 900/100 (weights 0.5556 and 5), 98%/2%, three classes, labels that are not 0 ... k-1, a single class, random labels.

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/class_weights.py > tests/MLCourse.Tests/Golden/class_weights.json
"""
import os
import sys

import numpy as np
import sklearn
from sklearn.utils.class_weight import compute_class_weight, compute_sample_weight

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

rng = np.random.default_rng(23)
label_sets = {
    "900 negatives, 100 positives": np.repeat([0, 1], [900, 100]),
    "98% / 2%, every 50th positive": (np.arange(1000) % 50 == 0).astype(int),
    "three classes 5, 3, 1": np.array([0, 1, 0, 2, 0, 1, 0, 1, 0]),
    "labels 7, -2, 40": rng.permutation(np.repeat([7, -2, 40], [11, 4, 6])),
    "a single class": np.full(5, 3),
    "random, 4 classes": rng.integers(0, 4, size=97),
}
cases = []
for name, y in label_sets.items():
    classes = np.unique(y)
    cases.append({"name": name, "y": plain(y), "classes": plain(classes),
                  "class_weight": plain(compute_class_weight("balanced", classes=classes, y=y)),
                  "sample_weight": plain(compute_sample_weight("balanced", y))})

print(dump("class_weights.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
