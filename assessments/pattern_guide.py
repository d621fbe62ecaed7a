"""The pattern-language guide HR reads in the product and in docs/pattern-language.md.

One source for both: the page renders these sections and checks every worked example
live through the screener; `python manage.py pattern_guide` prints the same text as
Markdown, and a test keeps docs/pattern-language.md equal to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessments.screening import RuleSpec, Screener


@dataclass(frozen=True)
class Example:
    pattern: str
    answer: str
    fires: bool  # what the guide claims; the page and the tests check it


@dataclass(frozen=True)
class Section:
    title: str
    text: str
    examples: tuple[Example, ...] = ()


TITLE = "Writing warning-rule patterns"
INTRO = (
    "A warning rule fires when an answer contains one of its patterns. A pattern is a short "
    "phrase written in a small language: plain words, plus a few marks for word endings, "
    "choices, optional words and gaps. Case, punctuation, curly quotes and contractions "
    "never matter, and small typos in long words are forgiven. Every pattern is matched "
    "within one sentence of the answer."
)
SECTIONS = (
    Section(
        "Plain words match their word forms",
        "Write the words in order. Each plain word also matches its usual endings, so "
        "`appreciate` matches appreciated, appreciating and appreciation.",
        (
            Example("appreciate", "I like feeling appreciated at work.", True),
            Example("not my job", "Honestly, that's not my job.", True),
        ),
    ),
    Section(
        "A star matches the start of a word; an equals sign matches one form only",
        "`thank*` matches any word beginning with thank (thanks, thankful). `=fire` matches "
        "the word fire and nothing else, not fired or firing.",
        (
            Example("thank* ~ customer*", "I love the thankful look of a customer.", True),
            Example("=fire", "They fired him on the spot.", False),
        ),
    ),
    Section(
        "Choices and optional words",
        "Round brackets give choices separated by `|`; a choice may be several words. "
        "Square brackets hold optional words.",
        (
            Example("(thank*|pat on the back)", "I do it for the pat on the back.", True),
            Example("[really] hate complain*", "I really hate complainers.", True),
            Example("[really] hate complain*", "I hate complaints.", True),
        ),
    ),
    Section(
        "Gaps: up to a few other words in between",
        "`~` allows up to 3 other words between its neighbours; `~5` up to 5 (at most 12). "
        "Use a gap where candidates add filler words.",
        (
            Example("customer* ~ lying", "Customers are usually lying about it.", True),
            Example("customer* ~1 lying", "Customers are, I find, usually lying.", False),
        ),
    ),
    Section(
        "Ruling out the next word",
        "`!(to|who)` means the next word must not be one of these. It checks without "
        "using up a word.",
        (
            Example("blame !(myself) ~ customer*", "I blame the customers.", True),
            Example("blame !(myself) ~ customer*", "I blame myself, not customers.", False),
        ),
    ),
    Section(
        "Negation and other people's words are handled for you",
        "A match is ignored when the candidate negates it or reports someone else's view: "
        "no need to write patterns for 'I would never…' or 'my old boss used to say…'. "
        "Negations written inside the pattern itself, like `not my job`, are part of the "
        "phrase.",
        (
            Example("appreciate", "I don't do this job to be appreciated.", False),
            Example(
                "not my job",
                "My old manager used to say it's not my job, and I disagreed.",
                False,
            ),
        ),
    ),
    Section(
        "Test before you publish",
        "Give every rule examples it must flag and counter-examples it must not: a rule "
        "whose own examples fail cannot be published. The rule tester shows which rule "
        "fires on any answer, with the words that triggered it.",
    ),
)


def example_fires(example: Example) -> bool:
    """Whether the pattern fires on the answer, screened with patterns only."""
    spec = RuleSpec(code="guide", label="Guide", why="", patterns=(example.pattern,))
    return bool(Screener([spec], model=None).screen(example.answer))


def as_markdown() -> str:
    lines = [f"# {TITLE}", "", INTRO, ""]
    for section in SECTIONS:
        lines += [f"## {section.title}", "", section.text, ""]
        if section.examples:
            lines += ["| pattern | answer | fires? |", "| --- | --- | --- |"]
            lines += [
                f"| `{_cell(e.pattern)}` | {_cell(e.answer)} | {'yes' if e.fires else 'no'} |"
                for e in section.examples
            ]
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    # A bar would end the Markdown table cell.
    return text.replace("|", "\\|")
