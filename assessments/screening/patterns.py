"""The pattern language HR writes in a rule's ``patterns``, parsed into a typed tree.

A pattern is a sequence of words, matched in order inside one sentence, ignoring case,
curly versus straight quotes and punctuation (the HR-facing guide is
docs/pattern-language.md):

``appreciate``     the word and its inflections (appreciated, appreciation ...)
``appreciat*``     any word starting with "appreciat"
``=fire``          exactly this word form
``(a|b c)``        one of the alternatives; an alternative may be several words
``[really]``       optional words
``~`` / ``~5``     up to 3 (or 5) other words in between, never across "but"/"however"
``!(to|who)``      the next word must NOT be one of these (zero-width)

The limits below are what keeps matching linear and cheap for ANY pattern HR can save:
the matcher (matcher.py) runs a small automaton whose size is bounded by them, so a
pattern over the limits is refused here, with a message, rather than slowing every answer.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple, NoReturn

from assessments.screening.text import SPECIAL_WORDS, TRANSLATE, expand

MAX_GAP = 12
DEFAULT_GAP = 3
MAX_GAPS = 4  # gaps per pattern: each gap multiplies the ways a match can be placed
MAX_CHARS = 1000
MAX_ALTERNATIVES = 64  # per (...) or [...] group
MAX_DEPTH = 3  # nested groups
MAX_STATES = 600  # automaton states: words plus one per word a gap may skip

# (whitespace matches no alternative, so findall skips it: no blank tokens to filter out)
_PAT_TOKEN_RE = re.compile(r"~\d*|[()\[\]|!]|[^\s()\[\]|!~]+")
_WORD_RE = re.compile(r"^=?[^\W_](?:[\w'\-]*[^\W_])?'?\*?$|^=?[^\W_]\*?$")
_CLOSERS = (")", "]", "|")


class PatternError(ValueError):
    """A pattern (or a rule) HR must fix; the message says what and how."""

    def __init__(self, message: str, code: str = "", pattern: str = "") -> None:
        self.code = code
        self.pattern = pattern
        super().__init__(message)


# The nodes are named tuples rather than frozen dataclasses: a compile builds some 25,000
# of them, and a tuple is built, hashed and compared in C (about 15% off a compile's parse).
class Word(NamedTuple):
    kind: str  # "stem" | "prefix" | "exact"
    text: str  # normalised body


class Gap(NamedTuple):
    size: int


class Not(NamedTuple):
    words: tuple[Word, ...]


class Alt(NamedTuple):
    options: tuple[Seq, ...]
    optional: bool = False  # [...] rather than (...)


Node = Word | Gap | Not | Alt
Seq = tuple[Node, ...]
# isinstance() targets built once: ``Word | Alt`` written inline builds a union per call
_WORDY = (Word, Alt)
_SKIPPABLE = (Gap, Not)


class _Parser:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.text = pattern.translate(TRANSLATE).lower().strip()  # straight quotes
        self.tokens: list[str] = _PAT_TOKEN_RE.findall(self.text)
        self.i = 0

    def fail(self, message: str) -> NoReturn:
        raise PatternError(message, pattern=self.pattern)

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Seq:
        if not self.tokens:
            self.fail("the pattern is empty")
        seq = self.seq(0)
        if self.peek() is not None:
            self.fail(f"unexpected '{self.peek()}'")
        return seq

    def seq(self, depth: int) -> Seq:
        nodes: list[Node] = []
        tokens, n = self.tokens, len(self.tokens)
        while self.i < n and (tok := tokens[self.i]) not in _CLOSERS:
            self.i += 1
            word = _WORDS.get(tok)  # most tokens: a word already checked
            nodes.append(word or self.node(tok, depth, nodes[-1] if nodes else None))
        if self.i < n and depth == 0:
            self.fail(f"'{tokens[self.i]}' without a matching opening bracket")
        return tuple(nodes)

    def node(self, tok: str, depth: int, previous: Node | None) -> Node:
        if tok in ("(", "["):
            if depth >= MAX_DEPTH:
                self.fail(f"brackets nested too deep (at most {MAX_DEPTH} levels)")
            return Alt(self.alternatives(")" if tok == "(" else "]", depth + 1), tok == "[")
        if tok.startswith("~"):
            return self.gap(tok, previous)
        if tok == "!":
            return self.negative()
        return self.word(tok)

    def gap(self, tok: str, previous: Node | None) -> Gap:
        size = int(tok[1:]) if len(tok) > 1 else DEFAULT_GAP
        if size > MAX_GAP:
            self.fail(f"gap '{tok}' is too wide (at most ~{MAX_GAP})")
        if isinstance(previous, Gap):
            self.fail("two gaps in a row")
        return Gap(size)

    def alternatives(self, closer: str, depth: int) -> tuple[Seq, ...]:
        alts: list[Seq] = []
        tokens, n = self.tokens, len(self.tokens)
        empty = False
        while True:
            i = self.i
            # Most alternatives are one word already checked: (thank*|praise|gratitude).
            # Taken here without a seq() call, they are most of a bank's parse.
            word = _WORDS.get(tokens[i]) if i + 1 < n and tokens[i + 1] in _CLOSERS else None
            if word is not None:
                alts.append((word,))
                self.i = i + 1
            else:
                alt = self.seq(depth)
                empty = empty or not any(isinstance(node, _WORDY) for node in alt)
                alts.append(alt)
            if self.i >= n or tokens[self.i] != "|":
                break
            self.i += 1
        if self.peek() != closer:
            self.fail(f"missing '{closer}'")
        self.i += 1
        if len(alts) > MAX_ALTERNATIVES:
            self.fail(f"too many alternatives in one group (at most {MAX_ALTERNATIVES})")
        if empty:
            self.fail("an empty alternative or optional group")
        return tuple(alts)

    def negative(self) -> Not:
        tok = self.peek()
        if tok is None:
            self.fail("'!' must be followed by a word or (a|b)")
        self.i += 1
        if tok != "(":
            return Not((self.word(tok),))
        words: list[Word] = []
        while True:
            w = self.peek()
            if w is None or w in ("(", ")", "[", "]", "|", "!") or w.startswith("~"):
                self.fail("'!(...)' takes single words separated by '|'")
            self.i += 1
            words.append(self.word(w))
            nxt = self.peek()
            self.i += 1
            if nxt == ")":
                return Not(tuple(words))
            if nxt != "|":
                self.fail("'!(...)' takes single words separated by '|'")

    def word(self, tok: str) -> Word:
        known = _WORDS.get(tok)
        if known is not None:
            return known
        if not _WORD_RE.match(tok):
            self.fail(f"'{tok}' is not a word (use letters, digits, ' and -)")
        if tok.startswith("="):
            word = Word("exact", tok[1:].replace("'", ""))
        elif tok.endswith("*"):
            body = tok[:-1]
            if len(body) < 3:
                self.fail(f"prefix '{tok}' is too short (at least 3 letters before *)")
            word = Word("prefix", body.replace("'", ""))
        else:
            word = Word("stem", tok)
        if len(_WORDS) < _WORDS_LIMIT:
            _WORDS[tok] = word
        return word


# Word tokens already checked, and what they parse to: a bank's 20,000 pattern words are
# a few thousand distinct ones. Bounded, so patterns typed at the rule form cannot grow it.
_WORDS: dict[str, Word] = {}
_WORDS_LIMIT = 50_000


# "not" as a stem would also match "note", "notes", "noted" (stem "not"): a note-taker's
# "note key points, apologise" is no refusal to apologise. The negator is matched exactly.
_EXACT_STEMS = frozenset({"not"})


_SPECIAL = frozenset(SPECIAL_WORDS)  # words that expand like contractions ("cannot", "gonna")


def _word(text: str) -> Word:
    return Word("exact" if text in _EXACT_STEMS else "stem", text)


def _expand_contractions(seq: Seq) -> Seq:
    """Contractions in a pattern expand the way answers do: "don't" -> "do not"."""
    out: list[Node] = []
    for node in seq:
        if (
            isinstance(node, Word)
            and node.kind == "stem"
            and ("'" in node.text or node.text in SPECIAL_WORDS)
        ):
            out.extend(_word(p) for p in expand(node.text))
            continue
        if isinstance(node, Word) and node.kind == "stem" and node.text in _EXACT_STEMS:
            node = Word("exact", node.text)
        if isinstance(node, Alt):
            node = Alt(tuple(_expand_contractions(o) for o in node.options), node.optional)
        out.append(node)
    return tuple(out)


def _trim(seq: Seq) -> Seq:
    """Drop leading gaps and checks and trailing gaps: they cannot change what matches."""
    start, end = 0, len(seq)
    while start < end and isinstance(seq[start], _SKIPPABLE):
        start += 1
    while end > start and isinstance(seq[end - 1], Gap):
        end -= 1
    return seq[start:end]


def measure(seq: Seq) -> tuple[int, int]:
    """(automaton states the pattern needs, the most gaps one match passes through): what
    MAX_STATES and MAX_GAPS bound. Alternatives are either-or: a group adds its widest
    option's gaps, and one state of its own."""
    states = gaps = 0
    for node in seq:
        if type(node) is Alt:
            states += 1
            widest = 0
            for option in node.options:
                if len(option) == 1 and type(option[0]) is Word:
                    states += 1  # most options: one word, no recursion
                    continue
                option_states, option_gaps = measure(option)
                states += option_states
                widest = max(widest, option_gaps)
            gaps += widest
        elif type(node) is Gap:
            states += 2 * node.size + 1
            gaps += 1
        else:
            states += 1
    return states, gaps


