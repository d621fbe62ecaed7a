"""Negation scope and the wording around a match: the checks of stance.py that read only
the matched sentence's own words (gaps across clauses, "he'd say", "it's like you're ...",
"everybody deserves ..." among them).

A negator scopes a match within a NegEx-style window unless a clause or a factive verb cuts
it off; a quote the candidate refuses to say ("I'd never say 'calm down'") is not theirs; a
filler "like", a term being defined or contrasted ("servitude = ..."), an insult aimed at the
candidate and "not afraid to" are wording, not a stance. stance.own_stance applies them; each
construction is documented there and tested in tests/screening/test_stance.py.
"""

from __future__ import annotations

from itertools import pairwise

from assessments.screening.answer import UNAFRAID, Answer, quotations
from assessments.screening.matcher import Match
from assessments.screening.quotes import quote_mark
from assessments.screening.text import stem

_COMPLEMENTISERS = frozenset({"that", "when", "why", "how", "if", "what"})


_FACTIVE_KEYS = frozenset(
    "s:" + stem(w)
    for w in (
        "get", "realise", "notice", "know", "see", "understand", "hear", "remember", "forget",
        "mind", "care",
    )
)  # fmt: skip


SPEECH_KEYS = frozenset(
    "s:" + stem(w)
    for w in (
        "tell", "say", "explain", "mention", "admit", "remind", "reassure", "warn", "point",
        "think", "believe", "use", "feel", "agree", "figure", "reckon", "assume", "suspect",
        "guess", "answer", "reply", "respond", "retort",
    )
)  # fmt: skip


_AIMED = frozenset({"with", "at", "toward", "towards"})


_NEG_LOOKBACK = 12  # NegEx-style window: a negator further back does not scope the match


def unafraid(ans: Answer, m: Match) -> bool:
    # a pattern's own "not" that is really "not afraid to ..." is no negation
    return any(
        ans.words[p] in ("not", "never") and p + 1 < ans.n and ans.words[p + 1] in UNAFRAID
        for p in m.literals
    )


def insult_to_me(ans: Answer, m: Match) -> bool:
    """ "one customer tell me you are stupid", "a guest told me I was the worst server",
    "one customer call me stupid girl": the phrase ends on a word someone else aimed at the
    candidate."""
    last = m.literals[-1] if m.literals else m.end - 1
    w = ans.words
    for p in range(max(0, last - 5), last):
        if (w[p], w[p + 1]) in (("you", "are"), ("i", "was")) and "me" in w[max(0, p - 3) : p]:
            return True
        told = p > 1 and w[p - 1] == "me" and w[p - 2] in _TELLING
        if told and w[p : p + 2] == ["i", "am"] and w[last] in _INSULTS:
            return True  # "one customer tell me i am stupid" (not "tell me I'm wrong")
        if w[p] in _CALLING and w[p + 1] == "me" and last - p <= 3:
            return True
    return False


_CALLING = frozenset({"call", "calls", "called", "calling"})
_TELLING = frozenset({"tell", "tells", "told", "say", "says", "said"})
_INSULTS = frozenset(
    "stupid idiot useless thick dumb clueless incompetent lazy rubbish hopeless moron".split()  # noqa: SIM905
)


def aimed_at_me(ans: Answer, m: Match) -> bool:
    # "when a customer is sarcastic with me" (but "customers shouldn't argue with me")
    if insult_to_me(ans, m):
        return True
    return (
        m.end - m.start == 1
        and m.end + 1 < ans.n
        and ans.words[m.end] in _AIMED
        and ans.words[m.end + 1] == "me"
    )


