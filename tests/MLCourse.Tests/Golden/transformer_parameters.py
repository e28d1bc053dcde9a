#!/usr/bin/env python3
"""Reference values for MLCourse.Transformers, computed with PyTorch (no `transformers` package).

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/transformer_parameters.py > tests/MLCourse.Tests/Golden/transformer_parameters.json

Parameter counts: each model is built from torch.nn modules (Embedding, Linear, LayerNorm) on the "meta" device (shapes
only, no memory) with the module layout and names of Hugging Face's BertModel / AlbertModel, and every count is
sum(p.numel() for p in module.parameters()). parameters() yields a shared parameter once, so ALBERT's cross-layer
sharing (one layer object used L times) is counted as PyTorch stores it. Cross-checks use torch's own
nn.MultiheadAttention and nn.TransformerEncoderLayer.
Forward values (float64): LoRA y = x Wᵀ + b + (α/r)(x Aᵀ)Bᵀ, and BERT's input embeddings word[t] + token_type[s] + position[i].
"""
import os
import sys

import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261125)
META = torch.device("meta")


def numel(module):
    return sum(p.numel() for p in module.parameters())


class Embeddings(nn.Module):
    """BertEmbeddings / AlbertEmbeddings: three tables of width E (= H for BERT) summed, then LayerNorm(E)."""

    def __init__(self, vocab, width, positions, types):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, width, device=META)
        self.position_embeddings = nn.Embedding(positions, width, device=META)
        self.token_type_embeddings = nn.Embedding(types, width, device=META)
        self.LayerNorm = nn.LayerNorm(width, device=META)


class Layer(nn.Module):
    """BertLayer: self-attention (query, key, value, output dense), Add & LayerNorm, FFN (intermediate, output), Add & LayerNorm."""

    def __init__(self, hidden, ffn):
        super().__init__()
        self.query = nn.Linear(hidden, hidden, device=META)
        self.key = nn.Linear(hidden, hidden, device=META)
        self.value = nn.Linear(hidden, hidden, device=META)
        self.attention_output_dense = nn.Linear(hidden, hidden, device=META)
        self.attention_output_LayerNorm = nn.LayerNorm(hidden, device=META)
        self.intermediate_dense = nn.Linear(hidden, ffn, device=META)
        self.output_dense = nn.Linear(ffn, hidden, device=META)
        self.output_LayerNorm = nn.LayerNorm(hidden, device=META)


LAYER_GROUPS = [
    ("attention.query", "query"), ("attention.key", "key"), ("attention.value", "value"),
    ("attention.output.dense", "attention_output_dense"), ("attention.output.LayerNorm", "attention_output_LayerNorm"),
    ("intermediate.dense", "intermediate_dense"), ("output.dense", "output_dense"), ("output.LayerNorm", "output_LayerNorm"),
]


class Encoder(nn.Module):
    """BertModel (embedding = None) or AlbertModel (embedding = E: factorised tables + Linear(E, H))."""

    def __init__(self, vocab, hidden, layers, ffn, positions=512, types=2, embedding=None, shared=False):
        super().__init__()
        width = hidden if embedding is None else embedding
        self.embeddings = Embeddings(vocab, width, positions, types)
        self.embedding_hidden_mapping_in = None if embedding is None else nn.Linear(embedding, hidden, device=META)
        if shared:
            one = Layer(hidden, ffn)
            self.layers = nn.ModuleList([one] * layers)
        else:
            self.layers = nn.ModuleList([Layer(hidden, ffn) for _ in range(layers)])
        self.pooler = nn.Linear(hidden, hidden, device=META)


cases = []


def model_case(name, vocab, hidden, layers, ffn, positions=512, types=2, embedding=None, shared=False):
    m = Encoder(vocab, hidden, layers, ffn, positions, types, embedding, shared)
    groups = {
        "embeddings.word_embeddings": numel(m.embeddings.word_embeddings),
        "embeddings.position_embeddings": numel(m.embeddings.position_embeddings),
        "embeddings.token_type_embeddings": numel(m.embeddings.token_type_embeddings),
        "embeddings.LayerNorm": numel(m.embeddings.LayerNorm),
    }
    if m.embedding_hidden_mapping_in is not None:
        groups["embeddings.embedding_hidden_mapping_in"] = numel(m.embedding_hidden_mapping_in)
    for key, attribute in LAYER_GROUPS:
        groups["layer." + key] = numel(getattr(m.layers[0], attribute))
    groups["pooler.dense"] = numel(m.pooler)
    # Pre-training heads of BertForPreTraining / AlbertForPreTraining: MLM transform Linear(H, W) + LayerNorm(W), a decoder
    # Linear(W, V) whose weight is tied to the token table (only its bias is new), and NSP / SOP Linear(H, 2).
    width = hidden if embedding is None else embedding
    decoder = nn.Linear(width, vocab, device=META)
    decoder.weight = m.embeddings.word_embeddings.weight
    heads = nn.ModuleList([nn.Linear(hidden, width, device=META), nn.LayerNorm(width, device=META), decoder, nn.Linear(hidden, 2, device=META)])
    cases.append({
        "name": name, "kind": "model",
        "vocabulary": vocab, "hidden": hidden, "layers": layers, "ffn": ffn, "positions": positions, "types": types,
        "embedding": embedding, "shared": shared,
        "groups": groups,
        "embeddings_total": numel(m.embeddings) + (0 if m.embedding_hidden_mapping_in is None else numel(m.embedding_hidden_mapping_in)),
        "one_layer_total": numel(m.layers[0]),
        "encoder_total": numel(m.layers),
        "pooler_total": numel(m.pooler),
        "total": numel(m),
        "with_pretraining_heads": numel(nn.ModuleList([m, heads])),
    })


