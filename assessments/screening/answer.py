"""An analysed answer: words with offsets, sentences, clauses, contrast and negation.

Everything later stages ask about a position is computed here once, in one pass, so the
matcher and the stance checks only index lists.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from assessments.screening.text import TRANSLATE, expand, tokens
from assessments.screening.vocabulary import Vocabulary

# Unpunctuated speech or notes can run on for hundreds of words; a "sentence" is cut every
# SENTENCE_CAP words so no check ever scans more than that (and matches stay local).
SENTENCE_CAP = 60
# A question this short ("Rude on chat?") is the topic of the answer that follows it.
TOPIC_WORDS = 3
# A short fragment ending in one of these is a note's heading or a person ("Motivation q.",
# "C."), not a verdict to be read with the next fragment (see Answer._read).
_ABBREVIATED = frozenset(
    {"q", "qs", "cust", "c", "no", "approx", "min", "mins", "e.g", "i.e", "vs"}
)

NEGATORS = frozenset(
    """
    not never nobody nothing none neither nor without hardly against no avoid avoided
    avoiding avoids refuse refused refusing nowhere non
    """.split()  # noqa: SIM905 - a word list is easier to read and edit
)
_NO_EXCEPT = frozenset({"matter", "doubt", "wonder", "problem", "problems", "questions"})
_HARD = frozenset({"hard", "difficult", "tough", "impossible", "struggle", "trying"})
UNAFRAID = frozenset({"afraid", "scared", "shy", "ashamed", "embarrassed", "reluctant", "hesitant"})
_NEG_BEFORE_GERUND = frozenset({"stop", "stopped", "quit", "quitting", "stopping"})
_CLAUSE_WORDS = frozenset(
    {"but", "so", "then", "although", "though", "while", "whereas", "however", "yet", "unless"}
)
CONTRAST = frozenset({"but", "however", "although", "though", "yet", "whereas"})
_SUBJECTS = frozenset({"i", "we", "they", "he", "she", "you", "then", "it", "that"})
_PREFER = frozenset({"rather", "prefer", "prefers", "preferred"})
_CONDITIONS = frozenset({"if", "when", "whenever"})
_MAIN_SUBJECTS = frozenset({"i", "it", "we", "they", "he", "she"})
# words after which a pronoun is an object or part of the condition, not a new subject
_BEFORE_OBJECT = frozenset(
    """to at with for from about tell told ask asked give gave call called and or that than
    if when what who whom which where how because as like by of on in is are was were be
    been do does did have has had not say says said saying think thinks thought thinking
    feel feels felt know knows knew believe believes bet guess reckon assume mean means
    meant""".split()  # noqa: SIM905
)
# "it" opens the main clause only as a subject: "... rude it gets to me", not "doing it for"
_IT_VERBS = frozenset(
    """is was gets got makes made really just feels felt does did can will would depends
    means happens stays sticks ruins hurts annoys bothers drives""".split()  # noqa: SIM905
)


def _not(words: Sequence[str], i: int, _rather: bool) -> bool:
    nxt = words[i + 1] if i + 1 < len(words) else ""
    prev = words[i - 1] if i else ""
    if nxt == "help" and prev in ("can", "could"):
        return False  # "I can't help rolling my eyes"
    if prev == "or":
        return False  # "whether I'm courteous or not"
    if nxt in UNAFRAID:
        return False  # "I'm not afraid to say sorry"
    # "it's hard not to take it personally"
    return not any(p in _HARD for p in words[max(0, i - 3) : i])


def _never(words: Sequence[str], i: int, _rather: bool) -> bool:
    return not (i + 1 < len(words) and words[i + 1] in UNAFRAID)


def _next_is(*expected: str) -> Callable[[Sequence[str], int, bool], bool]:
    def check(words: Sequence[str], i: int, _rather: bool) -> bool:
        return i + 1 < len(words) and words[i + 1] in expected

    return check


def _no(words: Sequence[str], i: int, _rather: bool) -> bool:
    return not (i + 1 < len(words) and words[i + 1] in _NO_EXCEPT)


def _gerund_follows(words: Sequence[str], i: int, _rather: bool) -> bool:
    return i + 1 < len(words) and words[i + 1].endswith("ing")


def _than(_words: Sequence[str], _i: int, rather: bool) -> bool:
    return rather  # "I'd rather help well than be liked": what follows "than" is rejected


# Words whose negating force depends on their neighbours; every other word negates exactly
# when it is in NEGATORS.
_CONTEXTUAL: dict[str, Callable[[Sequence[str], int, bool], bool]] = {
    "not": _not,
    "never": _never,
    "no": _no,
    "than": _than,
    # concession: "even if it's not my job"; rough English drops the "if": "even is not my fault"
    "even": _next_is("if", "though", "when", "is", "it"),
    "instead": _next_is("of"),
    "rather": _next_is("than"),
    **{w: _gerund_follows for w in _NEG_BEFORE_GERUND},
}


class Answer:
    """The words of one answer and what each position means."""

    __slots__ = (
        "_key_pos",
        "barrier",
        "clause",
        "ends",
        "keys",
        "n",
        "neg",
        "sent",
        "sent_keys",
        "span_of",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str, vocab: Vocabulary) -> None:
        self.text = text
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.sent: list[int] = []
        breaks = self._read(text)
        self.n = len(self.words)
        self.clause = _clauses(self.words, self.sent, breaks)
        cached = vocab.cache.get  # most words are known: skip the call
        self.keys = [cached(w) or vocab.keys(w) for w in self.words]
        quoted: list[int] = []

        def find_quoted() -> list[int]:
            quoted[:] = quoted or quotations(text, self.starts)
            return quoted

        if is_note_about_candidate(self.words, find_quoted):
            _shift_person(self.words, self.keys, vocab, find_quoted())
        self._key_pos: dict[str, list[int]] | None = None
        self.barrier = [w in CONTRAST for w in self.words]
        self.neg = _negations(self.words, self.clause)
        # sentence id -> (first token, end token)
        self.span_of = {self.sent[lo]: (lo, hi) for lo, hi in sentence_spans(self)}
        # sentence id -> every key its words have: what the matcher's index looks up
        keys = self.keys
        self.sent_keys = {
            sid: frozenset().union(*keys[lo:hi]) for sid, (lo, hi) in self.span_of.items()
        }

    @property
    def key_pos(self) -> dict[str, list[int]]:
        """key -> the positions of the words that have it (built on first use: the
        matcher's index reads ``sent_keys`` instead)."""
        if self._key_pos is None:
            key_pos: dict[str, list[int]] = {}
            for i, ks in enumerate(self.keys):
                for k in ks:
                    key_pos.setdefault(k, []).append(i)
            self._key_pos = key_pos
        return self._key_pos

    def _read(self, text: str) -> list[bool]:
        """Fill words/offsets/sentences; return whether a clause starts at each word."""
        breaks: list[bool] = []
        s_id, in_sent, pending = 0, 0, True
        plain = ""
        for kind, start, end, tok in tokens(text):
            if kind == "s":
                # "Rude ones? Back of the queue.": a short topic asked, then the answer to
                # it; one sentence (two clauses), so a rule can read the topic with it.
                # "Not mine. Give number, next call.": a terse note's one- or two-word
                # verdict is read with what follows it (two clauses of one sentence);
                # "Motivation q." is an abbreviation, not a verdict
                if not (tok[:1] == "?" and 0 < in_sent <= TOPIC_WORDS) and not (
                    tok == "." and 0 < in_sent <= 2 and self.words[-1] not in _ABBREVIATED
                ):
                    s_id, in_sent = s_id + 1, 0
                pending = True
                continue
            if kind == "p":
                plain = plain or text.translate(TRANSLATE)
                # 'said, "fire the customer"' keeps the quote in the speaker's clause
                if not (tok in ",:" and plain[end : end + 2].lstrip()[:1] == '"'):
                    pending = True
                continue
            for part in expand(tok):
                if in_sent >= SENTENCE_CAP:
                    s_id, in_sent, pending = s_id + 1, 0, True
                self.words.append(part)
                self.starts.append(start)
                self.ends.append(end)
                self.sent.append(s_id)
                prev = self.words[-2] if len(self.words) > 1 else ""
                breaks.append(pending or _opens_clause(part, prev))
                in_sent += 1
                pending = False
        return breaks


# "a while" is a stretch of time, not a clause: "I'd rather be fooled once in a while than
# treat everyone like a suspect" keeps its "rather ... than" in one clause
_BEFORE_WHILE_NOUN = frozenset({"a", "little", "long", "short", "good", "whole", "the"})


def _opens_clause(word: str, prev: str) -> bool:
    return word in _CLAUSE_WORDS and not (word == "while" and prev in _BEFORE_WHILE_NOUN)


# Interviewer's notes: the candidate in the third person is the speaker ("Cand. said she
# tells them to calm down"); these words also read as the first person.
_AS_FIRST_PERSON = {
    "he": ("i",),
    "she": ("i",),
    "cand": ("i",),
    "candidate": ("i",),
    "applicant": ("i",),
    "his": ("my",),
    "her": ("my", "me"),
    "him": ("me",),
    "himself": ("myself",),
    "herself": ("myself",),
}
_CANDIDATE_WORDS = frozenset({"cand", "candidate", "applicant", "interviewee", "c"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself"})


def is_note_about_candidate(
    words: Sequence[str], quoted: Callable[[], list[int]] = lambda: []
) -> bool:
    """A note names the candidate, or speaks of someone in the third person and never says
    "I" but in quotation marks ("Said he'd tell them 'I'm not directory enquiries'"), where
    ``quoted()`` tells which words are quoted."""
    if any(w in _CANDIDATE_WORDS for w in words[:3]) or "candidate" in words:
        return True
    if not any(w in _AS_FIRST_PERSON for w in words):
        return False
    if not _FIRST_PERSON.intersection(words):
        return True
    inside = quoted()
    return bool(inside) and all(q for w, q in zip(words, inside, strict=True) if w in _FIRST_PERSON)


def quotations(text: str, starts: Sequence[int]) -> list[int]:
    """Per word (by its start offset), which quotation it is inside, counting from 1; 0
    outside any. An apostrophe between letters ("you'd") is none."""
    out: list[int] = []
    inside = False
    count = 0
    at = 0
    for start in starts:
        for i in range(at, start):
            c = text[i]
            if c in '"\u201c\u201d' or (
                c in "'\u2018\u2019"
                and not (0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum())
            ):
                inside = not inside
                count += inside
        at = start
        out.append(count if inside else 0)
    return out


def _shift_person(
    words: list[str], keys: list[frozenset[str]], vocab: Vocabulary, quoted: list[int]
) -> None:
    """In a note, "she"/"he" read as "I", but not inside a quotation that says "I": the
    candidate's own words ("'Mark is one of my strongest, this isn't like him'") speak in
    the first person already, and "him" there is someone else. (A quotation without "I" may
    be the interviewer's: "feedback 'ruins her day'".)"""
    verbatim = {q for w, q in zip(words, quoted, strict=True) if q and w in _FIRST_PERSON}
    for i, w in enumerate(words):
        extra = _AS_FIRST_PERSON.get(w)
        if extra and quoted[i] not in verbatim:
            keys[i] = keys[i].union(*(vocab.keys(x) for x in extra))


def _clauses(words: list[str], sent: list[int], breaks: list[bool]) -> list[int]:
    # "and I ...", "or we ..." start a new clause; "and tell them" does not.
    for i in range(len(words) - 1):
        if words[i] in ("and", "or") and words[i + 1] in _SUBJECTS:
            breaks[i] = True
    # "if a customer is rude it gets to me", "when guest angry i say calm down": an
    # unpunctuated condition ends where the main clause's subject comes after its verb
    opened = -1
    for i, w in enumerate(words):
        if breaks[i] or (i and sent[i] != sent[i - 1]):
            opened = -1
        if w in _CONDITIONS:
            opened = i
        elif (
            opened >= 0
            and i - opened >= 3
            and w in _MAIN_SUBJECTS
            and words[i - 1] not in _BEFORE_OBJECT
            and (w != "it" or (i + 1 < len(words) and words[i + 1] in _IT_VERBS))
        ):
            breaks[i] = True
            opened = -1
    clause: list[int] = []
    c_id = 0
    for i, b in enumerate(breaks):
        if b or (i and sent[i] != sent[i - 1]):
            c_id += 1
        clause.append(c_id)
    return clause


def _negations(words: list[str], clause: list[int]) -> list[bool]:
    neg: list[bool] = []
    rather = False
    for i, w in enumerate(words):
        if i == 0 or clause[i] != clause[i - 1]:
            rather = False
        rather = rather or w in _PREFER
        check = _CONTEXTUAL.get(w)
        neg.append(check(words, i, rather) if check else w in NEGATORS)
    return neg


def sentence_spans(ans: Answer) -> list[tuple[int, int]]:
    """[(first token, end token)] for each sentence."""
    spans: list[tuple[int, int]] = []
    start = 0
    for i in range(1, ans.n + 1):
        if i == ans.n or ans.sent[i] != ans.sent[i - 1]:
            spans.append((start, i))
            start = i
    return spans
