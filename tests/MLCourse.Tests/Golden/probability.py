#!/usr/bin/env python3
"""Reference values for MLCourse.Probability (MonteCarlo, Enumerate): the standard error of the mean as
scipy.stats.sem(x) computes it (sample standard deviation with ddof=1, over sqrt(n)) with numpy's mean, for samples of
several sizes and scales (including a large common offset and 0/1 indicators); and the orders in which Python's
itertools.product(values, repeat=k) and itertools.combinations(range(n), k) list their outcomes.

Regenerate (needs Debian's python3-scipy; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/probability.py > tests/MLCourse.Tests/Golden/probability.json
"""
import itertools
import os
import sys

import numpy as np
import scipy
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

rng = np.random.default_rng(19)
samples = {
    "two values": np.array([1.0, 4.0]),
    "normal, n = 50": rng.standard_normal(50),
    "exponential, n = 1000": rng.exponential(3.0, 1000),
    "offset 1e8, n = 200": 1e8 + rng.standard_normal(200),
    "indicators, n = 400": (rng.random(400) < 0.3).astype(float),
}
cases = []
for name, x in samples.items():
    cases.append({"kind": "sem", "name": name, "x": plain(x), "mean": float(np.mean(x)), "sem": float(stats.sem(x))})
for values, k in [(["a", "b", "c"], 2), (["boy", "girl"], 3), (["x"], 4), (["p", "q"], 0)]:
    cases.append({"kind": "product", "name": f"product({values}, repeat={k})", "values": values, "repeat": k,
                  "tuples": [list(t) for t in itertools.product(values, repeat=k)]})
for n, k in [(5, 3), (6, 2), (4, 4), (4, 0), (7, 1)]:
    cases.append({"kind": "combinations", "name": f"combinations(range({n}), {k})", "n": n, "k": k,
                  "subsets": [list(c) for c in itertools.combinations(range(n), k)]})
print(dump("probability.py", {"numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0]}, cases))
