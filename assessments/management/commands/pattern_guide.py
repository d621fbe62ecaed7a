from typing import Any

from django.core.management.base import BaseCommand

from assessments.pattern_guide import as_markdown


class Command(BaseCommand):
    help = "Print the pattern-language guide as Markdown (the source of docs/pattern-language.md)."

    def handle(self, *args: object, **options: Any) -> None:
        self.stdout.write(as_markdown())
