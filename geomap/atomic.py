"""Write output files atomically: readers see the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from typing import BinaryIO

from geomap.errors import OutputError

__all__ = ["atomic_output", "write_bytes_atomic", "write_text_atomic"]

_CHUNK = 1 << 20


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _reason(error: OSError) -> str:
    reason = error.strerror or str(error) or type(error).__name__
    return reason[:1].lower() + reason[1:]


def _create_temp(folder: str, name: str) -> tuple[int, str]:
    """A new file beside the target, created with the usual umask-derived permissions."""
    while True:
        temp = os.path.join(folder, f".{name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:
            continue


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable; not every platform lets a directory be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that replaces `path` only when the `with` block ends without error.

    Lets large outputs (a GeoJSON of 100,000 events) be streamed to disk and still appear
    atomically. Missing parent folders are created. An existing file keeps its
    permissions; a symlink at `path` is followed, so the file it points to is replaced and
    the link stays. If anything fails, the temporary file is removed and the old file is
    left untouched.

    Raises OutputError with a one-line reason.
    """
    target = os.fspath(path)
    if os.path.islink(target):
        target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create folder {folder}: {_reason(error)}") from error
    try:
        existing_mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        existing_mode = None
    try:
        fd, temp = _create_temp(folder, os.path.basename(target))
    except OSError as error:
        raise OutputError(f"cannot write {target}: {_reason(error)}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            if existing_mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), existing_mode)
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError) and not isinstance(error, OutputError):
            raise OutputError(f"cannot write {target}: {_reason(error)}") from error
        raise
    _fsync_folder(folder)


def write_bytes_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    Raises OutputError with a one-line reason.
    """
    with atomic_output(path) as handle:
        _write_all(handle.fileno(), data)


def write_text_atomic(path: str | os.PathLike[str], text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` atomically, encoded as given, with newlines exactly as in `text`.

    Raises OutputError with a one-line reason.
    """
    try:
        data = text.encode(encoding)
    except (UnicodeEncodeError, LookupError) as error:
        raise OutputError(f"cannot write {os.fspath(path)}: {error}") from error
    write_bytes_atomic(path, data)
