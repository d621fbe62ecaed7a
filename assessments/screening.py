"""Warning-answer screener: pure Python, stdlib only, no Django.

Rules plus an interview answer go in; flags come out. A flag names the rule, the evidence
(character offsets into the ORIGINAL answer, so a page can highlight it), the pattern that
matched and the rule's why and source, so an HR person can always see why it fired. Flags
inform the interviewer; they never reject anyone.

Pattern language (what HR writes in a rule's ``patterns``)
-----------------------------------------------------------
A pattern is a sequence of words, matched in order inside one sentence, ignoring case,
curly versus straight quotes and punctuation.

``appreciate``        a plain word also matches its inflections: appreciated, appreciating,
                      appreciation, appreciates (light stemming; both sides are reduced the
                      same way). be/is/was/being/'m all count as "be", told counts as "tell".
``appreciat*``        any word starting with "appreciat".
``=fire``             exactly this word form (no inflections).
``(thank*|praise|pat on the back)``
                      one of the alternatives; an alternative may be several words.
``[really]``          optional words.
``~``                 up to 3 other words in between (filler, word order); ``~5`` up to 5
                      (``~0`` .. ``~12``).
``!(to|who)``         the next word must NOT be one of these (zero-width check).

Contractions are expanded in both the answer and the pattern: write ``do not`` or
``don't``, ``it is`` or ``it's``; ``I'd`` is ``I would``. Light typos are forgiven: an
answer word of 6+ letters within one edit (insert, delete, substitute, swap) of a pattern
word or prefix still matches, e.g. "apreciated", "sarcastc".

Stance (done by the engine, not by the patterns)
------------------------------------------------
A match is dropped when it is not the candidate's own stance:

* negated: a negator (not, never, no, no longer, without, avoid, refuse, rather than,
  instead of, against, stop/quit + -ing ...) earlier in the same clause, or inside a gap of
  the match: "I don't do this to be appreciated", "sorry doesn't mean we're guilty".
  Negators written in the pattern itself ("not my job") are part of the phrase and do not
  count.
* distanced before: someone else's words or habits earlier in the sentence ("my old manager
  used to say", "some people", "I once saw a colleague", "I used to think", "the worst thing
  you can say is");
* distanced after: disagreement or disowning later in the sentence or at the start of the
  next one ("... and I disagreed", "but that's not why I do it", "which is a myth", "it only
  makes things worse").

Measured (precision / recall; ``python bench/screening_bench.py --eval`` reprints the table)
on tests/screening/labelled_answers.jsonl (696 answers, 22 categories, 288 hard negatives)
and the 30-answer dev sample:

==============================================  ===============  ===============
engine                                          labelled set     dev sample
==============================================  ===============  ===============
naive search for the sources' phrases           0.49 / 0.17      0.60 / 0.50
stems + gaps, no stance (first engine)          0.79 / 0.99      0.78 / 1.00
+ typos + negation/distancing (this engine)     1.00 / 0.99      1.00 / 1.00
==============================================  ===============  ===============

The labelled set was written in rounds; each round was scored BEFORE the rules were
tuned on it, which is the honest estimate for unseen answers: 341 answers 0.96 / 0.94
(first engine with stance), then fresh rounds 0.91 / 0.61, 0.94 / 0.52, 1.00 / 0.83 and
0.92 / 0.60. Precision holds up on new wording; recall on unseen paraphrases is the weak
spot, so new paraphrases belong in a rule's patterns (and its examples) as HR meets them.

Later round (two blind holdouts written by other authors, tests/screening/holdout_a.jsonl and
holdout_b.jsonl, then a 40-answer blind check, holdout_c_blind.jsonl):

==============================  ============  ============  ============  ============
engine + rules                  holdout_a     holdout_b     holdout_c     labelled
==============================  ============  ============  ============  ============
before this round               0.92 / 0.68   0.92 / 0.53   1.00 / 0.40   1.00 / 0.99
after tuning on holdout_a       1.00 / 0.99   0.95 / 0.57   -             1.00 / 0.99
after tuning on a and b         1.00 / 1.00   1.00 / 0.99   1.00 / 0.50   1.00 / 1.00
==============================  ============  ============  ============  ============

holdout_b (second column, middle row) and holdout_c were blind when measured: broadening
the paraphrase families keeps precision, but recall on genuinely new phrasing stays around
0.5-0.6. Expect that on answers from a new writer.

More stance rules added with that round: "not afraid to" and "X or not" are no negation;
"I used to ...", "back when I was new" and "it doesn't matter whether ..." distance what
follows; a customer's reported words ("when customers say ...") are not the candidate's,
unless the candidate then speaks ("... I tell them ..."); a bare trait word aimed at the
candidate ("sarcastic with me") is someone else's behaviour.

Learned second stage (assessments/screening_model.py, assessments/data/screening_model.json,
trained by ``python bench/train_screening_model.py``): a multinomial logistic regression over
this module's stemmed words, negation-marked words and word pairs scores each sentence; a
category above the model's threshold is flagged by that category's rule with the sentence as
evidence and ``pattern`` "model: <strongest features>", unless a pattern already fired for the
rule, the bank has no rule with that code, or the negation / distancing logic above rejects
the strongest feature's words. ``Screener(rules, model=None)`` turns it off. Cross-author
figures (train on two writers, test on the third; the threshold of each split chosen on the
other splits) are in the training script's output and the model file's ``meta``: the model
alone reaches precision 0.93-0.995 at recall 0.49-0.79 on a writer it never saw, and on the
one set still blind to the rules (holdout_c_blind) recall goes 0.50 -> 0.65 at precision 0.93.

Speed: rules are compiled once (a Screener is reusable and thread-safe for reading); an
inverted index over the words of each pattern means only patterns whose rarest words occur
in the answer are tried. Word analysis (stem, prefixes, typos) is memoised per distinct word.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from assessments.screening_model import ScreeningModel

__all__ = [
    "Evaluation",
    "Flag",
    "PatternError",
    "RuleSpec",
    "Screener",
    "evaluate",
    "load_rules",
    "pattern_problem",
    "self_test",
]

SEVERITIES = ("low", "medium", "high")


@dataclass(frozen=True)
class RuleSpec:
    code: str
    label: str
    why: str
    patterns: tuple[str, ...]
    severity: str = "medium"  # low | medium | high
    source: str = ""
    dimension: str = ""  # e.g. "natural_traits:15"
    examples: tuple[str, ...] = ()  # answers this rule must flag
    counter_examples: tuple[str, ...] = ()  # answers it must not flag


@dataclass(frozen=True)
class Flag:
    rule: str
    label: str
    evidence: str
    start: int
    end: int
    pattern: str
    why: str
    source: str
    severity: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "label": self.label,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
            "pattern": self.pattern,
            "why": self.why,
            "source": self.source,
            "severity": self.severity,
        }


class PatternError(ValueError):
    def __init__(self, message: str, code: str = "", pattern: str = "") -> None:
        self.code = code
        self.pattern = pattern
        super().__init__(message)


# --------------------------------------------------------------------------------------
# Normalisation and word analysis
# --------------------------------------------------------------------------------------

# One character in, one character out: offsets into the translated text are offsets into
# the original.
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2015": "-",
        "\u00a0": " ",
    }
)

_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?|([.!?]+)|([,;:()]|\s-+\s|-{2,})")

_IRREGULAR = {
    "am": "be",
    "is": "be",
    "are": "be",
    "was": "be",
    "were": "be",
    "been": "be",
    "being": "be",
    "be": "be",
    "told": "tell",
    "said": "say",
    "says": "say",
    "thought": "think",
    "felt": "feel",
    "kept": "keep",
    "gave": "give",
    "given": "give",
    "got": "get",
    "gotten": "get",
    "made": "make",
    "went": "go",
    "goes": "go",
    "going": "go",
    "gone": "go",
    "did": "do",
    "does": "do",
    "done": "do",
    "doing": "do",
    "had": "have",
    "has": "have",
    "having": "have",
    "brought": "bring",
    "taught": "teach",
    "caught": "catch",
    "heard": "hear",
    "meant": "mean",
    "knew": "know",
    "known": "know",
    "understood": "understand",
    "sent": "send",
    "spent": "spend",
    "chose": "choose",
    "chosen": "choose",
    "spoke": "speak",
    "spoken": "speak",
    "paid": "pay",
    "saw": "see",
    "seen": "see",
    "took": "take",
    "taken": "take",
    "wrote": "write",
    "written": "write",
    "ran": "run",
    "won": "win",
    "lost": "lose",
    "fought": "fight",
    "bought": "buy",
    "sought": "seek",
    "left": "leave",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "people": "person",
    "children": "child",
    "men": "man",
    "women": "woman",
    "apologies": "apology",
    "shown": "show",
    "drove": "drive",
    "driven": "drive",
    "fell": "fall",
    "fallen": "fall",
}

# (suffix, replacement), longest first; the stem must keep at least 3 letters.
_SUFFIXES = (
    ("ational", "ate"),
    ("ations", ""),
    ("atives", ""),
    ("ically", ""),
    ("ities", ""),
    ("ation", ""),
    ("ative", ""),
    ("ating", ""),
    ("ments", ""),
    ("ingly", ""),
    ("fully", ""),
    ("ators", ""),
    ("ator", ""),
    ("ated", ""),
    ("ates", ""),
    ("ment", ""),
    ("ness", ""),
    ("ings", ""),
    ("edly", ""),
    ("ical", ""),
    ("ity", ""),
    ("ing", ""),
    ("ies", "y"),
    ("ied", "y"),
    ("ier", "y"),
    ("ily", "y"),
    ("ful", ""),
    ("ate", ""),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("ic", ""),
    ("s", ""),
)
_NO_S_STRIP = ("ss", "us", "is", "ous")
_VOWELS = set("aeiouy")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A small, predictable English stemmer (same function for answers and patterns)."""
    w = _IRREGULAR.get(word, word)
    if len(w) <= 3:
        return w
    # British and American spellings meet: apologise/apologize, organised/organized.
    w = re.sub(r"is(e|ed|es|ing|ation|ations|er|ers)$", r"iz\1", w) if len(w) >= 6 else w
    for suffix, repl in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(_NO_S_STRIP):
                continue
            if suffix == "es" and not w.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
                # "cares" -> "care" (via "s"), "boxes" -> "box"
                continue
            base = w[: len(w) - len(suffix)] + repl
            if not any(c in _VOWELS for c in base):
                continue
            w = base
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in "lsz":
        w = w[:-1]  # stopped -> stopp -> stop
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # care/caring -> car, fire/fired -> fir
    return w


