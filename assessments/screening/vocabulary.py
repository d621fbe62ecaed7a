"""What the compiled patterns can ask of a word, memoised per surface form.

A word of an answer becomes a set of keys: ``w:<form>`` (exact), ``s:<stem>`` (stem) and
``p:<prefix>`` for every pattern prefix it starts with, plus the keys of the pattern words
it is one typo away from. A pattern slot is the set of keys it accepts; matching is then a
set intersection.
"""

from __future__ import annotations

import functools

from assessments.screening.patterns import Word
from assessments.screening.text import stem
from assessments.screening.typos import COMMON_WORDS, ENDINGS, FUZZY_MIN, deletes, edit1

_CACHE_LIMIT = 200_000


@functools.lru_cache(maxsize=16384)
def word_keys(word: Word) -> frozenset[str]:
    if word.kind == "exact":
        return frozenset({"w:" + word.text})
    if word.kind == "prefix":
        return frozenset({"p:" + word.text})
    return frozenset({"s:" + stem(word.text)})


class Vocabulary:
    def __init__(self) -> None:
        self.prefixes: set[str] = set()
        self.stems: set[str] = set()
        self.exact: set[str] = set()
        self.known: set[str] = set(COMMON_WORDS)
        self.fuzzy_index: dict[str, set[tuple[str, str]]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.cache: dict[str, frozenset[str]] = {}
        self.seen: dict[Word, frozenset[str]] = {}  # pattern words registered -> keys

    def add(self, word: Word) -> frozenset[str]:
        """Register a pattern word; its keys."""
        keys = self.seen.get(word)
        if keys is None:
            kind, text = word
            if kind == "prefix":
                self.prefixes.add(text)
            elif kind == "exact":
                self.exact.add(text)
            else:
                self.stems.add(stem(text))
                self.known.add(text)
            keys = self.seen[word] = word_keys(word)
        return keys

    def finish(self, fuzzy: bool) -> None:
        self.prefix_lengths = tuple(sorted({len(p) for p in self.prefixes}))
        self.cache.clear()
        if not fuzzy:
            return
        for p in self.prefixes:
            if len(p) >= FUZZY_MIN:
                for d in deletes(p):
                    self.fuzzy_index.setdefault(d, set()).add(("p", p))
        for s in self.stems:
            if len(s) >= FUZZY_MIN - 1:
                for d in deletes(s):
                    self.fuzzy_index.setdefault(d, set()).add(("s", s))

    def keys(self, w: str) -> frozenset[str]:
        cached = self.cache.get(w)
        if cached is not None:
            return cached
        stemmed = stem(w)
        keys = {"w:" + w, "s:" + stemmed}
        for n in self.prefix_lengths:
            if n > len(w):
                break
            if w[:n] in self.prefixes:
                keys.add("p:" + w[:n])
        if self.fuzzy_index and len(w) >= FUZZY_MIN and w not in self.known:
            keys |= self._typo_stems(w, stemmed) | self._typo_prefixes(w, stemmed)
        result = frozenset(keys)
        if len(self.cache) > _CACHE_LIMIT:
            self.cache.clear()
        self.cache[w] = result
        return result

    def _typo_stems(self, w: str, stemmed: str) -> set[str]:
        found: set[str] = set()
        if stemmed in self.stems:
            return found
        for variant in (stemmed, w) if stemmed != w else (stemmed,):
            for d in deletes(variant):
                for kind, target in self.fuzzy_index.get(d, ()):
                    if kind == "s" and target[0] == variant[0] and edit1(variant, target):
                        found.add("s:" + target)
        return found

    def _typo_prefixes(self, w: str, root: str) -> set[str]:
        found: set[str] = set()
        for n in self.prefix_lengths:
            if n < FUZZY_MIN:
                continue
            if n - 1 > len(w):
                break
            for m in (n - 1, n, n + 1):
                chunk = w[:m]
                if len(chunk) == m and (m == n or w[m:] in ENDINGS or not w[m:]):
                    found.update(self._prefix_targets(chunk, n, root))
        return found

    def _prefix_targets(self, chunk: str, n: int, root: str) -> set[str]:
        found: set[str] = set()
        for d in deletes(chunk):
            for kind, target in self.fuzzy_index.get(d, ()):
                same_start = kind == "p" and len(target) == n and target[0] == chunk[0]
                # a word whose own stem begins the prefix is another form of that root, not
                # a slip: "moaned" is "moan" + "ed", never a typo of "moaner*" (nor
                # "whinged" of "whinger*"); a note saying the customer moaned names no one
                # a moaner
                other_form = target.startswith(root) and len(target) > len(root)
                if same_start and not other_form and edit1(chunk, target):
                    found.add("p:" + target)
        return found
