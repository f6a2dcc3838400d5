"""Crash-safe writes, shared by the whole project.

Three shapes: one file replaced atomically (`write_atomic`), one file created once and never
replaced (`write_new`, for keys), or a directory assembled under a temporary name from synced
files (`write_synced`) and then renamed into place (`replace_dir`). A crash leaves the old
state or the new one, never half of either.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_synced(path: Path, data: bytes | str, mode: int = 0o644) -> None:
    """Write and fsync, so a later rename never exposes unwritten data."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open(path, "wb") as handle:
        os.chmod(path, mode)  # before the data goes in: a secret is never readable by others
        handle.write(raw)
        handle.flush()
        os.fsync(handle.fileno())


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


def write_new(path: Path, data: bytes | str, mode: int = 0o600) -> bool:
    """Create `path` holding `data` unless it already exists; True when this call created it.

    Whole or absent, and exclusive: of two processes creating it at once, one wins and the
    other keeps the winner's file (a hard link fails on an existing name).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        write_synced(Path(tmp), data, mode)
        os.link(tmp, path)
        fsync_dir(path.parent)
        return True
    except FileExistsError:
        return False
    finally:
        Path(tmp).unlink(missing_ok=True)


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


@contextmanager
def sqlite_transaction(db: sqlite3.Connection, lock: threading.Lock) -> Iterator[sqlite3.Connection]:
    """One write transaction, taken at once (IMMEDIATE) so that readers in other processes
    never wait on a half-applied change; rolled back whole on any error."""
    with lock:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
