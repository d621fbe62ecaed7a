"""A hiring team at once: N recruiters autosave once a second, with live screening, over HTTP.

Starts the product the way `make run` serves it (gunicorn with gunicorn.conf.py, DEBUG on, on
127.0.0.1 and a free port) against a fresh database, logs N recruiters in through the login
form, and has each one type into their own interview for S seconds: every second a live
screening request, then an autosave of the text so far. The recruiters are threads spread
over several client processes, and the client's CPU time is printed, so that a saturated
client is not mistaken for a slow server. Then it prints latency percentiles
per request kind, errors by status, tracebacks in the server's stderr, and lost updates (an
answer whose stored text is not the last text the server said it saved).

The same-run reference is a logged-in page (home) fetched alone before the load starts.
Loopback only; every loop is bounded by the deadline; the server is stopped at the end.

    .venv/bin/python bench/load_bench.py [--recruiters 10,20,30,40,50] [--seconds 60]
        [--database-url postgres://postgres@127.0.0.1:5432/load_bench]
"""

from __future__ import annotations

import argparse
import http.client
import multiprocessing
import os
import random
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
from dataclasses import dataclass, field
from multiprocessing.sharedctypes import Synchronized
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


def reset(pks: list[int]) -> None:
    """Empty the answers before a run: every recruiter starts typing at revision 0."""
    from django.db import connections

    from hiring.interviews.models import Response

    Response.objects.filter(pk__in=pks).update(answer="", revision=0)
    connections.close_all()


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


_RECORDING = threading.Lock()  # per client process; an Outcome itself travels between them


@dataclass
class Outcome:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {"save": [], "screen": []})
    statuses: Counter[str] = field(default_factory=Counter)
    accepted: dict[int, str] = field(default_factory=dict)  # response pk -> last text saved
    cpu: float = 0.0  # seconds of CPU the client processes spent during the timed run
    server_cpu: float = 0.0  # and the server's processes

    def record(self, kind: str, status: int, ms: float) -> None:
        # The recruiters of one process share the counters ("save 200"): `+=` is a read and
        # a write, so it is locked. Each writes only its own answer's key in `accepted`.
        with _RECORDING:
            self.latencies[kind].append(ms)
            self.statuses[f"{kind} {status}"] += 1

    def merge(self, other: Outcome) -> None:
        for kind, samples in other.latencies.items():
            self.latencies[kind].extend(samples)
        self.statuses.update(other.statuses)
        self.accepted.update(other.accepted)
        self.cpu += other.cpu


def recruiter(browser: Browser, pk: int, start: float, deadline: float, out: Outcome) -> None:
    """Type for one recruiter: each tick a live screening, then an autosave of the text.

    `start` is this recruiter's own phase: a team types independently, not in step.
    """
    revision, tick = 0, 0
    while time.time() < deadline:
        pause = start + tick - time.time()
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
            out.accepted[pk] = text


def team(
    port: int,
    members: list[tuple[str, int, float]],
    seconds: float,
    ready: multiprocessing.Queue,  # type: ignore[type-arg]
    go: Synchronized,  # type: ignore[type-arg]
    results: multiprocessing.Queue,  # type: ignore[type-arg]
) -> None:
    """One client process: logs its share of the team in, then runs them as threads.

    The team is spread over several processes so that the client's own interpreter lock
    does not queue requests and show up as server latency.
    """
    out = Outcome()
    browsers = []
    for username, pk, phase in members:
        browser = Browser(port)
        if browser.log_in(username):
            browsers.append((browser, pk, phase))
        else:
            out.statuses["login failed"] += 1
    ready.put(len(browsers))
    while go.value == 0:  # the start time, set once every process has logged in
        time.sleep(0.01)
    start = float(go.value)
    time.sleep(max(0.0, start - time.time()))
    cpu = time.process_time()
    deadline = start + seconds
    threads = [
        threading.Thread(target=recruiter, args=(b, pk, start + phase, deadline, out), daemon=True)
        for b, pk, phase in browsers
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 2 * TIMEOUT + 30)
    out.cpu = time.process_time() - cpu
    results.put(out)


def run_team(
    port: int,
    plan: list[tuple[str, int, int]],
    seconds: float,
    processes: int,
    server: subprocess.Popen[bytes],
) -> Outcome:
    """Log everyone in (password hashing is slow on purpose), then start the clock for all."""
    # Each recruiter types in their own phase of the second, drawn at random (seeded, so
    # runs compare): people do not type in step. In step, all N would hit the server in
    # the same millisecond every second, a burst no team makes.
    phases = random.Random(len(plan))
    phased = [(u, pk, phases.random()) for u, pk, _ in plan]
    shares = [phased[n::processes] for n in range(processes)]
    shares = [share for share in shares if share]
    context = multiprocessing.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    go = context.Value("d", 0.0)
    clients = [
        context.Process(target=team, args=(port, share, seconds, ready, go, results))
        for share in shares
    ]
    for client in clients:
        client.start()
    for _ in clients:
        ready.get(timeout=len(plan) * 10 + 60)
    start = time.time() + 0.5
    go.value = start
    time.sleep(max(0.0, start - time.time()))
    before = server_cpu(server)
    out = Outcome()
    for _ in clients:
        out.merge(results.get(timeout=seconds + 3 * TIMEOUT + 60))
    out.server_cpu = server_cpu(server) - before
    for client in clients:
        client.join(timeout=10)
    return out


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


