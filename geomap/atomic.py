"""Write output files atomically: readers see the old file or the new one, never half."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from geomap.errors import OutputError

__all__ = ["atomic_output", "atomic_path", "write_bytes_atomic", "write_text_atomic"]

_CHUNK = 1 << 20
# A write that fails with less room than this left is reported as a full disk, whatever the
# library said: GDAL's SQLite, for one, reports it as "Failed to commit transaction".
_NEARLY_FULL = 1 << 20


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _reason(error: BaseException) -> str:
    if isinstance(error, OSError) and error.errno:
        # The errno's own words: Arrow, for one, wraps them in a long message of its own.
        reason = os.strerror(error.errno)
    else:
        reason = str(error).strip().partition("\n")[0] or type(error).__name__
    return reason[:1].lower() + reason[1:]


def _disk_nearly_full(folder: str) -> bool:
    try:
        info = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < _NEARLY_FULL


def _failure(target: str, folder: str, error: BaseException) -> OutputError:
    """One line for a failed write; call it before the temporary file is removed."""
    reason = "no space left on device" if _disk_nearly_full(folder) else _reason(error)
    return OutputError(f"cannot write {target}: {reason}")


@dataclass(frozen=True)
class _Target:
    """Where an output goes, and what of the file it replaces must survive the rewrite."""

    path: str
    folder: str
    existing: os.stat_result | None


def _target(path: str | os.PathLike[str]) -> _Target:
    target = os.fspath(path)
    if os.path.islink(target):
        target = os.path.realpath(target)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create folder {folder}: {_reason(error)}") from error
    try:
        existing = os.stat(target)
    except OSError:
        existing = None
    return _Target(target, folder, existing)


def _keep_owner_and_mode(fd: int, existing: os.stat_result | None) -> None:
    """Give the new file the replaced file's owner, group and permissions.

    Without this, `check --in-place` run as root would hand a user's article to root. The
    owner first: chown may clear set-id bits, which the mode then restores. Only root may
    give a file away, so for anyone else a different owner is kept as far as allowed (the
    group, if they belong to it), as editors do.
    """
    if existing is None:
        return
    if hasattr(os, "fchown"):
        with contextlib.suppress(PermissionError):
            os.fchown(fd, existing.st_uid, existing.st_gid)
        with contextlib.suppress(PermissionError):
            os.fchown(fd, -1, existing.st_gid)
    if hasattr(os, "fchmod"):
        os.fchmod(fd, stat.S_IMODE(existing.st_mode))


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
    atomically. Missing parent folders are created. An existing file keeps its owner,
    group and permissions (the file is replaced, so hard links to it keep the old
    content); a symlink at `path` is followed, so the file it points to is replaced and
    the link stays. The temporary file has a random name, so concurrent runs writing the
    same output never share one: the last to finish wins, whole. If anything fails, the
    temporary file is removed and the old file is left untouched.

    Raises OutputError with a one-line reason.
    """
    target = _target(path)
    try:
        fd, temp = _create_temp(target.folder, os.path.basename(target.path))
    except OSError as error:
        raise OutputError(f"cannot write {target.path}: {_reason(error)}") from error
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            _keep_owner_and_mode(handle.fileno(), target.existing)
            os.fsync(handle.fileno())
        os.replace(temp, target.path)
    except BaseException as error:
        failure = _failure(target.path, target.folder, error)
        with contextlib.suppress(OSError):
            os.unlink(temp)
        if isinstance(error, OSError) and not isinstance(error, OutputError):
            raise failure from error
        raise
    _fsync_folder(target.folder)


@contextlib.contextmanager
def atomic_path(
    path: str | os.PathLike[str], *, failures: tuple[type[BaseException], ...] = (OSError,)
) -> Iterator[Path]:
    """A fresh file name to write `path`'s new content to, for writers that want a name.

    GDAL (GeoPackage) and Arrow (Parquet) open the file themselves. The name lies in a new
    hidden folder beside `path`, unique to this call, that also catches any side files the
    writer makes (SQLite's journal); when the block ends without error the file is renamed
    over `path` and the folder removed. Owner, permissions, symlinks and failures are
    treated as by `atomic_output`. An exception of a type in `failures` (the writing
    library's own errors as well as OSError) becomes an OutputError with one line; any
    other exception passes through, after the clean-up.

    Raises OutputError with a one-line reason.
    """
    target = _target(path)
    name = os.path.basename(target.path)
    try:
        scratch = tempfile.mkdtemp(prefix=f".{name}.", suffix=".tmp", dir=target.folder)
    except OSError as error:
        raise OutputError(f"cannot write {target.path}: {_reason(error)}") from error
    temp = os.path.join(scratch, name)
    try:
        yield Path(temp)
        fd = os.open(temp, os.O_RDONLY)
        try:
            _keep_owner_and_mode(fd, target.existing)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target.path)
    except BaseException as error:
        failure = _failure(target.path, target.folder, error)
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(error, failures) and not isinstance(error, OutputError):
            raise failure from error
        raise
    shutil.rmtree(scratch, ignore_errors=True)
    _fsync_folder(target.folder)


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
