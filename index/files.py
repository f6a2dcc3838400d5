"""Crash-safe writes, shared by the whole project.

Two shapes: one file replaced atomically (`write_atomic`), or a directory assembled under a
temporary name from synced files (`write_synced`) and then renamed into place
(`replace_dir`). A crash leaves the old state or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path


def write_synced(path: Path, data: bytes | str) -> None:
    """Write and fsync, so a later rename never exposes unwritten data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open(path, "wb") as handle:
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


def write_json(path: Path, content: object, *, indent: int | None = None) -> None:
    write_synced(path, json.dumps(content, ensure_ascii=False, indent=indent) + "\n")


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace `path` through a synced temporary sibling: readers see old or new, whole."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write_synced(Path(tmp), data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_dir(tmp: Path, dest: Path) -> None:
    """Replace the directory `dest` by the complete `tmp`; a crash leaves `dest` absent or
    whole, never partial."""
    old = None
    if dest.exists() or dest.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{dest.name}.old-", dir=dest.parent))
        os.rename(dest, old / "previous")
    os.rename(tmp, dest)
    fsync_dir(dest.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
