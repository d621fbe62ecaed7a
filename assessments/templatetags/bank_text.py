"""Small text helpers for HR's bank pages."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from assessments.patterns import readable as readable_pattern
from assessments.rules import explain as explain_flag

if TYPE_CHECKING:
    from assessments.screening import Flag

register = template.Library()


@register.filter
def inline_code(text: str) -> SafeString:
    """Escape the text and show `backticked` parts as code, as the guide's source writes them."""
    return mark_safe(re.sub(r"`([^`]+)`", r"<code>\1</code>", escape(text)))


@register.filter
def readable(pattern: str) -> str:
    return readable_pattern(pattern)


@register.filter
def explain(flag: Flag) -> str:
    return explain_flag(flag)
