"""The report pages and downloads, as Maya the hiring manager uses them."""

import io
from types import SimpleNamespace

import pytest
from django.urls import reverse
from pypdf import PdfReader

from hiring.reports import pdf, tasks

from .conftest import DISMISSED_PHRASE, FLAGGED_PHRASE

pytestmark = pytest.mark.django_db


def test_it_shows_the_candidate_report(as_maya, ana, published):
    page = as_maya.get(reverse("reports:candidate", args=[ana.pk])).content.decode()
    assert "Ana Alvarez" in page and "Support agent" in page
    assert "{#" not in page and "{%" not in page  # no template syntax leaks
    assert published.label in page
    assert "Ravi" in page and "Rosa" in page
    assert "Pending (draft): not counted" in page and "Rhea" in page
    assert ">3.50<" in page  # overall
    assert "weighted mean" in page
    assert "3.0 discuss" in page and "Discuss these before deciding" in page
    assert f'<mark class="evidence">{FLAGGED_PHRASE}</mark>' in page
    assert f'<mark class="evidence">{DISMISSED_PHRASE}</mark>' in page
    assert "Dismissed by Maya" in page and "the answer is about the fix" in page
    assert "not a verdict" in page
    assert '<img class="profile-chart" src="data:image/svg+xml;base64,' in page  # no script
    assert "Told the parking-fine story with warmth." in page
    assert reverse("reports:candidate_pdf", args=[ana.pk]) in page
    assert reverse("reports:compare", args=[ana.role.slug]) in page


def test_it_offers_recruiters_no_comparison_link(as_ravi, ana):
    page = as_ravi.get(reverse("reports:candidate", args=[ana.pk])).content.decode()
    assert reverse("reports:compare", args=[ana.role.slug]) not in page


