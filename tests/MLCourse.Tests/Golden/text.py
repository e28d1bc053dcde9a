#!/usr/bin/env python3
"""Reference values for MLCourse.Text (TfidfVectorizer, NGrams): scikit-learn 1.2's TfidfVectorizer with its defaults
(token_pattern r"(?u)\\b\\w\\w+\\b", lowercase, smooth_idf, norm "l2") and with each option changed (smooth_idf=False,
sublinear_tf=True, norm "l1" and None, ngram_range (1, 2) and (2, 3)): vocabulary (get_feature_names_out), idf_, the
fitted corpus's matrix and the matrix of unseen documents; and the analyzers' n-gram lists (word n-grams of
CountVectorizer(ngram_range=...).build_analyzer(), character n-grams of CountVectorizer(analyzer="char",
ngram_range=(n, n), lowercase=False).build_analyzer()).

Regenerate (needs Debian's python3-sklearn; tests never run this):
    /usr/bin/python3 tests/MLCourse.Tests/Golden/text.py > tests/MLCourse.Tests/Golden/text.json
"""
import os
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden import dump, plain  # noqa: E402

corpora = {
    "scikit-learn's example": ["This is the first document.", "This document is the second document.",
                               "And this is the third one.", "Is this the first document?"],
    "punctuation, case, numbers": ["The cat sat on the mat.", "The dog ate my homework!!", "I said: a cat, a dog & 2 birds_of_prey",
                                   "cat cat cat dog", "Don't stop-believing; it's 2024.", "THE CAT. The cat? the Cat!"],
    "Chinese and English": ["我爱北京天安门 and 北京", "北京 is big", "我爱 北京 我爱 天安门"],
}
unseen = ["the cat and the unseen words", "", "a b c", "document document DOCUMENT first cat"]
options = {
    "defaults": {},
    "smooth_idf=False": {"smooth_idf": False},
    "sublinear_tf=True": {"sublinear_tf": True},
    "norm=l1": {"norm": "l1"},
    "norm=None": {"norm": None},
    "ngram_range=(1, 2)": {"ngram_range": (1, 2)},
    "ngram_range=(2, 3)": {"ngram_range": (2, 3)},
}
cases = []
for corpus_name, corpus in corpora.items():
    for option_name, kwargs in options.items():
        vectorizer = TfidfVectorizer(**kwargs)
        x = vectorizer.fit_transform(corpus).toarray()
        cases.append({"kind": "tfidf", "name": f"{corpus_name}, {option_name}", "corpus": corpus, "unseen": unseen,
                      "ngram_range": list(kwargs.get("ngram_range", (1, 1))), "smooth_idf": kwargs.get("smooth_idf", True),
                      "sublinear_tf": kwargs.get("sublinear_tf", False), "norm": kwargs.get("norm", "l2") or "none",
                      "vocabulary": list(vectorizer.get_feature_names_out()), "idf": plain(vectorizer.idf_),
                      "x": plain(x), "x_unseen": plain(vectorizer.transform(unseen).toarray())})

for text in ("This is the first document.", "Don't stop-believing; it's 2024!", "one two", "我爱北京天安门"):
    for low, high in ((1, 1), (1, 3), (2, 2), (2, 4), (3, 3)):
        cases.append({"kind": "words", "name": f"words {text!r} {low}-{high}", "text": text, "min_n": low, "max_n": high,
                      "grams": CountVectorizer(ngram_range=(low, high)).build_analyzer()(text)})
for text in ("我爱北京天安门", "to be or not", "a\U0001D538b c", "ab"):
    for n in (1, 2, 3, 4):
        cases.append({"kind": "characters", "name": f"characters {text!r} n={n}", "text": text, "n": n,
                      "grams": CountVectorizer(analyzer="char", ngram_range=(n, n), lowercase=False).build_analyzer()(text)})

print(dump("text.py", {"sklearn": sklearn.__version__, "numpy": np.__version__}, cases))
