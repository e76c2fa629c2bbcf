"""Tests for geomap.atomic: outputs appear whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from geomap import atomic
from geomap.atomic import atomic_path, write_bytes_atomic, write_text_atomic
from geomap.errors import GeomapError, OutputError


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_writes_a_new_file_and_creates_folders(tmp_path: Path) -> None:
    target = tmp_path / "out" / "maps" / "map.html"
    write_text_atomic(target, "<p>Osh</p>\n")
    assert target.read_text(encoding="utf-8") == "<p>Osh</p>\n"
    assert _leftovers(target.parent) == []


def test_text_keeps_newlines_and_encodes_utf8(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    write_text_atomic(target, "place\r\nДжалал-Абад\r\n")
    assert target.read_bytes() == "place\r\nДжалал-Абад\r\n".encode()


def test_replaces_an_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        write_bytes_atomic(tmp_path / "a.json", b"{}")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o644


def test_a_symlink_target_is_replaced_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    write_bytes_atomic(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_an_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(b"the complete old map")

    def write_half_then_fail(fd: int, data: bytes) -> None:
        os.write(fd, data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_write_all", write_half_then_fail)
    with pytest.raises(OutputError) as caught:
        write_bytes_atomic(target, b"a new map that never finishes")
    assert str(caught.value) == f"cannot write {target}: no space left on device"
    assert target.read_bytes() == b"the complete old map"
    assert _leftovers(tmp_path) == []


def test_an_interrupt_that_is_not_an_os_error_still_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "map.html"
    target.write_bytes(b"old")

    def interrupted(fd: int, data: bytes) -> None:
        os.write(fd, data[:3])
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes_atomic(target, b"new content")
    assert target.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("make", "relative", "reason"),
    [
        pytest.param(
            lambda root: (root / "file").write_text("x"),
            "file/map.html",
            "cannot create folder {root}/file: file exists",
            id="parent is a file",
        ),
        pytest.param(
            lambda root: (root / "folder").mkdir(),
            "folder",
            "cannot write {root}/folder: is a directory",
            id="target is a folder",
        ),
    ],
)
def test_failures_are_one_line_output_errors(
    tmp_path: Path, make: object, relative: str, reason: str
) -> None:
    make(tmp_path)  # type: ignore[operator]
    with pytest.raises(OutputError) as caught:
        write_bytes_atomic(tmp_path / relative, b"data")
    assert str(caught.value) == reason.format(root=tmp_path)
    assert isinstance(caught.value, GeomapError)
    assert isinstance(caught.value, OSError)
    assert _leftovers(tmp_path) == []


def test_text_that_cannot_be_encoded_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="cannot write"):
        write_text_atomic(tmp_path / "a.txt", "Ош", encoding="ascii")
    assert not (tmp_path / "a.txt").exists()


# ---------------------------------------------------------------------------------------------
# Owner and group


needs_root = pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0,
    reason="only root can give a file to another user",
)
OTHER_USER = 12345  # any id other than root's; it needs no account


@needs_root
def test_a_rewrite_as_root_keeps_the_owner_group_and_mode(tmp_path: Path) -> None:
    target = tmp_path / "article.txt"
    target.write_bytes(b"old")
    os.chown(target, OTHER_USER, OTHER_USER + 1)
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    info = target.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (
        OTHER_USER,
        OTHER_USER + 1,
        0o640,
    )
    assert target.read_bytes() == b"new"


@needs_root
def test_check_in_place_as_root_leaves_the_article_to_its_owner(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from geomap.cli import app

    article = tmp_path / "article.txt"
    article.write_text("Protesters gathered in Jala-abad on Monday.\n", encoding="utf-8")
    os.chown(article, OTHER_USER, OTHER_USER)
    article.chmod(0o600)  # private to its owner: root taking it over would lock them out
    result = CliRunner().invoke(app, ["check", str(article), "--in-place"])
    assert result.exit_code == 0, result.stderr
    assert article.read_text(encoding="utf-8") == "Protesters gathered in Jalal-Abad on Monday.\n"
    info = article.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (OTHER_USER, OTHER_USER, 0o600)


def test_a_rewrite_replaces_the_file_so_hard_links_keep_the_old_content(tmp_path: Path) -> None:
    # Documented in the README: the price of never showing a half-written file.
    target = tmp_path / "events.geojson"
    target.write_bytes(b"old")
    os.link(target, tmp_path / "backup.geojson")
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert (tmp_path / "backup.geojson").read_bytes() == b"old"


# ---------------------------------------------------------------------------------------------
# atomic_path, for writers that open the file themselves


def test_atomic_path_gives_each_call_its_own_name_and_renames_at_the_end(tmp_path: Path) -> None:
    target = tmp_path / "events.gpkg"
    target.write_bytes(b"old")
    target.chmod(0o604)
    with atomic_path(target) as first, atomic_path(target) as second:
        assert first != second
        assert first.name == second.name == "events.gpkg"  # drivers go by the extension
        assert not first.exists()
        first.write_bytes(b"first")
        (first.parent / "events.gpkg-journal").write_bytes(b"a writer's side file")
        second.write_bytes(b"second")
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"first"  # the last to finish wins, whole
    assert stat.S_IMODE(target.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.gpkg"]


class _LibraryError(RuntimeError):
    """Stands for a writing library's own error type (pyogrio's derive from RuntimeError)."""


@pytest.mark.parametrize(
    ("error", "failures", "raised", "reason"),
    [
        (OSError(28, "Arrow's own words"), (OSError,), OutputError, "no space left on device"),
        (
            _LibraryError("Failed to commit transaction\nand more detail"),
            (_LibraryError,),
            OutputError,
            "failed to commit transaction",
        ),
        (_LibraryError("a bug, not a write failure"), (OSError,), _LibraryError, None),
        (KeyboardInterrupt(), (OSError,), KeyboardInterrupt, None),
    ],
)
def test_atomic_path_cleans_up_and_turns_write_failures_into_one_line(
    tmp_path: Path,
    error: BaseException,
    failures: tuple[type[BaseException], ...],
    raised: type,
    reason: str | None,
) -> None:
    target = tmp_path / "events.parquet"
    target.write_bytes(b"old")
    with pytest.raises(raised) as caught, atomic_path(target, failures=failures) as temp:
        temp.write_bytes(b"half")
        raise error
    if reason is not None:
        assert str(caught.value) == f"cannot write {target}: {reason}"
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.parquet"]
