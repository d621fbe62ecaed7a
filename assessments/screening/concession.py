"""Concession: a view granted, then answered, is not the view the candidate holds.

"Some people do lie, but I believe them first", "I like it when they thank me, who doesn't.
But ...", "not my fault, still my problem": what comes before "but" (or "still") is granted,
and the candidate's own clause after it answers it. stance.own_stance applies ``conceded``
with its other checks (the constructions are listed in stance's docstring).
"""

from __future__ import annotations

from assessments.screening.answer import Answer
from assessments.screening.matcher import Match
from assessments.screening.negation import (
    GRANTED_SUBJECTS,
    grudging,
    is_i,
    own_state_before,
    pivots,
)

_CONCEDED = frozenset({"but", "however", "yet"})
_DISMISSED = frozenset({"matter", "matters", "care", "cares", "count", "counts", "help", "helps"})
_ANSWERED = frozenset({"still", "anyway", "regardless"})
FIRST = frozenset({"w:i", "w:my", "w:me", "w:myself", "w:mine"})  # the candidate's own words
_LIKING = frozenset({"love", "like", "enjoy", "appreciate"})
_EVERYONE = frozenset({"everyone", "everybody", "anyone", "anybody"})
_LIKING_STEMS = ("thank", "apprec", "lik", "lov", "enjoy", "prais")
_HARD_GOING = frozenset(
    "hard harder struggle struggling tough difficult demotivating draining miss".split()  # noqa: SIM905
)


def _emphatic_liking(ans: Answer, m: Match) -> bool:
    """ "I do love it when ...": the candidate's own liking, stressed."""
    words = ans.words
    return (
        m.start >= 2
        and words[m.start] in _LIKING
        and words[m.start - 1] == "do"
        and is_i(ans, m.start - 2)
    )


def _granted_aside(ans: Answer, m: Match) -> bool:
    """ "I like it when a guest thanks me, who doesn't. But the shifts I'm proudest of ...":
    the candidate's own liking, granted as universal ("who doesn't", "obviously") and then
    set against a "but" in that sentence or the next."""
    words = ans.words
    hi = min(m.end + 6, ans.n)
    liking = any(words[p].startswith(_LIKING_STEMS) for p in range(m.start, m.end))
    # "I do love it when a member thanks me, but it's a bonus": an emphatic "do" grants it
    aside = _emphatic_liking(ans, m) or any(
        (words[p] == "who" and p + 2 < ans.n and words[p + 2] == "not")
        or words[p] in ("obviously", "naturally", "sure", "granted", "admittedly")
        or (words[p] == "of" and p + 1 < ans.n and words[p + 1] == "course")
        # "..., everyone does. But", "enjoys being thanked 'like anyone does' but"
        or (
            words[p] in _EVERYONE
            and (words[p - 1] == "like" or (p + 1 < ans.n and words[p + 1] in ("does", "do")))
            and liking  # not "rude ones can wait their turn like anyone"
        )
        for p in range(m.end, hi)
    )
    if not aside:
        return False
    sent = ans.sent[m.start]
    nxt = ans.span_of.get(sent + 1)
    window = list(range(m.end, ans.span_of[sent][1]))
    window += list(range(nxt[0], min(nxt[0] + 3, nxt[1]))) if nxt else []
    but = next((p for p in window if words[p] in _CONCEDED), None)
    # "..., sure, but on the days nobody does I struggle": the "but" only says how much
    # the liking counts
    return but is not None and _HARD_GOING.isdisjoint(words[but + 1 : but + 14])


_EPISTEMIC = frozenset(
    """know knew think thought guess mean suppose admit agree understand get got realise
    realize reckon feel felt hear heard see saw say said will would have am""".split()  # noqa: SIM905
)
_ADVERBS = frozenset({"i", "just", "always", "usually", "really", "kind", "sort", "of", "do"})


