"""Output paths for management commands, checked before any work is done."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import CommandError


def output_path(name: str) -> Path:
    """`name` as a Path a file can be written to, else CommandError (before rendering)."""
    path = Path(name)
    if path.is_dir():
        raise CommandError(f"{name} is a directory; give a file name.")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CommandError(f"Cannot write {name}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"Cannot write {name}: permission denied.")
    return path


def write(path: Path, data: str | bytes) -> None:
    """Write `data` to `path`, turning a failure (disk full, say) into CommandError."""
    try:
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}") from exc