def negated(ans: Answer, m: Match) -> bool:
    lit = set(m.literals)
    if any(ans.neg[p] and p not in lit for p in range(m.start, m.end)):
        return True  # a negator inside a gap of the match
    start = m.start
    clause, sent = ans.clause[start], ans.sent[start]
    double = ans.neg[start] and start in lit  # the phrase itself is negative: "not my job"
    for p in range(start - 1, max(-1, start - 1 - _NEG_LOOKBACK), -1):
        if ans.sent[p] != sent:
            break
        if ans.clause[p] != clause:
            # "I'd never, ever tell someone to calm down": the negator repeated for emphasis
            # reaches on past its comma; so does one set off by a filler ("rather than, like,
            # assume I know better"): the filler's own clause is crossed when a negator ends
            # the clause before it
            opened = _filler_start(ans, p)
            filler = opened is not None and opened > 0 and ans.neg[opened - 1]
            emphatic = ans.words[p + 1] in _EMPHATIC or _filler_start(ans, p + 1) == p + 1
            if not (filler or (ans.neg[p] and emphatic)):
                break
            clause = ans.clause[p]
        # "customers don't get that I'm mocking them": a negated knowing-verb does not
        # reach into what follows "that / when / why"
        if ans.words[p + 1] in _COMPLEMENTISERS and _FACTIVE_KEYS.intersection(ans.keys[p]):
            break
        if ans.neg[p] and _negation_applies(ans, p, start, double):
            return True
    return False


_EMPHATIC = frozenset({"ever", "never", "not", "no"})


SAYING_KEYS = frozenset(
    "s:" + stem(w) for w in ("say", "tell", "call", "use", "write", "reply", "answer", "go")
)


_INTERJECTIONS = frozenset(
    """oh ah um uh er erm well like look yeah hey sir madam mate listen""".split()  # noqa: SIM905
)
# two-word fillers: "it's not, you know, a reason to punish them"
_FILLER_PAIRS = frozenset({("you", "know"), ("i", "mean"), ("you", "see")})


def _filler_start(ans: Answer, p: int) -> int | None:
    """The first word of the filler that word p is part of, if it is part of one."""
    words = ans.words
    if words[p] in _INTERJECTIONS:
        return p
    if p > 0 and (words[p - 1], words[p]) in _FILLER_PAIRS:
        return p - 1
    if p + 1 < ans.n and (words[p], words[p + 1]) in _FILLER_PAIRS:
        return p
    return None


def refused_quote(ans: Answer, m: Match) -> bool:
    """ "I'd never say 'oh, she's just a trainee'", "I didn't want to just say, oh, that's
    not my department": the words sit in a clause of their own (after a comma or an
    interjection, or in quotation marks: "I'd never go 'not my job'") right after a negated
    verb of saying, so they are what is NOT said."""
    clause, sent = ans.clause[m.start], ans.sent[m.start]
    q = _quote_opened(ans, m)
    if q is None:
        lo = m.start
        while lo > 0 and ans.clause[lo - 1] == clause:
            lo -= 1
        q = lo - 1
        while q >= 0 and ans.sent[q] == ans.sent[lo] and ans.words[q] in _INTERJECTIONS:
            q -= 1
        if q < 0 or ans.sent[q] != sent:
            return False
    said = ans.clause[q]
    verb = next(
        (
            r
            for r in (q, q - 1)
            if r >= 0 and ans.clause[r] == said and SAYING_KEYS.intersection(ans.keys[r])
        ),
        None,
    )
    if verb is None:
        return False
    # the negator comes before the verb: "I said no, because ..." refuses nothing quoted
    for r in range(verb - 1, max(-1, q - _NEG_LOOKBACK), -1):
        if ans.clause[r] != said:
            break
        if ans.neg[r] and not (r + 1 < ans.n and ans.words[r + 1] in UNAFRAID):
            return True
    return False


def _quote_opened(ans: Answer, m: Match) -> int | None:
    """The word before a quotation mark that opens, in the match's clause, at most three
    words before the match ("go 'that's not my job'"); None when there is none."""
    for p in range(m.start, max(0, m.start - 3), -1):
        if ans.clause[p - 1] != ans.clause[m.start]:
            return None
        if any(quote_mark(ans.text, i) for i in range(ans.ends[p - 1], ans.starts[p])):
            return p - 1
    return None


