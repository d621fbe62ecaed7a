"""Memory and time of hostile-but-allowed screening requests, through the whole stack.

Sends, through Django's test client with production settings (middleware, forms, views):

* one 20,000-letter word to the live-screening endpoint (refused by the form now: no word
  over 100 characters reaches the screener);
* a 20,000-character ordinary answer;
* a 20,000-character stance-heavy answer ("i used to think ... i like being appreciated").

For each: wall time, the peak of Python allocations during the request (tracemalloc) and
the process's peak RSS so far. Usage: .venv/bin/python bench/bounded_input_bench.py
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(db_path: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    os.environ.setdefault("SECRET_KEY", "bounded-input-bench-only")
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ["DEBUG"] = "0"
    os.environ["SECURE_SSL_REDIRECT"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hiring.settings")
    import django

    django.setup()


def main() -> int:
    db_path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    setup(db_path)
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from assessments.models import BankVersion
    from hiring.interviews.models import Candidate, Interview, Role

    call_command("migrate", verbosity=0)
    call_command("load_bank", verbosity=0)
    recruiter = User.objects.create_user("bench-recruiter", password="x")
    recruiter.groups.add(Group.objects.get(name="Recruiter"))
    manager = User.objects.create_user("bench-manager", password="x")
    role = Role.objects.create(
        title="Bench",
        slug="bench",
        bank_version=BankVersion.objects.latest_published(),
        hiring_manager=manager,
    )
    candidate = Candidate.objects.create(role=role, name="Bench", email="b@example.com")
    client = Client()
    client.force_login(recruiter)
    client.post(reverse("interviews:start_interview", args=[candidate.pk]))
    response = Interview.objects.get(candidate=candidate).responses.first()
    url = reverse("interviews:screen", args=[response.pk])

    ordinary = "I listened, said sorry that it happened, and fixed the refund that day. " * 300
    cases = {
        "one 20,000-letter word": "a" * 20_000,
        "20,000-character ordinary answer": ordinary[:20_000],
        "20,000-character stance-heavy answer": (
            "i used to think " + "i like being appreciated " * 900
        )[:20_000],
    }
    client.post(url, {"answer": "warm up the screener"}, HTTP_HX_REQUEST="true")
    print(f"{'case':40} {'status':>6} {'time':>9} {'py peak':>10} {'max RSS':>9}")
    for name, answer in cases.items():
        tracemalloc.start()
        start = time.perf_counter()
        reply = client.post(url, {"answer": answer}, HTTP_HX_REQUEST="true")
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{name:40} {reply.status_code:>6} {elapsed * 1000:>7.0f} ms "
            f"{peak / 2**20:>7.1f} MB {rss:>6.0f} MB"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
