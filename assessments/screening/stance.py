"""Stance and speaker: is a matched phrase the candidate's own view?

A pattern match is a phrase; it becomes a flag only when the candidate holds it. This module
decides that, construction by construction (each tested in tests/screening/test_stance.py).
The checks that read only the matched sentence's wording (negation scope, refused quotes,
fillers, defined terms, insults aimed at the candidate) live in negation.py, a question
quoted to the candidate in quotes.py; own_stance below applies them all:

Speaker
  * The candidate speaking ("I'd tell them ...") holds what they say.
  * The candidate reported by the interviewer in the third person holds it too:
    "Cand. said she tells them to calm down" is the candidate's stance. text/answer read
    he/she/his/her in notes about a candidate as I/my (``person_shift``), so the same
    patterns and the same checks apply. A note may say "I" only in the candidate's quoted
    words ("Said he'd tell them 'I'm not directory enquiries'"); inside such a quotation
    "him"/"her" stay someone else ("'Mark is one of my strongest, this isn't like him'").
  * Someone else quoted or described (a customer, a former manager, "some reps") is not the
    candidate: a DISTANCE_BEFORE marker earlier in the sentence drops the match, unless the
    candidate then speaks in a later clause ("when customers say X, I tell them Y") or
    reacts in one ("if a guest says I was unhelpful, it really gets to me").
  * "He'd say 'another genius on line two'": in the candidate's own first-person words, a
    phrase of saying whose subject is "he"/"she" is someone else speaking; so is "my
    colleague next to me actually said ...".
  * "Someone asked, 'is this your fault then?'": a quoted question is someone else's; so
    is what someone asked whether the candidate felt ("someone once asked whether I wished
    I was at home", "when guests ask if she wishes she was off, she says no"), and what
    others assume of the candidate ("people sometimes assume I do this for the thanks").
  * Someone else's habit recalled ("C mentioned ex-colleague who 'taught rude pts a
    lesson'"), a name they gave customers ("a previous manager called them moaners"), or
    their phrase ("she had this phrase, 'fire the customer'"); and a verdict on saying it
    ("telling the customer it's their fault gets nobody anywhere").
Clause limits on gaps
  * "So I kept saying it, and honestly, guests settled down": a gap never runs into a new
    clause opened by "because", or by "and"/"while" after a comma or before a subject,
    unless the pattern's own next word opens that clause ("you picked X and you didn't");
    nor into a clause after a comma opened by a new subject ("like a suspect, the honest
    people feel insulted").
Negation scope
  * A negator earlier in the same clause, or inside a gap of the match, drops it ("I don't
    do this to be appreciated"); it does not reach past "that/when/why" after a knowing verb
    ("they don't get that I'm mocking them"), nor is "not afraid to", "can't help" or
    "X or not" a negation. A pattern's own negation ("not my job") is part of the phrase.
  * A negated verb of saying (the negator before the verb: "I said no, because the rule's
    the rule" negates nothing) reaches its quoted words even past a comma or an interjection
    ("I'd never say 'oh, she's just a trainee'"); a negator repeated for emphasis or set off
    by a filler reaches on ("never, ever tell them to calm down", "rather than, like,
    assume ..."); a phrase's own negator that ends its clause
    negates something else ("sorry != guilty, apologises easily").
Contrast and preference
  * "not A but B": "but" ends the clause, so the negation of A never reaches B; a gap never
    skips "but"/"however".
  * "I'd rather A than B" / "prefer A to B": what follows "than" is negated.
Concession and condition
  * "Apologises even tho not her fault": what "even though" concedes is not claimed.
  * "I didn't say sorry, I never do": a refusal said again does not reject itself.
  * "Serving people feels beneath me sometimes, but I do it": a "but" that only puts up
    with the job ("but I need the money") answers nothing; the view stays the candidate's.
  * "Some customers do lie, but I believe them first": a view granted before "but" (not the
    candidate's own act) and answered by the candidate's own clause is conceded, not held;
    a "But" opening the next sentence answers only a fact granted ("it wasn't my fault. But
    that doesn't matter to them", "some people ...", a first instinct), not the candidate's
    label ("they're just whingers. But with him I ...") nor act ("I just go slower. But").
    "Still" answers a concession only with a first person in its own sentence.
  * "If it's not my department, I stay on the line ...": a phrase in an "if/when" clause that
    the candidate then answers is a condition, not a view; so is a generic "if you ..."
    weighing where a habit leads ("if you go in assuming they're lying, you end up ...",
    "if you treat everyone like a suspect, the honest people leave"), its "if" up to eight
    words back; as is a saying only supposed ("if I said I'd rather be anywhere else, she'd
    feel like a nuisance") and what "otherwise" would follow ("otherwise you carry it, and
    the next person gets it").
  * The candidate's own concession: "I like it when they thank me, who doesn't. But ...";
    "not my fault, still my problem" (or "still mine") / "..., but my call" answer a
    concession too.
Stories and topic echoes
  * "When I first started I was obsessed with the stats. I'd watch the clock ... now I ...":
    a past self framed up to two sentences before the match, with a change told after it
    (story.py).
  * "Um, the phrase 'fire the customer'... yeah": the question's topic repeated before the
    answer (only fillers before it; a question mark, an ellipsis or a filler after it), or
    named by the interviewer in a note ("Asked re: guests trying it on. C: ..."), or a
    note's sentence that is the question itself ("Asked whether some pts deserve more
    effort. C said no"), up to the reply; topic.py.
Past self that changed
  * "I used to think ...", "back when I was new ...", "... but now I know better" distance
    the old view; so does a job left behind with the change told after it ("at my last job
    I was counting the minutes ... I realised ..."), though not "what I learned at my last
    job is ...".
Comparisons
  * "It's like you're telling them they got it wrong" and "a reset like that is
    important": how something comes across, or "like" as "such as", not the candidate's
    words or liking.
Universal subjects
  * "Everybody deserves a good welcome": what every customer deserves is no ranking.
Reflexives
  * A trait word aimed at the candidate ("a customer was sarcastic with me") is someone
    else's behaviour.
Reported views
  * What staff are told or trained ("we were told not to say sorry"), a relative or a
    colleague described by their habits ("there was this guy who would ..."), the easy
    answer weighed ("the easy thing is to say ...") and what could have been said are not
    the candidate's view, unless the candidate takes it on ("and I still think that's right");
    so is what the candidate could have said ("I could've just said 'no, you read it
    wrong'"), and a story's "her own mistake" followed, up to two sentences on, by "I
    could've pointed that out".
  * An insult aimed at the candidate ("a guest told me I was the worst") is someone else's.
Rejection recorded in notes
  * A verb of disagreement ("disagrees", "pushed back"), calling it wrong ("which is wrong",
    "bad idea"), the symbols "x", "≠" after a quoted view, a rejection opening the next
    sentence or the one after ("I never liked it.", "what's the point in telling them
    that?") and a rule kept for safety ("word for word. Rest: flexible.") disown what came
    before (disowning.DISTANCE_AFTER); not a reason the candidate gives ("I need you to calm
    down, because it's not fair on the others"), a verdict on a customer's saying in between
    ("they say the shower is cold but is not true"), nor a dislike the candidate lives
    with ("i feel like servant ... i dont like feel like this").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessments.screening.answer import Answer
from assessments.screening.concession import FIRST, conceded
from assessments.screening.matcher import Automaton, Match
from assessments.screening.negation import (
    BECAUSE,
    SAYING_KEYS,
    SPEECH_KEYS,
    aimed_at_me,
    defined_term,
    endorsed_after,
    endured,
    filler_like,
    for_everyone,
    gap_across_clause,
    how_it_sounds,
    is_i,
    negated,
    other_speaker,
    refused_quote,
    same_quotation,
    speaks,
    split_negation,
    unafraid,
)
from assessments.screening.quotes import quoted_question
from assessments.screening.stance_markers import IN_PRIVATE, THIRD_PERSON
from assessments.screening.story import outgrown_story
from assessments.screening.topic import LEAD, topic_echo


@dataclass
class Markers:
    """Stance markers found in one answer, by sentence, computed once on first use."""

    before: dict[int, list[tuple[int, Match]]] = field(default_factory=dict)
    after: dict[int, list[tuple[int, Match]]] = field(default_factory=dict)


def find_markers(ans: Answer, before: Automaton, after: Automaton) -> Markers:
    found = Markers()
    for markers, into in ((before, found.before), (after, found.after)):
        for prog, found_here in markers.matches(ans):
            for m in found_here:
                into.setdefault(ans.sent[m.start], []).append((prog.owner, m))
    return found


def own_stance(ans: Answer, m: Match, markers: Markers) -> bool:
    """True when the matched phrase is the candidate's own view."""
    return (
        not unafraid(ans, m)
        and not gap_across_clause(ans, m)
        and not other_speaker(ans, m)
        and not how_it_sounds(ans, m)
        and not aimed_at_me(ans, m)
        and not negated(ans, m)
        and not split_negation(ans, m)
        and not filler_like(ans, m)
        and not defined_term(ans, m)
        and not refused_quote(ans, m)
        and not quoted_question(ans, m)
        and not _distanced_before(ans, m, markers)
        and not _disowned_after(ans, m, markers)
        and not conceded(ans, m)
        and not _condition(ans, m)
        and not outgrown_story(ans, m)
        and not topic_echo(ans, m)
        and not for_everyone(ans, m)
    )


