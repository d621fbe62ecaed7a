"""A hiring team at once: N recruiters autosave once a second, with live screening, over HTTP.

Starts the product the way `make run` serves it (`manage.py runserver`, DEBUG on, on
127.0.0.1 and a free port) against a fresh database, logs N recruiters in through the login
form, and has each one type into their own interview for S seconds: every second a live
screening request, then an autosave of the text so far. Then it prints latency percentiles
per request kind, errors by status, tracebacks in the server's stderr, and lost updates (an
answer whose stored text is not the last text the server said it saved).

The same-run reference is a logged-in page (home) fetched alone before the load starts.
Loopback only; every loop is bounded by the deadline; the server is stopped at the end.

    .venv/bin/python bench/load_bench.py [--recruiters 50] [--seconds 60]
        [--database-url postgres://postgres@127.0.0.1:5432/load_bench]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PASSWORD = "load-bench"
ANSWER = (
    "A customer rang because her refund had not arrived. I listened first, said I was sorry "
    "for the trouble, checked the order while she was on the line and called her back "
    "before the time I promised."
)
REVISION = re.compile(r'name="revision" value="(\d+)"')
TIMEOUT = 30  # seconds for any one request: the run must end whatever the server does


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "1",  # as `make run`
        "DJANGO_SETTINGS_MODULE": "hiring.settings",
        "PYTHONUNBUFFERED": "1",
    }


def prepare(database_url: str, recruiters: int) -> list[tuple[str, int, int]]:
    """Migrate, load the bank, make the recruiters and one draft interview each."""
    os.environ.update(environment(database_url))
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connections

    from hiring.accounts.roles import RECRUITER
    from hiring.interviews import demo, services
    from hiring.interviews.models import Candidate, Role

    call_command("migrate", verbosity=0)
    call_command("load_bank", verbosity=0)
    users = demo.create_users()
    role = Role.objects.filter(title="Load bench advisor").first()
    if role is None:
        role = Role.objects.create(
            title="Load bench advisor",
            bank_version=demo.default_version(),
            hiring_manager=users["manager"],
        )
    group = Group.objects.get(name=RECRUITER)
    plan = []
    for n in range(recruiters):
        user, made = User.objects.get_or_create(username=f"load{n}")
        if made:
            user.set_password(PASSWORD)
            user.save()
            user.groups.add(group)
        person, _ = Candidate.objects.get_or_create(
            role=role, email=f"load{n}@example.com", defaults={"name": f"Load candidate {n}"}
        )
        interview = services.start_interview(person, user)
        first = interview.responses.order_by("pk").first()
        assert first is not None
        type(first).objects.filter(pk=first.pk).update(answer="", revision=0)
        plan.append((user.username, first.pk, interview.pk))
    connections.close_all()
    return plan


def stored_answers(pks: list[int]) -> dict[int, str]:
    from hiring.interviews.models import Response

    return dict(Response.objects.filter(pk__in=pks).values_list("pk", "answer"))


@dataclass
class Browser:
    """One recruiter's browser: a keep-alive connection, cookies and the CSRF token."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["HX-Request"] = "true"
        for attempt in (1, 2):  # a keep-alive connection the server closed: reconnect once
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                reply = self.conn.getresponse()
                text = reply.read().decode()
                break
            except (http.client.HTTPException, OSError):
                self.conn.close()
                self.conn = None
                if attempt == 2:
                    return 0, ""
        for name, value in reply.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return reply.status, text

    def log_in(self, username: str) -> bool:
        self.request("GET", "/login/")
        status, _ = self.request("POST", "/login/", {"username": username, "password": PASSWORD})
        return status == 302


@dataclass
class Outcome:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"save": [], "screen": []})
    statuses: Counter[str] = field(default_factory=Counter)
    accepted: dict[int, str] = field(default_factory=dict)  # response pk -> last text saved
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, status: int, ms: float) -> None:
        with self.lock:
            self.latencies[kind].append(ms)
            self.statuses[f"{kind} {status}"] += 1


