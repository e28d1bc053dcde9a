#!/usr/bin/env python3
"""Reference orders for MLCourse.Numerics.Enumeration: how Python's itertools.product(values, repeat=k) and
itertools.combinations(range(n), k) list their outcomes (Enumeration.Sequences<T> and Enumeration.Combinations must
list the same tuples in the same order).

Regenerate (plain Python 3; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/enumeration.py > tests/MLCourse.Tests/Golden/enumeration.json
"""
import itertools
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump  # noqa: E402

cases = []
for values, k in [(["a", "b", "c"], 2), (["boy", "girl"], 3), (["x"], 4), (["p", "q"], 0)]:
    cases.append({"kind": "product", "name": f"product({values}, repeat={k})", "values": values, "repeat": k,
                  "tuples": [list(t) for t in itertools.product(values, repeat=k)]})
for n, k in [(5, 3), (6, 2), (4, 4), (4, 0), (7, 1), (3, 5)]:
    cases.append({"kind": "combinations", "name": f"combinations(range({n}), {k})", "n": n, "k": k,
                  "subsets": [list(c) for c in itertools.combinations(range(n), k)]})
print(dump("enumeration.py", {"python": sys.version.split()[0]}, cases))