def server_cpu(server: subprocess.Popen[bytes]) -> float:
    """CPU seconds used so far by the server's processes (Linux /proc; 0 elsewhere)."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # fields[2] is the parent pid, fields[11:13] utime and stime (man 5 proc)
        if stat.parent.name == str(server.pid) or fields[1] == str(server.pid):
            total += int(fields[11]) + int(fields[12])
    return total / tick


def percentile(samples: list[float], q: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def report(
    out: Outcome,
    floor: float,
    lost: int,
    tracebacks: int,
    n: int,
    seconds: float,
    processes: int,
    target: float,
) -> tuple[bool, float]:
    print(f"\n-- {n} recruiters for {seconds:.0f} s")
    print(f"Reference: a logged-in page alone, median {floor:.1f} ms (same run)")
    print(f"{'request':<10} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    everything = out.latencies["save"] + out.latencies["screen"]
    for kind, samples in [*out.latencies.items(), ("all", everything)]:
        print(
            f"{kind:<10} {len(samples):>6} {percentile(samples, 0.5):>8.1f} "
            f"{percentile(samples, 0.95):>8.1f} {percentile(samples, 0.99):>8.1f}"
        )
    errors = {k: v for k, v in out.statuses.items() if not k.endswith(" 200")}
    print(f"errors by status: {dict(sorted(errors.items())) or 'none'}")
    print(f"server tracebacks: {tracebacks}")
    requests = max(1, len(everything))
    print(
        f"server CPU: {out.server_cpu:.1f} s ({1000 * out.server_cpu / requests:.1f} ms per "
        f"request); client CPU: {out.cpu:.1f} s in {processes} processes "
        f"({100 * out.cpu / seconds:.0f}% of one core)"
    )
    print(f"lost updates: {lost} of {len(out.accepted)} answers")
    p95 = percentile(everything, 0.95)
    return p95 < target and not errors and not lost and not tracebacks, p95


def one_run(
    n: int, plan: list[tuple[str, int, int]], database_url: str, args: argparse.Namespace
) -> tuple[bool, tuple[str, ...]]:
    """A fresh server and a fresh start for the first `n` recruiters of the plan."""
    team_plan = plan[:n]
    reset([pk for _, pk, _ in team_plan])
    port = free_port()
    log = Path(tempfile.mkdtemp(prefix=f"load-bench-{n}-")) / "server.log"
    server = start_server(port, database_url, log)
    try:
        floor = reference(port, team_plan[0][0])
        out = run_team(port, team_plan, args.seconds, args.processes, server)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
    stored = stored_answers([pk for _, pk, _ in team_plan])
    lost = sum(stored.get(pk) != text for pk, text in out.accepted.items())
    tracebacks = log.read_text(errors="replace").count("Traceback (most recent call last)")
    ok, p95 = report(out, floor, lost, tracebacks, n, args.seconds, args.processes, args.target)
    everything = out.latencies["save"] + out.latencies["screen"]
    errors = sum(v for k, v in out.statuses.items() if not k.endswith(" 200"))
    row = (
        str(n),
        f"{floor:.1f}",
        f"{percentile(everything, 0.5):.0f}",
        f"{p95:.0f}",
        f"{percentile(everything, 0.99):.0f}",
        str(errors),
        str(tracebacks),
        f"{lost} of {len(out.accepted)}",
        "yes" if ok else "NO",
    )
    return ok, row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--recruiters",
        default="10,20,30,40,50",
        help="team sizes to run one after the other (comma-separated); the issue's is 50",
    )
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--target", type=float, default=100, help="p95 target in ms")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    parser.add_argument(
        "--processes", type=int, default=4, help="client processes the team is spread over"
    )
    args = parser.parse_args()
    sizes = sorted({int(n) for n in args.recruiters.split(",") if n.strip()})
    work = Path(tempfile.mkdtemp(prefix="load-bench-"))
    database_url = args.database_url or f"sqlite:///{work / 'db.sqlite3'}"
    plan = prepare(database_url, max(sizes))
    engine = database_url.split(":", 1)[0]
    print(
        f"Team sizes {', '.join(map(str, sizes))} for {args.seconds:.0f} s each on {engine}, "
        f"gunicorn as `make run` serves it (a fresh server per size)"
    )
    rows = [one_run(n, plan, database_url, args)[1] for n in sizes]
    head = (
        "recruiters",
        "ref ms",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "errors",
        "tracebacks",
        "lost updates",
        f"p95<{args.target:.0f}",
    )
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(head)]
    print("\nSummary (ref: a logged-in page alone, same run)")
    print("  ".join(h.rjust(w) for h, w in zip(head, widths, strict=True)))
    for row in rows:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    meeting = [int(r[0]) for r in rows if r[-1] == "yes"]
    print(
        f"\nLargest team meeting p95 < {args.target:.0f} ms with no errors or lost updates: "
        f"{max(meeting) if meeting else 'none of those run'}"
    )
    return 0 if rows[-1][-1] == "yes" else 1


if __name__ == "__main__":
    sys.exit(main())
