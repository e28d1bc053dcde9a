#!/usr/bin/env python3
"""Reference values for MLCourse.Probability.MonteCarlo: the standard error of the mean as scipy.stats.sem(x) computes
it (sample standard deviation with ddof=1, over sqrt(n)) with numpy's mean, for samples of several sizes and scales
(including a large common offset and 0/1 indicators).

Regenerate (needs Debian's python3-scipy; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/probability.py > tests/MLCourse.Tests/Golden/probability.json
"""
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
print(dump("probability.py", {"numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0]}, cases))
