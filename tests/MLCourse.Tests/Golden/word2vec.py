#!/usr/bin/env python3
"""Reference values for MLCourse.Embeddings (word2vec), computed with PyTorch in float64.

- "sgns": the skip-gram negative-sampling loss of one pair, -logsigmoid(u_o.v_c) - sum_k logsigmoid(-u_k.v_c), written
  with torch.nn.functional.logsigmoid, and its gradients with respect to v_c, u_o and each row u_k from autograd
  (Word2Vec.Loss / Word2Vec.Gradient). Several widths d and noise counts K, small and huge scores (|s| up to 800).
- "step": one SGD step of a V x d model, the rows gathered by index so that autograd sums the gradient of a row used
  twice (a noise word drawn twice, or equal to the context word), then torch.optim.SGD(lr).step() (Word2Vec.Step).
- "huffman": codes and paths of the Huffman tree of given counts with the tie-breaking HuffmanTree documents: every
  node has the key (count, order), leaves ordered by (count, word id) take orders 0..V-1, the k-th merged node order
  V + k; each merge pops the two smallest keys from a heap (heapq), the first becoming child 0. This is an independent
  implementation (a binary heap, where the library uses two queues); the counts include ties, zeros and the word counts
  of data/alice-chapters-1-3.txt tokenised as Vocabulary.Tokenize does (letters with inner apostrophes; punctuation
  tokens dropped), ids in ordinal order of the words as Vocabulary.Build assigns them.
- "hs": hierarchical-softmax leaf probabilities prod_d sigmoid(+-u_{n_d}.h) for random node vectors and h, from the
  python tree (HuffmanTree.Probabilities), in torch.
- "cosine": torch.nn.functional.cosine_similarity (PyTorch 1.13: x.y / (max(|x|, eps) max(|y|, eps)), eps = 1e-8), tiny
  and zero vectors included (Similarity.Cosine).

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/word2vec.py > tests/MLCourse.Tests/Golden/word2vec.json
"""
import collections
import heapq
import os
import re
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261210)
torch.set_default_dtype(torch.float64)
cases = []


# ---- SGNS loss and gradients -------------------------------------------------------------------------------------
def sgns(center, context, negatives):
    v, u, n = (t.clone().requires_grad_(True) for t in (center, context, negatives))
    loss = -F.logsigmoid(u @ v) - F.logsigmoid(-(n @ v)).sum()
    loss.backward()
    return loss.item(), v.grad, u.grad, n.grad


def sgns_case(name, center, context, negatives):
    loss, gv, gu, gn = sgns(center, context, negatives)
    cases.append({"name": name, "kind": "sgns", "center": plain(center), "context": plain(context), "negatives": plain(negatives),
                  "loss": loss, "grad_center": plain(gv), "grad_context": plain(gu), "grad_negatives": plain(gn)})


for d, k, scale in [(1, 1, 1.0), (3, 1, 0.5), (3, 5, 1.0), (8, 5, 0.1), (8, 15, 2.0), (50, 5, 0.3), (50, 20, 1.0)]:
    sgns_case(f"sgns d={d} K={k} scale={scale}", torch.randn(d) * scale, torch.randn(d) * scale, torch.randn(k, d) * scale)
sgns_case("sgns all zero (loss (K+1) log 2)", torch.zeros(4), torch.zeros(4), torch.zeros(3, 4))
big = torch.tensor([20.0, 0.0])
sgns_case("sgns huge scores s_o = +800, s_k = -800 and +40", big, torch.tensor([40.0, 1.0]), torch.tensor([[-40.0, 3.0], [2.0, -5.0]]))
sgns_case("sgns huge wrong scores s_o = -800, s_k = +800", big, torch.tensor([-40.0, 1.0]), torch.tensor([[40.0, 3.0]]))


# ---- one SGD step with repeated rows -----------------------------------------------------------------------------
def step_case(name, vocabulary, d, center, context, negatives, lr):
    inputs = torch.randn(vocabulary, d) * 0.5
    outputs = torch.randn(vocabulary, d) * 0.5
    w_in, w_out = inputs.clone().requires_grad_(True), outputs.clone().requires_grad_(True)
    optimizer = torch.optim.SGD([w_in, w_out], lr=lr)
    v = w_in[center]
    loss = -F.logsigmoid(w_out[context] @ v) - F.logsigmoid(-(w_out[torch.tensor(negatives)] @ v)).sum()
    loss.backward()
    optimizer.step()
    cases.append({"name": name, "kind": "step", "input": plain(inputs), "output": plain(outputs), "center": center, "context": context,
                  "negatives": negatives, "learning_rate": lr, "loss": loss.item(),
                  "input_after": plain(w_in.detach()), "output_after": plain(w_out.detach())})


step_case("step V=6 d=4 distinct noise", 6, 4, 1, 2, [0, 3, 5], 0.1)
step_case("step V=6 d=4 noise drawn twice", 6, 4, 4, 0, [3, 3, 1, 3], 0.25)
step_case("step V=5 d=3 noise equal to the context and the centre", 5, 3, 2, 4, [4, 2, 0], 0.5)
step_case("step V=3 d=7 K=1", 3, 7, 0, 0, [0], 1.0)