def test_it_downloads_the_candidate_pdf_with_a_sensible_name(as_maya, ana):
    response = as_maya.get(reverse("reports:candidate_pdf", args=[ana.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="report-ana-alvarez-support-agent.pdf"' in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert "Ana Alvarez" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_it_serves_a_second_download_from_the_cache(as_maya, ana, monkeypatch):
    first = as_maya.get(reverse("reports:candidate_pdf", args=[ana.pk])).content
    monkeypatch.setattr(pdf, "render_pdf", lambda *a, **k: pytest.fail("rendered again"))
    assert as_maya.get(reverse("reports:candidate_pdf", args=[ana.pk])).content == first


def test_it_shows_the_comparison(as_maya, panel, role):
    page = as_maya.get(reverse("reports:compare", args=[role.slug])).content.decode()
    for candidate in panel:
        assert candidate.name in page
    assert "Not yet assessed" in page
    assert page.index("Ana Alvarez") < page.index("Ben Brook")
    assert "mini-profile" in page
    assert reverse("reports:compare_pdf", args=[role.slug]) in page


def test_it_sorts_filters_and_subsets_the_comparison(as_maya, panel, role, published):
    ben = panel[1]
    url = reverse("reports:compare", args=[role.slug])
    dimension = published.dimensions.order_by("position")[1]
    page = as_maya.get(url, {"sort": dimension.key}).content.decode()
    assert f"sorted by {dimension.title}" in page
    page = as_maya.get(url).content.decode()
    assert "Hide candidates" not in page and "Ana Alvarez" in page
    page = as_maya.get(url, {"candidates": [ben.pk]}).content.decode()
    assert "1 candidate ·" in page
    assert f"?candidates={ben.pk}" in page  # the PDF link keeps the choice


def test_it_shows_every_candidate_when_options_are_invalid(as_maya, panel, role):
    response = as_maya.get(reverse("reports:compare", args=[role.slug]), {"sort": "bogus"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "could not be used" in page and "Ben Brook" in page


def test_it_refuses_a_pdf_for_invalid_options(as_maya, panel, role):
    response = as_maya.get(reverse("reports:compare_pdf", args=[role.slug]), {"sort": "bogus"})
    assert response.status_code == 400


def test_it_downloads_the_comparison_pdf(as_maya, panel, role):
    response = as_maya.get(reverse("reports:compare_pdf", args=[role.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="comparison-support-agent.pdf"' in response["Content-Disposition"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert all(c.name in text for c in panel)


def test_it_prepares_a_large_comparison_in_the_background(as_maya, panel, role, settings):
    settings.REPORT_SYNC_CANDIDATES = 2
    url = reverse("reports:compare_pdf", args=[role.slug])
    response = as_maya.get(url)
    progress = reverse("reports:compare_job", args=[role.slug])
    assert response.status_code == 302 and response["Location"].startswith(progress)
    offer = as_maya.get(response["Location"]).content.decode()
    assert "Prepare the PDF" in offer
    started = as_maya.post(progress)
    assert started.status_code == 302 and started["Location"] == progress
    page = as_maya.get(progress).content.decode()
    assert "Your PDF is ready" in page and url in page
    download = as_maya.get(url)
    assert download["Content-Type"] == "application/pdf"
    assert "Cy Chen" in " ".join(
        p.extract_text() for p in PdfReader(io.BytesIO(download.content)).pages
    )


@pytest.fixture
def no_worker(monkeypatch) -> list[tuple]:
    """No worker in these tests: a queued job stays queued, and we see what was queued."""
    queued: list[tuple] = []
    monkeypatch.setattr(
        tasks, "render_comparison", SimpleNamespace(enqueue=lambda *args: queued.append(args))
    )
    return queued


def test_it_never_queues_a_job_on_a_get(as_maya, panel, role, settings, no_worker):
    settings.REPORT_SYNC_CANDIDATES = 2
    for _ in range(5):
        as_maya.get(reverse("reports:compare_pdf", args=[role.slug]))
        as_maya.get(reverse("reports:compare_job", args=[role.slug]))
        as_maya.get(reverse("reports:compare_job", args=[role.slug]) + "?sort=overall")
    assert no_worker == []


def test_it_queues_one_job_per_role_and_fingerprint(as_maya, panel, role, settings, no_worker):
    settings.REPORT_SYNC_CANDIDATES = 2
    progress = reverse("reports:compare_job", args=[role.slug])
    for _ in range(3):
        as_maya.post(progress)
    assert len(no_worker) == 1
    ana = panel[0]
    as_maya.post(progress + f"?candidates={ana.pk}")  # other options, another PDF
    assert len(no_worker) == 2


def test_it_shows_progress_of_the_running_job(as_maya, panel, role, settings, no_worker):
    settings.REPORT_SYNC_CANDIDATES = 2
    progress = reverse("reports:compare_job", args=[role.slug])
    as_maya.post(progress)
    page = as_maya.get(progress).content.decode()
    assert "<progress" in page and 'http-equiv="refresh"' in page
    assert "Waiting for the worker" in page
    # Someone else asking for the same PDF picks up the same job.
    assert len(no_worker) == 1


def test_it_refuses_outsiders_a_job(as_otto, as_ravi, panel, role, settings, no_worker):
    settings.REPORT_SYNC_CANDIDATES = 2
    progress = reverse("reports:compare_job", args=[role.slug])
    assert as_otto.post(progress).status_code == 403
    assert as_ravi.post(progress).status_code == 403
    assert no_worker == []


def test_it_reports_a_failed_background_render(as_maya, panel, role, settings, monkeypatch):
    settings.REPORT_SYNC_CANDIDATES = 2

    def boom(*args, **kwargs):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr(pdf, "comparison_pdf_bytes", boom)
    progress = reverse("reports:compare_job", args=[role.slug])
    response = as_maya.post(progress)
    page = as_maya.get(response["Location"]).content.decode()
    assert "could not be made" in page and 'http-equiv="refresh"' not in page