def filler_like(ans: Answer, m: Match) -> bool:
    """ "a woman who booked, like, all her flights": "like" set off by commas is a spoken
    filler, not the verb a pattern wants."""
    for p in m.literals:
        # "a little reset like that is really important": "like that is" compares
        if (
            ans.words[p] == "like"
            and p + 2 < ans.n
            and ans.words[p + 1] in ("that", "this")
            and ans.words[p + 2] in ("is", "was", "be", "are", "were")
        ):
            return True
        if ans.words[p] == "like" and 0 < p < ans.n - 1:
            before = ans.text[ans.ends[p - 1] : ans.starts[p]]
            after = ans.text[ans.ends[p] : ans.starts[p + 1]]
            if "," in before and "," in after:
                return True
    return False


_DEFINING = frozenset({"doing", "when", "what", "being", "about", "means", "acting"})


# what names a hyphenated phrase as a thing: "the calm-down thing", "not-my-dept calls"
_NAMING = frozenset(
    """thing things issue issues stuff call calls rule rules phrase line approach attitude
    question questions q scenario scenarios culture mentality mindset e eg example examples
    type kind speech policy talk conversation conversations bit""".split()  # noqa: SIM905
)
_DOING = frozenset({"do", "did", "does", "doing"})


def defined_term(ans: Answer, m: Match) -> bool:
    """ "serving = choosing to help; subservient = doing what you're told out of fear",
    "Service vs servitude: ...": a single word being defined or contrasted, not claimed; so
    is a phrase hyphenated into a name ("the calm-down thing", "Not-my-dept e.g.: ...")."""
    if m.end < ans.n and ans.words[m.end] in _NAMING:
        evidence = ans.text[ans.starts[m.start] : ans.ends[m.end - 1]]
        done = _DOING.intersection(ans.words[max(0, m.start - 5) : m.start])
        if not done and "-" in evidence and not any(c.isspace() for c in evidence):
            return True  # but "I did the whole, you know, eye-roll thing" is the act itself
    if m.end - m.start != 1:
        return False
    p = m.start
    after = ans.text[ans.ends[p] :].lstrip(" '\"‘’“”")
    if after[:1] == "=":
        return True
    w = ans.words
    if p + 2 < ans.n and w[p + 1] in ("is", "means") and w[p + 2] in _DEFINING:
        return True
    return (p > 0 and w[p - 1] in ("vs", "versus")) or (
        p + 1 < ans.n and w[p + 1] in ("vs", "versus")
    )


def split_negation(ans: Answer, m: Match) -> bool:
    """ "sorry != guilty, apologises easily": the phrase's own negator ends its clause before
    the rest of the phrase begins, so it negates something else."""
    lits = m.literals
    return (
        len(lits) > 1
        and ans.neg[lits[0]]
        and ans.words[lits[0]] in ("not", "never", "no")
        and all(ans.clause[p] != ans.clause[lits[0]] for p in lits[1:])
        and ans.words[lits[0] + 1] not in _EMPHATIC
    )


def _negation_applies(ans: Answer, p: int, start: int, double: bool) -> bool:
    # "I don't do anything that's not in my job description" is still the stance;
    # "I'd never say 'that's not my job'" is not
    return (
        not double
        or ans.words[p] == "even"
        or any(SPEECH_KEYS.intersection(ans.keys[q]) for q in range(p + 1, start))
    )


def is_i(ans: Answer, pos: int) -> bool:
    """The candidate as subject: "I", or "she"/"he" in a note about the candidate."""
    return "w:i" in ans.keys[pos]


_STATE_VERBS = frozenset(
    "am was be stay stayed get got feel felt go went become became".split()  # noqa: SIM905 - a word list is easier to read and edit
)


def own_state_before(ans: Answer, m: Match) -> bool:
    """The candidate's own state, just before the match: "i am a bit cold with ..."."""
    lo = max(ans.span_of[ans.sent[m.start]][0], m.start - 4)
    return any(
        is_i(ans, q) and ans.words[q + 1] in _STATE_VERBS and ans.clause[q] == ans.clause[m.start]
        for q in range(lo, m.start - 1)
    )


_ENDORSE = frozenset({"agree", "agreed", "right", "sense", "true", "fair"})


