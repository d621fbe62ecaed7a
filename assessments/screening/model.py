"""Learned second stage of the warning-answer screener: pure Python, stdlib only.

A multinomial logistic regression (one class per rule code plus ``none``) over the
screener's own normalised words, so inflections, contractions and curly quotes are read the
same way as in the patterns:

* ``u:<stem>``         a word, stemmed by the screener's stemmer;
* ``u:n:<stem>``       the same word inside a negated clause (after not / never / no /
                       without ... earlier in the same clause, per the engine's negation logic);
* ``b:<stem> <stem>``  two consecutive words of the same sentence.

Training (``training.py``) sees whole answers; the screener scores each SENTENCE. A model
flag is raised only when the probability of a category is above a high threshold (chosen by
cross-writer validation) and stance.py accepts the words carrying most of the evidence as
the candidate's own view. The evidence is the shortest span covering the strongest features'
words, and the explanation quotes those words as written in the answer ("model: thanks,
keeps me going"), never stems; when no feature is readable the model stays silent.

This module imports only text/answer (never the engine), so there is no import cycle.

Training is deterministic: fixed seed, fixed epochs, rounded weights, sorted JSON.
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessments.screening.answer import Answer, sentence_spans
from assessments.screening.text import stem
from assessments.screening.vocabulary import Vocabulary

NONE = "none"
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "screening_model.json"


# --------------------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------------------


def token_features(ans: Answer, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """(feature, first token, end token) for tokens lo..hi of one analysed answer."""
    words, neg, clause = ans.words, ans.neg, ans.clause
    feats: list[tuple[str, int, int]] = []
    stems = [stem(words[i]) for i in range(lo, hi)]
    negated = False
    for j, i in enumerate(range(lo, hi)):
        if i == lo or clause[i] != clause[i - 1]:
            negated = False
        s = stems[j]
        feats.append((("u:n:" + s) if negated else ("u:" + s), i, i + 1))
        if j + 1 < len(stems):
            feats.append(("b:" + s + " " + stems[j + 1], i, i + 2))
        if neg[i]:
            negated = True
    return feats


def feature_names(ans: Answer, lo: int, hi: int) -> list[str]:
    """The features of ``token_features``, names only, in the same order (so scores sum in
    the same order): what scoring a sentence needs; positions are built only for the few
    sentences that score high enough to quote."""
    words, neg, clause = ans.words, ans.neg, ans.clause
    names: list[str] = []
    stems = [stem(words[i]) for i in range(lo, hi)]
    last = len(stems) - 1
    negated = False
    for j, i in enumerate(range(lo, hi)):
        if i == lo or clause[i] != clause[i - 1]:
            negated = False
        s = stems[j]
        names.append(("u:n:" + s) if negated else ("u:" + s))
        if j < last:
            names.append("b:" + s + " " + stems[j + 1])
        if neg[i]:
            negated = True
    return names


def answer_features(ans: Answer) -> list[str]:
    """The set of features of a whole answer (training unit), sorted."""
    found: set[str] = set()
    for lo, hi in sentence_spans(ans):
        found.update(f for f, _s, _e in token_features(ans, lo, hi))
    return sorted(found)


def sentence_features(ans: Answer) -> list[list[str]]:
    """Each sentence's features, sorted (extra negatives for training)."""
    return [
        sorted({f for f, _s, _e in token_features(ans, lo, hi)}) for lo, hi in sentence_spans(ans)
    ]


def text_features(text: str) -> tuple[list[str], list[list[str]]]:
    """(whole-answer features, per-sentence features) of a text, for training."""
    ans = Answer(text, _PLAIN)
    return answer_features(ans), sentence_features(ans)


def sentence_names(text: str) -> list[list[str]]:
    """``feature_names`` of each sentence of a text: what scoring it sentence by sentence
    needs, read without a screener's pattern keys (and their typo search)."""
    ans = Answer(text, _PLAIN)
    return [feature_names(ans, lo, hi) for lo, hi in sentence_spans(ans)]


_PLAIN = Vocabulary()  # features need words, stems and negation only, no pattern keys


# --------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------


