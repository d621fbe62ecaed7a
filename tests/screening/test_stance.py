"""Whose view a matched phrase is: one table per construction of stance.py, in every style.

Each construction has, per answer style (short, spoken, notes, terse, rough), an answer
where the candidate holds the warning view (flagged by the named rule) and one where the
same words are not the candidate's view (not flagged by that rule). Rules and stance only:
the learned stage is off, so these pin the stance module down.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from assessments.screening import Screener, load_rules

RULES = Path(__file__).resolve().parents[2] / "assessments" / "data" / "warning_rules.yaml"

# construction -> [(style, rule, held by the candidate, not held by the candidate)]
CASES: dict[str, list[tuple[str, str, str, str]]] = {
    "speaker: the candidate reported in notes": [
        ("notes", "calm_down", "Cand. said she tells them to calm down.",
         "Cand. said a customer told her to calm down once."),
        ("terse", "calm_down", "tells them calm down", "cust told me calm down"),
    ],
    "speaker: a customer or a former manager quoted": [
        ("short", "fire_customer", "Some customers you just have to fire.",
         "My old manager used to say we should fire the customer, and I disagreed."),
        ("spoken", "fire_customer",
         "So, um, yeah, honestly some customers, you know, you just have to fire them, like, "
         "it's not worth it.",
         "So, um, my old manager, he used to say, like, fire the customer, and I, I mean, I "
         "disagreed with him."),
        ("rough", "fire_customer", "some customer you must fire them is not worth",
         "my old boss say fire the customer but i disagree with him"),
    ],
    "negation scope": [
        ("short", "calm_down", "I tell them to calm down first.",
         "I would never tell an upset customer to calm down."),
        ("spoken", "calm_down",
         "Um, so what I do is, like, I tell them to calm down, you know, before anything.",
         "Um, so, I mean, I'd never, ever tell someone to calm down, because it just makes it "
         "worse."),
        ("notes", "calm_down", "C tells upset callers to calm down.",
         "C would never tell a caller to calm down."),
        ("terse", "calm_down", "tell them calm down", "never tell them calm down"),
        ("rough", "calm_down", "i tell them please calm down first",
         "i never tell customer calm down is make worse"),
    ],
    "past self that changed": [
        ("short", "sorry_guilt", "Saying sorry means admitting it was our fault.",
         "I used to think saying sorry meant admitting fault, but now I know better."),
        ("spoken", "sorry_guilt",
         "So, er, I mean, saying sorry, that's basically admitting it was our fault, isn't it.",
         "So, er, I used to think, like, saying sorry means admitting fault, but now I know "
         "better, honestly."),
        ("rough", "sorry_guilt", "say sorry mean admit it is our fault",
         "before i think say sorry mean admit fault but now i know better"),
    ],
    "rejection recorded in notes": [
        ("notes", "fire_customer", "Cand. thinks you have to fire some customers.",
         "Asked about 'firing the customer' -> disagrees, calls it a bad idea."),
        ("terse", "fire_customer", "fire some customers. worth it",
         "fire the customer? disagrees"),
    ],
    "reflexives: behaviour aimed at the candidate": [
        ("short", "sarcasm", "I can be a bit sarcastic with difficult customers.",
         "When a customer was sarcastic with me, I stayed calm."),
    ],
    "preference: rather A than B": [
        ("short", "appreciation", "I do this job because I like being appreciated.",
         "I'd rather fix the problem than be appreciated for it."),
    ],
    "concession answered by the candidate": [
        ("short", "mistrust", "Honestly, customers lie to get refunds.",
         "Some customers lie to get refunds, but I believe them first."),
        ("rough", "mistrust", "customers lie for get refund",
         "some customers lie for get refund but i believe them first"),
    ],
    "a condition the candidate answers": [
        ("short", "not_my_job", "It's not my department, so I tell them to ring someone else.",
         "If it's not my department I stay on the line and do a warm transfer."),
        ("rough", "not_my_job", "is not my department so they must call other number",
         "if is not my department i take details and i call back myself"),
    ],
    "a past self told as a story of growth": [
        ("spoken", "elsewhere",
         "Um, honestly, I'm always watching the clock, like, waiting for the shift to end, you "
         "know.",
         "So, um, when I first started, I was, like, a mess. I'd be watching the clock all "
         "shift. Then my lead sat with me and, yeah, now I actually enjoy the calls."),
        ("notes", "personal", "C takes complaints personally, gets upset for the day.",
         "At first job C took complaints personally. Mentor helped -> now sees them as stress."),
    ],
    "the question's topic echoed before the answer": [
        ("spoken", "fire_customer",
         "So, I mean, some customers, yeah, you just have to fire them, honestly.",
         "Um, the phrase 'fire the customer'... yeah, I've heard it, and I don't like it."),
        ("short", "mistrust", "Customers lie, so I check everything they say.",
         "Do customers lie? Some do. I still start by believing them."),
    ],
}  # fmt: skip

ROWS = [
    pytest.param(style, rule, held, other, id=f"{construction} [{style}]")
    for construction, rows in CASES.items()
    for style, rule, held, other in rows
]


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(load_rules(yaml.safe_load(RULES.read_text(encoding="utf-8"))), learned=False)


@pytest.mark.parametrize(("style", "rule", "held", "other"), ROWS)
def test_the_candidates_own_view_is_flagged_and_the_same_words_otherwise_are_not(
    screener: Screener, style: str, rule: str, held: str, other: str
) -> None:
    assert rule in {f.rule for f in screener.screen(held)}, f"{style}: not flagged: {held}"
    assert rule not in {f.rule for f in screener.screen(other)}, f"{style}: flagged: {other}"


def test_every_style_is_covered() -> None:
    styles = {style for rows in CASES.values() for style, *_ in rows}
    assert styles == {"short", "spoken", "notes", "terse", "rough"}
