"""The interview kit: start, autosave with conflicts, live and stored flags, submit and lock."""

from __future__ import annotations

import pytest
from django.urls import reverse

from hiring.interviews.models import Flag, Interview, Response

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def first(interview: Interview) -> Response:
    return interview.responses.order_by(
        "question__dimension__position", "question__position"
    ).first()


def save(client, response: Response, revision: int | None = None, htmx: bool = True, **values):
    data = {
        "answer": "",
        "notes": "",
        "choice": "",
        "revision": response.revision if revision is None else revision,
        **values,
    }
    return client.post(
        reverse("interviews:save_response", args=[response.pk]), data, **(HTMX if htmx else {})
    )


def test_it_starts_an_interview_pinned_to_the_roles_bank_version(as_ravi, cleo, ravi):
    response = as_ravi.post(reverse("interviews:start_interview", args=[cleo.pk]))
    interview = Interview.objects.get(candidate=cleo, interviewer=ravi)
    assert response.status_code == 302 and response["Location"] == interview.get_absolute_url()
    assert interview.bank_version == cleo.role.bank_version and interview.status == "draft"
    assert interview.responses.count() == 3


def test_it_returns_the_same_interview_when_started_twice(as_ravi, ravis):
    as_ravi.post(reverse("interviews:start_interview", args=[ravis.candidate.pk]))
    assert Interview.objects.count() == 1


def test_it_asks_only_the_dimensions_the_role_assesses(as_rosa, cleo, role):
    from hiring.interviews import services

    empathy, belief = role.bank_version.dimensions.order_by("position")
    services.set_weights(role, {empathy.pk: 1, belief.pk: 0})
    as_rosa.post(reverse("interviews:start_interview", args=[cleo.pk]))
    assert Response.objects.filter(interview__interviewer__username="rosa").count() == 2


def test_it_lets_the_roles_hiring_manager_but_not_hr_interview(as_maya, as_hana, cleo):
    assert as_maya.post(reverse("interviews:start_interview", args=[cleo.pk])).status_code == 302
    assert as_hana.post(reverse("interviews:start_interview", args=[cleo.pk])).status_code == 403


def test_it_shows_the_kit_with_prompts_probes_cues_anchors_and_score_inputs(as_ravi, ravis):
    page = as_ravi.get(ravis.get_absolute_url()).content.decode()
    assert "Tell me about an upset customer you helped." in page
    assert "What did you say first?" in page and "Names the feeling" in page
    assert "Empathy example at level 5" in page and "Would comfort at level 5" in page
    assert 'value="na"' in page
    assert page.index("Empathy") < page.index("Service is the job")  # the bank's order
    assert "0 of 3" in page and 'aria-live="polite"' in page and 'href="#dim-' in page


def test_it_shows_the_saved_score_checked_once_its_rubric_is_cached(as_ravi, ravis):
    response = first(ravis)
    score = f'id="r{response.pk}-s4" checked'
    assert score not in as_ravi.get(ravis.get_absolute_url()).content.decode()  # now cached
    save(as_ravi, response, choice="4")
    page = as_ravi.get(ravis.get_absolute_url()).content.decode()
    assert score in page and page.count(" checked") == 1
    assert "Tell me about an upset customer you helped." in page  # the rubric, from the cache


def test_it_re_shows_a_refused_save_with_the_score_as_posted_without_javascript(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, choice="2")
    too_long = "x" * 20_001
    reply = save(as_ravi, response, htmx=False, answer=too_long, choice="5")
    page = reply.content.decode()
    assert reply.status_code == 400
    assert (
        f'id="r{response.pk}-s5" checked' in page and f'id="r{response.pk}-s2" checked' not in page
    )


def test_it_autosaves_an_answer_and_bumps_the_revision(as_ravi, ravis):
    response = first(ravis)
    reply = save(as_ravi, response, answer="I stayed calm.", notes="Specific.", choice="4")
    response.refresh_from_db()
    assert reply.status_code == 200 and "Saved" in reply.content.decode()
    assert (response.answer, response.notes, response.score, response.revision) == (
        "I stayed calm.",
        "Specific.",
        4,
        1,
    )
    assert 'name="revision" value="1"' in reply.content.decode()
    assert "1 of 3" in reply.content.decode()  # progress, swapped out of band


def test_it_records_not_asked(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, choice="na")
    response.refresh_from_db()
    assert response.not_asked and response.score is None and response.is_complete


def test_it_refuses_a_stale_save_and_keeps_the_newer_text(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, revision=0, answer="Newer text from tab two.")
    reply = save(as_ravi, response, revision=0, answer="Older text from tab one.")
    page = reply.content.decode()
    response.refresh_from_db()
    assert reply.status_code == 409
    assert response.answer == "Newer text from tab two." and response.revision == 1
    assert "Conflict" in page and "Newer text from tab two." in page
    assert "Older text from tab one." in page  # the user's text is shown, not lost
    assert reply["HX-Retarget"] == f"#q-{response.pk}"


def test_it_refuses_a_stale_save_without_javascript_too(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, revision=0, answer="Newer")
    reply = save(as_ravi, response, revision=0, htmx=False, answer="Older")
    assert reply.status_code == 409 and "Conflict" in reply.content.decode()
    response.refresh_from_db()
    assert response.answer == "Newer"