model_case("BERT-base", 30522, 768, 12, 3072)
model_case("BERT-large", 30522, 1024, 24, 4096)
model_case("BERT-base Chinese", 21128, 768, 12, 3072)
model_case("tiny BERT (3 segment types, 32 positions)", 100, 16, 3, 40, positions=32, types=3)
model_case("ALBERT-base", 30000, 768, 12, 3072, embedding=128, shared=True)
model_case("ALBERT-large", 30000, 1024, 24, 4096, embedding=128, shared=True)
model_case("tiny factorised, not shared", 50, 12, 2, 20, positions=16, embedding=4, shared=False)
model_case("tiny shared, not factorised", 60, 8, 5, 24, positions=10, types=1, shared=True)

for d, ffn in [(768, 3072), (1024, 4096), (16, 40), (5, 7)]:
    block = nn.Sequential(nn.Linear(d, ffn, device=META), nn.ReLU(), nn.Linear(ffn, d, device=META))
    cases.append({"name": f"FFN d={d} d_ff={ffn}", "kind": "ffn", "d": d, "ffn": ffn, "count": numel(block)})

for d, heads, ffn in [(768, 12, 3072), (1024, 16, 4096), (16, 4, 40), (12, 3, 12)]:
    cases.append({
        "name": f"torch layers d={d} heads={heads} d_ff={ffn}", "kind": "torch-layers", "d": d, "heads": heads, "ffn": ffn,
        "multihead_attention": numel(nn.MultiheadAttention(d, heads, device=META)),
        "encoder_layer": numel(nn.TransformerEncoderLayer(d, heads, ffn, device=META)),
    })

# GPT-2 small's layout: token + position tables, 12 pre-LN blocks (same counts as TransformerEncoderLayer), final LayerNorm; LM head tied.
gpt2 = nn.ModuleList([nn.Embedding(50257, 768, device=META), nn.Embedding(1024, 768, device=META)]
                     + [nn.TransformerEncoderLayer(768, 12, 3072, device=META) for _ in range(12)] + [nn.LayerNorm(768, device=META)])
cases.append({"name": "GPT-2 small layout", "kind": "gpt2", "vocabulary": 50257, "positions": 1024, "hidden": 768, "layers": 12,
              "ffn": 3072, "total": numel(gpt2)})


def lora_case(name, d, k, r, alpha, n, zero_b=False, bias=True):
    w = torch.randn(d, k, dtype=torch.float64)
    b = torch.randn(d, dtype=torch.float64) if bias else None
    a = torch.randn(r, k, dtype=torch.float64) / k ** 0.5
    bb = torch.zeros(d, r, dtype=torch.float64) if zero_b else torch.randn(d, r, dtype=torch.float64)
    x = torch.randn(n, k, dtype=torch.float64)
    base = nn.functional.linear(x, w, b)
    y = base + (alpha / r) * (x @ a.T @ bb.T)
    cases.append({
        "name": name, "kind": "lora", "alpha": alpha, "rank": r,
        "weight": plain(w), "bias": None if b is None else plain(b), "a": plain(a), "b": plain(bb), "x": plain(x),
        "output": plain(y), "base_output": plain(base), "merged_weight": plain(w + (alpha / r) * bb @ a),
        "trainable": a.numel() + bb.numel(), "frozen": w.numel() + (0 if b is None else b.numel()),
    })


lora_case("LoRA at initialisation (B = 0)", 6, 5, 2, 4.0, 3, zero_b=True)
lora_case("LoRA after training (B != 0)", 6, 5, 2, 4.0, 3)
lora_case("LoRA rank 1, alpha = rank, no bias", 4, 7, 1, 1.0, 2, bias=False)
lora_case("LoRA full rank r = k", 3, 3, 3, 6.0, 4)


def embedding_case(name, vocab, types, positions, hidden, tokens, segments):
    word = torch.randn(vocab, hidden, dtype=torch.float64)
    token_type = torch.randn(types, hidden, dtype=torch.float64)
    position = torch.randn(positions, hidden, dtype=torch.float64)
    t, s = torch.tensor(tokens), torch.tensor(segments)
    out = nn.functional.embedding(t, word) + nn.functional.embedding(s, token_type) + nn.functional.embedding(torch.arange(len(tokens)), position)
    cases.append({
        "name": name, "kind": "embeddings", "tokens": tokens, "segments": segments,
        "word": plain(word), "token_type": plain(token_type), "position": plain(position), "output": plain(out),
    })


embedding_case("sentence pair, 7 tokens", 11, 2, 8, 5, [1, 4, 9, 2, 7, 7, 2], [0, 0, 0, 0, 1, 1, 1])
embedding_case("full length, repeated ids", 6, 3, 4, 3, [5, 5, 0, 5], [2, 0, 1, 2])
embedding_case("one token", 3, 1, 1, 2, [2], [0])

print(dump("transformer_parameters.py", {"torch": torch.__version__}, cases))
