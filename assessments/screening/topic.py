"""The question's topic said back before the answer: not the candidate's view.

Candidates often repeat the question before answering it ("Um, calm down, ha, no, I learned
that one the hard way"), and interviewers write the question into their notes ("Asked re:
guests trying it on for refunds. C: ..."). A warning phrase there is the topic, not a stance.
stance.own_stance applies ``topic_echo`` with its other checks.
"""

from __future__ import annotations

from assessments.screening.answer import Answer
from assessments.screening.matcher import Match

# words that may come before an echoed topic (fillers, "the phrase", "Q:", "asked about")
LEAD = frozenset(
    """um uh er erm ah oh hmm so okay ok yeah well right like the phrase idea question word
    words term topic re asking about on and do does is are would should can i think a an
    question questions c cand q asked something""".split()  # noqa: SIM905
)
_ASKED = frozenset({"asked", "q", "re", "question"})
_ASKED_AFTER = frozenset({"asked", "question", "q"})  # "never say sorry re leaks": re = about
_AFTER_ECHO = frozenset(
    "yeah um uh er erm hmm ha haha okay right scenario scenarios example question".split()  # noqa: SIM905
)
_REPLY = frozenset("yeah yes yep so okay ok um uh er erm right well hmm sure".split())  # noqa: SIM905


# what an interviewer's "Asked ..." opens with: "Asked if she's ever wished she was elsewhere"
_ASKED_WHAT = frozenset(
    "if whether about abt re how what when why would does do is has".split()  # noqa: SIM905
)
_REPLIED = frozenset("c cand candidate said says replied answered".split())  # noqa: SIM905
_REPLY_MARKS = (":", '"', "“", "”", "—", "–", " - ", "->", "→", "=>", ";")  # "C: 'I don't ...'"


def topic_echo(ans: Answer, m: Match) -> bool:
    """ "Um, the phrase 'fire the customer', I've heard ...", "So, user error, um, yeah":
    the candidate repeating the question's topic before answering it."""
    # "Asked if she's ever wished she was elsewhere mid-shift. Laughed ...", "Asked whether
    # some pts deserve more effort. C said no": a note's sentence that is the question, and
    # only the question (not "Asked how he handles upset custs. C: 'I don't ...'", where the
    # learned stage reads the reply in the same sentence)
    lo, hi = ans.span_of[ans.sent[m.start]]
    if (
        ans.words[lo] == "asked"
        and lo + 1 < m.start
        and ans.words[lo + 1] in _ASKED_WHAT
        and _REPLIED.isdisjoint(ans.words[lo:hi])
        and not any(mark in ans.text[ans.starts[lo] : ans.ends[hi - 1]] for mark in _REPLY_MARKS)
    ):
        return True
    # "Um, handling a complaint about me? Uh, yeah, it happened.": the question said back
    end = hi
    short_first = ans.sent[m.start] == 0 and end <= 8 and end < ans.n
    replied = short_first and ans.words[end] in _REPLY
    if replied and ans.text[ans.ends[end - 1] :].lstrip(" '\"‘’“”")[:1] == "?":
        return True
    if any(ans.words[p] not in LEAD for p in range(m.start)):
        return False
    # "Asked re: guests trying it on for refunds. C: ...", "Q: 'not my job' scenario": the
    # question's topic, named by the interviewer before the candidate's answer
    if _ASKED.intersection(ans.words[: m.start]) and ans.clause[m.start] == ans.clause[m.end - 1]:
        return True
    # "'Fire the customer' - asked directly. C said ...": the topic, then the note that it
    # was asked
    if m.end < ans.n and ans.words[m.end] in _ASKED_AFTER:
        return True
    rest = ans.text[ans.ends[m.end - 1] :].lstrip(" '\"‘’“”,")
    if rest[:1] in ("?", "…", ":") or rest.startswith(".."):
        return True
    # "Q: sorry = admitting fault? C: ...": the question asked, quoted in a note
    after = ans.text[ans.ends[end - 1] :].lstrip(" '\"‘’“”")
    if end - m.end <= 2 and after[:1] == "?":
        return True
    return m.end < ans.n and ans.words[m.end] in _AFTER_ECHO