def endorsed_after(ans: Answer, m: Match) -> bool:
    """ "We were told not to say sorry ..., and to be fair I still think that's right": the
    candidate takes the reported view on as their own later in the sentence."""
    end = ans.span_of[ans.sent[m.start]][1]
    for p in range(m.end, end):
        if is_i(ans, p):
            for q in range(p + 1, min(p + 6, end)):
                if ans.neg[q]:
                    break
                if ans.words[q] in _ENDORSE:
                    return True
    return False


_FILLERS = frozenset("yeah yes um uh er erm anyway so like well honestly also".split())  # noqa: SIM905
_ADVERBS = frozenset("really very quite pretty super so also always actually definitely".split())  # noqa: SIM905
_STRENGTHS = frozenset(
    """good great strong friendly reliable organised organized efficient patient professional
    quick fast chatty positive calm polite punctual thorough confident careful flexible
    hardworking fine""".split()  # noqa: SIM905 - a word list is easier to read and edit
)


# what follows "but" when the candidate puts up with the job rather than answering the view:
# "Serving people feels beneath me sometimes, but I do it", "... but I need the money"
_GRUDGING = (
    ("i", "do", "it"), ("i", "still", "do", "it"), ("i", "just", "do", "it"),
    ("i", "need", "the", "money"), ("i", "need", "money"), ("i", "need", "the", "job"),
    ("it", "pays"), ("the", "money"), ("someone", "has", "to"), ("somebody", "has", "to"),
    ("i", "get", "on", "with", "it"), ("i", "put", "up", "with", "it"), ("i", "do", "the", "job"),
)  # fmt: skip


def grudging(ans: Answer, p: int) -> bool:
    """The "but" at p puts up with what came before ("..., but I do it for the money"); it
    does not answer it."""
    q = p + 1
    while q < ans.n and ans.words[q] in _FILLERS:
        q += 1
    return any(tuple(ans.words[q : q + len(g)]) == g for g in _GRUDGING)


def pivots(ans: Answer, p: int) -> bool:
    """ "..., but I'm really organised", "but in terms of strengths": the "but" at p turns to
    another topic (the candidate's strengths) rather than answering what came before."""
    q = p + 1
    while q < ans.n and ans.words[q] in _FILLERS:
        q += 1
    if ans.words[q : q + 3] == ["in", "terms", "of"]:
        return True
    if q + 1 >= ans.n or not is_i(ans, q) or ans.words[q + 1] not in ("am", "be", "was"):
        return False
    r = q + 2
    while r < ans.n and ans.words[r] in _ADVERBS:
        r += 1
    return r < ans.n and ans.words[r] in _STRENGTHS


def speaks(ans: Answer, after: int, pos: int) -> bool:
    """The candidate is the subject at pos, not an "I" inside a quotation opened after token
    ``after`` ("customers say, 'I bet you'd rather be at home'" quotes the customer's "I"):
    an odd number of quotation marks between them (an apostrophe between letters is none)."""
    if not is_i(ans, pos):
        return False
    text = ans.text
    marks = sum(1 for i in range(ans.ends[after - 1], ans.starts[pos]) if quote_mark(text, i))
    return marks % 2 == 0


# who holds a view the candidate grants before answering it ("some people", "colleagues"),
# or a first impulse named ("my instinct was to say she's usually great. But ...")
GRANTED_SUBJECTS = frozenset(
    {"some", "people", "colleagues", "others", "many", "instinct", "tempted", "temptation"}
)
_ENDURED = frozenset({"feeling", "feel", "but"})


def endured(ans: Answer, marker: Match) -> bool:
    """ "i feel like servant for the members ... i dont like feel like this", "i dont like it
    but i do it for the money": a dislike the candidate lives with is their own feeling about
    the job, not a rejection of the view before it."""
    words = ans.words
    said = words[marker.start : marker.end]
    # ... or within its words: "i dont like feel like this"
    felt = (
        "feel" in said
        or "feeling" in said
        or (marker.end < ans.n and words[marker.end] in _ENDURED)
    )
    return felt and "like" in said


_CONNECTIVES = frozenset({"and", "while", "whereas"})
BECAUSE = frozenset({"because", "cause", "cos", "coz"})
_DETERMINERS = frozenset({"the", "our", "their", "most", "some"})
_NEW_SUBJECT = _CONNECTIVES | _DETERMINERS