@dataclass
class ScreeningModel:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    # feature -> ((class index, weight), ...)
    weights: dict[str, tuple[tuple[int, float], ...]]
    threshold: float = 0.9
    meta: dict[str, Any] | None = None

    def scores(self, features: Iterable[str]) -> list[float]:
        z = list(self.bias)
        w = self.weights
        for f in features:
            row = w.get(f)
            if row:
                for k, v in row:
                    z[k] += v
        return z

    def probabilities(self, features: Iterable[str]) -> list[float]:
        return _softmax(self.scores(features))

    def contributions(self, features: Iterable[str], k: int) -> list[tuple[float, str]]:
        """(weight for class k, feature), strongest first; only positive weights."""
        out: list[tuple[float, str]] = []
        for f in set(features):
            for ci, v in self.weights.get(f, ()):
                if ci == k and v > 0:
                    out.append((v, f))
        out.sort(key=lambda t: (-t[0], t[1]))
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "format": "screening-model/1",
            "classes": list(self.classes),
            "bias": [round(b, 4) for b in self.bias],
            "threshold": self.threshold,
            "meta": self.meta or {},
            "weights": {f: [[k, v] for k, v in row] for f, row in sorted(self.weights.items())},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScreeningModel:
        if data.get("format") != "screening-model/1":
            raise ValueError("not a screening model file")
        return cls(
            classes=tuple(data["classes"]),
            bias=tuple(float(b) for b in data["bias"]),
            weights={
                f: tuple((int(k), float(v)) for k, v in row) for f, row in data["weights"].items()
            },
            threshold=float(data["threshold"]),
            meta=data.get("meta") or {},
        )

    def dump(self, path: Path) -> None:
        text = json.dumps(self.to_json(), sort_keys=True, separators=(",", ":"))
        path.write_text(text + "\n", encoding="utf-8")


def load(path: Path | str = DEFAULT_PATH) -> ScreeningModel:
    return ScreeningModel.from_json(json.loads(Path(path).read_text(encoding="utf-8")))


_CACHE: dict[str, ScreeningModel | None] = {}


def default_model() -> ScreeningModel | None:
    """The shipped model, loaded once per process; None when the file is absent."""
    key = str(DEFAULT_PATH)
    if key not in _CACHE:
        _CACHE[key] = load(DEFAULT_PATH) if DEFAULT_PATH.exists() else None
    return _CACHE[key]


def _softmax(z: Sequence[float]) -> list[float]:
    m = max(z)
    e = [math.exp(v - m) for v in z]
    s = sum(e)
    return [v / s for v in e]


# Complexity 12: one loop of gradient descent with its early stop and class weights; split,
# its half-dozen running totals would travel between functions.
def train(  # noqa: C901
    examples: Sequence[tuple[Sequence[str], str]],
    classes: Sequence[str],
    *,
    epochs: int = 20,
    rate: float = 0.2,
    l2: float = 1e-4,
    seed: int = 13,
    # These three keep the shipped file under 1 MB (tests/screening/test_model.py) as writers
    # are added: at 16 writers, min_count 2 / prune 0.03 / 3 decimals made 1.35 MB; at 30
    # writers prune 0.05 made 1.09 MB; at 36, prune 0.07 made 1.09 MB and 0.08 1.02 MB; at 41,
    # 0.09 made 1.07 MB; at 53 with the sentence-picking round (training.fit), 0.11 made
    # 1.17 MB and 0.14 1.00 MB. A weight under 0.15 moves a probability by about 3.5%; two
    # decimals are finer than SGD's noise.
    prune: float = 0.15,
    min_count: int = 3,
    decimals: int = 2,
    threshold: float = 0.9,
) -> ScreeningModel:
    """Multinomial logistic regression by plain SGD (deterministic).

    ``examples`` are (features, class); ``classes`` must contain ``NONE``. Features seen in
    fewer than ``min_count`` examples are ignored; weights below ``prune`` are dropped.
    """
    names = tuple(classes)
    index = {c: i for i, c in enumerate(names)}
    n_cls = len(names)
    counts: dict[str, int] = {}
    for feats, _c in examples:
        for f in set(feats):
            counts[f] = counts.get(f, 0) + 1
    keep = {f for f, n in counts.items() if n >= min_count}
    data = [(sorted(set(f for f in feats if f in keep)), index[c]) for feats, c in examples]
    w: dict[str, list[float]] = {f: [0.0] * n_cls for f in sorted(keep)}
    bias = [0.0] * n_cls
    order = list(range(len(data)))
    rng = random.Random(seed)
    step = 0
    total = epochs * len(data)
    for _epoch in range(epochs):
        rng.shuffle(order)
        for i in order:
            feats, y = data[i]
            lr = rate * (1.0 - step / total) + 0.01
            step += 1
            z = list(bias)
            rows = [w[f] for f in feats]
            for row in rows:
                for k in range(n_cls):
                    z[k] += row[k]
            p = _softmax(z)
            p[y] -= 1.0
            grads = [(k, lr * g) for k, g in enumerate(p) if g > 1e-4 or g < -1e-4]
            for k, g in grads:
                bias[k] -= g
            shrink = 1.0 - lr * l2
            for row in rows:
                for k, g in grads:
                    row[k] = row[k] * shrink - g
    weights: dict[str, tuple[tuple[int, float], ...]] = {}
    for f, row in w.items():
        kept = tuple((k, round(v, decimals)) for k, v in enumerate(row) if abs(v) >= prune)
        if kept:
            weights[f] = kept
    return ScreeningModel(names, tuple(bias), weights, threshold)
