#!/usr/bin/env python3
"""Reference values for MLCourse.Sequence.HiddenMarkovModel, from a short NumPy implementation (hmmlearn is not used).

Independent of the library's algorithms where it can be:
- log-likelihood log P(x) by Rabiner's *scaled* forward algorithm in probability space (alpha renormalised at every
  step, log P(x) = sum of the logs of the normalisers), not by log-sum-exp;
- posterior marginals P(z_t | x) by the scaled forward-backward algorithm (Rabiner 1989, eqs. 91-93);
- the Viterbi path and its log-probability by max-product in log space, with the library's documented tie rule (the
  lowest state index among scores within 1e-12 * max(1, |best|) of the best), via np.flatnonzero.
For T <= 8 the script also checks all three against brute force over every one of the N^T state paths.

Cases: the weather HMM of Wikipedia's "Viterbi algorithm" / "Hidden Markov model" articles (Rainy/Sunny;
walk/shop/clean) on its textbook sequence and on 50 and 600 sampled observations; random HMMs with 2-4 states and
2-5 symbols, some probabilities set to exactly 0 (initial, transition and emission entries), each with T = 1, 8, 50 and
600 observations drawn from the model itself (so every sequence has probability > 0).

Regenerate (needs NumPy; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/hidden_markov.py > tests/MLCourse.Tests/Golden/hidden_markov.json
"""
import itertools
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

TIE = 1e-12


def viterbi(pi, a, b, x):
    with np.errstate(divide="ignore"):
        lpi, la, lb = np.log(pi), np.log(a), np.log(b)
    delta = lpi + lb[:, x[0]]
    back = np.zeros((len(x), len(pi)), dtype=int)

    def best(scores):
        top = scores.max()
        if top == -np.inf:
            return 0, top
        i = int(np.flatnonzero(scores >= top - TIE * max(1.0, abs(top)))[0])
        return i, scores[i]

    for t in range(1, len(x)):
        nxt = np.empty(len(pi))
        for j in range(len(pi)):
            back[t, j], s = best(delta + la[:, j])
            nxt[j] = s + lb[j, x[t]]
        delta = nxt
    last, logp = best(delta)
    path = [last]
    for t in range(len(x) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1], float(logp)


def scaled_forward_backward(pi, a, b, x):
    n, length = len(pi), len(x)
    alpha, c = np.zeros((length, n)), np.zeros(length)
    alpha[0] = pi * b[:, x[0]]
    c[0] = alpha[0].sum()
    alpha[0] /= c[0]
    for t in range(1, length):
        alpha[t] = (alpha[t - 1] @ a) * b[:, x[t]]
        c[t] = alpha[t].sum()
        alpha[t] /= c[t]
    beta = np.ones((length, n))
    for t in range(length - 2, -1, -1):
        beta[t] = a @ (b[:, x[t + 1]] * beta[t + 1]) / c[t + 1]
    gamma = alpha * beta
    return float(np.log(c).sum()), gamma / gamma.sum(axis=1, keepdims=True)


def brute_force(pi, a, b, x):
    joints = {}
    for z in itertools.product(range(len(pi)), repeat=len(x)):
        p = pi[z[0]] * b[z[0], x[0]]
        for t in range(1, len(x)):
            p *= a[z[t - 1], z[t]] * b[z[t], x[t]]
        joints[z] = p
    total = sum(joints.values())
    best = max(joints.values())
    argmax = min((z for z, p in joints.items() if p >= best * (1 - 1e-12)), key=lambda z: z[::-1])  # Viterbi's tie rule
    posterior = np.zeros((len(x), len(pi)))
    for z, p in joints.items():
        posterior[np.arange(len(x)), z] += p / total
    return list(argmax), float(np.log(best)), float(np.log(total)), posterior


def sample(rng, pi, a, b, length):
    z, xs = rng.choice(len(pi), p=pi), []
    for t in range(length):
        if t > 0:
            z = rng.choice(len(pi), p=a[z])
        xs.append(int(rng.choice(b.shape[1], p=b[z])))
    return xs


def random_rows(rng, rows, cols, zeros, square=False):
    """Random distributions in the rows, with up to `zeros` entries set to exactly 0; never an all-zero row, nor, for a
    transition matrix, a state that can only stay where it is (an absorbing state would leave a single path)."""
    m = rng.uniform(0.05, 1.0, size=(rows, cols))
    for _ in range(zeros):
        i, j = rng.integers(rows), rng.integers(cols)
        left = np.flatnonzero(m[i]) if m[i, j] == 0 else np.setdiff1d(np.flatnonzero(m[i]), [j])
        if len(left) > 1 or (len(left) == 1 and not (square and left[0] == i)):
            m[i, j] = 0.0
    return m / m.sum(axis=1, keepdims=True)


cases = []


def case(name, pi, a, b, x):
    path, logp = viterbi(pi, a, b, x)
    loglik, posterior = scaled_forward_backward(pi, a, b, x)
    if len(x) <= 8:
        bpath, blogp, bloglik, bposterior = brute_force(pi, a, b, x)
        assert bpath == path, (name, bpath, path)
        assert abs(blogp - logp) <= 1e-12 * abs(logp) + 1e-15 and abs(bloglik - loglik) <= 1e-12 * abs(loglik) + 1e-15, name
        assert np.allclose(bposterior, posterior, rtol=1e-12, atol=1e-15), name
    entry = {"name": name, "initial": plain(pi), "transition": plain(a), "emission": plain(b), "observations": x,
             "viterbi_path": path, "viterbi_log_probability": logp, "log_likelihood": loglik}
    if len(x) <= 50:
        entry["posterior"] = plain(posterior)
    cases.append(entry)


rng = np.random.default_rng(17)
pi = np.array([0.6, 0.4])
a = np.array([[0.7, 0.3], [0.4, 0.6]])
b = np.array([[0.1, 0.4, 0.5], [0.6, 0.3, 0.1]])
case("weather walk shop clean", pi, a, b, [0, 1, 2])
case("weather shop walk clean (tied best paths)", pi, a, b, [1, 0, 2])
for length in (50, 600):
    case(f"weather T={length}", pi, a, b, sample(rng, pi, a, b, length))
for states, symbols in [(2, 2), (2, 5), (3, 3), (3, 4), (4, 2), (4, 5)]:
    pi_r = random_rows(rng, 1, states, 1)[0]
    a_r = random_rows(rng, states, states, max(1, states - 1), square=True)
    b_r = random_rows(rng, states, symbols, 1 if symbols == 2 else states - 1)
    for length in (1, 8, 50, 600):
        x = sample(rng, pi_r, a_r, b_r, length)
        case(f"random N={states} M={symbols} T={length}", pi_r, a_r, b_r, x)
        assert length == 1 or cases[-1]["viterbi_log_probability"] < cases[-1]["log_likelihood"] - 1e-3, (cases[-1]["name"], pi_r, a_r, b_r)

print(dump("hidden_markov.py", {"numpy": np.__version__}, cases))
