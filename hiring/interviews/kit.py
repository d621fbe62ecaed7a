"""What the interview kit shows and how answers turn into stored flags.

Kept apart from the views so the page is built in a fixed number of queries whatever the
size of the bank: responses with their questions in one query, flags in one, anchors in one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.core.cache import cache as fragment_cache
from django.db.models import Count, Prefetch, Q, Sum, prefetch_related_objects
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe

from assessments.models import Anchor, BankVersion, Dimension, Question
from assessments.rules import compiled_for, screener_for
from assessments.screening import Flag as Found
from hiring.interviews.models import Flag, Interview, Response, ResponseQuerySet


def rule_ids(version: BankVersion) -> dict[str, int]:
    """Rule code -> WarningRule id, compiled and cached with the version's screener."""
    return compiled_for(version).rule_ids


def screen(version: BankVersion, text: str) -> list[Found]:
    return screener_for(version).screen(text) if text.strip() else []


def _key(code: str, evidence: str) -> tuple[str, str]:
    return code, evidence.casefold()


def may_have_flags(response: Response) -> bool:
    """False only for a response read with_flag_presence() that had no flags then.

    A save may trust a stale False: flags are only added by a save, and every save bumps
    the revision, so the save that read it fails its compare-and-swap before it syncs.
    """
    return bool(getattr(response, "has_flags", True))


def stored_flags(response: Response) -> Iterable[Flag]:
    """The response's stored flags (prefetched where the kit read them), none if it has none."""
    return response.flags.all() if may_have_flags(response) else []


def sync_flags(response: Response, version: BankVersion) -> bool:
    """Store the flags the saved answer triggers; return whether the stored set changed.

    A dismissed flag is a record of the interviewer's judgement and is never deleted; an
    open flag whose phrase has gone from the answer no longer describes it and is removed.
    A stored flag keeps the stage that raised it: the interviewer may have weighed or
    dismissed it on that basis.
    """
    found = screen(version, response.answer)
    ids = rule_ids(version)
    codes = {pk: code for code, pk in ids.items()}
    stored = list(stored_flags(response))
    by_key = {_key(codes.get(f.rule_id, ""), f.evidence): f for f in stored}
    changed = False
    matched: set[int] = set()
    new: list[Flag] = []
    for hit in found:
        existing = by_key.get(_key(hit.rule, hit.evidence))
        if existing is not None:
            matched.add(existing.pk)
            if (existing.start, existing.end) != (hit.start, hit.end):
                existing.start, existing.end = hit.start, hit.end
                existing.save(update_fields=["start", "end"])
            continue
        if hit.rule not in ids:  # a rule the stored version does not know; nothing to point at
            continue
        flag = Flag(
            response=response,
            rule_id=ids[hit.rule],
            evidence=hit.evidence,
            start=hit.start,
            end=hit.end,
            pattern=hit.pattern[:300],
            stage=hit.stage,
        )
        by_key[_key(hit.rule, hit.evidence)] = flag
        new.append(flag)
    if new:
        Flag.objects.bulk_create(new)
        changed = True
    gone = [f.pk for f in stored if f.pk not in matched and not f.is_dismissed]
    if gone:
        Flag.objects.filter(pk__in=gone).delete()
        changed = True
    return changed


@dataclass
class FlagItem:
    """One flag as the kit shows it, whether screened live or read from the database."""

    code: str
    label: str
    why: str
    source: str
    severity: str
    evidence: str
    start: int
    end: int
    stored: Flag | None = None
    current: bool = True  # the phrase is in the answer as shown
    stage: str = Flag.Stage.RULES  # which stage of the screener raised it

    @property
    def dismissed(self) -> bool:
        return self.stored is not None and self.stored.is_dismissed

    @property
    def stage_label(self) -> str:
        return Flag.Stage(self.stage).label

    @property
    def stage_note(self) -> str:
        return Flag.STAGE_NOTES[Flag.Stage(self.stage)]

    def quote(self, text: str, width: int = 60) -> tuple[str, list[dict[str, int]]]:
        """A short window of the answer around the evidence, and the span to mark in it."""
        if not self.current or not text:
            return self.evidence, [{"start": 0, "end": len(self.evidence)}]
        lo = max(0, self.start - width)
        hi = min(len(text), self.end + width)
        # widen to word boundaries so the quote does not start mid-word
        while lo > 0 and not text[lo - 1].isspace():
            lo -= 1
        while hi < len(text) and not text[hi].isspace():
            hi += 1
        prefix = "…" if lo > 0 else ""
        suffix = "…" if hi < len(text) else ""
        start = len(prefix) + self.start - lo
        window = f"{prefix}{text[lo:hi]}{suffix}"
        return window, [{"start": start, "end": start + self.end - self.start}]


def _from_stored(flag: Flag, text: str) -> FlagItem:
    rule = flag.rule
    return FlagItem(
        code=rule.code,
        label=rule.label,
        why=rule.why,
        source=rule.source,
        severity=rule.severity,
        evidence=flag.evidence,
        start=flag.start,
        end=flag.end,
        stored=flag,
        current=text[flag.start : flag.end].casefold() == flag.evidence.casefold(),
        stage=flag.stage,
    )


