#!/usr/bin/env python3
"""Reference values for MLCourse.Metrics.Bleu, from NLTK 3.8's nltk.translate.bleu_score.

Mirrors sentence_bleu(references, hypothesis, weights, smoothing_function) with the default weights (BLEU-4) and
others, without smoothing (method0) and with SmoothingFunction().method1 (epsilon 0.1 and 0.5), method2 and method3,
plus modified_precision (clipped counts, as numerator and denominator), closest_ref_length and brevity_penalty.
Cases: a perfect match, Papineni's examples from NLTK's docstrings (several references), d2l's example, no 4-gram
match, no match at all, a short candidate (brevity penalty), candidates shorter than 4 tokens, an empty candidate,
clipping of a repeated word, ties between reference lengths.

Regenerate (needs Debian's python3-nltk; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/bleu.py > tests/MLCourse.Tests/Golden/bleu.json
"""
import os
import sys
import warnings

import nltk
from nltk.translate.bleu_score import (SmoothingFunction, brevity_penalty, closest_ref_length, modified_precision,
                                       sentence_bleu)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump  # noqa: E402

warnings.simplefilter("ignore")  # method0 warns about orders without matches; the value is what we want
cases = []
smoothers = {"none": None, "epsilon": SmoothingFunction().method1, "epsilon 0.5": SmoothingFunction(epsilon=0.5).method1,
             "add one": SmoothingFunction().method2, "nist": SmoothingFunction().method3}


def case(name, candidate, references, weights=(0.25, 0.25, 0.25, 0.25)):
    candidate, references = candidate.split(), [r.split() for r in references]
    scores = {key: sentence_bleu(references, candidate, weights, smoothing_function=f) for key, f in smoothers.items()}
    precisions = [modified_precision(references, candidate, n) for n in range(1, len(weights) + 1)]
    ref_len = closest_ref_length(references, len(candidate))
    cases.append({"name": name, "candidate": candidate, "references": references, "weights": list(weights),
                  "matches": [p.numerator for p in precisions], "denominators": [p.denominator for p in precisions],
                  "closest_ref_length": ref_len, "brevity_penalty": float(brevity_penalty(ref_len, len(candidate))),
                  "bleu": {key: float(v) for key, v in scores.items()}})


papineni_refs = ["It is a guide to action that ensures that the military will forever heed Party commands",
                 "It is the guiding principle which guarantees the military forces always being under the command of the Party",
                 "It is the practical guide for the army always to heed the directions of the party"]
case("perfect match", "the cat is on the mat", ["the cat is on the mat"])
case("perfect match of one of two references", "there is a cat on the mat", ["the cat is on the mat", "there is a cat on the mat"])
case("papineni hypothesis 1", "It is a guide to action which ensures that the military always obeys the commands of the party", papineni_refs)
case("papineni hypothesis 2", "It is to insure the troops forever hearing the activity guidebook that party direct", papineni_refs)
case("papineni hypothesis 1 bleu-2", "It is a guide to action which ensures that the military always obeys the commands of the party", papineni_refs, (0.5, 0.5))
case("papineni hypothesis 1 bleu-5", "It is a guide to action which ensures that the military always obeys the commands of the party", papineni_refs, (0.2,) * 5)
case("papineni hypothesis 1 custom weights", "It is a guide to action which ensures that the military always obeys the commands of the party", papineni_refs, (0.1, 0.2, 0.3, 0.4))
case("d2l example", "A B B C D", ["A B C D E F"])
case("d2l example bleu-2", "A B B C D", ["A B C D E F"], (0.5, 0.5))
case("no 4-gram match", "the cat sat down on the mat", ["the cat sat on the mat"])
case("no match at all", "a b c d e", ["f g h i j"])
case("short candidate brevity penalty", "the cat is on", ["the cat is on the mat today"])
case("candidate of three tokens", "the cat sat", ["the cat sat on the mat"])
case("candidate of three tokens bleu-3", "the cat sat", ["the cat sat on the mat"], (1 / 3,) * 3)
case("candidate of one token", "the", ["the cat"])
case("empty candidate", "", ["the cat sat"])
case("clipped repeated word", "the the the the the the the", ["the cat is on the mat", "there is a cat on the mat"])
case("reference lengths tie", "a b c d e f", ["a b c d e", "a b c d e f g"])
case("longer than every reference", "a b c d e f g h i", ["a b c d", "a b c d e f"])
case("unigram weight only", "the mat is on the cat", ["the cat is on the mat"], (1.0,))

print(dump("bleu.py", {"nltk": nltk.__version__}, cases))
