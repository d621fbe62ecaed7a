"""A past self told as a story of growth: not the view the candidate holds today.

"When I first started I was obsessed with the stats ... now I ...": a past self framed up to
two sentences before a match, with a change told after it. stance.own_stance applies
``outgrown_story`` with its other checks.
"""

from __future__ import annotations

from assessments.screening.answer import Answer
from assessments.screening.matcher import Match
from assessments.screening.negation import is_i

# "at my last job I was counting the minutes ... I realised ...": a job left behind
_JOB_FRAMES = frozenset({("last", "job"), ("old", "job"), ("previous", "job")})
_PAST_FRAMES = _JOB_FRAMES | frozenset(
    {
        ("used", "to"), ("first", "started"), ("i", "started"), ("early", "on"),
        ("at", "first"), ("first", "job"), ("back", "then"), ("early", "in"), ("my", "first"),
        ("in", "start"), ("at", "start"), ("when", "started"), ("before", "i"),
        ("was", "new"), ("was", "younger"), ("first", "year"), ("starting", "out"),
        ("i", "once"), ("before", "when"), ("first", "yr"), ("1st", "yr"), ("1st", "year"),
        ("looking", "back"), ("in", "hindsight"),
    }
)  # fmt: skip
_CHANGE = frozenset(
    """now nowadays changed change learned learnt realised realized taught grew outgrew
    growth since different differently diff""".split()  # noqa: SIM905 - a word list is easier to read and edit
)
_TIME_FRAMES = _PAST_FRAMES - _JOB_FRAMES  # when, not where
# "afterwards I thought, I never said sorry": looking back on a story ("afterwards, I was a
# bit clipped" only goes on with it)
_REFLECTED = frozenset(
    (after, "i", thought)
    for after in ("afterwards", "afterward", "after", "later")
    for thought in ("thought", "realised", "realized", "reflected", "saw")
)
_OFTEN = (["and", "then"], ["and", "again"])  # "now and then" tells how often, not a change


def outgrown_story(ans: Answer, m: Match) -> bool:
    """ "When I first started I was obsessed with handle time. I'd rush people ... Now I
    ...": a past self framed up to two sentences earlier and a change told after the
    match is a story of growth, not a view held today."""
    sent = ans.sent[m.start]
    first = next((ans.span_of[t][0] for t in (sent - 2, sent - 1) if t in ans.span_of), None)
    lo = ans.span_of[sent][0] if first is None else first
    words = ans.words
    frame = next((p for p in range(lo, m.start) if _framed(words, p)), None)
    if frame is None:
        # "took criticism personally in 1st yr; now reviews recordings": the frame after
        # the match, in its sentence (not the job: "... at my last job" says where, not when)
        hi = ans.span_of[sent][1]
        after = (p for p in range(m.end, hi - 1) if (words[p], words[p + 1]) in _TIME_FRAMES)
        frame = next(after, None)
        return frame is not None and any(_changed(ans, p) for p in range(frame + 2, ans.n))
    # "... now I ...", or "thick skin now, used to take it personally"; but "what I learned
    # at my last job is ..." carries the old job's lesson on, so a job needs the change after
    pair = (words[frame], words[frame + 1])
    before = range(0) if pair in _JOB_FRAMES else range(ans.span_of[ans.sent[frame]][0], frame)
    return any(_changed(ans, p) for p in (*before, *range(m.end, ans.n)))


def _framed(words: list[str], p: int) -> bool:
    return (words[p], words[p + 1]) in _PAST_FRAMES or tuple(words[p : p + 3]) in _REFLECTED


def _changed(ans: Answer, p: int) -> bool:
    """A change told at word p: "now", "learned", "stopped" (not "now and then")."""
    words = ans.words
    return (
        (words[p] in _CHANGE and words[p + 1 : p + 3] not in _OFTEN)
        or _stopped(ans, p)
        or _started_since(ans, p)
    )


def _started_since(ans: Answer, p: int) -> bool:
    """ "... I never said sorry, I just defended it. So I started acknowledging first": a
    new habit that follows from what went wrong ("so", then the candidate)."""
    words = ans.words
    return words[p] == "started" and words[p - 2 : p] == ["so", "i"]


def _stopped(ans: Answer, p: int) -> bool:
    """ "Used to be sarcastic on floor. Stopped after ...": the candidate stopped (not "the
    meter's stopped")."""
    return ans.words[p] == "stopped" and (ans.span_of[ans.sent[p]][0] == p or is_i(ans, p - 1))