_OPENERS = frozenset({"if", "when", "whenever"})
_ASKING = frozenset({"if", "whether"})
_TELLERS = frozenset(
    """student customer cust guest caller patient pt client passenger tenant resident member
    someone somebody they""".split()  # noqa: SIM905 - a word list is easier to read and edit
)
_SUPPOSE = frozenset({"said", "told", "were", "was", "went", "did"})


_ME = frozenset({"w:me", "w:myself"})


def _condition(ans: Answer, m: Match) -> bool:
    """ "If it's not my department, I stay on the line and transfer them": a condition the
    candidate then answers, not a view they hold."""
    sent = ans.sent[m.start]
    lo = ans.span_of[sent][0]
    # "otherwise you carry it, and the next person gets it": what happens if not (but
    # "because otherwise my number is going bad" is the candidate's own stake)
    if any(
        ans.words[p] == "otherwise"
        and not (ans.words[p - 1] in BECAUSE and FIRST.intersection(ans.keys[p + 1]))
        for p in range(max(lo, m.start - 10), m.start)
    ):
        return True
    opener = next(
        (p for p in range(m.start - 1, max(lo - 1, m.start - 9), -1) if ans.words[p] in _OPENERS),
        None,
    )
    if opener is None or ans.clause[m.end - 1] != ans.clause[opener]:
        return False  # the match runs on into the answer to the condition
    # "if I said I'd rather be anywhere else, she'd feel ...": a saying only supposed
    supposed = opener + 2 < ans.n and is_i(ans, opener + 1) and ans.words[opener + 2] in _SUPPOSE
    generic = (opener + 1 < ans.n and ans.words[opener + 1] == "you") or supposed
    if m.start - opener > 5 and not generic:
        return False  # a longer reach only for "if you go into every call thinking ..."
    end = ans.span_of[sent][1]
    if any(is_i(ans, q) for q in range(m.end, min(m.end + 6, end))):
        return True
    # "Okay, um, so if something's not my area.": an if-clause standing alone restates the
    # question before the answer
    if (
        m.end >= end - 1
        and not any(is_i(ans, q) for q in range(opener, end))
        and all(ans.words[q] in LEAD for q in range(lo, opener))
    ):
        return True
    # "if you go into every call thinking they're lying, you end up treating ...": a
    # generic "you" weighing where a habit leads, not the candidate's practice
    # "if you treat everyone like a suspect, the honest people feel insulted": the
    # consequence in a clause of its own
    return (
        generic
        and "you" not in ans.words[m.start : m.end]
        and any(
            ans.words[q] in ("you", "then") or ans.clause[q] != ans.clause[m.end - 1]
            for q in range(m.end, min(m.end + 6, end))
        )
    )