def _acts_before(ans: Answer, m: Match) -> bool:
    """ "with those ones I just go slower, like talking to a child": the candidate's own act
    earlier in the sentence (not a knowing "I know ..., but"), so nothing is conceded."""
    lo = ans.span_of[ans.sent[m.start]][0]
    for p in range(max(lo, m.start - 8), m.start):
        if is_i(ans, p):
            q = p + 1
            while q < m.start and ans.words[q] in _ADVERBS:
                q += 1
            if q < m.start and ans.words[q] not in _EPISTEMIC and not ans.neg[q]:
                return True
    return False


_PRAISE_STEMS = ("thank", "prais", "compliment", "appreciat", "recogni", "kudos")
_NICE = frozenset({"nice", "lovely", "good", "great", "pleasant", "welcome"})


def _thanks_valued(ans: Answer, m: Match) -> bool:
    """ "Thanks nice, not the point", "praise is nice but not why": what is nice here is
    the thanks the candidate gets, valued and set aside, not courtesy dismissed. The
    match opens on the "nice" that the thanks (just before it) are."""
    words, p = ans.words, m.start - 1
    if words[m.start] not in _NICE or p < 0 or ans.sent[p] != ans.sent[m.start]:
        return False
    if words[p] in ("is", "are", "was", "were") and p > 0:
        p -= 1  # "praise is nice"
    if words[p] == "yous" and p > 0:
        p -= 1  # "thank-yous nice"
    return words[p].startswith(_PRAISE_STEMS)


def conceded(ans: Answer, m: Match) -> bool:
    """ "Some people do lie, but I believe them first": granted, then answered by the
    candidate. A view someone else holds (or a general claim) before "but", followed by
    the candidate's own clause, is conceded, not held. "Not my fault, still my problem":
    "still" / "anyway" answers it the same way."""
    if _granted_aside(ans, m) or _thanks_valued(ans, m):
        return True
    # "Not my fault, my call.": "not my X, my Y" corrects itself
    lit = m.literals
    if (
        lit
        and ans.words[lit[0]] == "not"
        and m.end < ans.n
        and ans.words[m.end] == "my"
        and ans.clause[m.end] != ans.clause[m.end - 1]
    ):
        return True
    # "I tell them to calm down, but nicely", "I do love it when they thank me, but ...":
    # still the candidate's own act or liking
    if (
        is_i(ans, m.start)
        or (m.start and is_i(ans, m.start - 1))
        or _acts_before(ans, m)
        or _emphatic_liking(ans, m)
    ):
        return False
    if own_state_before(ans, m):
        return False  # "i am little cold with the next customers, not rude but ...": mine
    sent = ans.sent[m.start]
    lo, end = ans.span_of[sent]
    nxt = ans.span_of.get(sent + 1)
    window = list(range(m.end, end))
    # a "But" opening the next sentence answers a fact granted, not a label ("just whingers")
    if nxt and (
        any(ans.neg[p] for p in m.literals)
        or GRANTED_SUBJECTS.intersection(ans.words[lo : m.start])
    ):
        window += range(nxt[0], min(nxt[0] + 2, nxt[1]))
    for p in window:
        if ans.words[p] in _CONCEDED:
            if pivots(ans, p) or grudging(ans, p):  # "..., but I'm really organised"
                return False
            after = range(p + 1, min(p + 9, ans.n))
            return (
                any(is_i(ans, q) for q in after)
                or any(FIRST.intersection(ans.keys[q]) for q in range(p + 1, min(p + 7, ans.n)))
                # "... but that doesn't matter to them", "but she doesn't care whose fault"
                or any(ans.words[q] in _DISMISSED and ans.neg[q - 1] for q in after)
            )
        if ans.words[p] in _ANSWERED:
            # "not my fault, still my problem"; the first person in the same sentence
            hi = min(p + 4, ans.span_of[ans.sent[p]][1])
            return any(FIRST.intersection(ans.keys[q]) for q in range(p + 1, hi))
    return False
