"""Demo accounts, a demo role with candidates in every state, and bulk panels for benchmarks."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from django.contrib.auth.models import Group, User
from django.db import transaction
from django.utils import timezone

from assessments.bankfile import read_default_bank
from assessments.models import BankVersion, Question
from assessments.services import load_bank
from hiring.accounts.roles import HIRING_MANAGER, HR, RECRUITER
from hiring.interviews import services
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
BENCH_ROLE = "Contact centre agent (benchmark)"

# (answer, score): what candidates really say, strong to weak. The third one trips the
# "wants appreciation" kind of warning rule; flags inform, they never reject anyone.
ANSWERS: list[tuple[str, int]] = [
    (
        "A customer rang three times about a refund that finance had stuck in a queue. I took "
        "ownership, called finance myself, got a date and rang her back before she had to chase. "
        "She said it was the first time anyone had called her back.",
        5,
    ),
    (
        "We had a man whose internet kept dropping while he worked from home. I walked him "
        "through the router checks, booked an engineer and stayed on the line until the booking "
        "reference came through. I checked the next day that the visit had happened.",
        4,
    ),
    (
        "Honestly I like being appreciated, so when customers say thank you it makes my day and "
        "that is what keeps me going on a long shift.",
        3,
    ),
    (
        "I listened to what she needed, explained the policy and offered the options we had. "
        "She picked the voucher and was fine with that in the end.",
        3,
    ),
    (
        "I would tell the customer what the system allows and pass it to my supervisor if "
        "they push back. There is only so much you can do on the phone.",
        2,
    ),
    (
        "I try to stay calm. I told him I understood he was upset and that I would find out "
        "what went wrong, then I read back the order so we agreed on the facts first.",
        4,
    ),
    ("If I'm honest I would just follow the script, the script is there for a reason.", 2),
    (
        "I noticed the same delivery complaint coming in every Monday, so I logged the pattern "
        "with the courier team and it stopped. Nobody asked me to, it just needed doing.",
        5,
    ),
]


TRIPPING = {1: ANSWERS[2], 5: ANSWERS[6]}
PLAIN = [a for a in ANSWERS if a not in TRIPPING.values()]


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


def _answer(interview: Interview, fraction: float, seed: int) -> None:
    """Fill the first `fraction` of an interview's questions the way an interviewer would."""
    rng = random.Random(seed)
    responses = list(interview.responses.select_related("question").order_by("pk"))
    count = round(len(responses) * fraction)
    for i, response in enumerate(responses[:count]):
        # Most answers are unremarkable; two specific ones trip warning rules.
        text, score = TRIPPING.get(i) or rng.choice(PLAIN)
        response.interview = interview
        response.answer = text
        response.notes = rng.choice(
            [
                "",
                "Good eye contact; specific example.",
                "Vague on outcome.",
                "Needed the probe to get to what they did.",
            ]
        )
        if rng.random() < 0.05:
            response.not_asked = True
        else:
            response.score = max(1, min(5, score + rng.choice([-1, 0, 0, 1])))
        response.revision = 1
        response.save(update_fields=["answer", "notes", "score", "not_asked", "revision"])
        sync_flags(response, interview.bank_version)


def _submit(interview: Interview) -> None:
    missing = services.submit_interview(interview, {"recommendation": "yes"})
    assert not missing, "demo interviews are filled completely before submitting"


@transaction.atomic
def create_demo(users: dict[str, User]) -> Role | None:
    """The demo role with candidates in every state; does nothing if it already exists."""
    role, created = _role(DEMO_ROLE, default_version(), users)
    if not created:
        return None
    rec, rec2 = users["recruiter"], users["recruiter2"]
    people = [
        ("Amara Osei", []),
        ("Ben Fischer", [(rec, 0.5, False)]),
        ("Chloé Martin", [(rec, 1.0, True)]),
        ("Dev Patel", [(rec, 1.0, True), (rec2, 1.0, True)]),
        ("Elena Petrova", [(rec, 1.0, True), (rec2, 0.3, False)]),
        ("Farid Haddad", []),
    ]
    for n, (name, panel) in enumerate(people):
        email = name.lower().replace(" ", ".").replace("é", "e") + "@example.com"
        candidate = Candidate.objects.create(role=role, name=name, email=email, created_by=rec)
        for k, (who, fraction, submit) in enumerate(panel):
            interview = services.start_interview(candidate, who)
            _answer(interview, fraction, seed=n * 10 + k)
            if submit:
                _submit(interview)
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
                created_at=now,
            )
            for i, found in hits
            for f in found
            if f.rule in ids
        ),
        batch_size=2000,
    )
