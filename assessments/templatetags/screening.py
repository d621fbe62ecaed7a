"""Show an answer with the words that triggered flags marked, escaping everything else."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _span(flag: Any) -> tuple[int, int]:
    if isinstance(flag, dict):
        return flag["start"], flag["end"]
    return flag.start, flag.end


@register.simple_tag
def highlight(text: str, flags: Iterable[Any]) -> SafeString:
    spans = sorted(_span(f) for f in flags)
    out: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:  # overlapping evidence: extend the mark already open
            start = pos
        if end <= start:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="evidence">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))