_PRONOUN_IS = {
    "it",
    "that",
    "what",
    "there",
    "here",
    "he",
    "she",
    "who",
    "where",
    "how",
    "this",
    "everything",
    "everyone",
    "nobody",
    "nothing",
    "someone",
    "something",
    "one",
    "which",
    "when",
    "why",
}
_SPECIAL_WORDS = {
    "won't": ("will", "not"),
    "can't": ("can", "not"),
    "cannot": ("can", "not"),
    "shan't": ("shall", "not"),
    "ain't": ("is", "not"),
    "let's": ("let", "us"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "dunno": ("do", "not", "know"),
    "idk": ("i", "do", "not", "know"),
    "im": ("i", "am"),
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "wont": ("will", "not"),
    "cant": ("can", "not"),
    "isnt": ("is", "not"),
    "wouldnt": ("would", "not"),
    "shouldnt": ("should", "not"),
    "couldnt": ("could", "not"),
    "wasnt": ("was", "not"),
    "arent": ("are", "not"),
    "thats": ("that", "is"),
    "ive": ("i", "have"),
}
_CLITICS = {"re": "are", "ve": "have", "ll": "will", "d": "would", "m": "am"}


def _expand(word: str) -> tuple[str, ...]:
    """Lower-cased word (straight apostrophes) -> one or more plain words."""
    special = _SPECIAL_WORDS.get(word)
    if special:
        return special
    if "'" not in word:
        return (word,)
    word = word.strip("'")
    if word.endswith("n't"):
        base = word[:-3]
        return (base, "not") if base else ("not",)
    head, _, tail = word.rpartition("'")
    if not head:
        return (tail,)
    if tail in _CLITICS:
        return (head, _CLITICS[tail])
    if tail == "s":
        return (head, "is") if head in _PRONOUN_IS else (head,)
    return (word.replace("'", ""),)


# --------------------------------------------------------------------------------------
# Typos: Damerau-Levenshtein distance <= 1, found with a symmetric-delete index
# --------------------------------------------------------------------------------------

_FUZZY_MIN = 6

# Common words of 6+ letters that must never be "corrected" into a pattern word.
_COMMON_WORDS = frozenset(
    """
    though through thought throughout should would could their there where whether
    people person always almost already anyway around before behind better between
    beyond change little matter really rather second should simple simply single
    something sometimes somewhere someone somebody others another actually action
    actions active answer answers called calling calmly caller callers clients client
    listen listened listening explain explained explaining happen happened happens
    helped helping helpful return returns refund refunds manager managers office system
    issues issue problem problems minute minutes moment moments person things reason
    reasons ticket tickets colleague colleagues customer customers service services
    served server servers serving working worker workers worked trying myself itself
    yourself themselves himself herself gotten becomes became become patient patience
    caring careful friends friend family mostly nobody nothing anything everything
    everyone anyone appreciate appreciated appreciation appreciative appreciating
    apology apologise apologize apologised apologized apologising apologizing
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)


# What may follow a prefix whose spelling was repaired by inserting or deleting a letter
# ("apreciated" -> appreciat* + "ed"), so that "demanding" is not read as "demean*" + "ding".
_ENDINGS = frozenset(
    """
    s e es ed d ing ion ions ive ively ly ment ments ness ful fully ic ics ical ically
    ation ations ated ating ate ates er ers ism ist ists y ies ied ity ities able ably
    al ally ous ously ence ences ance ances tic tically ting ted tion tions
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)


def _edit1(a: str, b: str) -> bool:
    """True when a and b differ by at most one insert, delete, substitution or swap."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if la > lb:
        a, b = b, a
    # b is one longer than a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _deletes(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


# --------------------------------------------------------------------------------------
# Pattern parsing
# --------------------------------------------------------------------------------------

_MAX_GAP = 12
_DEFAULT_GAP = 3
_MAX_EXPANSIONS = 1024
_PAT_TOKEN_RE = re.compile(r"\s+|~\d*|[()\[\]|!]|[^\s()\[\]|!~]+")
_WORD_RE = re.compile(r"^=?[^\W_](?:[\w'\-]*[^\W_])?'?\*?$|^=?[^\W_]\*?$")


@dataclass(frozen=True)
class _Word:
    kind: str  # "stem" | "prefix" | "exact"
    text: str  # normalised body


@dataclass(frozen=True)
class _WordSet:
    words: tuple[_Word, ...]


@dataclass(frozen=True)
class _Gap:
    size: int


@dataclass(frozen=True)
class _Not:
    words: tuple[_Word, ...]


# AST: list of nodes; a node is _Word | _Gap | ("alt", [seq, ...]) | ("opt", seq) | _Not
class _Parser:
    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        text = pattern.translate(_TRANSLATE).lower().strip()
        self.tokens = [t for t in _PAT_TOKEN_RE.findall(text) if not t.isspace()]
        self.i = 0

    def fail(self, message: str) -> NoReturn:
        raise PatternError(message, pattern=self.pattern)

    def peek(self) -> str | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> list:
        if not self.tokens:
            self.fail("the pattern is empty")
        seq = self.seq(top=True)
        if self.peek() is not None:
            self.fail(f"unexpected '{self.peek()}'")
        return seq

    def seq(self, top: bool = False) -> list:
        nodes: list = []
        while True:
            tok = self.peek()
            if tok is None or tok in (")", "]", "|"):
                if tok in (")", "]", "|") and top:
                    self.fail(f"'{tok}' without a matching opening bracket")
                break
            self.i += 1
            if tok == "(":
                nodes.append(("alt", self.alternatives(")")))
            elif tok == "[":
                inner = self.alternatives("]")
                nodes.append(("opt", inner))
            elif tok.startswith("~"):
                size = int(tok[1:]) if len(tok) > 1 else _DEFAULT_GAP
                if size > _MAX_GAP:
                    self.fail(f"gap '{tok}' is too wide (at most ~{_MAX_GAP})")
                if nodes and isinstance(nodes[-1], _Gap):
                    self.fail("two gaps in a row")
                nodes.append(_Gap(size))
            elif tok == "!":
                nodes.append(self.negative())
            else:
                nodes.append(self.word(tok))
        return nodes

    def alternatives(self, closer: str) -> list[list]:
        alts = [self.seq()]
        while self.peek() == "|":
            self.i += 1
            alts.append(self.seq())
        if self.peek() != closer:
            self.fail(f"missing '{closer}'")
        self.i += 1
        for alt in alts:
            if not any(not isinstance(n, _Gap | _Not) for n in alt):
                self.fail("an empty alternative or optional group")
        return alts

    def negative(self) -> _Not:
        tok = self.peek()
        if tok is None:
            self.fail("'!' must be followed by a word or (a|b)")
        self.i += 1
        if tok == "(":
            words: list[_Word] = []
            while True:
                w = self.peek()
                if w is None or w in ("(", ")", "[", "]", "|", "!") or w.startswith("~"):
                    self.fail("'!(...)' takes single words separated by '|'")
                self.i += 1
                words.append(self.word(w))
                nxt = self.peek()
                self.i += 1
                if nxt == ")":
                    break
                if nxt != "|":
                    self.fail("'!(...)' takes single words separated by '|'")
            return _Not(tuple(words))
        return _Not((self.word(tok),))

    def word(self, tok: str) -> _Word:
        if not _WORD_RE.match(tok):
            self.fail(f"'{tok}' is not a word (use letters, digits, ' and -)")
        if tok.startswith("="):
            return _Word("exact", tok[1:].replace("'", ""))
        if tok.endswith("*"):
            body = tok[:-1]
            if len(body) < 3:
                self.fail(f"prefix '{tok}' is too short (at least 3 letters before *)")
            return _Word("prefix", body.replace("'", ""))
        return _Word("stem", tok)


def _expand_seq(nodes: list) -> list[list]:
    """AST -> list of linear sequences of _Word / _Gap / _Not / ("set", [_Word...])."""
    options: list[list[list]] = []
    for node in nodes:
        if isinstance(node, _Word):
            # contractions inside patterns expand like answers do
            if node.kind == "stem" and ("'" in node.text or node.text in _SPECIAL_WORDS):
                parts = [_Word("stem", p) for p in _expand(node.text)]
                options.append([parts])
            else:
                options.append([[node]])
        elif isinstance(node, _Gap | _Not):
            options.append([[node]])
        else:  # ("alt", seqs) or ("opt", seqs)
            alts = [s for alt in node[1] for s in _expand_seq(alt)]
            singles = [s[0] for s in alts if len(s) == 1 and isinstance(s[0], _Word)]
            merged: list[list] = [s for s in alts if not (len(s) == 1 and isinstance(s[0], _Word))]
            if singles:
                merged.insert(0, [_WordSet(tuple(singles))])
            options.append(merged if node[0] == "alt" else [[], *merged])
    result: list[list] = []
    for combo in itertools.product(*options):
        seq = [item for part in combo for item in part]
        result.append(seq)
        if len(result) > _MAX_EXPANSIONS:
            raise PatternError("too many combinations of alternatives and optional words")
    return result


def _parse(pattern: str) -> list[list]:
    if not isinstance(pattern, str):
        raise PatternError("a pattern must be text", pattern=str(pattern))
    seqs = _expand_seq(_Parser(pattern).parse())
    cleaned = []
    for seq in seqs:
        # merge consecutive gaps produced by optional groups, drop edge gaps/nots
        out: list = []
        for item in seq:
            if isinstance(item, _Gap) and out and isinstance(out[-1], _Gap):
                out[-1] = _Gap(min(_MAX_GAP, out[-1].size + item.size))
            else:
                out.append(item)
        while out and isinstance(out[0], _Gap | _Not):
            out.pop(0)
        while out and isinstance(out[-1], _Gap):
            out.pop()
        if not any(isinstance(i, _Word | _WordSet) for i in out):
            continue
        cleaned.append(out)
    if not cleaned:
        raise PatternError("the pattern needs at least one word", pattern=pattern)
    return cleaned


def pattern_problem(pattern: str) -> str | None:
    """None when the pattern is valid, else a message HR can act on."""
    try:
        _parse(pattern)
    except PatternError as exc:
        return str(exc)
    return None


# --------------------------------------------------------------------------------------
# Compiled form
# --------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def _word_keys(word: _Word) -> frozenset[str]:
    if word.kind == "exact":
        return frozenset({"w:" + word.text})
    if word.kind == "prefix":
        return frozenset({"p:" + word.text})
    return frozenset({"s:" + _stem(word.text)})


@dataclass
class _Seq:
    rule_index: int
    pattern: str
    # items: frozenset[str] (a word slot), int (a gap of up to n words), or
    # ("not", frozenset[str]) (zero-width check on the next word)
    items: tuple
    required: tuple[frozenset[str], ...]
    literal_keys: frozenset[str] = field(default_factory=frozenset)


class _Vocabulary:
    """Everything the compiled patterns can ask of a word, memoised per surface form."""

    def __init__(self) -> None:
        self.prefixes: set[str] = set()
        self.stems: set[str] = set()
        self.exact: set[str] = set()
        self.known: set[str] = set(_COMMON_WORDS)
        self.fuzzy_index: dict[str, set[tuple[str, str]]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.cache: dict[str, frozenset[str]] = {}
        self.seen: set[_Word] = set()

    def add(self, word: _Word) -> None:
        if word in self.seen:
            return
        self.seen.add(word)
        if word.kind == "prefix":
            self.prefixes.add(word.text)
        elif word.kind == "exact":
            self.exact.add(word.text)
        else:
            self.stems.add(_stem(word.text))
            self.known.add(word.text)

    def finish(self, fuzzy: bool) -> None:
        self.prefix_lengths = tuple(sorted({len(p) for p in self.prefixes}))
        if not fuzzy:
            return
        for p in self.prefixes:
            if len(p) >= _FUZZY_MIN:
                for d in _deletes(p):
                    self.fuzzy_index.setdefault(d, set()).add(("p", p))
        for s in self.stems:
            if len(s) >= _FUZZY_MIN - 1:
                for d in _deletes(s):
                    self.fuzzy_index.setdefault(d, set()).add(("s", s))

    def keys(self, w: str) -> frozenset[str]:
        cached = self.cache.get(w)
        if cached is not None:
            return cached
        stem = _stem(w)
        keys = {"w:" + w, "s:" + stem}
        for n in self.prefix_lengths:
            if n > len(w):
                break
            if w[:n] in self.prefixes:
                keys.add("p:" + w[:n])
        if self.fuzzy_index and len(w) >= _FUZZY_MIN and w not in self.known:
            keys |= self._typo_keys(w, stem)
        result = frozenset(keys)
        if len(self.cache) > 200_000:
            self.cache.clear()
        self.cache[w] = result
        return result

    def _typo_keys(self, w: str, stem: str) -> set[str]:
        found: set[str] = set()
        if stem not in self.stems:
            for variant in (stem, w) if stem != w else (stem,):
                for d in _deletes(variant):
                    for kind, target in self.fuzzy_index.get(d, ()):
                        if kind == "s" and target[0] == variant[0] and _edit1(variant, target):
                            found.add("s:" + target)
        for n in self.prefix_lengths:
            if n < _FUZZY_MIN:
                continue
            if n - 1 > len(w):
                break
            for m in (n - 1, n, n + 1):
                chunk = w[:m]
                if len(chunk) != m:
                    continue
                for d in _deletes(chunk):
                    for kind, target in self.fuzzy_index.get(d, ()):
                        if (
                            kind == "p"
                            and len(target) == n
                            and target[0] == chunk[0]
                            and (m == n or w[m:] in _ENDINGS or not w[m:])
                            and _edit1(chunk, target)
                        ):
                            found.add("p:" + target)
        return found


# --------------------------------------------------------------------------------------
# Answer analysis
# --------------------------------------------------------------------------------------

_NEGATORS = frozenset(
    {
        "not",
        "never",
        "nobody",
        "nothing",
        "none",
        "neither",
        "nor",
        "without",
        "hardly",
        "against",
        "no",
        "avoid",
        "avoided",
        "avoiding",
        "avoids",
        "refuse",
        "refused",
        "refusing",
        "nowhere",
        "non",  # "non-judgmental"
    }
)
_NO_EXCEPT = frozenset({"matter", "doubt", "wonder", "problem", "problems", "questions"})
_HARD = frozenset({"hard", "difficult", "tough", "impossible", "struggle", "trying"})
_UNAFRAID = frozenset(
    {"afraid", "scared", "shy", "ashamed", "embarrassed", "reluctant", "hesitant"}
)
_NEG_BEFORE_GERUND = frozenset({"stop", "stopped", "quit", "quitting", "stopping"})
_CLAUSE_WORDS = frozenset(
    {"but", "so", "then", "although", "though", "while", "whereas", "however", "yet", "unless"}
)
_CONTRAST = frozenset({"but", "however", "although", "though", "yet", "whereas"})
_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "you", "then", "it", "that"})


class _Answer:
    __slots__ = (
        "barrier",
        "clause",
        "ends",
        "key_pos",
        "keys",
        "n",
        "neg",
        "sent",
        "starts",
        "words",
    )

    def __init__(self, text: str, vocab: _Vocabulary) -> None:
        words: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        sent: list[int] = []
        breaks: list[bool] = []  # a clause starts at this word
        s_id = 0
        pending_break = True
        plain = text.translate(_TRANSLATE)
        for m in _TOKEN_RE.finditer(plain):
            if m.group(1):
                s_id += 1
                pending_break = True
                continue
            if m.group(2):
                # 'said, "fire the customer"' keeps the quote in the speaker's clause
                if not (m.group(2) in ",:" and plain[m.end() : m.end() + 2].lstrip()[:1] == '"'):
                    pending_break = True
                continue
            for part in _expand(m.group(0).lower()):
                if not part:
                    continue
                words.append(part)
                starts.append(m.start())
                ends.append(m.end())
                sent.append(s_id)
                breaks.append(pending_break or part in _CLAUSE_WORDS)
                pending_break = False
        # "and I ...", "or we ..." start a new clause; "and tell them" does not.
        for i in range(len(words) - 1):
            if words[i] in ("and", "or") and words[i + 1] in _SUBJECTS:
                breaks[i] = True
        clause: list[int] = []
        c_id = 0
        for i, b in enumerate(breaks):
            if b or (i and sent[i] != sent[i - 1]):
                c_id += 1
            clause.append(c_id)
        self.words = words
        self.starts = starts
        self.ends = ends
        self.sent = sent
        self.clause = clause
        self.n = len(words)
        self.keys = [vocab.keys(w) for w in words]
        key_pos: dict[str, list[int]] = {}
        for i, ks in enumerate(self.keys):
            for k in ks:
                key_pos.setdefault(k, []).append(i)
        self.key_pos = key_pos
        self.barrier = [w in _CONTRAST for w in words]
        neg = []
        last = len(words) - 1
        clause_has_rather = False
        for i, w in enumerate(words):
            nxt = words[i + 1] if i < last else ""
            if i == 0 or clause[i] != clause[i - 1]:
                clause_has_rather = False
            if w in ("rather", "prefer", "prefers", "preferred"):
                clause_has_rather = True
            if w == "than":
                neg.append(clause_has_rather)  # "rather help well than be liked"
            elif w == "not" and nxt == "help" and i and words[i - 1] in ("can", "could"):
                neg.append(False)  # "I can't help rolling my eyes"
            elif w == "no":
                neg.append(nxt not in _NO_EXCEPT)
            elif w == "even":
                neg.append(nxt in ("if", "though", "when"))  # concession: "even if it's not my job"
            elif w == "not" and i and words[i - 1] == "or":
                neg.append(False)  # "whether I'm courteous or not"
            elif w in ("not", "never") and nxt in _UNAFRAID:
                neg.append(False)  # "I'm not afraid to say sorry"
            elif w == "not" and any(p in _HARD for p in words[max(0, i - 3) : i]):
                neg.append(False)  # "it's hard not to take it personally"
            elif w == "instead":
                neg.append(nxt == "of")
            elif w == "rather":
                neg.append(nxt == "than")
            elif w in _NEG_BEFORE_GERUND:
                neg.append(nxt.endswith("ing"))
            else:
                neg.append(w in _NEGATORS)
        self.neg = neg


def _match_at(items: tuple, start: int, ans: _Answer) -> tuple[int, list[int]] | None:
    """Shortest match of a linear sequence starting at token `start` (same sentence)."""
    n = ans.n
    sent = ans.sent[start]
    keys = ans.keys
    sents = ans.sent
    barrier = ans.barrier
    literals: list[int] = []

    def step(k: int, pos: int) -> int:
        if k == len(items):
            return pos
        item = items[k]
        if type(item) is int:
            for skip in range(item + 1):
                p = pos + skip
                if p > n or (skip and (sents[p - 1] != sent or barrier[p - 1])):
                    break
                r = step(k + 1, p)
                if r >= 0:
                    return r
            return -1
        if type(item) is tuple:  # ("not", keys): next word must not match
            if pos < n and sents[pos] == sent and not keys[pos].isdisjoint(item[1]):
                return -1
            return step(k + 1, pos)
        if pos < n and sents[pos] == sent and not keys[pos].isdisjoint(item):
            literals.append(pos)
            r = step(k + 1, pos + 1)
            if r >= 0:
                return r
            literals.pop()
        return -1

    end = step(0, start)
    if end < 0:
        return None
    return end, literals


# --------------------------------------------------------------------------------------
# Stance markers (engine level, written in the same pattern language)
# --------------------------------------------------------------------------------------

_OTHERS = (
    "(manager*|boss*|supervisor*|colleague*|coworker*|co worker*|trainer*|owner*|"
    "team lead*|teammate*|mentor*|person|someone|somebody|others|everyone|company|"
    "companies|staff|employee*|rep|reps|agent*|cashier*|waiter*|server*|guy|lady|"
    "dad|mom|mum|father|mother|friend*|instructor*|book*|consultant*|trainee*)"
)
_SAYING = (
    "(say|tell (me|us|you|everyone|staff|new|the team|people|a customer|the customer|"
    "customers|a caller|the caller)|think|believe|insist*|teach|"
    "advis*|recommend*|suggest*|claim*|preach*|swear|call it|joke*|argu*|put it|push*)"
)
_BAD_THING = (
    "(bad|terrible|wrong|awful|poor|rookie|classic|biggest) (thing|idea|habit|move|response|"
    "answer|approach|mindset|advice|phrase|way|mistake|words)"
)
# Everyday words, so that no pattern is indexed under "I", "the", "be" or "not".
_EVERYDAY = """
i me my we our us you your they them their he him his she her it its this that these those
a an the and or but so if when then than as at by for from in into of on to with without
be is am are was were been being do does did not no never have has had will would can could
should must may might just really very also too only even still about what who whose how
why where which there here all some any most many much more less one other another each
every customer customers people person them they say said tell told ask get got make made
take go come know think feel want need like love help work job time day way thing things
"""
_COMPLEMENTISERS = frozenset({"that", "when", "why", "how", "if", "what"})
_FACTIVE_KEYS = frozenset(
    "s:" + _stem(w)
    for w in (
        "get", "realise", "notice", "know", "see", "understand", "hear", "remember", "forget",
        "mind", "care",
    )
)  # fmt: skip
_SPEECH_KEYS = frozenset(
    "s:" + _stem(w)
    for w in (
        "tell",
        "say",
        "explain",
        "mention",
        "admit",
        "remind",
        "reassure",
        "warn",
        "point",
        "think",
        "believe",
        "use",
        "feel",
        "agree",
        "figure",
        "reckon",
        "assume",
        "suspect",
        "guess",
    )
)
_STAFF = (
    "(rep|reps|agent*|staff|colleague*|coworker*|co worker*|employee*|worker*|server*|"
    "manager*|companies|business*|cashier*|trainee*|teammate*|waiter*|waitress*)"
)
# (pattern, reach): reach None = anywhere earlier in the sentence; n = the match must start
# within n words after the marker, in the same clause.
_DISTANCE_BEFORE: tuple[tuple[str, int | None], ...] = (
    # someone else's words: "my old manager used to say", "people think"
    (
        f"{_OTHERS} [(used to|would|always|once|often|kept|keep|even|actually|constantly|"
        f"sometimes|probably|really|all)] {_SAYING}",
        None,
    ),
    (f"(some|many|a lot of|lots of|most|other|plenty of) ~1 {_STAFF}", None),
    (
        "(some|many|a lot of|lots of|most|other|plenty of) ~1 person ~2 (say|think|believe|"
        "feel|claim*|argu*|insist*|assume|reckon|tell|see|view|treat|call|consider|regard)",
        None,
    ),
    (f"(see|watch*|witness*|hear|overhear*|notic*) ~4 {_OTHERS}", None),
    (f"(hate|dislike|frustrat*|annoy*|bother*|cringe) ~3 when ~2 {_OTHERS}", None),
    ("=i used to (think|believe|feel|assume)", None),
    # an outgrown habit: "I used to get upset when...", "back when I was new I'd ..."
    ("=i used to", None),
    (
        "(when|back when|before) =i (be|first) ~1 (new|young*|start*|inexperienced|a teenager)",
        None,
    ),
    ("(early|earlier) (on|in my career) ~1 =i", None),
    # "it doesn't matter whether it was our fault, I ..."
    ("(not|never) ~1 (matter*|care) ~1 (if|whether|that|who|whose)", None),
    ("(regardless of|irrespective of) (whether|who|whose|if)", None),
    ("=i (thought|assumed|believed) ~3 (until|but|before)", None),
    (f"{_BAD_THING}", None),
    ("(mistake*|pet peeve*|red flag*) ~3 (say|tell|do|be)", None),
    ("(myth|misconception|outdated) ~3 that", None),
    # a customer's claim about me: "a customer told me I must wish I was home"
    ("(customer*|caller*|client*|guest*) ~2 (tell|say|ask*|accus*) me [that] =i", None),
    # what a customer said, wanted or joked: "when customers say I bet you'd rather be home"
    (
        "(customer*|caller*|client*|guest*|shopper*) ~2 (say|joke*|comment*|remark*|tease*) "
        "!(thank*|thanks|nice|kind|good|great|lovely|how|well|wonderful|amazing|brilliant)",
        None,
    ),
    ("(customer*|caller*|client*|guest*|shopper*) ~2 (tell|ask*|want*) me to", None),
    # someone else as the subject: "a coworker was sarcastic", "my manager would ..."
    (
        f"(a|my|one|our|the|another|this|that) [(old|previous|former|new|last)] {_OTHERS} "
        "[(once|always|often|sometimes|really|just|kept)] (be|get|became|act*|would|"
        "used to|start*|kept|keep|who|that)",
        2,
    ),
)
_HELPS = (
    "(help*|work*|solve*|fix*|pay off|land*|go well|calm* ~1 down|end* well|appropriate|okay|"
    "ok|acceptable|professional|fair|right|a good idea|the answer|the way)"
)
# (pattern, reach): reach None = anywhere later in the sentence (or the first words of the
# next one); n = the marker must start within n words after the match.
_DISTANCE_AFTER: tuple[tuple[str, int | None], ...] = (
    ("(disagree*|not agree*|never agree*|not buy it|not share|push* back|object*)", None),
    (
        "(that|which|this|it|thinking) (be|seem*|sound*|prove*) ~1 (wrong|a myth|untrue|"
        "a mistake|backward*|nonsense|terrible|awful|unprofessional|harmful|lazy|a cop out|"
        "misguided|toxic|not right|not okay|not ok|not fair)",
        None,
    ),
    (
        "(think|believe|feel|found|find|know) ~3 (be|is) ~1 (wrong|a myth|a mistake|untrue|"
        "nonsense|terrible|awful|unprofessional|harmful|misguided|toxic|backward*|not right)",
        None,
    ),
    ("not true", None),
    (f"(be|the) ~1 {_BAD_THING}", None),
    ("(have|has|with) no (place|room|business)", None),
    ("not (the|my) (reason|motivation|driver|point)", None),
    ("not why =i", None),
    ("(see|saw|seen|watch*) how bad* ~2 (go|went|end*|land*|turn*)", None),
    ("(be|are|were) ~1 (different|not the same|two different|worlds apart|opposite*)", None),
    (
        "(but|though|although|however|yet) ~4 (not|never|no) ~2 (why|reason|what|about|"
        "point|motivat*|drive*|purpose|goal|the job)",
        None,
    ),
    (
        "but ~1 (now|these days|nowadays|over time|since then|=i (have learned|learned|learnt|"
        "realised|realized|know better|have grown|grew))",
        None,
    ),
    ("(make*|made|making) ~3 (bad|angrier|escalat*|tense)", None),
    ("(only|just) ~2 (escalat*|inflam*|backfire*|angr*|wind* ~2 up)", None),
    (
        "(backfire*|escalat*|inflame*|patroniz*|patronis*|condescend*|dismissive|"
        "counterproductive|fuel on|petrol on|gasoline on|red rag|add* fuel)",
        None,
    ),
    (f"(never|not|rarely|seldom) ~1 {_HELPS}", 1),
    (
        "(it|that|this|which|doing that|saying that|doing so|saying so) ~2 "
        f"(never|not|rarely|seldom) ~1 {_HELPS}",
        None,
    ),
    ("which ~3 (never|not|avoid*)", None),
    ("(not|never) ~2 (my style|how =i|me|who =i am|the way =i)", None),
    ("=i ~2 (stay* away|steer* clear)", None),
    ("out of (it|work|my|our|the|any|every|all|conversations|interactions)", 2),
    (
        "(but|though|just|only) (never|not) (with|to|toward*|at|around|in front of|on) ~1 "
        "(customer*|client*|caller*|guest*|shopper*|the public|work|the job|shift)",
        None,
    ),
    (
        "(never|not|would not|wouldn't) ~2 (cross* my mind|occur* to me|something =i (do|would)|"
        "in my nature|an option for me|part of how =i)",
        None,
    ),
    (
        "but =i ~1 (not|never) (treat|assume|see|view|suspect) ~1 (everyone|everybody|all|every)",
        None,
    ),
    (
        "(stay*|remain*|wait*) ~1 (on the (line|call|phone)|with (them|him|her|the customer)) ~4 "
        "(until|till|while)",
        None,
    ),
    (
        "=i ~2 (walk|take|bring|escort|show|lead|introduce|connect) ~2 "
        "(you|them|him|her|the customer) ~3 (myself|personally|over|across|there|to the)",
        None,
    ),
    (
        "but ~3 not let ~4 "
        "(affect|colour|color|change|define|influence|get|make me|shape|cloud|turn me)",
        None,
    ),
    ("(land*|go|come* across|end*|turn* out) ~1 bad", None),
    (
        "(find|connect*|introduc*|walk*|take*|hand*|get) ~4 (right person|right department|"
        "right team|someone who can|person who can|people who can|the right)",
        None,
    ),
    (
        "(=i|=i'll|we) ~2 (personally|still|myself|always) ~2 (help*|find|connect*|walk*|take*|"
        "make sure|follow* up|call* ~2 back|get back|sort|fix|handle|look into)",
        None,
    ),
    ("(take|taking|get|getting) ~1 (their|his|her|the customer's) (details|number)", None),
)


# --------------------------------------------------------------------------------------
# Screener
# --------------------------------------------------------------------------------------


DEFAULT_MODEL = object()  # sentinel: "use the shipped model file when present"
# Whether Screener(rules) loads assessments/data/screening_model.json by default.
MODEL_ON_BY_DEFAULT = True


class Screener:
    """Compiled rules. Build once, reuse: ``Screener(rules).screen(answer)``.

    ``model`` is the learned second stage (``assessments.screening_model``): by default the
    shipped model file when present; ``model=None`` screens with the patterns only.
    """

    def __init__(
        self,
        rules: Iterable[RuleSpec],
        *,
        fuzzy: bool = True,
        stance: bool = True,
        model: object = DEFAULT_MODEL,
    ) -> None:
        self.rules: tuple[RuleSpec, ...] = tuple(rules)
        self.fuzzy = fuzzy
        self.stance = stance
        if model is DEFAULT_MODEL:
            from assessments.screening_model import default_model

            model = default_model() if MODEL_ON_BY_DEFAULT else None
        # the learned second stage (assessments/screening_model.py), or None
        self.model: ScreeningModel | None = model  # type: ignore[assignment]
        self._code_index = {rule.code: i for i, rule in enumerate(self.rules)}
        self._vocab = _Vocabulary()
        self._slot_cache: dict[object, frozenset[str]] = {}
        self._seqs: list[_Seq] = []
        codes: set[str] = set()
        for index, rule in enumerate(self.rules):
            if rule.code in codes:
                raise PatternError(f"rule '{rule.code}': duplicate code", code=rule.code)
            codes.add(rule.code)
            if not rule.patterns:
                raise PatternError(f"rule '{rule.code}': has no patterns", code=rule.code)
            for pattern in rule.patterns:
                try:
                    parsed = _parse(pattern)
                except PatternError as exc:
                    raise PatternError(
                        f"rule '{rule.code}', pattern '{pattern}': {exc}",
                        code=rule.code,
                        pattern=pattern,
                    ) from None
                for seq in parsed:
                    self._seqs.append(self._compile_seq(index, pattern, seq))
        self._before = [
            self._compile_seq(-1 if reach is None else reach, p, s)
            for p, reach in _DISTANCE_BEFORE
            for s in _parse(p)
        ]
        self._after = [
            self._compile_seq(-1 if reach is None else reach, p, s)
            for p, reach in _DISTANCE_AFTER
            for s in _parse(p)
        ]
        for rule in self.rules:
            for text in (*rule.examples, *rule.counter_examples):
                for m in _TOKEN_RE.finditer(text.translate(_TRANSLATE).lower()):
                    if not (m.group(1) or m.group(2)):
                        self._vocab.known.update(_expand(m.group(0)))
        self._vocab.finish(fuzzy)
        # How common each key is in answer-like text (the rules' own examples plus everyday
        # function words), so each sequence is indexed under its rarest word slot.
        freq: dict[str, int] = {}
        texts = [t for r in self.rules for t in (*r.examples, *r.counter_examples)]
        texts.append(_EVERYDAY)
        for text in texts:
            seen: set[str] = set()
            for m in _TOKEN_RE.finditer(text.translate(_TRANSLATE).lower()):
                if not (m.group(1) or m.group(2)):
                    for part in _expand(m.group(0)):
                        seen |= self._vocab.keys(part)
            for key in seen:
                freq[key] = freq.get(key, 0) + 1
        self._freq = freq
        self._index = self._build_index(self._seqs)
        self._marker_index = [self._build_index(self._before), self._build_index(self._after)]
        self._model_thresholds = self._calibrate_model()

    def _calibrate_model(self) -> dict[int, float]:
        """Per-rule model thresholds raised just above the rule's own counter-examples.

        HR's counter-examples are authoritative: the model must never flag one, or a rule
        HR cannot change by editing patterns would block publishing. A rule whose
        counter-examples all score below the model's threshold keeps that threshold.
        """
        if self.model is None:
            return {}
        from assessments.screening_model import sentence_spans, token_features

        model = self.model
        class_of = {code: k for k, code in enumerate(model.classes)}
        raised: dict[int, float] = {}
        for ri, rule in enumerate(self.rules):
            k = class_of.get(rule.code)
            if k is None:
                continue
            peak = 0.0
            for text in rule.counter_examples:
                ans = _Answer(text, self._vocab)
                for lo, hi in sentence_spans(ans) if ans.n else ():
                    feats = token_features(ans, lo, hi)
                    peak = max(peak, model.probabilities(f for f, _s, _e in feats)[k])
            if peak >= model.threshold:
                raised[ri] = min(1.0, peak + 1e-9)
        return raised

    def _build_index(self, seqs: list[_Seq]) -> dict[str, list[int]]:
        """key -> sequences whose rarest word slot accepts that key."""
        index: dict[str, list[int]] = {}
        freq = self._freq
        costs: dict[frozenset[str], int] = {}

        def cost(slot: frozenset[str]) -> int:
            c = costs.get(slot)
            if c is None:
                c = costs[slot] = sum(freq.get(k, 0) + 1 for k in slot)
            return c

        for si, seq in enumerate(seqs):
            trigger = min(seq.required, key=cost)
            for key in trigger:
                index.setdefault(key, []).append(si)
        return index

    def _slot_keys(self, item: _Word | _WordSet) -> frozenset[str]:
        keys = self._slot_cache.get(item)
        if keys is None:
            words = item.words if isinstance(item, _WordSet) else (item,)
            for w in words:
                self._vocab.add(w)
            keys = frozenset().union(*(_word_keys(w) for w in words))
            self._slot_cache[item] = keys
        return keys

    def _compile_seq(self, rule_index: int, pattern: str, seq: list) -> _Seq:
        items: list = []
        required: list[frozenset[str]] = []
        for item in seq:
            if isinstance(item, _Gap):
                items.append(item.size)
            elif isinstance(item, _Not):
                for w in item.words:
                    self._vocab.add(w)
                items.append(("not", frozenset().union(*(_word_keys(w) for w in item.words))))
            else:
                keys = self._slot_keys(item)
                items.append(keys)
                required.append(keys)
        # first slot is the index trigger: items[0] is always a word slot
        return _Seq(rule_index, pattern, tuple(items), tuple(required))

    # ---------------------------------------------------------------- matching

    def _matches(self, seqs: list[_Seq], index: dict[str, list[int]], ans: _Answer):
        """Yield (seq, start, end, literal positions) for every sequence that matches."""
        key_pos = ans.key_pos
        cands: set[int] = set()
        for key in key_pos:
            hit = index.get(key)
            if hit:
                cands.update(hit)
        for si in sorted(cands):
            seq = seqs[si]
            ok = True
            for slot in seq.required:
                if slot.isdisjoint(key_pos):
                    ok = False
                    break
            if not ok:
                continue
            first = seq.items[0]
            starts: set[int] = set()
            for key in first:
                pos = key_pos.get(key)
                if pos:
                    starts.update(pos)
            for i in sorted(starts):
                res = _match_at(seq.items, i, ans)
                if res is not None:
                    yield seq, i, res[0], res[1]

    def _stance_ok(self, ans: _Answer, start: int, end: int, literals: list[int], ctx) -> bool:
        if not self.stance:
            return True
        # a pattern's own "not" that is really "not afraid to ..." is no negation
        for p in literals:
            if ans.words[p] in ("not", "never") and p + 1 < ans.n and ans.words[p + 1] in _UNAFRAID:
                return False
        lit = set(literals)
        # a bare trait word aimed at the candidate is someone else's behaviour:
        # "when a customer is sarcastic with me" (but "customers shouldn't argue with me")
        if (
            end - start == 1
            and end + 1 < ans.n
            and ans.words[end] in ("with", "at", "toward", "towards")
            and ans.words[end + 1] == "me"
        ):
            return False
        # a negator inside a gap of the match
        for p in range(start, end):
            if ans.neg[p] and p not in lit:
                return False
        # a negator earlier in the same clause
        clause = ans.clause[start]
        p = start - 1
        double = ans.neg[start] and start in lit  # the phrase itself is negative: "not my job"
        while p >= 0 and ans.clause[p] == clause and ans.sent[p] == ans.sent[start]:
            # "customers don't get that I'm mocking them": a negated knowing-verb does not
            # reach into what follows "that / when / why"
            if ans.words[p + 1] in _COMPLEMENTISERS and _FACTIVE_KEYS.intersection(ans.keys[p]):
                break
            # "I don't do anything that's not in my job description" is still the stance;
            # "I'd never say 'that's not my job'" is not
            if ans.neg[p] and (
                not double
                or ans.words[p] == "even"
                or any(_SPEECH_KEYS.intersection(ans.keys[q]) for q in range(p + 1, start))
            ):
                return False
            p -= 1
        before, after = ctx()
        sent = ans.sent[start]
        for reach, b_start, b_end in before:
            if b_end > start or ans.sent[b_start] != sent:
                continue
            if reach >= 0:
                # "I'd tell them my colleague is new...": the candidate is the speaker
                speaking = any(
                    ans.sent[p] == sent and _SPEECH_KEYS.intersection(ans.keys[p])
                    for p in range(max(0, b_start - 8), b_start)
                )
                if (
                    not speaking
                    and start - b_end <= reach
                    and ans.clause[b_end - 1] == ans.clause[start]
                ):
                    return False
                continue
            # "if someone says I did a bad job, I feel hurt": the candidate's own reaction,
            # in a later clause of the match, is still their stance
            marker_clause = ans.clause[b_end - 1]
            if any(
                ans.words[p] == "i" and ans.clause[p] > marker_clause for p in range(start, end)
            ):
                continue
            # "when a customer says X I tell them Y": the candidate is the speaker
            if any(
                ans.words[p] == "i" and _SPEECH_KEYS.intersection(ans.keys[q])
                for p in range(b_end, start)
                for q in range(p + 1, min(p + 3, start))
            ):
                continue
            # "when customers say X, I tell them Y": the match is in the candidate's own later
            # clause, opened by "I" after the reported words
            if ans.clause[start] > marker_clause and any(
                ans.words[p] == "i" and ans.clause[p] > marker_clause and _clause_opener(ans, p)
                for p in range(b_end, start + 1)
            ):
                continue
            return False
        for reach, a_start, _a_end in after:
            if a_start < end:
                continue
            if reach >= 0:
                if a_start - end <= reach and ans.sent[a_start] == sent:
                    return False
                continue
            if ans.sent[a_start] == sent or (
                ans.sent[a_start] == sent + 1 and a_start - _first_of(ans, a_start) <= 4
            ):
                return False
        return True

    def screen(self, text: str) -> list[Flag]:
        return self._screen(text, True, True)

    def _screen(self, text: str, use_patterns: bool, use_model: bool) -> list[Flag]:
        if not text or not text.strip():
            return []
        ans = _Answer(text, self._vocab)
        if not ans.n:
            return []
        best: dict[int, tuple[int, int, str]] = {}
        cache: list = []

        def ctx():
            if not cache:
                before = [
                    (q.rule_index, s, e)
                    for q, s, e, _lit in self._matches(self._before, self._marker_index[0], ans)
                ]
                after = [
                    (q.rule_index, s, e)
                    for q, s, e, _lit in self._matches(self._after, self._marker_index[1], ans)
                ]
                cache.append((before, after))
            return cache[0]

        matches = self._matches(self._seqs, self._index, ans) if use_patterns else ()
        for seq, start, end, literals in matches:
            ri = seq.rule_index
            known = best.get(ri)
            if known is not None and known[0] <= start:
                continue
            if self._stance_ok(ans, start, end, literals, ctx):
                best[ri] = (start, end, seq.pattern)
        if use_model and self.model is not None:
            best.update(self._model_hits(ans, best, ctx))
        flags = []
        for ri, (start, end, pattern) in best.items():
            rule = self.rules[ri]
            s, e = ans.starts[start], ans.ends[end - 1]
            flags.append(
                Flag(
                    rule=rule.code,
                    label=rule.label,
                    evidence=text[s:e],
                    start=s,
                    end=e,
                    pattern=pattern,
                    why=rule.why,
                    source=rule.source,
                    severity=rule.severity,
                )
            )
        flags.sort(key=lambda f: (f.start, f.end, f.rule))
        return flags

    def _model_hits(self, ans: _Answer, best: dict, ctx) -> dict[int, tuple[int, int, str]]:
        """rule index -> (first token, end token, explanation) for the model's flags.

        Scores each sentence; a category whose probability passes the model's threshold is
        flagged with that sentence as evidence, unless the rule already fired by a pattern,
        the bank has no rule with that code, or the engine's negation / distancing logic
        rejects the words carrying most of the evidence.
        """
        from assessments.screening_model import feature_text, sentence_spans, token_features

        model = self.model
        assert model is not None  # only called with a model
        classes = model.classes
        threshold = model.threshold
        hits: dict[int, tuple[int, int, str]] = {}
        for lo, hi in sentence_spans(ans):
            feats = token_features(ans, lo, hi)
            probs = model.probabilities(f for f, _s, _e in feats)
            for k, p in enumerate(probs):
                if p < threshold:
                    continue
                ri = self._code_index.get(classes[k], -1)
                if ri < 0 or ri in best or ri in hits:
                    continue
                if p <= self._model_thresholds.get(ri, 0.0):
                    continue
                top = model.contributions((f for f, _s, _e in feats), k)
                if not top:
                    continue
                if not self._model_stance_ok(ans, feats, top[0][1], ctx):
                    continue
                explanation = "model: " + ", ".join(feature_text(f) for _v, f in top[:3])
                hits[ri] = (lo, hi, explanation)
        return hits

    def _model_stance_ok(self, ans: _Answer, feats, anchor: str, ctx) -> bool:
        """The engine's stance check on the strongest feature's words."""
        for f, s, e in feats:
            if f != anchor:
                continue
            literals = list(range(s, e))
            if f.startswith("u:n:"):
                # the negation is part of the evidence ("don't trust"): include the negator
                p = s - 1
                while p >= 0 and ans.clause[p] == ans.clause[s] and not ans.neg[p]:
                    p -= 1
                if p >= 0 and ans.neg[p] and ans.clause[p] == ans.clause[s]:
                    s = p
                    literals = [p, *literals]
            return self._stance_ok(ans, s, e, literals, ctx)
        return True

    def rule(self, code: str) -> RuleSpec | None:
        for r in self.rules:
            if r.code == code:
                return r
        return None


def _clause_opener(ans: _Answer, pos: int) -> bool:
    """True when `pos` is the first or second word of its clause ("I ...", "then I ...")."""
    clause = ans.clause[pos]
    return pos == 0 or ans.clause[pos - 1] != clause or (pos > 1 and ans.clause[pos - 2] != clause)


def _first_of(ans: _Answer, pos: int) -> int:
    sent = ans.sent[pos]
    while pos > 0 and ans.sent[pos - 1] == sent:
        pos -= 1
    return pos


# --------------------------------------------------------------------------------------
# Self-test and evaluation
# --------------------------------------------------------------------------------------


def self_test(screener: Screener, code: str) -> list[str]:
    """Problems with one rule's own examples and counter-examples; [] when fine."""
    rule = screener.rule(code)
    if rule is None:
        return [f"there is no rule '{code}'"]
    problems = []
    for example in rule.examples:
        if not any(f.rule == code for f in screener.screen(example)):
            problems.append(f"example not flagged by '{code}': {example!r}")
    for counter in rule.counter_examples:
        for f in screener.screen(counter):
            if f.rule == code:
                problems.append(
                    f"counter-example flagged by '{code}' (pattern {f.pattern!r}, "
                    f"evidence {f.evidence!r}): {counter!r}"
                )
    return problems


@dataclass
class Evaluation:
    total: int
    true_positives: int
    false_positives: int
    false_negatives: int
    true_negatives: int
    per_category: dict[str, dict[str, float]]
    per_rule: dict[str, dict[str, float]]
    misses: list[dict[str, object]]
    false_flags: list[dict[str, object]]

    @property
    def precision(self) -> float:
        flagged = self.true_positives + self.false_positives
        return self.true_positives / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        positives = self.true_positives + self.false_negatives
        return self.true_positives / positives if positives else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def format_report(self) -> str:
        lines = [
            f"answers {self.total}  flagged {self.true_positives + self.false_positives}  "
            f"tp {self.true_positives}  fp {self.false_positives}  "
            f"fn {self.false_negatives}  tn {self.true_negatives}",
            f"precision {self.precision:.3f}  recall {self.recall:.3f}  f1 {self.f1:.3f}",
            "",
            f"{'category':<18}{'n':>4}{'found':>7}{'recall':>8}{'rule flags':>12}{'prec':>7}",
        ]
        for cat in sorted(set(self.per_category) | set(self.per_rule)):
            c = self.per_category.get(cat, {})
            r = self.per_rule.get(cat, {})
            n = int(c.get("n", 0))
            found = int(c.get("found", 0))
            rec = f"{c['recall']:.2f}" if n else "-"
            fl = int(r.get("flags", 0))
            prec = f"{r['precision']:.2f}" if fl else "-"
            lines.append(f"{cat:<18}{n:>4}{found:>7}{rec:>8}{fl:>12}{prec:>7}")
        if self.misses:
            lines += ["", "missed warnings:"]
            for m in self.misses:
                lines.append(f"  [{m['id']}] ({m['category']}) {m['answer']}")
        if self.false_flags:
            lines += ["", "false flags:"]
            for m in self.false_flags:
                lines.append(f"  [{m['id']}] {','.join(m['rules'])}: {m['answer']}")  # type: ignore[arg-type]
        return "\n".join(lines)


def evaluate(screener: Screener, records: Iterable[dict]) -> Evaluation:
    tp = fp = fn = tn = 0
    per_cat: dict[str, dict[str, float]] = {}
    per_rule: dict[str, dict[str, float]] = {}
    misses: list[dict[str, object]] = []
    false_flags: list[dict[str, object]] = []
    total = 0
    for i, rec in enumerate(records, 1):
        total += 1
        answer = str(rec.get("answer", ""))
        warning = bool(rec.get("warning"))
        category = rec.get("category") or ""
        rid = rec.get("id", i)
        rules = [f.rule for f in screener.screen(answer)]
        for code in rules:
            stats = per_rule.setdefault(code, {"flags": 0, "correct": 0})
            stats["flags"] += 1
            if warning and code == category:
                stats["correct"] += 1
        if warning:
            stats = per_cat.setdefault(category or "(none)", {"n": 0, "found": 0})
            stats["n"] += 1
            if rules:
                tp += 1
                stats["found"] += 1
            else:
                fn += 1
                misses.append({"id": rid, "answer": answer, "category": category, "rules": []})
        elif rules:
            fp += 1
            false_flags.append({"id": rid, "answer": answer, "category": None, "rules": rules})
        else:
            tn += 1
    for stats in per_cat.values():
        stats["recall"] = stats["found"] / stats["n"] if stats["n"] else 0.0
    for stats in per_rule.values():
        stats["precision"] = stats["correct"] / stats["flags"] if stats["flags"] else 0.0
    return Evaluation(total, tp, fp, fn, tn, per_cat, per_rule, misses, false_flags)


def load_rules(data: Any) -> list[RuleSpec]:
    """RuleSpecs from the parsed YAML/JSON shape ``{"warning_rules": [...]}`` or a list."""
    items = data.get("warning_rules", []) if isinstance(data, dict) else data
    specs = []
    for raw in items or []:
        specs.append(
            RuleSpec(
                code=str(raw["code"]),
                label=str(raw.get("label", "")),
                why=str(raw.get("why", "")),
                patterns=tuple(raw.get("patterns") or ()),
                severity=str(raw.get("severity", "medium")),
                source=str(raw.get("source", "")),
                dimension=str(raw.get("dimension") or ""),
                examples=tuple(raw.get("examples") or ()),
                counter_examples=tuple(raw.get("counter_examples") or ()),
            )
        )
    return specs