def stored_items(text: str, flags: Iterable[Flag]) -> list[FlagItem]:
    return [_from_stored(f, text) for f in flags]


def live_items(found: Sequence[Found], flags: Iterable[Flag]) -> list[FlagItem]:
    """Flags of the text being typed, tied to stored ones so they can be dismissed."""
    stored = list(flags)
    by_key = {_key(f.rule.code, f.evidence): f for f in stored}
    items = [
        FlagItem(
            code=f.rule,
            label=f.label,
            why=f.why,
            source=f.source,
            severity=f.severity,
            evidence=f.evidence,
            start=f.start,
            end=f.end,
            stored=by_key.get(_key(f.rule, f.evidence)),
            stage=f.stage,
        )
        for f in found
    ]
    shown = {i.stored.pk for i in items if i.stored}
    # A dismissal stays on record even after the phrase is edited away.
    items += [_from_stored(f, "") for f in stored if f.is_dismissed and f.pk not in shown]
    return items


def highlighted(items: Iterable[FlagItem]) -> list[FlagItem]:
    return [i for i in items if i.current]


def flag_context(
    rpk: int, text: str, items: list[FlagItem], errors: dict[int, Any] | None = None
) -> dict[str, Any]:
    """What templates/hiring/_flags.html needs: each flag with a marked quote of the answer."""
    errors = errors or {}
    rows = []
    for item in items:
        quote, marks = item.quote(text)
        error = errors.get(item.stored.pk) if item.stored else None
        rows.append({"item": item, "quote": quote, "marks": marks, "errors": error})
    return {"rpk": rpk, "text": text, "rows": rows}


class KitAnchors:
    """The anchors of a kit's questions, read in one query the first time any is needed.

    The kit caches each published question's rendered anchors; while those fragments are
    cached the page never reads an anchor, so it spares the query and the model instances.
    """

    def __init__(self, question_ids: Iterable[int]) -> None:
        self._ids = set(question_ids)
        self._by_question: dict[int, list[Anchor]] | None = None

    def of(self, question_id: int) -> list[Anchor]:
        if self._by_question is None:
            self._by_question = anchors_by_question(self._ids)
        return self._by_question.get(question_id, [])


# A published question never changes, so its rubric and its anchors are rendered once (per
# response, number and chosen score: the ids and the checked radio are in the HTML) and kept.
FRAGMENT_SECONDS = 86400
FRAGMENTS = {"rubric": "interviews/_rubric.html", "anchors": "interviews/_anchors.html"}


class KitFragments:
    """The rubric and anchors HTML of a kit's questions, read from the cache in one call.

    Read when the page first needs one, so a question re-shown as posted (a conflict, an
    error) asks for the score it was posted with. One get_many for the page: a {% cache %}
    tag per fragment cost the kit a tenth of its time (key hashing and a cache read each).
    """

    def __init__(self) -> None:
        self.questions: list[KitQuestion] = []
        self._found: dict[str, str] | None = None

    @staticmethod
    def key(q: KitQuestion, part: str) -> str:
        detail = q.number if part == "rubric" else q.values["choice"]
        return f"kit:{part}:{q.pk}:{q.question.pk}:{detail}"

    def html(self, q: KitQuestion, part: str) -> SafeString:
        if self._found is None:
            keys = [self.key(each, name) for each in self.questions for name in FRAGMENTS]
            self._found = fragment_cache.get_many(keys)
        key = self.key(q, part)
        found = self._found.get(key)
        if found is None:
            found = self._found[key] = render_to_string(FRAGMENTS[part], {"q": q})
            fragment_cache.set(key, found, FRAGMENT_SECONDS)
        # marked again: a cache backend that does not pickle may hand back a plain str
        return mark_safe(found)


_MARKER = 9876543210


@cache
def _url_around_pk(name: str, prefix: str) -> tuple[str, str]:
    head, _, tail = reverse(name, args=[_MARKER]).partition(str(_MARKER))
    return head, tail


def pk_url(name: str, pk: int) -> str:
    """reverse(name, args=[pk]) for a URL whose one argument is a pk, without resolving it
    each time: the kit needs two per question, and reverse() was a tenth of its render.
    Keyed by the script prefix, which a deployment under a sub-path sets per request."""
    head, tail = _url_around_pk(name, get_script_prefix())
    return f"{head}{pk}{tail}"


@dataclass
class KitQuestion:
    response: Response
    question: Question
    number: int
    rubric: KitAnchors
    flags: list[FlagItem]
    values: dict[str, Any]
    fragments: KitFragments = field(default_factory=KitFragments)
    conflict: dict[str, Any] | None = None
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def pk(self) -> int:
        return self.response.pk

    @property
    def save_url(self) -> str:
        return pk_url("interviews:save_response", self.pk)

    @property
    def screen_url(self) -> str:
        return pk_url("interviews:screen", self.pk)

    @property
    def anchors(self) -> list[Anchor]:
        return self.rubric.of(self.question.pk)

    @property
    def rubric_html(self) -> SafeString:
        return self.fragments.html(self, "rubric")

    @property
    def anchors_html(self) -> SafeString:
        return self.fragments.html(self, "anchors")

    @property
    def marks(self) -> list[FlagItem]:
        return highlighted(i for i in self.flags if not i.dismissed)

    @property
    def flag_context(self) -> dict[str, Any]:
        return flag_context(self.pk, self.values["answer"], self.flags)

    @property
    def score_anchor(self) -> Anchor | None:
        return next((a for a in self.anchors if a.level == self.response.score), None)