def recruiter(browser: Browser, pk: int, deadline: float, out: Outcome) -> None:
    revision, tick = 0, 0
    start = time.monotonic() + (pk % 10) / 10  # spread the team over the second
    while time.monotonic() < deadline:
        pause = start + tick - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        tick += 1
        text = f"{ANSWER} ({tick})"
        began = time.perf_counter()
        status, _ = browser.request("POST", f"/responses/{pk}/screen/", {"answer": text})
        out.record("screen", status, (time.perf_counter() - began) * 1000)
        data = {"answer": text, "notes": "", "choice": "4", "revision": str(revision)}
        began = time.perf_counter()
        status, body = browser.request("POST", f"/responses/{pk}/", data)
        out.record("save", status, (time.perf_counter() - began) * 1000)
        found = REVISION.search(body)
        if status == 200 and found:
            revision = int(found.group(1))
            with out.lock:
                out.accepted[pk] = text


def log_in_everyone(port: int, usernames: list[str], out: Outcome) -> list[Browser | None]:
    """Log the team in through the login form (hashing passwords is slow: before the clock)."""
    browsers: list[Browser | None] = [None] * len(usernames)

    def log_in(n: int) -> None:
        browser = Browser(port)
        if browser.log_in(usernames[n]):
            browsers[n] = browser
        else:
            out.statuses["login failed"] += 1

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(log_in, range(len(usernames))))
    return browsers


def reference(port: int, username: str, runs: int = 30) -> float:
    browser = Browser(port)
    browser.log_in(username)
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        browser.request("GET", "/")
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


def start_server(port: int, database_url: str, log: Path) -> subprocess.Popen[bytes]:
    # As `make run` serves: gunicorn with gunicorn.conf.py (read from ROOT), DEBUG on.
    command = [sys.executable, "-m", "gunicorn", "hiring.wsgi"]
    env = {**environment(database_url), "HOST": f"127.0.0.1:{port}"}
    server = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
        start_new_session=True,
    )
    for _ in range(600):  # up to 60 s to come up
        if server.poll() is not None:
            raise SystemExit(f"The server exited: see {log}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("The server did not start within 60 s.")


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def report(
    out: Outcome, floor: float, lost: int, tracebacks: int, args: argparse.Namespace
) -> bool:
    print(f"Reference: a logged-in page alone, median {floor:.1f} ms (same run)")
    print(f"\n{'request':<10} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    everything = out.latencies["save"] + out.latencies["screen"]
    for kind, samples in [*out.latencies.items(), ("all", everything)]:
        print(
            f"{kind:<10} {len(samples):>6} {percentile(samples, 0.5):>8.1f} "
            f"{percentile(samples, 0.95):>8.1f} {percentile(samples, 0.99):>8.1f}"
        )
    errors = {k: v for k, v in out.statuses.items() if not k.endswith(" 200")}
    print(f"\nerrors by status: {dict(sorted(errors.items())) or 'none'}")
    print(f"server tracebacks: {tracebacks}")
    print(f"lost updates: {lost} of {len(out.accepted)} answers")
    p95 = percentile(everything, 0.95)
    ok = p95 < args.target and not errors and not lost and not tracebacks
    print(
        f"\n{args.recruiters} recruiters, {args.seconds} s: p95 {p95:.1f} ms "
        f"(target < {args.target} ms), {'meets the target' if ok else 'MISSES the target'}"
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recruiters", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--target", type=float, default=100, help="p95 target in ms")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    database_url = args.database_url or f"sqlite:///{work / 'db.sqlite3'}"
    plan = prepare(database_url, args.recruiters)
    port = free_port()
    log = work / "server.log"
    engine = database_url.split(":", 1)[0]
    print(
        f"{args.recruiters} recruiters for {args.seconds:.0f} s on {engine}, "
        f"gunicorn as `make run` serves it, :{port}"
    )
    server = start_server(port, database_url, log)
    out = Outcome()
    try:
        browsers = log_in_everyone(port, [u for u, _, _ in plan], out)
        floor = reference(port, plan[0][0])
        deadline = time.monotonic() + args.seconds
        threads = [
            threading.Thread(target=recruiter, args=(b, pk, deadline, out), daemon=True)
            for b, (_, pk, _) in zip(browsers, plan, strict=True)
            if b is not None
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + 2 * TIMEOUT + 30)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    stored = stored_answers([pk for _, pk, _ in plan])
    lost = sum(stored.get(pk) != text for pk, text in out.accepted.items())
    tracebacks = log.read_text(errors="replace").count("Traceback (most recent call last)")
    ok = report(out, floor, lost, tracebacks, args)
    print(f"server log: {log}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
