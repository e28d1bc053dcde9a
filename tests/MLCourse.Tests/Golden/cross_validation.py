#!/usr/bin/env python3
"""Reference folds for MLCourse.ModelSelection.CrossValidation: scikit-learn 1.2's KFold(n_splits=k) and
StratifiedKFold(n_splits=k), both without shuffling, listing every split's train and test indices.

KFold cases: several n and k, including k = n and n not divisible by k. StratifiedKFold cases: the iris labels
(sorted by class), the breast cancer labels, classes of 7, 3 and 5 in shuffled order whose first label is not the
smallest, 23 positives among 100, a class smaller than k (scikit-learn warns), labels that are not 0 ... k-1, and 5
positives among 500 sorted by label (each fold tests one).

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/cross_validation.py > tests/MLCourse.Tests/Golden/cross_validation.json
"""
import os
import sys
import warnings

import numpy as np
import sklearn
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.model_selection import KFold, StratifiedKFold

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

warnings.simplefilter("ignore")  # a class smaller than k warns
rng = np.random.default_rng(23)
cases = []


def splits(splitter, n, labels):
    return [{"train": plain(train), "test": plain(test)} for train, test in splitter.split(np.zeros((n, 1)), labels)]


for n, k in ((10, 2), (10, 3), (11, 4), (7, 7), (5, 2), (13, 5), (100, 10), (569, 5)):
    cases.append({"kind": "kfold", "name": f"kfold n={n} k={k}", "n": n, "k": k, "splits": splits(KFold(k), n, None)})


def stratified(name, labels, ks):
    labels = np.asarray(labels)
    for k in ks:
        cases.append({"kind": "stratified", "name": f"stratified {name} k={k}", "labels": plain(labels), "k": k,
                      "splits": splits(StratifiedKFold(k), len(labels), labels)})


stratified("iris", load_iris().target, (3, 5))
stratified("breast cancer", load_breast_cancer().target, (5, 10))
stratified("7, 3, 5 shuffled", rng.permutation(np.repeat([2, 0, 1], [7, 3, 5])), (2, 3))
stratified("23 of 100", rng.permutation(np.repeat([0, 1], [77, 23])), (5, 7))
stratified("a class smaller than k", rng.permutation(np.repeat([0, 1], [10, 2])), (3,))
stratified("labels 5, -1, 3", [5, -1, 3, 3, 5, -1, -1, 5, 3, 3, -1], (2, 3))
stratified("5 positives among 500, sorted by label", np.repeat([0, 1], [495, 5]), (5,))

print(dump("cross_validation.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
