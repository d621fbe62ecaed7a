"""PDFs of reports: the same templates as the pages, rendered by WeasyPrint, cached.

Rendering never touches the network: the URL fetcher serves /static/ from disk (through
the staticfiles finders) and refuses everything else. A finished PDF is kept in the
"reports" cache under a fingerprint of everything it shows, so downloading an unchanged
report again is a cache read, and any new score, flag, dismissal, submitted interview,
weight, template or stylesheet change gives a fresh key and a fresh PDF.
"""

from __future__ import annotations

import gc
import hashlib
import sys
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import caches
from django.db.models import Count, Max, Sum
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from hiring.interviews import scoring
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role
from hiring.reports import charts
from hiring.reports.candidate import build_candidate_report
from hiring.reports.comparison import build_comparison

CANDIDATE_TEMPLATE = "reports/candidate_pdf.html"
COMPARISON_TEMPLATE = "reports/compare_pdf.html"
# Candidates per printed matrix: what fits across a landscape page at 7.5pt.
PDF_CHUNK = 8
# Files whose change must invalidate every cached PDF (stat'ed, not read, per request).
# The code is named by module, not by file name, so moving a file cannot silently stop
# invalidation: the import would fail instead.
_SOURCES = [
    Path(settings.BASE_DIR) / "static" / "css" / "print.css",
    *sorted((settings.BASE_DIR / "templates" / "reports").glob("*.html")),
    *(
        Path(str(module.__file__))
        for module in (
            sys.modules[build_candidate_report.__module__],
            sys.modules[build_comparison.__module__],
            charts,
            scoring,
        )
    ),
    Path(__file__),
]


def reports_cache() -> Any:
    return caches["reports"]


# ---------------------------------------------------------------- fingerprints


def _source_version() -> str:
    stats = []
    for path in _SOURCES:
        try:
            stat = path.stat()
            stats.append((path.name, stat.st_mtime_ns, stat.st_size))
        except OSError:
            stats.append((path.name, 0, 0))
    return repr(stats)


def _digest(parts: Iterable[Any]) -> str:
    return hashlib.sha256(repr(list(parts)).encode()).hexdigest()[:32]


def _activity(candidate_ids: Iterable[int]) -> list[Any]:
    """What the reports show of these candidates, summarised in three queries."""
    interviews = list(
        Interview.objects.filter(candidate__in=candidate_ids)
        .order_by("pk")
        .values_list("pk", "candidate_id", "status", "bank_version_id", "submitted_at")
    )
    submitted = [row[0] for row in interviews if row[2] == Interview.Status.SUBMITTED]
    answers = Response.objects.filter(interview__in=submitted).aggregate(
        n=Count("pk"), ids=Sum("pk"), last=Max("updated_at"), total=Sum("score")
    )
    flags = Flag.objects.filter(response__interview__in=submitted).aggregate(
        n=Count("pk"),
        ids=Sum("pk"),
        last=Max("created_at"),
        dismissed=Count("dismissed_at"),
        last_dismissed=Max("dismissed_at"),
    )
    return [interviews, sorted(answers.items()), sorted(flags.items())]


def _role_parts(role: Role) -> list[Any]:
    weights = list(
        role.role_dimensions.order_by("dimension_id").values_list("dimension_id", "weight")
    )
    return [role.pk, role.title, role.bank_version_id, weights, paper_size(), _source_version()]


def candidate_key(candidate: Candidate) -> str:
    parts = [candidate.pk, candidate.name, *_role_parts(candidate.role), *_activity([candidate.pk])]
    return f"report:candidate:{candidate.pk}:{_digest(parts)}"


def comparison_key(role: Role, candidates: list[Candidate] | None, options: str) -> str:
    chosen = candidates if candidates is not None else list(role.candidates.all())
    people = [(c.pk, c.name) for c in chosen]
    parts = [options, people, *_role_parts(role), *_activity([c.pk for c in chosen])]
    return f"report:compare:{role.pk}:{_digest(parts)}"


# ---------------------------------------------------------------- rendering


def paper_size() -> str:
    size = str(getattr(settings, "REPORT_PAPER_SIZE", "A4")).strip().lower()
    return "letter" if size == "letter" else "a4"


def _allowed_roots() -> list[Path]:
    roots = [Path(settings.BASE_DIR) / "static"]
    for entry in getattr(settings, "STATICFILES_DIRS", []):
        roots.append(Path(entry[1] if isinstance(entry, tuple) else entry))
    return [r.resolve() for r in roots]


