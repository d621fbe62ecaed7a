"""Templates never show their own syntax to users."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_no_template_has_a_comment_django_would_print() -> None:
    # Django's {# ... #} ends at the line end: a two-line one is shown on the page as text.
    leaking = [
        f"{path.relative_to(TEMPLATES)}: {m.group(0)[:40]!r}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for m in re.finditer(r"\{#.*?#\}", path.read_text(encoding="utf-8"), re.S)
        if "\n" in m.group(0)
    ]
    assert leaking == []
