from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from hiring import demo


class Command(BaseCommand):
    help = "Create demo accounts and data (only with DEBUG on; never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--candidates", type=int, default=0,
                            help="Also create N candidates with submitted panels (benchmarks).")

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError("The demo command only runs with DEBUG=1; it creates known passwords.")
        users = demo.create_users()
        self.stdout.write("Demo logins (password 'demo'): " + ", ".join(users))