@dataclass
class KitSection:
    dimension: Dimension
    questions: list[KitQuestion]

    @property
    def done(self) -> int:
        return sum(q.response.is_complete for q in self.questions)

    @property
    def total(self) -> int:
        return len(self.questions)


def response_values(response: Response) -> dict[str, Any]:
    return {
        "answer": response.answer,
        "notes": response.notes,
        "choice": response.choice,
        "revision": response.revision,
    }


def kit_responses(interview: Interview) -> list[Response]:
    """The interview's responses in the bank's order, with their flags: one query for the
    responses, and one for the flags only if any response has some."""
    responses = list(
        interview.responses.with_flag_presence()
        .select_related("question__dimension")
        .order_by("question__dimension__position", "question__position", "question__pk")
    )
    flags = Flag.objects.select_related("rule", "dismissed_by").order_by("start", "pk")
    flagged = [r for r in responses if may_have_flags(r)]
    prefetch_related_objects(flagged, Prefetch("flags", queryset=flags))
    return responses


def anchors_by_question(question_ids: Iterable[int]) -> dict[int, list[Anchor]]:
    anchors: dict[int, list[Anchor]] = defaultdict(list)
    for a in Anchor.objects.filter(question_id__in=set(question_ids)).order_by("level"):
        anchors[a.question_id].append(a)
    return anchors


def build_kit(interview: Interview, responses: list[Response] | None = None) -> list[KitSection]:
    """The interview grouped by dimension in the bank's order: at most three queries, any
    bank size (the anchors' only when a cached fragment is missing)."""
    if responses is None:
        responses = kit_responses(interview)
    rubric = KitAnchors(r.question_id for r in responses)
    fragments = KitFragments()
    sections: list[KitSection] = []
    for number, response in enumerate(responses, start=1):
        dimension = response.question.dimension
        if not sections or sections[-1].dimension.pk != dimension.pk:
            sections.append(KitSection(dimension, []))
        response.interview = interview  # spare a query per response when saving or checking
        sections[-1].questions.append(
            KitQuestion(
                response=response,
                question=response.question,
                number=number,
                rubric=rubric,
                flags=stored_items(response.answer, stored_flags(response)),
                values=response_values(response),
                fragments=fragments,
            )
        )
        fragments.questions.append(sections[-1].questions[-1])
    return sections


def kit_question(response: Response, **extra: Any) -> KitQuestion:
    """One question's block, re-rendered alone (after a conflict)."""
    interview = response.interview
    for section in build_kit(interview, kit_responses(interview)):
        for q in section.questions:
            if q.pk == response.pk:
                for name, value in extra.items():
                    setattr(q, name, value)
                return q
    raise LookupError(response.pk)


@dataclass
class Progress:
    """How far an interview is: scored and "not asked" are counted apart, never added up."""

    scored: int = 0
    not_asked: int = 0
    total: int = 0
    # The sum of the interview's revisions when counted: every save adds one, so a higher
    # stamp is a later state. Autosaves of different questions can answer out of order; the
    # page keeps the counts with the highest stamp (static/js/kit.js).
    stamp: int = 0

    @property
    def done(self) -> int:
        return self.scored + self.not_asked

    @property
    def to_go(self) -> int:
        return self.total - self.done


def progress_of(sections: Iterable[KitSection]) -> Progress:
    counts = Progress()
    for s in sections:
        for q in s.questions:
            counts.total += 1
            counts.stamp += q.response.revision
            counts.not_asked += q.response.not_asked
            counts.scored += bool(not q.response.not_asked and q.response.score is not None)
    return counts


def progress(response: Response) -> tuple[Progress, Dimension, int, int]:
    """The interview's progress, then the response's dimension with its (done, total).

    A question counts as done once it is scored or marked not asked.
    """
    dimension = Dimension.objects.only("pk", "title").get(questions=response.question_id)
    complete = ResponseQuerySet.COMPLETE
    same = Q(question__dimension_id=dimension.pk)
    counts = Response.objects.filter(interview_id=response.interview_id).aggregate(
        skipped=Count("pk", filter=Q(not_asked=True)),
        scored=Count("pk", filter=Q(not_asked=False, score__isnull=False)),
        total=Count("pk"),
        dim_done=Count("pk", filter=complete & same),
        dim_total=Count("pk", filter=same),
        stamp=Sum("revision"),
    )
    interview = Progress(counts["scored"], counts["skipped"], counts["total"], counts["stamp"])
    return interview, dimension, counts["dim_done"], counts["dim_total"]
