"""Interview kit speed with 5,000 candidates in the database (two submitted interviews each).

Builds a throwaway SQLite database (or reuses one given with --db), then times, in-process
through Django's test client (server time: URL routing, middleware, queries, templates):

* the kit page of a 12-question draft interview (six dimensions of the default bank);
* a live screening request of text not screened before (each round the answer grows);
* an autosave round trip (htmx POST of one answer, screened and flagged) of the text just
  screened live, in the kit's order (screening fires 400 ms after typing stops, autosave
  700 ms), and one of text nobody screened (another server process served the screening);
* the floor: a logged-in page (home) through the same middleware, timed in the same run.

Targets, as ratios to the floor: autosave and live screening at most 2x, the kit at most 5x,
with a constant number of queries. Usage:
    .venv/bin/python bench/kit_bench.py [--candidates 5000] [--runs 30] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
REVISION = re.compile(r'name="revision" value="(\d+)"')


def setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("SECRET_KEY", "kit-bench-only")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["SECURE_SSL_REDIRECT"] = "0"  # plain http on the test client
    os.environ["DEBUG"] = "0"  # production settings: no query logging, cached templates
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hiring.settings")
    import django

    django.setup()


def data_queries(captured) -> int:
    """Statements that read or write rows: SQLite's BEGIN IMMEDIATE and COMMIT are sent as
    SQL and captured, PostgreSQL's are not; neither is a query."""
    control = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")
    return sum(not q["sql"].lstrip().upper().startswith(control) for q in captured)


