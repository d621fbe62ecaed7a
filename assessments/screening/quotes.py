"""Quotation marks: which words are inside one, and whether it is a question put to the
candidate. An apostrophe between letters ("you'd", "customers' accounts") is none."""

from __future__ import annotations

from assessments.screening.answer import Answer
from assessments.screening.matcher import Match

_QUOTES = frozenset("\"'\u2018\u2019\u201c\u201d")


def quote_mark(text: str, i: int) -> bool:
    """A quotation mark at i, not an apostrophe between letters ("you'd")."""
    return text[i] in _QUOTES and not (
        i > 0 and text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha()
    )


_QUOTE_REACH = 160  # characters: a quoted question is one short utterance
_QUESTION_WORDS = 4  # words after a comma that make a question of their own, not a tag


def quoted_question(ans: Answer, m: Match) -> bool:
    """ "Someone asked, half joking, 'is this your fault then?'", "snow day, 'rather be
    home?' no.": the match lies inside one quotation that closes on a question mark, so
    it is someone asking the candidate, not the candidate's view."""
    text = ans.text
    lo, hi = ans.starts[m.start], ans.ends[m.end - 1]
    # an opening mark follows a space or a stop, a closing one is followed by no letter:
    # "twenty minutes' notice" and "customers' accounts" open and close nothing
    opening = next(
        (
            i
            for i in range(lo - 1, max(-1, lo - _QUOTE_REACH), -1)
            if quote_mark(text, i) and (i == 0 or not text[i - 1].isalnum())
        ),
        None,
    )
    closing = next(
        (
            i
            for i in range(hi, min(len(text), hi + _QUOTE_REACH))
            if quote_mark(text, i) and not text[i + 1 : i + 2].isalnum()
        ),
        None,
    )
    if opening is None or closing is None:
        return False
    inside = text[opening + 1 : closing]
    if "\n" in inside or any(quote_mark(inside, i) for i in range(len(inside))):
        return False  # a line apart, or more than one quotation
    if not inside.rstrip().endswith("?"):
        return False
    # "Skip the feelings, what's the route no.?": the question is its own clause after the
    # match, and what comes before it is said, not asked; a tag ("..., would you?") is not
    tail = text[hi:closing]
    cut = max(tail.rfind(c) for c in ",;:!")
    return cut < 0 or len(tail[cut + 1 :].split()) < _QUESTION_WORDS
