from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hiring.interviews import demo


class Command(BaseCommand):
    help = "Create demo accounts and data (only with DEBUG on; never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--candidates",
            type=int,
            default=0,
            help="Also create N candidates with submitted panels (benchmarks).",
        )

    def handle(self, *args: object, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "The demo command only runs with DEBUG=1; it creates known passwords."
            )
        count = int(options["candidates"] or 0)
        if not 0 <= count <= 100_000:
            raise CommandError("--candidates must be between 0 and 100000.")
        users = demo.create_users()
        self.stdout.write("Demo logins (password 'demo'): " + ", ".join(users))
        role = demo.create_demo(users)
        if role:
            self.stdout.write(f"Created the role “{role.title}” with candidates in every state.")
        else:
            self.stdout.write(f"The demo role “{demo.DEMO_ROLE}” already exists; left as it is.")
        if count:
            made = demo.create_bench(count, users)
            self.stdout.write(
                f"Benchmark role “{demo.BENCH_ROLE}”: added {made} candidates "
                f"with submitted two-person panels ({count} in all)."
            )
