"""Corrected files: fixable findings applied in each file's own encoding, written atomically."""

from __future__ import annotations

import codecs
import json
import os
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from geomap.atomic import write_bytes_atomic
from geomap.check.findings import Finding
from geomap.check.jsonl import text_offsets
from geomap.check.run import CheckRun
from geomap.decoding import raw_offsets, remove_invisible
from geomap.model import InputProblem
from geomap.sources import (
    FIXED_COPY_MARK,
    JSONL_SUFFIXES,
    OUTPUT_FOLDER_MARKER,
    UndecodableError,
    decode_bytes,
)

__all__ = ["FixPlan", "FixedFile", "fix_text", "plan_fixes", "write_fixes"]


def fix_text(text: str, findings: Iterable[Finding]) -> str:
    """`text` with each fixable finding's span replaced by its suggestion.

    Raises ValueError when a finding's span no longer holds what was found.
    """
    out, cursor = [], 0
    for f in sorted((f for f in findings if f.fixable), key=lambda f: f.start):
        if f.start < cursor or text[f.start : f.end] != f.found:
            raise ValueError(f"{f.path}:{f.line}:{f.col}: text changed since it was checked")
        out.append(text[cursor : f.start])
        out.append(f.suggestion)
        cursor = f.end
    out.append(text[cursor:])
    return "".join(out)


def _fix_jsonl_line(line: str, number: int, fixes: Sequence[Finding]) -> str:
    offsets = text_offsets(line)
    if offsets is None:
        raise ValueError(f"line {number}: cannot find the record's text")
    out, cursor = [], 0
    for f in sorted(fixes, key=lambda f: f.start):
        raw_start, raw_end = offsets[f.start], offsets[f.end]
        if raw_start < cursor or json.loads(f'"{line[raw_start:raw_end]}"') != f.found:
            raise ValueError(f"line {number}: text changed since it was checked")
        out.append(line[cursor:raw_start])
        out.append(json.dumps(f.suggestion, ensure_ascii=False)[1:-1])
        cursor = raw_end
    out.append(line[cursor:])
    return "".join(out)


def _fix_jsonl(data: bytes, findings: Sequence[Finding]) -> bytes:
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    lines = data[len(bom) :].decode("utf-8").split("\n")
    by_line: dict[int, list[Finding]] = defaultdict(list)
    for f in findings:
        by_line[f.line].append(f)
    for number, fixes in by_line.items():
        lines[number - 1] = _fix_jsonl_line(lines[number - 1], number, fixes)
    return bom + "\n".join(lines).encode("utf-8")


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _in_raw_text(raw: str, findings: Sequence[Finding]) -> list[Finding]:
    """Findings moved from the cleaned text (zero-width characters and soft hyphens removed
    on reading) to the file's own text, so a fix keeps every other character as written."""
    offsets = raw_offsets(raw)
    if len(offsets) == len(raw) + 1:
        return list(findings)  # nothing was removed
    moved = []
    for f in findings:
        if f.end > len(offsets) - 1:
            moved.append(f)  # out of range: the check below reports the file as changed
            continue
        start, end = offsets[f.start], offsets[f.end - 1] + 1
        if remove_invisible(raw[start:end]) == f.found:
            f = replace(f, start=start, end=end, found=raw[start:end])
        moved.append(f)
    return moved


def _encoded(fixed: str, data: bytes, encoding: str) -> bytes:
    """`fixed` in the encoding and byte-order mark the file was read in."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return bom + fixed.encode(codec)
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise ValueError(f"cannot write back its encoding ({encoding})") from None
    try:
        return fixed.encode(encoding)
    except UnicodeEncodeError:
        raise ValueError(f"a suggestion cannot be written in {encoding}") from None


def _fix_document(data: bytes, findings: Sequence[Finding]) -> bytes:
    """The file's bytes with the fixes applied, in its own encoding and byte-order mark."""
    try:
        text, encoding = decode_bytes(data)
    except UndecodableError as error:
        raise ValueError(error.reason) from None
    findings = _in_raw_text(text, findings)
    if any(text[f.start : f.end] != f.found for f in findings):
        # HTML findings index the extracted article text, not the page's markup.
        raise ValueError("positions refer to extracted text (HTML), or the file changed")
    return _encoded(fix_text(text, findings), data, encoding)


@dataclass(frozen=True)
class FixedFile:
    source: str
    target: str
    data: bytes
    fixes: int


@dataclass(frozen=True)
class FixPlan:
    files: tuple[FixedFile, ...]
    problems: tuple[InputProblem, ...]


def _fixed_name(path: str) -> str:
    stem, suffix = os.path.splitext(path)
    return f"{stem}{FIXED_COPY_MARK}{suffix}"


def _relative_to_roots(path: str, roots: Sequence[str]) -> str:
    for root in roots:
        if root != "-" and os.path.isdir(root):
            relative = os.path.relpath(path, root)
            if not relative.startswith(os.pardir):
                return relative
    return os.path.basename(path)


def _fixed_bytes(path: str, findings: Sequence[Finding]) -> bytes:
    """The corrected file; raises OSError or ValueError when it cannot be made safely."""
    data = Path(path).read_bytes()
    if os.path.splitext(path)[1].lower() in JSONL_SUFFIXES:
        return _fix_jsonl(data, findings)
    return _fix_document(data, findings)


def _target(path: str, run: CheckRun, in_place: bool, out_dir: str | None) -> str:
    if in_place:
        return path
    if out_dir is not None:
        return os.path.join(out_dir, _relative_to_roots(path, run.roots))
    return _fixed_name(path)


def plan_fixes(run: CheckRun, *, in_place: bool = False, out_dir: str | None = None) -> FixPlan:
    """Corrected copies of the files with fixable findings; nothing is written yet.

    Copies go beside each input as NAME.fixed.EXT, or under `out_dir` (mirroring the
    folders given), or replace the input when `in_place`. A file that cannot be fixed
    safely (HTML, stdin, an encoding that cannot hold a suggestion) becomes a problem.
    """
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in run.findings:
        if f.fixable:
            by_path[f.path].append(f)
    files, problems, targets = [], [], set()
    for path, findings in by_path.items():
        if path == "-":
            problems.append(InputProblem(path, "stdin cannot be fixed; save it to a file"))
            continue
        try:
            fixed = _fixed_bytes(path, findings)
        except (OSError, ValueError) as error:
            reason = error.strerror if isinstance(error, OSError) else str(error)
            problems.append(InputProblem(path, f"not fixed: {reason}"))
            continue
        target = _target(path, run, in_place, out_dir)
        if target in targets:
            problems.append(InputProblem(path, f"not fixed: {target} would be written twice"))
            continue
        targets.add(target)
        files.append(FixedFile(path, target, fixed, len(findings)))
    return FixPlan(tuple(files), tuple(problems))


def write_fixes(plan: FixPlan, out_dir: str | None = None) -> None:
    """Write each planned file atomically. Raises OutputError on the first failure.

    An `out_dir` gets a marker file, so that reading a folder that holds it (`geomap
    extract .` after `check . --fix -o fixed`) does not count every article twice.
    """
    if out_dir is not None and plan.files:
        write_bytes_atomic(
            os.path.join(out_dir, OUTPUT_FOLDER_MARKER),
            b"Corrected copies written by `geomap check --fix`; geomap skips this folder "
            b"when it reads a folder around it.\n",
        )
    for fixed in plan.files:
        write_bytes_atomic(fixed.target, fixed.data)
