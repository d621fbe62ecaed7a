"""Text normalisation: one character in, one character out, then words.

Offsets into the translated text are offsets into the original answer, so a page can
highlight evidence exactly. Words are lower-cased, contractions expanded ("don't" -> "do
not") and stemmed by a small predictable stemmer shared by answers and patterns.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# Words longer than this are never real English; they are skipped before any analysis so
# that a 20,000-letter "word" costs one regex step, not a quadratic typo search.
MAX_TOKEN = 40

# One character in, one character out: offsets into the translated text are offsets into
# the original.
TRANSLATE = str.maketrans(
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

# words | symbols read as words | sentence ends | pauses (arrows in notes are a pause)
TOKEN_RE = re.compile(
    r"[^\W_]+(?:'[^\W_]+)*'?"
    r"|(?P<sym>\u2260|=/=|!=|\u2717|\u2718)"
    r"|(?P<end>[.!?]+)"
    r"|(?P<pause>[,;:()]|\s-+\s|-{2,}|->|=>|\u2192)"
)
# Interviewers' shorthand for "is not" and "rejected", read as the words they stand for.
_SYMBOL_WORDS = {"\u2260": "not", "=/=": "not", "!=": "not", "\u2717": "x", "\u2718": "x"}
# Abbreviations whose full stop does not end a sentence ("Cand. said she ...").
ABBREVIATIONS = frozenset(
    [
        "cand",
        "approx",
        "cust",
        "custs",
        "mgr",
        "dept",
        "prev",
        "abt",
        "etc",
        "vs",
        "re",
        "eg",
        "ie",
        "incl",
        "esp",
        "poss",
        "prob",
        "ppl",
    ]
)

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
# The suffixes by last letter, in the same order: a word ending in "d" is tried against
# the four suffixes ending in "d" rather than all 33 (stem() runs for every new word).
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(pair for pair in _SUFFIXES if pair[0][-1] == last)
    for last in {suffix[-1] for suffix, _repl in _SUFFIXES}
}
_BRITISH_RE = re.compile(r"is(e|ed|es|ing|ation|ations|er|ers)$")
_NO_S_STRIP = ("ss", "us", "is", "ous")
_VOWELS = set("aeiouy")


# What the final-e rule must not produce: a pronoun a pattern names ("here", "theme") or
# the negation "not" ("note the key points").
_KEEP_FINAL_E = frozenset({"her", "them", "him", "his", "thei", "not"})


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A small, predictable English stemmer (same function for answers and patterns)."""
    w = _IRREGULAR.get(word, word)
    if len(w) <= 3:
        return w
    # British and American spellings meet: apologise/apologize, organised/organized.
    w = _BRITISH_RE.sub(r"iz\1", w) if len(w) >= 6 else w
    for suffix, repl in _SUFFIXES_BY_LAST.get(w[-1], ()):
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
    if len(w) > 3 and w.endswith("e") and w[:-1] not in _KEEP_FINAL_E:
        w = w[:-1]  # care/caring -> car, fire/fired -> fir; never "here" -> "her"
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
SPECIAL_WORDS = {
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


def expand(word: str) -> tuple[str, ...]:
    """Lower-cased word (straight apostrophes) -> one or more plain words."""
    special = SPECIAL_WORDS.get(word)
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


def tokens(text: str) -> Iterator[tuple[str, int, int, str]]:
    """(kind, start, end, text) over an answer: kind is "w" word, "s" sentence end, "p" pause.

    Over-long words are dropped here, once, so no later stage ever sees them.
    """
    plain = text.translate(TRANSLATE)
    last = ""
    for m in TOKEN_RE.finditer(plain):
        group, start, end = m.lastgroup, m.start(), m.end()
        if group == "end":
            if not (m.group() == "." and last in ABBREVIATIONS):
                yield "s", start, end, m.group()
        elif group == "pause":
            yield "p", start, end, m.group()
        elif group == "sym":
            yield "w", start, end, _SYMBOL_WORDS[m.group()]
        elif end - start <= MAX_TOKEN:
            last = m.group().lower()
            yield "w", start, end, last


def plain_words(text: str) -> list[str]:
    """Every expanded word of a text, in order (for vocabularies and frequency tables)."""
    return [part for kind, _s, _e, tok in tokens(text) if kind == "w" for part in expand(tok)]
