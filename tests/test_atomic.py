"""Tests for geomap.atomic: outputs appear whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from geomap import atomic
from geomap.atomic import write_bytes_atomic, write_text_atomic
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
