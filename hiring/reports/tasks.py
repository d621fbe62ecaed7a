"""Large comparisons are rendered in the background (django.tasks, django-tasks-db worker).

A request must not wait for a PDF that may take several seconds, so above
`sync_limit()` candidates the view enqueues `render_comparison` and shows a progress
page. Progress and the finished PDF both live in the "reports" cache (file-based, so
the worker process and the web process see the same entries), under the comparison's
fingerprint key: the job for an unchanged comparison is never queued twice, and the
finished PDF is exactly what the download view serves from the cache.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.http import QueryDict
from django.tasks import task

from hiring.interviews.models import Role
from hiring.reports import pdf
from hiring.reports.forms import ComparisonForm

# Measured by bench/report_bench.py on a 2-core machine: 20 candidates take about 1 s,
# 40 about 1.9 s, 80 about 4 s. Up to 30 the request waits (about 1.5 s); above, the
# worker renders. Override with REPORT_SYNC_CANDIDATES.
DEFAULT_SYNC_LIMIT = 30
JOB_TIMEOUT = 60 * 30
FAILED_TIMEOUT = 60  # a failed job may be retried after a minute

# WeasyPrint reports its steps on this logger; we turn them into progress.
STEPS = {
    "Step 1": (15, "Reading the report"),
    "Step 2": (20, "Reading the stylesheet"),
    "Step 3": (25, "Applying styles"),
    "Step 4": (35, "Building the layout"),
    "Step 5": (45, "Laying out pages"),
    "Step 6": (90, "Writing the PDF"),
}


def sync_limit() -> int:
    return int(getattr(settings, "REPORT_SYNC_CANDIDATES", DEFAULT_SYNC_LIMIT))


def job_key(pdf_key: str) -> str:
    return f"{pdf_key}:job"


def job_state(pdf_key: str) -> dict[str, Any] | None:
    state: dict[str, Any] | None = pdf.reports_cache().get(job_key(pdf_key))
    return state


def _set_state(pdf_key: str, status: str, percent: int, step: str) -> None:
    timeout = FAILED_TIMEOUT if status == "failed" else JOB_TIMEOUT
    pdf.reports_cache().set(
        job_key(pdf_key),
        {"status": status, "percent": percent, "step": step, "at": time.time()},
        timeout,
    )


def start(role_id: int, query: str, pdf_key: str) -> bool:
    """Queue the job unless one for the same key is already queued or running."""
    added: bool = pdf.reports_cache().add(
        job_key(pdf_key),
        {"status": "queued", "percent": 5, "step": "Waiting for the worker", "at": time.time()},
        JOB_TIMEOUT,
    )
    if added:
        render_comparison.enqueue(role_id, query, pdf_key)
    return added


class _Progress(logging.Handler):
    def __init__(self, pdf_key: str) -> None:
        super().__init__()
        self.pdf_key = pdf_key
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        for prefix, (percent, step) in STEPS.items():
            if message.startswith(prefix):
                if prefix == "Step 5":
                    # One message per page: write at most twice a second.
                    if time.monotonic() - self.last < 0.5:
                        return
                    step = message.split(" - ", 1)[-1]
                self.last = time.monotonic()
                _set_state(self.pdf_key, "running", percent, step)
                return


@task()
def render_comparison(role_id: int, query: str, pdf_key: str) -> str:
    """Render a comparison PDF into the reports cache; return its cache key."""
    from weasyprint import PROGRESS_LOGGER  # seconds to import: see pdf._fetcher

    _set_state(pdf_key, "running", 10, "Collecting scores")
    handler = _Progress(pdf_key)
    previous = PROGRESS_LOGGER.level, PROGRESS_LOGGER.propagate
    PROGRESS_LOGGER.addHandler(handler)
    PROGRESS_LOGGER.setLevel(logging.INFO)
    PROGRESS_LOGGER.propagate = False  # progress goes to the page, not the worker's log
    try:
        role = Role.objects.select_related("bank_version").get(pk=role_id)
        form = ComparisonForm(role, QueryDict(query))
        if not form.is_valid():
            raise ValueError(f"Invalid comparison options: {form.errors.as_text()}")
        data = pdf.comparison_pdf_bytes(role, form.options())
        pdf.reports_cache().set(pdf_key, data)
    except Exception:
        _set_state(pdf_key, "failed", 100, "The PDF could not be made")
        raise
    finally:
        PROGRESS_LOGGER.removeHandler(handler)
        PROGRESS_LOGGER.setLevel(previous[0])
        PROGRESS_LOGGER.propagate = previous[1]
    _set_state(pdf_key, "done", 100, "Ready")
    return pdf_key
