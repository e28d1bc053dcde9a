#!/usr/bin/env python3
"""Reference values for notebook 22's losses, from PyTorch (float64, autograd gradients).

Mirrors:
- causal LM: Hugging Face GPT2LMHeadModel's shift, F.cross_entropy(logits[:, :-1].reshape(-1, V), labels[:, 1:].reshape(-1),
  ignore_index=...), gradient with respect to the full (B, T, V) logits (MLCourse.Losses.Loss.CausalLanguageModel);
- masked LM: labels = token at selected positions, -100 elsewhere (Hugging Face's DataCollatorForLanguageModeling), the MLM
  loss F.cross_entropy(logits, labels) and BERT's pre-training total MLM + NSP (F.cross_entropy on the 2-class NSP logits),
  as BertForPreTraining sums them (MaskedLanguageModel.Labels with Loss.CrossEntropy);
- Bradley-Terry: -F.logsigmoid(chosen - rejected), per pair and mean, and InstructGPT's ranked loss (mean over each prompt's
  C(K, 2) pairs, then over prompts), gradients by autograd (MLCourse.Alignment.BradleyTerry);
- DPO: preference_loss of the DPO paper's reference code (eric-mitchell/direct-preference-optimization, trainers.py), copied
  below without its ipo / reference_free branches, with label smoothing; gradients of losses.mean() with respect to the
  policy log-probabilities (MLCourse.Alignment.Dpo);
- LoRA: the gradients of F.mse_loss(x @ W.T + b + (alpha / r) * (x @ A.T) @ B.T, target) with respect to A and B, and the
  upstream gradient dL/dy they are computed from (MLCourse.Transformers.LoraLinear.Gradients);
- PPO: torch.min(ratio * adv, torch.clamp(ratio, 1 - eps, 1 + eps) * adv).mean(), gradient with respect to the ratios
  (MLCourse.Alignment.Ppo); no ratio sits exactly on 1 +- eps.

Regenerate (needs Debian's python3-torch; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/alignment.py > tests/MLCourse.Tests/Golden/alignment.json
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

torch.manual_seed(20261222)
torch.set_default_dtype(torch.float64)
cases = []


def leaf(x):
    return x.clone().requires_grad_(True)


# ---- causal LM ---------------------------------------------------------------------------------------------------
def causal_case(name, batch, length, vocabulary, scale=2.0, pad=None, ignore_index=-100):
    logits = leaf(torch.randn(batch, length, vocabulary) * scale)
    labels = torch.randint(0, vocabulary, (batch, length))
    if pad is not None:  # the last pad[b] positions of sequence b are padding
        for b, p in enumerate(pad):
            if p > 0:
                labels[b, length - p:] = ignore_index
    loss = F.cross_entropy(logits[:, :-1, :].reshape(-1, vocabulary), labels[:, 1:].reshape(-1), ignore_index=ignore_index)
    loss.backward()
    cases.append({"name": name, "kind": "causal_lm", "logits": plain(logits.detach()), "tokens": plain(labels),
                  "ignore_index": ignore_index, "loss": plain(loss.item()), "grad": plain(logits.grad)})


causal_case("causal B=1 T=2 V=3", 1, 2, 3)
causal_case("causal B=1 T=8 V=5", 1, 8, 5)
causal_case("causal B=3 T=6 V=7", 3, 6, 7)
causal_case("causal B=4 T=5 V=11 large logits", 4, 5, 11, scale=40.0)
causal_case("causal B=3 T=7 V=6 padded", 3, 7, 6, pad=[0, 2, 5])
causal_case("causal B=2 T=6 V=4 ignore_index=3, a real id", 2, 6, 4, pad=[1, 3], ignore_index=3)


# ---- masked LM + NSP ---------------------------------------------------------------------------------------------
def mlm_case(name, tokens_count, vocabulary, select_probability, sentences):
    tokens = torch.randint(0, vocabulary, (tokens_count,))
    selected = torch.rand(tokens_count) < select_probability
    selected[0] = True  # at least one position counts
    labels = torch.where(selected, tokens, torch.full_like(tokens, -100))
    mlm_logits = leaf(torch.randn(tokens_count, vocabulary) * 3)
    nsp_logits = torch.randn(sentences, 2) * 2
    nsp_labels = torch.randint(0, 2, (sentences,))
    mlm = F.cross_entropy(mlm_logits, labels)
    nsp = F.cross_entropy(nsp_logits, nsp_labels)
    total = mlm + nsp
    total.backward()
    cases.append({"name": name, "kind": "mlm", "tokens": plain(tokens), "selected": plain(selected), "labels": plain(labels),
                  "mlm_logits": plain(mlm_logits.detach()), "nsp_logits": plain(nsp_logits), "nsp_labels": plain(nsp_labels),
                  "mlm_loss": plain(mlm.item()), "nsp_loss": plain(nsp.item()), "total": plain(total.item()),
                  "mlm_grad": plain(mlm_logits.grad)})


mlm_case("mlm 12 tokens V=9", 12, 9, 0.15, 2)
mlm_case("mlm 40 tokens V=30", 40, 30, 0.15, 4)
mlm_case("mlm 25 tokens V=6 half selected", 25, 6, 0.5, 3)


# ---- Bradley-Terry -----------------------------------------------------------------------------------------------
def bt_case(name, chosen, rejected):
    c, r = leaf(chosen), leaf(rejected)
    losses = -F.logsigmoid(c - r)
    loss = losses.mean()
    loss.backward()
    cases.append({"name": name, "kind": "bt", "chosen": plain(chosen), "rejected": plain(rejected), "losses": plain(losses.detach()),
                  "loss": plain(loss.item()), "grad_chosen": plain(c.grad), "grad_rejected": plain(r.grad)})


bt_case("bt one pair", torch.tensor([0.7]), torch.tensor([-0.2]))
bt_case("bt equal rewards", torch.tensor([1.5, -2.0, 0.0]), torch.tensor([1.5, -2.0, 0.0]))
bt_case("bt 16 pairs", torch.randn(16) * 2, torch.randn(16) * 2)
bt_case("bt extreme margins", torch.tensor([800.0, -800.0, 40.0, -40.0, 1e-12]), torch.tensor([0.0, 0.0, 0.0, 0.0, 0.0]))


def ranked_case(name, sizes):
    rankings = [leaf(torch.randn(k) * 1.5) for k in sizes]
    per_prompt = []
    for r in rankings:
        k = r.shape[0]
        pairs = [-F.logsigmoid(r[i] - r[j]) for i in range(k) for j in range(i + 1, k)]
        per_prompt.append(torch.stack(pairs).mean())
    loss = torch.stack(per_prompt).mean()
    loss.backward()
    cases.append({"name": name, "kind": "ranked", "rankings": [plain(r.detach()) for r in rankings], "loss": plain(loss.item()),
                  "grads": [plain(r.grad) for r in rankings]})


ranked_case("ranked one prompt K=2", [2])
ranked_case("ranked one prompt K=4", [4])
ranked_case("ranked prompts K=4,9,5", [4, 9, 5])


# ---- DPO (the reference code's preference_loss) ------------------------------------------------------------------
def preference_loss(policy_chosen_logps, policy_rejected_logps, reference_chosen_logps, reference_rejected_logps, beta,
                    label_smoothing=0.0):
    pi_logratios = policy_chosen_logps - policy_rejected_logps
    ref_logratios = reference_chosen_logps - reference_rejected_logps
    logits = pi_logratios - ref_logratios
    losses = -F.logsigmoid(beta * logits) * (1 - label_smoothing) - F.logsigmoid(-beta * logits) * label_smoothing
    chosen_rewards = beta * (policy_chosen_logps - reference_chosen_logps).detach()
    rejected_rewards = beta * (policy_rejected_logps - reference_rejected_logps).detach()
    return losses, chosen_rewards, rejected_rewards


def logps(n, scale):
    return -torch.rand(n) * scale


def dpo_case(name, n, beta, label_smoothing=0.0, scale=30.0, equal_to_reference=False):
    pc, pr = leaf(logps(n, scale)), leaf(logps(n, scale))
    rc, rr = (pc.detach().clone(), pr.detach().clone()) if equal_to_reference else (logps(n, scale), logps(n, scale))
    losses, chosen_rewards, rejected_rewards = preference_loss(pc, pr, rc, rr, beta, label_smoothing)
    loss = losses.mean()
    loss.backward()
    cases.append({"name": name, "kind": "dpo", "policy_chosen": plain(pc.detach()), "policy_rejected": plain(pr.detach()),
                  "reference_chosen": plain(rc), "reference_rejected": plain(rr), "beta": beta, "label_smoothing": label_smoothing,
                  "losses": plain(losses.detach()), "loss": plain(loss.item()), "grad_chosen": plain(pc.grad),
                  "grad_rejected": plain(pr.grad), "chosen_rewards": plain(chosen_rewards), "rejected_rewards": plain(rejected_rewards)})


dpo_case("dpo one pair beta=0.1", 1, 0.1)
dpo_case("dpo 8 pairs beta=0.1", 8, 0.1)
dpo_case("dpo 8 pairs beta=0.5", 8, 0.5)
dpo_case("dpo 6 pairs beta=2 long responses", 6, 2.0, scale=400.0)
dpo_case("dpo 8 pairs beta=0.1 eps=0.1", 8, 0.1, label_smoothing=0.1)
dpo_case("dpo 5 pairs beta=0.3 eps=0.5", 5, 0.3, label_smoothing=0.5)
dpo_case("dpo policy = reference", 4, 0.1, equal_to_reference=True)


# ---- PPO clipped surrogate ---------------------------------------------------------------------------------------
def ppo_case(name, ratios, advantages, eps):
    ratio = leaf(ratios)
    objective = torch.min(ratio * advantages, torch.clamp(ratio, 1 - eps, 1 + eps) * advantages).mean()
    objective.backward()
    cases.append({"name": name, "kind": "ppo", "ratios": plain(ratios), "advantages": plain(advantages), "epsilon": eps,
                  "objective": plain(objective.item()), "grad": plain(ratio.grad)})


ppo_case("ppo every region eps=0.2", torch.tensor([0.5, 0.9, 1.1, 1.5, 0.5, 0.9, 1.1, 1.5, 1.0]),
         torch.tensor([1.0, 2.0, 0.5, 1.5, -1.0, -2.0, -0.5, -1.5, 0.7]), 0.2)
ppo_case("ppo random eps=0.1", torch.exp(torch.randn(12) * 0.3), torch.randn(12), 0.1)
ppo_case("ppo random eps=0.3", torch.exp(torch.randn(12) * 0.5), torch.randn(12) * 3, 0.3)


# ---- LoRA gradients ----------------------------------------------------------------------------------------------
def lora_case(name, n, d, k, r, alpha, zero_b=False, bias=True):
    weight, b0 = torch.randn(d, k), (torch.randn(d) if bias else None)
    a = leaf(torch.randn(r, k) / k ** 0.5)
    b = leaf(torch.zeros(d, r) if zero_b else torch.randn(d, r))
    x, target = torch.randn(n, k), torch.randn(n, d)
    y = x @ weight.T + (alpha / r) * (x @ a.T) @ b.T
    if b0 is not None:
        y = y + b0
    y.retain_grad()
    loss = F.mse_loss(y, target)
    loss.backward()
    cases.append({"name": name, "kind": "lora_grad", "weight": plain(weight), "bias": None if b0 is None else plain(b0),
                  "a": plain(a.detach()), "b": plain(b.detach()), "alpha": alpha, "x": plain(x), "grad_output": plain(y.grad),
                  "grad_a": plain(a.grad), "grad_b": plain(b.grad)})


lora_case("lora grad n=5 d=4 k=3 r=2", 5, 4, 3, 2, 4.0)
lora_case("lora grad n=7 d=6 k=8 r=3 no bias", 7, 6, 8, 3, 1.0, bias=False)
lora_case("lora grad B=0", 4, 5, 5, 2, 16.0, zero_b=True)

print(dump("alignment.py", {"torch": torch.__version__}, cases))