def test_it_does_not_call_saving_the_same_text_twice_a_conflict(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, revision=0, answer="Same")
    assert save(as_ravi, response, revision=0, answer="Same").status_code == 200


def test_it_saves_without_javascript_and_redirects_to_the_question(as_ravi, ravis):
    response = first(ravis)
    reply = save(as_ravi, response, htmx=False, answer="Plain POST", choice="3")
    assert reply.status_code == 302 and reply["Location"].endswith(f"#q-{response.pk}")
    response.refresh_from_db()
    assert response.score == 3


def test_it_rejects_a_score_outside_one_to_five(as_ravi, ravis):
    response = first(ravis)
    assert save(as_ravi, response, choice="7").status_code == 422
    assert save(as_ravi, response, htmx=False, choice="0").status_code == 400
    response.refresh_from_db()
    assert response.score is None and response.revision == 0


def test_it_screens_the_answer_live_with_the_phrase_label_why_and_source(as_ravi, ravis):
    reply = as_ravi.post(
        reverse("interviews:screen", args=[first(ravis).pk]),
        {"answer": "Honestly I like being appreciated."},
        **HTMX,
    )
    page = reply.content.decode()
    assert reply.status_code == 200
    assert '<mark class="evidence">like being appreciated</mark>' in page
    assert "Motivated by being appreciated" in page and "burn out" in page
    assert "Hire for beliefs" in page
    assert not Flag.objects.exists()  # screening alone stores nothing


def test_it_screens_nothing_on_a_harmless_answer(as_ravi, ravis):
    reply = as_ravi.post(
        reverse("interviews:screen", args=[first(ravis).pk]),
        {"answer": "I do not need to be appreciated."},
    )
    assert reply.status_code == 200 and "evidence" not in reply.content.decode()


def test_it_stores_flags_when_an_answer_is_saved_even_without_javascript(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, htmx=False, answer="I like being appreciated by customers.")
    flag = Flag.objects.get()
    assert flag.response == response and flag.rule.code == "seeks-appreciation"
    assert flag.rule.version == ravis.bank_version
    assert flag.evidence == "like being appreciated" and (flag.start, flag.end) == (2, 24)


def test_it_removes_an_open_flag_when_its_phrase_is_edited_away(as_ravi, ravis):
    response = first(ravis)
    save(as_ravi, response, answer="I like being appreciated.")
    save(as_ravi, response, revision=1, answer="I like solving problems.")
    assert not Flag.objects.exists()


def test_it_dismisses_a_flag_only_with_a_reason_and_keeps_it(as_ravi, ravis, ravi):
    response = first(ravis)
    save(as_ravi, response, answer="I like being appreciated.")
    flag = Flag.objects.get()
    url = reverse("interviews:dismiss_flag", args=[flag.pk])
    refused = as_ravi.post(url, {f"flag{flag.pk}-reason": "  "}, **HTMX)
    assert refused.status_code == 422 and "Write why" in refused.content.decode()
    flag.refresh_from_db()
    assert not flag.is_dismissed
    reply = as_ravi.post(
        url, {f"flag{flag.pk}-reason": "Said about team praise, not a need."}, **HTMX
    )
    flag.refresh_from_db()
    assert reply.status_code == 200 and "dismissed" in reply.content.decode()
    assert (
        flag.dismissed_by == ravi and flag.dismiss_reason == "Said about team praise, not a need."
    )
    save(as_ravi, response, revision=1, answer="I like solving problems.")
    assert Flag.objects.get().is_dismissed  # a dismissal is a record, never deleted


VERDICT = {"recommendation": "yes", "takeaways": "Owns problems.", "panel_note": "Probe trust."}


def test_it_refuses_to_submit_until_every_question_is_scored_or_not_asked(as_ravi, ravis):
    save(as_ravi, first(ravis), choice="4")
    reply = as_ravi.post(reverse("interviews:submit", args=[ravis.pk]), VERDICT)
    assert reply.status_code == 400 and "2 questions still need" in reply.content.decode()
    ravis.refresh_from_db()
    assert ravis.status == "draft"


def test_it_refuses_to_submit_without_a_recommendation(as_ravi, ravis, fill):
    fill(ravis)
    reply = as_ravi.post(reverse("interviews:submit", args=[ravis.pk]), {"takeaways": "Kind."})
    ravis.refresh_from_db()
    assert reply.status_code == 400 and ravis.status == "draft"
    page = reply.content.decode()
    assert "Choose a recommendation before submitting." in page and "Kind." in page


def test_it_counts_scored_and_not_asked_questions_apart(as_ravi, ravis):
    save(as_ravi, first(ravis), choice="na")
    page = as_ravi.get(ravis.get_absolute_url()).content.decode()
    assert "0 of 3" in page and "1 not asked" in page and "2 to go" in page


def test_it_skips_straight_to_the_first_question(as_ravi, ravis):
    page = as_ravi.get(ravis.get_absolute_url()).content.decode()
    assert f'href="#q-{first(ravis).pk}">Skip to the first question' in page


