from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from assessments.management.paths import output_path, write
from hiring.interviews.models import Candidate
from hiring.reports import pdf
from hiring.reports.candidate import build_candidate_report


class Command(BaseCommand):
    help = "Write a candidate's report as PDF and/or self-contained HTML (batch use)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("candidate_id", type=int)
        parser.add_argument("--pdf", metavar="FILE", help="Write the PDF here.")
        parser.add_argument("--html", metavar="FILE", help="Write the HTML here.")

    def handle(self, *args: object, **options: Any) -> None:
        if not options["pdf"] and not options["html"]:
            raise CommandError("Give --pdf FILE, --html FILE or both.")
        pdf_path = output_path(str(options["pdf"])) if options["pdf"] else None
        html_path = output_path(str(options["html"])) if options["html"] else None
        candidate = (
            Candidate.objects.select_related("role__bank_version__bank")
            .filter(pk=options["candidate_id"])
            .first()
        )
        if candidate is None:
            raise CommandError(f"No candidate with id {options['candidate_id']}.")
        if pdf_path:
            write(pdf_path, pdf.candidate_pdf(candidate))
            self.stdout.write(f"Wrote {pdf_path} ({pdf_path.stat().st_size // 1024} KB).")
        if html_path:
            context = {"report": build_candidate_report(candidate), "pdf": True}
            write(html_path, pdf.standalone_html(pdf.CANDIDATE_TEMPLATE, context))
            self.stdout.write(f"Wrote {html_path}.")
