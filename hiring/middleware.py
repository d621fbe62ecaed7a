"""Project-wide middleware."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


class PrivateNoStoreMiddleware:
    """Mark every response to a logged-in user `Cache-Control: private, no-store`.

    Nearly every page behind the login (candidate pages, interview kits, reports, PDFs)
    shows candidate data; marking them all is simpler and safer than remembering each
    view. Static files are answered by WhiteNoise before this runs and keep their caching.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