def _distanced_before(ans: Answer, m: Match, markers: Markers) -> bool:
    sent = ans.sent[m.start]
    if sent in markers.before and endorsed_after(ans, m):
        return False
    return any(_distances(ans, m, b, reach) for reach, b in markers.before.get(sent, ()))


def _distances(ans: Answer, m: Match, b: Match, reach: int) -> bool:
    """Whether marker ``b``, earlier in the sentence, makes the match not the candidate's."""
    if reach == IN_PRIVATE:
        return b.end <= m.start
    if reach == THIRD_PERSON:  # "she said ..." is the candidate in a note
        if is_i(ans, b.start):
            return False
        reach = -1
    # "colleague always say to customer the new girl ...": the match may begin on the
    # marker's own verb of saying
    on_verb = b.end == m.start + 1 and SPEECH_KEYS.intersection(ans.keys[m.start])
    # "I could've just said 'no'": what could have been said may run into the match
    overlaps = b.start < m.start and b.end <= m.end and ans.words[b.start] in ("could", "might")
    if b.end > m.start and not (reach < 0 and (on_verb or overlaps)):
        return False
    if reach >= 0:
        return _near_other_subject(ans, m, b, reach)
    return not _candidate_speaks_after(ans, m, b)


def _ultimatum(ans: Answer, m: Match, a: Match) -> bool:
    # "calm down, I can't help you like this": what the candidate cannot do until obeyed
    near = range(max(m.end, a.start - 2), min(a.start + 4, ans.n))
    if "help" in ans.words[a.start : a.start + 4] and any(is_i(ans, p) for p in near):
        return "can" in ans.words[a.start - 2 : a.start + 3]
    return "or" in ans.words[m.end : a.start] and same_quotation(ans, m.start, a.start)