def parse(pattern: str) -> Seq:
    """Pattern text -> typed tree; PatternError with an HR-readable message otherwise."""
    if not isinstance(pattern, str):
        raise PatternError("a pattern must be text", pattern=str(pattern))
    return _parse(pattern)


# A pattern's tree depends on its text alone and never changes: a new bank revision, or
# HR's form checking a rule, parses again only the patterns that are new.
@functools.lru_cache(maxsize=8192)
def _parse(pattern: str) -> Seq:
    if len(pattern) > MAX_CHARS:
        raise PatternError(
            f"the pattern is too long ({len(pattern)} characters, at most {MAX_CHARS}); "
            "split it into several patterns",
            pattern=pattern,
        )
    parser = _Parser(pattern)
    seq = parser.parse()
    if "'" in parser.text or not _SPECIAL.isdisjoint(parser.tokens):
        seq = _expand_contractions(seq)  # rebuilds every group: only when there is one
    seq = _trim(seq)
    if not any(isinstance(n, _WORDY) for n in seq):
        raise PatternError("the pattern needs at least one word", pattern=pattern)
    states, gaps = measure(seq)
    if gaps > MAX_GAPS:
        raise PatternError(
            f"too many gaps (at most {MAX_GAPS} '~' in a row of words); split the pattern",
            pattern=pattern,
        )
    if states > MAX_STATES:
        raise PatternError(
            "the pattern is too large (too many words, alternatives and gap widths together); "
            "split it into several patterns",
            pattern=pattern,
        )
    return seq


def pattern_problem(pattern: str) -> str | None:
    """None when the pattern is valid, else a message HR can act on."""
    try:
        parse(pattern)
    except PatternError as exc:
        return str(exc)
    return None
