from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from assessments import bankfile, services


class Command(BaseCommand):
    help = (
        "Load a bank file (JSON or YAML). Without a path, seed the shipped default bank: it is "
        "created once, and a newer shipped bank opens a draft for HR to review; it is never "
        "published over HR's versions. Loading the same content again changes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="Bank file; omit to seed the default bank.")
        parser.add_argument(
            "--draft", action="store_true", help="Load into a draft instead of publishing."
        )
        parser.add_argument(
            "--replace-draft",
            action="store_true",
            help="Replace the content of an open draft (its edits are lost).",
        )

    def handle(
        self,
        *args: object,
        path: str | None = None,
        draft: bool = False,
        replace_draft: bool = False,
        **options: Any,
    ) -> None:
        try:
            if path:
                result = services.load_bank(
                    bankfile.read_path(Path(path)), publish=not draft, replace_draft=replace_draft
                )
            else:
                result = services.seed_default_bank(bankfile.read_default_bank(), publish=not draft)
        except bankfile.BankFileError as exc:
            raise CommandError(f"Nothing was loaded.\n{exc}") from exc
        except (services.PublishError, services.DraftOpenError) as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        except DatabaseError as exc:
            # The checker should catch every bad value first; this is the last line.
            raise CommandError(f"Nothing was loaded: the database refused it ({exc}).") from exc
        self.stdout.write(self.style.SUCCESS(result.message) if result.changed else result.message)