def _repeated_refusal(ans: Answer, m: Match, a: Match) -> bool:
    """ "I didn't say sorry, I never do": the phrase's own refusal, said again."""
    refuses = any(ans.words[p] in ("not", "never") for p in m.literals)
    return refuses and is_i(ans, a.start) and "never" in ans.words[a.start + 1 : a.start + 3]


def _near_other_subject(ans: Answer, m: Match, b: Match, reach: int) -> bool:
    # "I'd tell them my colleague is new...": the candidate is the speaker (but not in "a
    # student told me a driver laughed at her")
    sent = ans.sent[b.start]
    speaking = any(
        ans.sent[p] == sent
        and SPEECH_KEYS.intersection(ans.keys[p])
        and not (p and ans.words[p - 1] in _TELLERS)
        for p in range(max(0, b.start - 8), b.start)
    )
    return (
        not speaking and m.start - b.end <= reach and ans.clause[b.end - 1] == ans.clause[m.start]
    )


def _candidate_speaks_after(ans: Answer, m: Match, b: Match) -> bool:
    """After reported words, the candidate's own later clause is still their stance."""
    marker_clause = ans.clause[b.end - 1]
    if ans.words[b.end - 1] in _ASKING and ans.clause[m.start] == marker_clause:
        return False  # "guests ask if she wishes she was off": what was asked, not her reply
    # "if someone says I did a bad job, I feel hurt", "if a guest says I was unhelpful, it
    # really gets to me": the candidate's own reaction, in a later clause of the match, to
    # someone else's words (not to "I used to ...", the candidate's own past)
    others = not is_i(ans, b.start)
    if any(
        (speaks(ans, b.end, p) or (others and _ME.intersection(ans.keys[p])))
        and ans.clause[p] > marker_clause
        for p in range(m.start, m.end)
    ):
        return True
    # "when a customer says X I tell them Y"
    for p in range(b.end, m.start):
        if speaks(ans, b.end, p) and any(
            SPEECH_KEYS.intersection(ans.keys[q]) for q in range(p + 1, min(p + 3, m.start))
        ):
            return True
    # "when customers say X, I tell them Y": the match is in a later clause opened by "I"
    return ans.clause[m.start] > marker_clause and any(
        speaks(ans, b.end, p) and ans.clause[p] > marker_clause and _clause_opener(ans, p)
        for p in range(b.end, m.start + 1)
    )


def _disowned_after(ans: Answer, m: Match, markers: Markers) -> bool:
    sent = ans.sent[m.start]
    for s in (sent, sent + 1, sent + 2):
        for reach, a in markers.after.get(s, ()):
            if a.start < m.end or _reason_or_other_claim(ans, m, a) or endured(ans, a):
                continue
            if s == sent and (_ultimatum(ans, m, a) or _repeated_refusal(ans, m, a)):
                continue  # "'calm down or I can't help'": an ultimatum's second half
            if reach >= 0:
                if s == sent and a.start - m.end <= reach:
                    return True
            elif s == sent or (s in ans.span_of and a.start - ans.span_of[s][0] <= 4):
                return True
    return False


_THIRD = frozenset({"they", "he", "she", "customer", "customers", "guest", "guests", "caller"})


def _reason_or_other_claim(ans: Answer, m: Match, a: Match) -> bool:
    """A verdict after the match that is not about the candidate's phrase: "I said, I need
    you to calm down, because it's not fair on the other guests" gives the candidate's own
    reason; "a lot of guests lie, like they say the shower is cold but it's not true" judges
    the customer's saying between them, not the candidate's view."""
    if ans.sent[a.start] != ans.sent[m.start]:
        return False
    words = ans.words
    if any(words[p] in BECAUSE for p in range(max(m.end, a.start - 2), a.start)):
        return True
    # "they say X but is not true": a third person's saying between match and verdict (in
    # notes "she says" is the candidate, read as "I", so it never counts here)
    return any(
        words[p] in _THIRD
        and not is_i(ans, p)
        and p + 1 < a.start
        and SAYING_KEYS.intersection(ans.keys[p + 1])
        for p in range(m.end, a.start)
    )


def _clause_opener(ans: Answer, pos: int) -> bool:
    """True when `pos` is the first or second word of its clause ("I ...", "then I ...")."""
    clause = ans.clause[pos]
    return pos == 0 or ans.clause[pos - 1] != clause or (pos > 1 and ans.clause[pos - 2] != clause)
