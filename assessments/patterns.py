"""Warning-rule patterns in plain words, for HR's pages.

The screener (assessments/screening.py) owns the pattern language and checks patterns
with `pattern_problem`; this module only reads a valid pattern back as a phrase HR can
follow: ``(thank*|praise) ~ [really] appreciate`` becomes "thank… or praise, then up to 3
other words, then (optionally really), then appreciate".
"""

from __future__ import annotations

import re

from assessments.screening import pattern_problem

_TOKEN = re.compile(r"~\d*|[()\[\]|!]|[^\s()\[\]|!~]+")
DEFAULT_GAP = 3


def readable(pattern: str) -> str:
    """Describe a pattern in words; an invalid one is returned with the screener's complaint."""
    problem = pattern_problem(pattern)
    if problem:
        return f"{pattern} (not valid: {problem})"
    tokens = _TOKEN.findall(pattern.strip())
    phrase, _ = _sequence(tokens, 0)
    return phrase


def _sequence(tokens: list[str], i: int) -> tuple[str, int]:
    """One run of the pattern: words side by side form a quoted phrase, groups and gaps are
    steps of their own, joined by "then"."""
    steps: list[str] = []
    words: list[str] = []
    while i < len(tokens) and tokens[i] not in (")", "]", "|"):
        if _is_plain(tokens[i]):
            words.append(_word(tokens[i]))
            i += 1
            continue
        if words:
            steps.append(f"“{' '.join(words)}”")
            words = []
        step, i = _step(tokens, i)
        steps.append(step)
    if words:
        steps.append(f"“{' '.join(words)}”")
    return ", then ".join(steps), i


def _is_plain(tok: str) -> bool:
    return not (tok.startswith(("~", "=")) or tok in ("(", "[", "!"))


def _step(tokens: list[str], i: int) -> tuple[str, int]:
    tok = tokens[i]
    if tok.startswith("~"):
        size = int(tok[1:]) if len(tok) > 1 else DEFAULT_GAP
        return f"up to {size} other word{'s' if size != 1 else ''}", i + 1
    if tok.startswith("="):
        return f"exactly “{tok[1:]}”", i + 1
    if tok in ("(", "["):
        options, i = _alternatives(tokens, i + 1)
        choice = _or(options)
        return (f"optionally {choice}" if tok == "[" else choice), i
    # "!": a zero-width check on the next word
    if tokens[i + 1] == "(":
        options, i = _alternatives(tokens, i + 2)
        return f"(next word not {_or(options)})", i
    return f"(next word not “{_word(tokens[i + 1])}”)", i + 2


MAX_SHOWN = 5


def _or(options: list[str]) -> str:
    # A choice that is itself several steps is bracketed so its "then"s stay inside it;
    # a long list of choices shows the first few and how many more.
    options = [f"({o})" if ", then " in o else o for o in options]
    if len(options) == 1:
        return options[0]
    if len(options) > MAX_SHOWN + 1:
        return ", ".join(options[:MAX_SHOWN]) + f" or {len(options) - MAX_SHOWN} more"
    return ", ".join(options[:-1]) + " or " + options[-1]


def _alternatives(tokens: list[str], i: int) -> tuple[list[str], int]:
    options: list[str] = []
    while True:
        option, i = _sequence(tokens, i)
        options.append(option)
        if tokens[i] != "|":
            return options, i + 1  # past the closing bracket
        i += 1


def _word(tok: str) -> str:
    # A trailing * is a prefix: any word starting with it.
    return f"{tok[:-1]}…" if tok.endswith("*") else tok.lstrip("=")