def test_it_submits_and_locks_the_interview_with_the_verdict(as_ravi, ravis, fill):
    fill(ravis)
    reply = as_ravi.post(reverse("interviews:submit", args=[ravis.pk]), VERDICT)
    ravis.refresh_from_db()
    assert reply.status_code == 302 and ravis.status == "submitted" and ravis.submitted_at
    assert (ravis.recommendation, ravis.takeaways, ravis.panel_note) == (
        "yes",
        "Owns problems.",
        "Probe trust.",
    )
    page = as_ravi.get(ravis.get_absolute_url()).content.decode()
    assert (
        "Submitted and locked" in page
        and "<textarea" not in page
        and "Submit interview" not in page
    )


def test_it_refuses_every_forged_write_to_a_submitted_interview(as_ravi, ravis, submit):
    submit(ravis)
    response = first(ravis)
    before = (response.answer, response.score, response.revision)
    assert save(as_ravi, response, revision=1, answer="Changed", choice="1").status_code == 409
    assert save(as_ravi, response, revision=1, htmx=False, answer="Changed").status_code == 409
    assert (
        as_ravi.post(reverse("interviews:screen", args=[response.pk]), {"answer": "x"}).status_code
        == 409
    )
    assert as_ravi.post(reverse("interviews:submit", args=[ravis.pk])).status_code == 409
    response.refresh_from_db()
    assert (response.answer, response.score, response.revision) == before


def test_it_refuses_to_dismiss_a_flag_after_submitting(as_ravi, ravis, submit):
    response = first(ravis)
    save(as_ravi, response, answer="I like being appreciated.")
    submit(ravis, answer="I like being appreciated.")
    flag = Flag.objects.get()
    reply = as_ravi.post(
        reverse("interviews:dismiss_flag", args=[flag.pk]), {f"flag{flag.pk}-reason": "x"}
    )
    flag.refresh_from_db()
    assert reply.status_code == 409 and not flag.is_dismissed


def test_it_refuses_wrong_methods_on_kit_views(as_ravi, ravis, cleo):
    response = first(ravis)
    assert as_ravi.get(reverse("interviews:start_interview", args=[cleo.pk])).status_code == 405
    assert as_ravi.post(reverse("interviews:interview", args=[ravis.pk])).status_code == 405
    assert as_ravi.get(reverse("interviews:save_response", args=[response.pk])).status_code == 405
    assert as_ravi.get(reverse("interviews:screen", args=[response.pk])).status_code == 405
    assert as_ravi.get(reverse("interviews:submit", args=[ravis.pk])).status_code == 405
    save(as_ravi, response, answer="I like being appreciated.")
    assert (
        as_ravi.get(reverse("interviews:dismiss_flag", args=[Flag.objects.get().pk])).status_code
        == 405
    )


def test_it_forbids_outsiders_and_hides_the_interview_from_other_interviewers(
    as_otto, as_rosa, as_ravi, ravis
):
    response = first(ravis)
    save(as_ravi, response, answer="I like being appreciated.")
    flag = Flag.objects.get()
    posts = [
        (reverse("interviews:start_interview", args=[ravis.candidate.pk]), {}),
        (
            reverse("interviews:save_response", args=[response.pk]),
            {"revision": 1, "answer": "hacked"},
        ),
        (reverse("interviews:screen", args=[response.pk]), {"answer": "x"}),
        (reverse("interviews:dismiss_flag", args=[flag.pk]), {f"flag{flag.pk}-reason": "x"}),
        (reverse("interviews:submit", args=[ravis.pk]), {}),
    ]
    assert as_otto.get(ravis.get_absolute_url()).status_code == 403
    for url, data in posts:
        assert as_otto.post(url, data).status_code == 403, url
    # Rosa, a recruiter, may not even learn that Ravi's draft exists.
    assert as_rosa.get(ravis.get_absolute_url()).status_code == 404
    for url, data in posts[1:]:
        assert as_rosa.post(url, data).status_code == 404, url
    response.refresh_from_db()
    assert response.answer == "I like being appreciated." and not Flag.objects.get().is_dismissed
    assert as_ravi.get(ravis.get_absolute_url()).status_code == 200


def test_it_lets_the_hiring_manager_read_but_not_change_a_submitted_interview(
    as_maya, ravis, submit
):
    submit(ravis)
    assert as_maya.get(ravis.get_absolute_url()).status_code == 200
    reply = save(as_maya, first(ravis), revision=1, answer="Managers cannot edit")
    assert reply.status_code == 403


@pytest.mark.parametrize("name", ["interviews:save_response", "interviews:screen"])
@pytest.mark.parametrize("prefix", ["/", "/hiring/"])
def test_the_kits_question_urls_are_the_ones_reverse_gives(name, prefix):
    from django.urls import set_script_prefix

    from hiring.interviews.kit import pk_url

    set_script_prefix(prefix)
    try:
        for pk in (1, 42, 9876543210, 12345678901):
            assert pk_url(name, pk) == reverse(name, args=[pk])
        assert pk_url(name, 7).startswith(prefix)
    finally:
        set_script_prefix("/")