@lru_cache(maxsize=1)
def _fetcher() -> Any:
    # WeasyPrint is imported where it is used, here and below: importing it costs seconds
    # (fonts, cairo, Pango), which every web process and command would otherwise pay at start.
    from weasyprint.urls import URLFetcher

    static_url = "/" + settings.STATIC_URL.strip("/") + "/"
    roots = _allowed_roots()

    # WeasyPrint ships no type hints, so its base class is Any to mypy.
    class LocalFetcher(URLFetcher):  # type: ignore[misc]
        """Serve static files and data: URLs from disk; refuse the network outright."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.scheme != "file":
                raise ValueError(f"Reports load nothing over the network: {url}")
            path = unquote(parts.path)
            if path.startswith(static_url):
                found = finders.find(path[len(static_url) :])
                if not found:
                    raise ValueError(f"No such static file: {path}")
                path = found if isinstance(found, str) else found[0]
            resolved = Path(path).resolve()
            if not any(resolved.is_relative_to(root) for root in roots):
                raise ValueError(f"Reports only load static files: {url}")
            return super().fetch(resolved.as_uri(), headers)

    return LocalFetcher(allowed_protocols=["file", "data"])


PRINT_CSS = Path(settings.BASE_DIR) / "static" / "css" / "print.css"


@lru_cache(maxsize=2)
def _print_css(stamp: int) -> Any:
    """print.css parsed once per version of the file. Parsing it on every render (as a
    <link> would) cost a fifth of a short report's time; WeasyPrint CSS objects are
    reusable across documents."""
    from weasyprint import CSS

    return CSS(filename=str(PRINT_CSS), url_fetcher=_fetcher())


def print_css() -> Any:
    return _print_css(PRINT_CSS.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _page_css(size: str, orientation: str) -> Any:
    """The paper size lives outside print.css so one stylesheet serves A4 and Letter.
    Parsed once per process: WeasyPrint stylesheet objects are reusable."""
    from weasyprint import CSS

    return CSS(string=f"@page {{ size: {size} {orientation}; }}")


_fonts = threading.local()


def font_config() -> Any:
    """This thread's WeasyPrint font configuration, made on its first PDF and kept.

    A fresh one per document (WeasyPrint's default) loads the fontconfig set and every
    font face again, and empties Pango's font and line-height caches: about a twentieth of
    a report's time. Kept per thread because a Pango font map is not safe to share
    between threads, and web processes serve requests on several (gunicorn --threads)."""
    config = getattr(_fonts, "config", None)
    if config is None:
        from weasyprint.text.fonts import FontConfiguration

        config = _fonts.config = FontConfiguration()
    return config


def render_pdf(
    template: str,
    context: dict[str, Any],
    *,
    landscape: bool = False,
    title: str = "",
) -> bytes:
    from weasyprint import HTML

    # WeasyPrint allocates hundreds of thousands of short-lived objects; letting the cyclic
    # collector run in the middle of that took ~10% of a render (bench/report_bench.py).
    # Paused from the template on, so the context's and the parser's objects do not start
    # a collection either. Reference counting still frees almost everything; cycles wait
    # for the next pass.
    collecting = gc.isenabled()
    gc.disable()
    try:
        html = render_to_string(template, context)
        base_url = Path(settings.BASE_DIR).resolve().as_uri() + "/"
        document = HTML(string=html, base_url=base_url, url_fetcher=_fetcher())
        orientation = "landscape" if landscape else "portrait"
        pdf: bytes = document.write_pdf(
            stylesheets=[print_css(), _page_css(paper_size(), orientation)],
            font_config=font_config(),
        )
        return pdf
    finally:
        if collecting:
            gc.enable()


def cached(key: str, build: Callable[[], bytes]) -> bytes:
    cache = reports_cache()
    data: bytes | None = cache.get(key)
    if data is None:
        data = build()
        cache.set(key, data)
    return data


def candidate_pdf(candidate: Candidate) -> bytes:
    return cached(candidate_key(candidate), lambda: candidate_pdf_bytes(candidate))


def candidate_pdf_bytes(candidate: Candidate) -> bytes:
    """Render (uncached) the candidate report PDF."""
    report = build_candidate_report(candidate)
    return render_pdf(CANDIDATE_TEMPLATE, {"report": report, "pdf": True})


def comparison_pdf_bytes(role: Role, options: dict[str, Any]) -> bytes:
    """Render (uncached) the comparison PDF for build_comparison's options."""
    comparison = build_comparison(role, chunk_size=PDF_CHUNK, **options)
    return render_pdf(COMPARISON_TEMPLATE, {"comparison": comparison, "pdf": True}, landscape=True)


# ---------------------------------------------------------------- file names


def candidate_filename(candidate: Candidate) -> str:
    name = slugify(candidate.name) or f"candidate-{candidate.pk}"
    return f"report-{name}-{candidate.role.slug}.pdf"


def comparison_filename(role: Role) -> str:
    return f"comparison-{role.slug}.pdf"


def standalone_html(template: str, context: dict[str, Any]) -> str:
    """The PDF's HTML with the stylesheet inlined, for saving as a self-contained file."""
    css = PRINT_CSS.read_text(encoding="utf-8")
    return render_to_string(template, {**context, "inline_css": mark_safe(css)})
