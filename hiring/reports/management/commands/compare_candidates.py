from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import QueryDict

from assessments.management.paths import output_path, write
from hiring.interviews.models import Role
from hiring.reports import pdf
from hiring.reports.comparison import build_comparison
from hiring.reports.forms import ComparisonForm


class Command(BaseCommand):
    help = "Write the comparison of a role's candidates as PDF and/or HTML (batch use)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--role", required=True, metavar="SLUG")
        parser.add_argument("--pdf", metavar="FILE", help="Write the PDF here.")
        parser.add_argument("--html", metavar="FILE", help="Write the HTML here.")
        parser.add_argument(
            "--candidate",
            type=int,
            action="append",
            default=[],
            metavar="ID",
            help="Compare only these candidates (repeatable).",
        )
        parser.add_argument(
            "--sort",
            default="overall",
            help="'overall' or a dimension key such as natural_traits:3.",
        )

    def handle(self, *args: object, **options: Any) -> None:
        if not options["pdf"] and not options["html"]:
            raise CommandError("Give --pdf FILE, --html FILE or both.")
        pdf_path = output_path(str(options["pdf"])) if options["pdf"] else None
        html_path = output_path(str(options["html"])) if options["html"] else None
        role = (
            Role.objects.select_related("bank_version__bank").filter(slug=options["role"]).first()
        )
        if role is None:
            raise CommandError(f"No role with slug {options['role']!r}.")
        query = QueryDict(mutable=True)
        query.setlist("candidates", [str(pk) for pk in options["candidate"]])
        query["sort"] = str(options["sort"])
        form = ComparisonForm(role, query)
        if not form.is_valid():
            raise CommandError(form.errors.as_text())
        if pdf_path:
            key = pdf.comparison_key(role, form.options()["candidates"], form.fingerprint_part())
            data = pdf.cached(key, lambda: pdf.comparison_pdf_bytes(role, form.options()))
            write(pdf_path, data)
            self.stdout.write(f"Wrote {pdf_path} ({pdf_path.stat().st_size // 1024} KB).")
        if html_path:
            comparison = build_comparison(role, chunk_size=pdf.PDF_CHUNK, **form.options())
            context = {"comparison": comparison, "pdf": True}
            write(html_path, pdf.standalone_html(pdf.COMPARISON_TEMPLATE, context))
            self.stdout.write(f"Wrote {html_path}.")
