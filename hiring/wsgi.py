import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hiring.settings")
application = get_wsgi_application()


def _warm_screeners() -> None:
    """Compile the screeners before the first request, so no request waits for one."""
    from django.db import DatabaseError, connection

    from assessments.rules import warm

    try:
        warm()
    except DatabaseError:  # not migrated yet: the first request compiles instead
        pass
    finally:
        connection.close()  # the serving threads open their own


_warm_screeners()
