"""Demo accounts, a demo role with candidates in every state, and bulk panels for benchmarks."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from assessments.bankfile import read_default_bank
from assessments.models import BankVersion, Question
from assessments.services import load_bank
from hiring.accounts.roles import HIRING_MANAGER, HR, RECRUITER
from hiring.interviews import demo_answers, plans, services
from hiring.interviews.kit import rule_ids, screen, sync_flags
from hiring.interviews.models import Candidate, Flag, Interview, Response, Role

DEMO_PASSWORD = "demo"
DEMO_USERS = [
    ("hr", "Hana", "Reyes", HR),
    ("recruiter", "Ravi", "Cole", RECRUITER),
    ("recruiter2", "Rosa", "Lind", RECRUITER),
    ("manager", "Maya", "Okafor", HIRING_MANAGER),
]
DEMO_ROLE = "Customer service advisor"
SEATS = ["recruiter", "recruiter2", "manager"]  # Phone screen, Panel A, Panel B
BENCH_ROLE = "Contact centre agent (benchmark)"

# (answer, score): a fixed pool for the benchmark panels only; the demo role's candidates
# answer from hiring.interviews.demo_answers, written per question.
ANSWERS: list[tuple[str, int]] = [
    (
        "A customer rang three times about a refund that finance had stuck in a queue. I took "
        "ownership, called finance myself, got a date and rang her back before she had to chase.",
        5,
    ),
    (
        "We had a man whose internet kept dropping while he worked from home. I walked him "
        "through the router checks, booked an engineer and stayed on the line.",
        4,
    ),
    (
        "Honestly I like being appreciated, so when customers say thank you it makes my day.",
        3,
    ),
    (
        "I listened to what she needed, explained the policy and offered the options we had.",
        3,
    ),
    ("If I'm honest I would just follow the script, the script is there for a reason.", 2),
]


def create_users() -> dict[str, User]:
    users = {}
    for username, first, last, group in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=group))
        users[username] = user
    return users


def default_version() -> BankVersion:
    """The latest published version; loads and publishes the shipped bank if there is none."""
    version = BankVersion.objects.latest_published()
    if version is None:
        version = load_bank(read_default_bank()).version
    return version


def _role(title: str, version: BankVersion, users: dict[str, User]) -> tuple[Role, bool]:
    return Role.objects.get_or_create(
        title=title,
        defaults={
            "bank_version": version,
            "hiring_manager": users["manager"],
            "created_by": users["hr"],
        },
    )


NOTES = [
    "Specific example; named what they did first.",
    "Needed the probe to get to the outcome.",
    "",
    "Warm tone throughout.",
    "",
    "Vague on what happened afterwards.",
]


def _answer(interview: Interview, fraction: float, level: int, used: set[str]) -> None:
    """Answer the first `fraction` of an interview's questions at a candidate's level.

    Every answer is written for its question and said once in the whole demo: if this
    level's answer was already given by someone else, the next unused one is taken, and a
    question with none left is marked not asked.
    """
    responses = list(
        interview.responses.select_related("question__dimension").order_by(
            "question__dimension__position", "question__position"
        )
    )
    for i, response in enumerate(responses[: round(len(responses) * fraction)]):
        key, position = response.question.dimension.key, response.question.position
        options = demo_answers.ANSWERS[key][position]
        warning = next(
            (w for w in demo_answers.WARNINGS if level == 2 and w[:2] == (key, position)), None
        )
        picks = [(warning[2], warning[3])] if warning else []
        picks += [options[(level + k) % len(options)] for k in range(len(options))]
        choice = next((p for p in picks if p[0] not in used), None)
        response.interview = interview
        if choice is None:
            response.not_asked = True
        else:
            used.add(choice[0])
            response.answer, response.score = choice
            response.notes = NOTES[(i + level) % len(NOTES)]
        response.revision = 1
        response.save(update_fields=["answer", "notes", "score", "not_asked", "revision"])
        sync_flags(response, interview.bank_version)


RECOMMENDATIONS = [(4.5, "strong_yes"), (3.5, "yes"), (2.5, "no"), (0.0, "strong_no")]
TAKEAWAYS = [
    "Owns problems end to end and calls customers back before they chase.",
    "Warm and clear; a little scripted when pushed off the usual path.",
    "Kind with customers but waits to be told; would need coaching on ownership.",
    "Follows the process over the person; little sign of taking the customer's side.",
]


def _submit(interview: Interview, level: int) -> None:
    scores = [s for s in interview.responses.values_list("score", flat=True) if s is not None]
    mean = sum(scores) / len(scores) if scores else 0
    verdict = {
        "recommendation": next(code for floor, code in RECOMMENDATIONS if mean >= floor),
        "takeaways": TAKEAWAYS[level],
        "panel_note": "Worth probing how they handle a refund refused by policy."
        if level == 1
        else "",
    }
    missing = services.submit_interview(interview, verdict)
    assert not missing, "demo interviews are filled completely before submitting"


def _demo_weights(role: Role) -> None:
    chosen = set(demo_answers.DEMO_DIMENSIONS)
    services.set_weights(
        role,
        {d.pk: Decimal(1 if d.key in chosen else 0) for d in role.bank_version.dimensions.all()},
    )


@transaction.atomic
def create_demo(users: dict[str, User]) -> Role | None:
    """The demo role, its three-interview plan, and candidates in every state.

    Does nothing if the role already exists.
    """
    role, created = _role(DEMO_ROLE, default_version(), users)
    if not created:
        return None
    _demo_weights(role)
    plan = plans.build_default_plan(role)
    seats = dict(zip(plan.ordered_interviews(), [users[u] for u in SEATS], strict=False))
    rec, rec2 = users["recruiter"], users["recruiter2"]
    # (name, [(interviewer, fraction answered, submitted, answer level 0 best .. 3)])
    people = [
        ("Amara Osei", []),
        ("Ben Fischer", [(rec, 0.5, False, 3)]),
        ("Chloé Martin", [(rec, 1.0, True, 0)]),
        ("Dev Patel", [(rec, 1.0, True, 1), (rec2, 1.0, True, 0)]),
        ("Elena Petrova", [(rec, 1.0, True, 2), (rec2, 0.3, False, 2)]),
        ("Farid Haddad", []),
    ]
    used: set[str] = set()
    for name, panel in people:
        email = name.lower().replace(" ", ".").replace("é", "e") + "@example.com"
        candidate = Candidate.objects.create(role=role, name=name, email=email, created_by=rec)
        plans.assign_panel(candidate, seats, by=users["manager"])
        for who, fraction, submit, level in panel:
            interview = services.start_interview(candidate, who)
            _answer(interview, fraction, level, used)
            if submit:
                _submit(interview, level)
    return role


def create_bench(count: int, users: dict[str, User], *, batch: int = 250) -> int:
    """Make sure the benchmark role has `count` candidates, each with a two-person panel
    submitted. Bulk inserts: the answers come from a fixed pool, screened once each."""
    version = default_version()
    role, _ = _role(BENCH_ROLE, version, users)
    have = role.candidates.count()
    questions = list(
        Question.objects.filter(dimension__version=version).order_by(
            "dimension__position", "position", "pk"
        )
    )
    ids = rule_ids(version)
    pool = [(text, score, screen(version, text)) for text, score in ANSWERS]
    panel = [users["recruiter"], users["recruiter2"]]
    made = 0
    while have + made < count:
        size = min(batch, count - have - made)
        _bench_batch(role, version, questions, ids, pool, panel, have + made, size)
        made += size
    return made


@transaction.atomic
def _bench_batch(
    role: Role,
    version: BankVersion,
    questions: Sequence[Question],
    ids: dict[str, int],
    pool: Sequence[tuple[str, int, Sequence[Any]]],
    panel: Sequence[User],
    offset: int,
    size: int,
) -> None:
    now = timezone.now()
    candidates = Candidate.objects.bulk_create(
        Candidate(
            role=role,
            name=f"Bench candidate {offset + i + 1:05d}",
            email=f"bench{offset + i + 1}@example.com",
            created_at=now,
        )
        for i in range(size)
    )
    interviews = Interview.objects.bulk_create(
        Interview(
            candidate=c,
            interviewer=who,
            bank_version=version,
            started_at=now,
            status=Interview.Status.SUBMITTED,
            submitted_at=now,
        )
        for c in candidates
        for who in panel
    )
    responses: list[Response] = []
    hits: list[tuple[int, Sequence[Any]]] = []
    for interview in interviews:
        for j, question in enumerate(questions):
            pick = (interview.candidate.pk * 7 + interview.interviewer_id * 3 + j) % len(pool)
            text, score, found = pool[pick]
            responses.append(
                Response(
                    interview=interview, question=question, answer=text, score=score, revision=1
                )
            )
            if found:
                hits.append((len(responses) - 1, found))
    # bulk_create skips Response.save(), which would refuse a submitted interview.
    Response.objects.bulk_create(responses, batch_size=2000)
    Flag.objects.bulk_create(
        (
            Flag(
                response=responses[i],
                rule_id=ids[f.rule],
                evidence=f.evidence,
                start=f.start,
                end=f.end,
                pattern=f.pattern[:300],
                stage=f.stage,
                created_at=now,
            )
            for i, found in hits
            for f in found
            if f.rule in ids
        ),
        batch_size=2000,
    )
