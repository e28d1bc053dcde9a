#!/usr/bin/env python3
"""Reference values for MLCourse.Clustering (Agglomerative, Dendrogram, Silhouette, AdjustedRand, KMeans) and
MLCourse.Data.Synthetic.TwoMoons, from SciPy 1.10 and scikit-learn 1.2.

Regenerate (needs Debian's python3-scipy and python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/clustering.py > tests/MLCourse.Tests/Golden/clustering.json

What each kind mirrors:
- "linkage": scipy.cluster.hierarchy.linkage(x, method) for method single, complete, average and ward (Euclidean): the
  whole linkage matrix Z (merged clusters, height, size), leaves_list(Z), and fcluster(Z, k, "maxclust") for several k.
  Point sets: Gaussian points in 2 and 3 dimensions, well-separated blobs, noisy moons, and sets full of ties (a shuffled
  integer grid, small integer points with duplicates, collinear points in two orders), where the tree depends on
  SciPy's tie-breaking. fcluster is listed only for k below the number of clusters left after the lowest merges: for
  larger k SciPy 1.10 never cuts below the second-lowest height (fixed in SciPy 1.15, scipy/scipy#21121), and the
  library follows the fixed rule.
- "silhouette": sklearn.metrics.silhouette_samples and silhouette_score (Euclidean), with label values that are not
  0 ... k-1, singleton clusters (silhouette 0), and 2 or n - 1 clusters. Coordinates are small integers or well
  separated, so scikit-learn's |x|² - 2x.y + |y|² distances lose no digits that matter at 1e-9.
- "ari": sklearn.metrics.adjusted_rand_score for pairs of labellings (random, permuted, all in one cluster, all apart,
  negative label values, 3000 points).
- "moons": sklearn.datasets.make_moons(n, shuffle=False, noise=None): the noiseless coordinates and labels.
- "kmeans": sklearn.cluster.KMeans(k, n_init=300, random_state=0).inertia_ on the iris data (loaded by the tests from
  data/ through MLCourse.Data.Iris), k = 1 ... 7: the lowest inertia 300 restarts find (10 restarts miss it for k = 5
  and 7), presumably the global minimum.
"""
import os
import sys

import numpy as np
import scipy
import sklearn
from scipy.cluster.hierarchy import fcluster, leaves_list, linkage
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris, make_blobs, make_moons
from sklearn.metrics import adjusted_rand_score, silhouette_samples, silhouette_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

rng = np.random.default_rng(23)
cases = []

grid = np.array([[i, j] for i in range(4) for j in range(4)], dtype=float)
point_sets = {
    "gaussian 2-D n=8": rng.normal(size=(8, 2)),
    "gaussian 3-D n=30": rng.normal(size=(30, 3)),
    "blobs n=60": make_blobs(60, centers=3, cluster_std=0.6, random_state=4)[0],
    "moons n=40": make_moons(40, noise=0.05, random_state=2)[0],
    "two points": np.array([[0.0, 0.0], [3.0, 4.0]]),
    "integer grid 4x4 shuffled": grid[rng.permutation(16)],
    "integer points with duplicates": rng.integers(0, 4, size=(20, 2)).astype(float),
    "collinear 0 1 2 3.2": np.array([[0.0], [1.0], [2.0], [3.2]]),
    "collinear 2 1 0 3.2": np.array([[2.0], [1.0], [0.0], [3.2]]),
}
for name, x in point_sets.items():
    n = len(x)
    for method in ("single", "complete", "average", "ward"):
        z = linkage(x, method)
        above_lowest = n - int(np.sum(z[:, 2] <= z[0, 2]))   # clusters left after the lowest merges
        cuts = {str(k): plain(fcluster(z, k, "maxclust")) for k in (1, 2, 3, 5) if k < above_lowest}
        cases.append({"kind": "linkage", "name": f"{method}, {name}", "method": method, "x": plain(x),
                      "first": plain(z[:, 0].astype(int)), "second": plain(z[:, 1].astype(int)),
                      "heights": plain(z[:, 2]), "sizes": plain(z[:, 3].astype(int)),
                      "leaves": plain(leaves_list(z)), "cuts": cuts})


def silhouette(name, x, labels):
    x, labels = np.asarray(x, dtype=float), np.asarray(labels)
    cases.append({"kind": "silhouette", "name": f"silhouette {name}", "x": plain(x), "labels": plain(labels),
                  "score": silhouette_score(x, labels), "samples": plain(silhouette_samples(x, labels))})


blobs, blob_labels = make_blobs(90, centers=4, cluster_std=1.2, random_state=7)
silhouette("blobs, true labels", blobs, blob_labels)
silhouette("blobs, labels 7, -3, 100, 7", blobs, np.array([7, -3, 100, 7])[blob_labels])
silhouette("blobs, random labels", blobs, rng.integers(0, 3, size=90))
integers = rng.integers(-5, 6, size=(25, 2))
silhouette("integer points, two singletons", integers, np.r_[np.zeros(12, int), np.ones(11, int), [5], [9]])
silhouette("integer points, n - 1 clusters", integers, np.r_[np.arange(24), [3]])
silhouette("integer points, 2 clusters of 24 and 1", integers, np.r_[np.zeros(24, int), [1]])
silhouette("duplicates on both sides", [[0, 0], [0, 0], [1, 0], [0, 0], [5, 5]], [1, 2, 2, 1, 2])


def ari(name, a, b):
    cases.append({"kind": "ari", "name": f"ari {name}", "labels_true": plain(np.asarray(a)), "labels_pred": plain(np.asarray(b)),
                  "score": adjusted_rand_score(a, b)})


truth = rng.integers(0, 4, size=50)
ari("random vs random", truth, rng.integers(0, 3, size=50))
ari("relabelled copy", truth, (truth + 2) % 4 * 10 - 7)
ari("one label changed", truth, np.r_[truth[:-1], [(truth[-1] + 1) % 4]])
ari("all in one vs four", truth, np.zeros(50, int))
ari("all apart vs four", truth, np.arange(50))
ari("all in one vs all in one", np.zeros(6, int), np.full(6, 3))
ari("negative labels", [-1, -1, -2, -2, 5, 5, 5], [0, 0, 0, 1, 1, 1, 1])
ari("3000 points", rng.integers(0, 6, size=3000), rng.integers(0, 5, size=3000))

for n in (2, 7, 10, 200):
    x, y = make_moons(n, shuffle=False, noise=None)
    cases.append({"kind": "moons", "name": f"moons n={n}", "n": n, "x": plain(x), "y": plain(y)})

iris = load_iris().data
for k in range(1, 8):
    cases.append({"kind": "kmeans", "name": f"kmeans iris k={k}", "k": k,
                  "inertia": KMeans(k, n_init=300, random_state=0).fit(iris).inertia_})

print(dump("clustering.py", {"scipy": scipy.__version__, "sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
