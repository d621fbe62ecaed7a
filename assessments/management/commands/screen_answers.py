import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessments.models import BankVersion
from assessments.rules import screener_for
from assessments.screening import evaluate

# The same bounds as the interview kit's answer box (hiring.interviews.models).
MAX_ANSWER = 20_000
MAX_WORD = 100
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD + 1},}}")
# A flag's fields in each output line, read straight from the Flag (Flag.as_dict copies
# the whole dataclass, which once per field was most of the command's own time).
_OUTPUT = ("rule", "label", "evidence", "start", "end", "why", "source")
_BATCH = 500


class Command(BaseCommand):
    help = (
        'Screen JSON-lines answers ({"id", "answer"}) for warning answers, one JSON line out '
        "per line in; or, with --evaluate, report precision and recall on labelled lines."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", help="JSON-lines file, or - for standard input.")
        parser.add_argument("--evaluate", metavar="FILE", help="Labelled JSON-lines file.")
        parser.add_argument(
            "--bank-version",
            type=int,
            dest="number",
            help="Version number (default: the latest published).",
        )

    def handle(self, *args: object, **options: Any) -> None:
        version = self._version(options["number"])
        screener = screener_for(version)
        if options["evaluate"]:
            read = list(self._read(self._open(str(options["evaluate"]))))
            for _, _, error in read:
                if error:
                    self.stderr.write(f"Skipped {error}")
            records = [r for _, r, _ in read if r is not None]
            self.stdout.write(evaluate(screener, records).format_report())
            return
        if not options["file"]:
            raise CommandError("Give a FILE (or - for standard input), or --evaluate FILE.")
        errors = 0
        # written in batches: one write per answer cost about as much as screening it
        lines: list[str] = []
        for line_no, record, error in self._read(self._open(str(options["file"]))):
            if record is None:
                errors += 1
                lines.append(json.dumps({"line": line_no, "error": error}))
            else:
                flags = [
                    {k: getattr(f, k) for k in _OUTPUT} for f in screener.screen(record["answer"])
                ]
                lines.append(
                    json.dumps({"id": record.get("id"), "flags": flags}, ensure_ascii=False)
                )
            if len(lines) >= _BATCH:
                self.stdout.write("\n".join(lines))
                lines.clear()
        if lines:
            self.stdout.write("\n".join(lines))
        if errors:
            self.stderr.write(f"{errors} line(s) could not be screened; see the error lines.")

    def _version(self, number: int | None) -> BankVersion:
        versions = BankVersion.objects.exclude(status=BankVersion.Status.DRAFT)
        version = (
            versions.filter(number=number).first()
            if number
            else BankVersion.objects.latest_published()
        )
        if version is None:
            raise CommandError("No such published bank version; load one with load_bank.")
        return version

    def _open(self, name: str) -> TextIO:
        if name == "-":
            return sys.stdin
        try:
            return Path(name).open(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot read {name}: {exc}") from exc

    def _read(self, stream: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
        line_no = 0
        try:
            for line_no, line in enumerate(stream, 1):
                if line.strip():
                    yield line_no, *self._parse(line_no, line)
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"Not UTF-8 text after line {line_no} ({exc.reason}); save the file as UTF-8."
            ) from exc

    @staticmethod
    def _parse(line_no: int, line: str) -> tuple[dict[str, Any] | None, str | None]:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            return None, f"line {line_no}: not valid JSON ({exc.msg})"
        except (ValueError, RecursionError) as exc:  # huge numbers, deep nesting
            return None, f"line {line_no}: cannot be read ({exc.__class__.__name__}: {exc})"[:300]
        if not isinstance(record, dict) or not isinstance(record.get("answer"), str):
            return None, f'line {line_no}: no "answer" text'
        if len(record["answer"]) > MAX_ANSWER:
            return None, f"line {line_no}: the answer is longer than {MAX_ANSWER} characters"
        if _LONG_WORD.search(record["answer"]):
            return None, f"line {line_no}: the answer has a word longer than {MAX_WORD} characters"
        if not isinstance(record.get("id"), str | int | None) or len(str(record.get("id"))) > 200:
            return None, f'line {line_no}: "id" must be a short text or number'
        return record, None