def gap_across_clause(ans: Answer, m: Match) -> bool:
    """ "So I kept saying it, and honestly, guests settled down": a gap that runs into a new
    clause opened by "because", or by "and" / "while" after a comma or before a subject,
    joins two clauses, each with its own subject, not the one phrase the pattern means."""
    lits = m.literals
    for a, b in pairwise(lits):
        for p in range(a + 1, b + 1):
            w = ans.words[p]
            if b - p <= 1:
                break  # the pattern's own words open the clause: "you picked ... and you didn't"
            if w in BECAUSE:
                return True
            # "... and honestly, guests settled down", "like a suspect, the honest people"
            if ans.clause[p] != ans.clause[p - 1] and w in _NEW_SUBJECT:
                if _consequence_of(ans, lits[0], p):
                    continue
                return True
    return False


_IF = frozenset({"if", "when", "whenever"})


def _consequence_of(ans: Answer, start: int, p: int) -> bool:
    """ "If a caller is rude to me, their callback sits at the bottom": the clause at p is
    what follows from the candidate's condition, one thought (not "if you ...", which
    weighs where a habit leads)."""
    lo = ans.span_of[ans.sent[start]][0]
    opener = next((q for q in range(start, lo - 1, -1) if ans.words[q] in _IF), None)
    return (
        opener is not None
        and opener + 1 < ans.n
        and ans.words[opener + 1] != "you"
        and ans.clause[p - 1] == ans.clause[start]
    )


_SAID_BY = frozenset({"he", "she"})
_SAID_HOW = frozenset({"would", "always", "just", "once", "then", "usually", "even"})


def other_speaker(ans: Answer, m: Match) -> bool:
    """ "there was a lad who'd pull faces, or he'd say 'another genius on line two'": a
    phrase of saying whose subject is "he"/"she" in the candidate's own first-person words
    is someone else speaking (in notes "he"/"she" is the candidate, read as "I")."""
    if not SPEECH_KEYS.intersection(ans.keys[m.start]) and not SAYING_KEYS.intersection(
        ans.keys[m.start]
    ):
        return False
    p = m.start - 1
    while p >= 0 and ans.words[p] in _SAID_HOW and ans.sent[p] == ans.sent[m.start]:
        p -= 1
    return p >= 0 and ans.words[p] in _SAID_BY and not is_i(ans, p)


_SOUNDS = frozenset({"is", "was", "sounds", "sounded", "feels", "felt", "looks", "seems"})


def how_it_sounds(ans: Answer, m: Match) -> bool:
    """ "It's like you're telling them they got it wrong": what something else comes across
    as, a comparison with a generic "you", not what the candidate says."""
    w = ans.words
    for p in range(max(1, m.start - 4), m.start):
        if w[p] in ("like", "if") and w[p - 1] in _SOUNDS | {"as"} and w[p + 1] == "you":
            # "it is like you are the servant for everybody": what the job makes of you
            if w[p + 2 : p + 4] and w[p + 2] in ("are", "be") and w[p + 3] in _IDENTITY:
                return False
            return all(ans.sent[q] == ans.sent[m.start] for q in range(p, m.start))
    return False


_IDENTITY = frozenset({"the", "a", "an", "their", "his", "her", "just", "nothing", "like"})
_UNIVERSAL = frozenset({"everyone", "everybody", "all", "every", "each", "anyone", "anybody"})


def for_everyone(ans: Answer, m: Match) -> bool:
    """ "everybody deserves a good welcome, suite or tent": what every customer deserves is
    the same for all, the opposite of ranking who deserves effort."""
    if not ans.words[m.start].startswith("deserv"):
        return False
    lo = ans.span_of[ans.sent[m.start]][0]
    return any(ans.words[p] in _UNIVERSAL for p in range(max(lo, m.start - 4), m.start))


def same_quotation(ans: Answer, p: int, q: int) -> bool:
    """Words p and q inside one and the same quotation (answer.quotations)."""
    inside = quotations(ans.text, ans.starts)
    return inside[p] != 0 and inside[p] == inside[q]