# ---- Huffman trees -------------------------------------------------------------------------------------------------
def huffman(counts):
    v = len(counts)
    leaves = sorted(range(v), key=lambda i: (counts[i], i))
    heap = [(counts[w], order, w) for order, w in enumerate(leaves)]  # (weight, order, node id)
    heapq.heapify(heap)
    parent, bit = {}, {}
    for k in range(v - 1):
        w1, _, first = heapq.heappop(heap)
        w2, _, second = heapq.heappop(heap)
        node = v + k
        parent[first], bit[first], parent[second], bit[second] = node, 0, node, 1
        heapq.heappush(heap, (w1 + w2, v + k, node))
    root = 2 * v - 2
    codes, paths = [], []
    for w in range(v):
        code, path, node = [], [], w
        while node != root:
            code.append(bit[node])
            path.append(parent[node] - v)
            node = parent[node]
        codes.append(code[::-1])
        paths.append(path[::-1])
    return codes, paths


def alice_counts():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
    with open(os.path.join(root, "data", "alice-chapters-1-3.txt"), encoding="ascii") as f:
        text = f.read().lower()
    words = re.findall(r"[a-z]+(?:'[a-z]+)*", text)  # Vocabulary.Tokenize without the punctuation tokens
    vocabulary = sorted(set(words))  # ordinal order, as Vocabulary.Build (ASCII: the same as Python's)
    counter = collections.Counter(words)
    return [counter[w] for w in vocabulary]


def huffman_case(name, counts, with_codes=True):
    codes, paths = huffman(counts)
    case = {"name": name, "kind": "huffman", "counts": counts, "depths": [len(c) for c in codes]}
    if with_codes:
        case["codes"], case["paths"] = codes, paths
    cases.append(case)


huffman_case("huffman CLRS f:5 e:9 c:12 b:13 d:16 a:45", [45, 13, 12, 16, 9, 5])
huffman_case("huffman two words", [3, 7])
huffman_case("huffman all equal V=5", [1, 1, 1, 1, 1])
huffman_case("huffman all equal V=8", [5] * 8)
huffman_case("huffman ties between leaves and merged nodes", [3, 1, 1, 2, 2, 1, 4])
huffman_case("huffman zeros", [0, 0, 3, 1])
huffman_case("huffman powers of two", [1, 1, 2, 4, 8, 16, 32])
huffman_case("huffman random V=40", torch.randint(1, 30, (40,)).tolist())
huffman_case("huffman Alice chapters I-III (V=1173)", alice_counts(), with_codes=False)


# ---- hierarchical softmax ------------------------------------------------------------------------------------------
def hs_case(name, counts, d, scale):
    codes, paths = huffman(counts)
    nodes = torch.randn(len(counts) - 1, d) * scale
    hidden = torch.randn(d) * scale
    scores = nodes @ hidden
    probabilities = torch.stack([torch.prod(torch.sigmoid(torch.tensor([1.0 if b == 0 else -1.0 for b in code]) * scores[path]))
                                 if code else torch.tensor(1.0) for code, path in zip(codes, paths)])
    cases.append({"name": name, "kind": "hs", "counts": counts, "node_vectors": plain(nodes), "hidden": plain(hidden),
                  "probabilities": plain(probabilities)})


hs_case("hs CLRS d=3", [45, 13, 12, 16, 9, 5], 3, 1.0)
hs_case("hs V=2 d=1", [2, 1], 1, 2.0)
hs_case("hs ties V=7 d=5 large scores", [3, 1, 1, 2, 2, 1, 4], 5, 4.0)
hs_case("hs random V=40 d=10", torch.randint(1, 30, (40,)).tolist(), 10, 0.5)


# ---- cosine similarity ---------------------------------------------------------------------------------------------
def cosine_case(name, a, b):
    cases.append({"name": name, "kind": "cosine", "a": plain(a), "b": plain(b), "cosine": F.cosine_similarity(a, b, dim=0).item()})


cosine_case("cosine d=5", torch.randn(5), torch.randn(5))
cosine_case("cosine d=50", torch.randn(50), torch.randn(50))
cosine_case("cosine parallel", torch.tensor([1.0, 2.0, 3.0]), torch.tensor([2.0, 4.0, 6.0]))
cosine_case("cosine opposite", torch.tensor([1.0, -2.0]), torch.tensor([-3.0, 6.0]))
cosine_case("cosine tiny vectors (norms above eps)", torch.tensor([1e-5, 0.0]), torch.tensor([1e-5, 1e-5]))
cosine_case("cosine a vector below eps (its norm is clamped)", torch.tensor([1e-9, 0.0]), torch.tensor([1.0, 1.0]))
cosine_case("cosine both below eps", torch.tensor([1e-9, 0.0]), torch.tensor([1e-9, 1e-9]))
cosine_case("cosine zero vector", torch.zeros(3), torch.randn(3))

print(dump("word2vec.py", {"torch": torch.__version__}, cases))