def timed_samples(fn, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    p90 = ordered[max(0, int(len(ordered) * 0.9) - 1)]
    return statistics.median(ordered), p90, ordered[0]


def print_table(rows, base: float) -> bool:
    """Print each row beside the floor; return whether every target was met."""
    print(
        f"{'what':<30} {'median ms':>10} {'p90 ms':>8} {'best ms':>8} {'queries':>8} "
        f"{'x floor':>8} {'target':>7} {'ok':>4}"
    )
    failed = False
    for name, times, queries, target in rows:
        median, p90, best = summary(times)
        ratio = median / base
        ok = target is None or ratio <= target
        failed |= not ok
        q = "" if queries is None else str(queries)
        goal = "" if target is None else f"<= {target}x"
        print(
            f"{name:<30} {median:>10.1f} {p90:>8.1f} {best:>8.1f} {q:>8} {ratio:>8.2f} "
            f"{goal:>7} {'yes' if ok else 'NO':>4}"
        )
    return not failed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--db", type=Path, help="SQLite file to build or reuse")
    args = parser.parse_args()
    db_path = args.db or Path(tempfile.gettempdir()) / f"kit-bench-{args.candidates}.sqlite3"
    setup(db_path)

    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from hiring.interviews import demo, services
    from hiring.interviews.models import Candidate, Interview, Response, Role

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    users = demo.create_users()
    made = demo.create_bench(args.candidates, users)
    build = time.perf_counter() - started
    bench_role = Role.objects.get(title=demo.BENCH_ROLE)
    version = bench_role.bank_version
    # A planned interview of 12 questions: six dimensions of the bank, two questions each.
    role, _ = Role.objects.get_or_create(
        title="Kit bench probe", bank_version=version, hiring_manager=bench_role.hiring_manager
    )
    services.set_weights(
        role,
        {
            pk: Decimal(1)
            for pk in version.dimensions.order_by("position").values_list("pk", flat=True)[:6]
        },
    )
    probe, _ = Candidate.objects.get_or_create(
        role=role, email="kit-probe-12@example.com", defaults={"name": "Kit probe"}
    )
    Interview.objects.filter(candidate=probe).delete()
    interview = services.start_interview(probe, users["recruiter"])

    client = Client()
    client.force_login(users["recruiter"])
    kit_url = interview.get_absolute_url()
    response = interview.responses.order_by("pk").first()
    save_url = reverse("interviews:save_response", args=[response.pk])
    screen_url = reverse("interviews:screen", args=[response.pk])
    htmx = {"HTTP_HX_REQUEST": "true"}
    # A typical answer as it grows while the recruiter types: its flags stay the same, and
    # every round's text is new, so no screening is remembered from an earlier round.
    typical = (
        "A customer rang because her refund had not arrived. I listened first, said I was "
        "sorry for the trouble, checked the order while she was on the line and called her "
        "back before the time I promised"
    )

    def text(n: int) -> str:
        return f"{typical}, as I had said I would by {n} o'clock."

    first = client.get(kit_url)  # warm caches: templates, compiled screener, rule ids
    assert first.status_code == 200, first.status_code
    with CaptureQueriesContext(connection) as captured:
        client.get(kit_url)
    kit_queries = data_queries(captured)  # read now: later requests reset the query log

    def kit() -> None:
        assert client.get(kit_url).status_code == 200

    # The revision travels with the saved fragment, as in the browser: reading it back from
    # the database would add a query to every timed save that the server does not make.
    state = {"n": 0, "revision": response.revision}

    def save(answer: str) -> None:
        reply = client.post(
            save_url,
            urlencode(
                {
                    "answer": answer,
                    "notes": "",
                    "choice": "4",
                    "revision": state["revision"],
                }
            ),
            content_type="application/x-www-form-urlencoded",  # what htmx sends
            **htmx,
        )
        assert reply.status_code == 200, reply.status_code
        state["revision"] = int(REVISION.search(reply.content.decode())[1])  # type: ignore[index]

    def live() -> None:
        state["n"] += 1  # the recruiter typed on
        answer = text(state["n"])
        assert client.post(screen_url, {"answer": answer}, **htmx).status_code == 200

    def autosave() -> None:  # the text live() just screened
        save(text(state["n"]))

    def autosave_unscreened() -> None:
        state["n"] += 1
        save(text(state["n"]))

    def floor() -> None:
        assert client.get("/").status_code == 200

    live(), autosave()
    live()
    with CaptureQueriesContext(connection) as captured:
        autosave()
    save_queries = data_queries(captured)
    with CaptureQueriesContext(connection) as captured:
        floor()
    floor_queries = data_queries(captured)
    # Interleave the kinds, so a busy neighbour slows them all alike.
    kinds = {
        "floor": floor,
        "kit": kit,
        "live": live,
        "autosave": autosave,
        "unscreened": autosave_unscreened,
    }
    samples: dict[str, list[float]] = {k: [] for k in kinds}
    for _ in range(args.runs):
        for name, fn in kinds.items():
            samples[name].extend(timed_samples(fn, 1))
    base = statistics.median(samples["floor"])
    rows = [
        ("logged-in page (floor)", samples["floor"], floor_queries, None),
        ("kit page (GET)", samples["kit"], kit_queries, 5),
        ("autosave after live screening", samples["autosave"], save_queries, 2),
        ("autosave, text not screened", samples["unscreened"], save_queries, 2),
        ("live screening (POST)", samples["live"], None, 2),
    ]
    counts = {
        "candidates": Candidate.objects.count(),
        "interviews": Interview.objects.count(),
        "responses": Response.objects.count(),
    }
    questions = interview.responses.count()
    print(
        f"Database: {db_path} ({', '.join(f'{v:,} {k}' for k, v in counts.items())}); "
        f"built {made:,} bench candidates in {build:.1f} s"
    )
    print(
        f"Bank: {version} · {version.dimensions.count()} dimensions · {questions} questions "
        f"in the kit · {len(first.content) / 1024:.0f} KiB of HTML"
    )
    print(f"Server time in-process (Django test client), {args.runs} runs each")
    print("queries: statements that read or write rows (not BEGIN/COMMIT)\n")
    return 0 if print_table(rows, base) else 1


if __name__ == "__main__":
    sys.exit(main())
