"""Who may see which bank version. Every bank view fetches a version through `get_version`.

Policy, the same in every app: an object the user may not know exists is a 404; one they
may read but not change (here: a frozen version when an editable draft is asked for) is
answered as such. Published and retired versions are readable by every role; drafts are
HR's alone, and to anyone else a draft does not exist.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from assessments.models import BankVersion
from hiring.accounts.roles import Person, is_hr


def get_version(user: Person, slug: str, number: int, *, draft: bool = False) -> BankVersion:
    """The version `number` of bank `slug`; `draft=True` demands an editable draft."""
    versions = BankVersion.objects.select_related("bank")
    if not is_hr(user):
        versions = versions.readable_by_all()
    version = get_object_or_404(versions, bank__slug=slug, number=number)
    if draft and not version.is_draft:
        raise Http404("Only a draft can be edited; this version is frozen.")
    return version
