from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from assessments import bankfile, services


class Command(BaseCommand):
    help = (
        "Load a bank file (JSON or YAML; default: the shipped default bank). Loading the same "
        "content again changes nothing; changed content becomes a new version, never an edit "
        "of a published one."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="Bank file; omit for the default bank.")
        parser.add_argument(
            "--draft", action="store_true", help="Load into the bank's draft instead of publishing."
        )

    def handle(
        self, *args: object, path: str | None = None, draft: bool = False, **options: Any
    ) -> None:
        try:
            data = bankfile.read_path(Path(path)) if path else bankfile.read_default_bank()
            result = services.load_bank(data, publish=not draft)
        except bankfile.BankFileError as exc:
            raise CommandError(f"Nothing was loaded.\n{exc}") from exc
        except services.PublishError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        except DatabaseError as exc:
            # The checker should catch every bad value first; this is the last line.
            raise CommandError(f"Nothing was loaded: the database refused it ({exc}).") from exc
        self.stdout.write(self.style.SUCCESS(result.message) if result.changed else result.message)
