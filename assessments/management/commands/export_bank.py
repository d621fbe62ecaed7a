from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessments import bankfile, services
from assessments.management.paths import output_path, write
from assessments.models import Bank, BankVersion


class Command(BaseCommand):
    help = "Write a whole bank version as JSON or YAML (default: the latest published version)."

    def add_base_argument(self, parser: CommandParser, *args: str, **kwargs: object) -> None:
        # Django gives every command a --version flag (its own version); here
        # --version names the bank version to export, as HR would expect.
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "yaml"], default="json")
        parser.add_argument("--version", type=int, dest="number", help="Version number.")
        parser.add_argument("--bank", help="Bank slug (needed only when there are several).")
        parser.add_argument("-o", "--output", help="File to write; default: standard output.")

    def handle(self, *args: object, **options: Any) -> None:
        target = output_path(str(options["output"])) if options["output"] else None
        banks = Bank.objects.all()
        if options["bank"]:
            banks = banks.filter(slug=options["bank"])
        if banks.count() != 1:
            raise CommandError(
                "No bank found." if not banks.exists() else "Several banks: pick one with --bank."
            )
        bank = banks.get()
        versions = bank.versions.all()
        if options["number"]:
            version = versions.filter(number=options["number"]).first()
        else:
            version = (
                versions.filter(status=BankVersion.Status.PUBLISHED).order_by("-number").first()
            )
        if version is None:
            raise CommandError(f"{bank.name} has no such version.")
        text = bankfile.dump(services.export_version(version), str(options["format"]))
        if target:
            write(target, text)
            self.stderr.write(f"Wrote {bank.name} {version.label} to {options['output']}.")
        else:
            self.stdout.write(text, ending="")
