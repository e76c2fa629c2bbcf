"""Where a JSON-lines record's "text" value sits in its raw line, so that findings point at
the line as an editor shows it and fixes rewrite only the bytes of a name."""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from geomap.check.findings import Finding
from geomap.model import Article
from geomap.sources import JSONL_SUFFIXES

__all__ = ["jsonl_source", "placed_in_jsonl", "text_offsets"]


def jsonl_source(source: str) -> tuple[str, int] | None:
    """("corpus.jsonl", 3) for the Article.source "corpus.jsonl:3"."""
    path, _, number = source.rpartition(":")
    if not number.isdigit() or not path:
        return None
    if path != "-" and os.path.splitext(path)[1].lower() not in JSONL_SUFFIXES:
        return None
    return path, int(number)


def _skip_ws(line: str, i: int) -> int:
    while i < len(line) and line[i] in " \t\r\n":
        i += 1
    return i


def _text_start(line: str) -> int | None:
    """Where the record's "text" string starts (after its quote); None if there is none.

    The record is scanned key by key, so that a "text" inside another value is not taken
    for it; the last "text" wins, as in json.loads.
    """
    decoder = json.JSONDecoder()
    i = _skip_ws(line, 0)
    if not line.startswith("{", i):
        return None
    i, start = i + 1, None
    while not line.startswith("}", i := _skip_ws(line, i)):
        if not line.startswith('"', i):
            return None
        key, i = json.decoder.scanstring(line, i + 1)  # type: ignore[attr-defined]
        i = _skip_ws(line, i)
        if not line.startswith(":", i):
            return None
        i = _skip_ws(line, i + 1)
        if key == "text" and line.startswith('"', i):
            start = i + 1
        _, i = decoder.raw_decode(line, i)
        i = _skip_ws(line, i)
        if line.startswith(",", i):
            i += 1
    return start


def _escape_length(line: str, i: int) -> int:
    """Raw characters of the one decoded character at line[i]."""
    if line[i] != "\\":
        return 1
    if line[i + 1] != "u":
        return 2
    if 0xD800 <= int(line[i + 2 : i + 6], 16) < 0xDC00 and line.startswith("\\u", i + 6):
        return 12  # a surrogate pair decodes to one character
    return 6


def text_offsets(line: str) -> list[int] | None:
    """Where each character of a JSON record's "text" value sits in the raw line, plus its end.

    Escapes (\\n, \\u00e9, surrogate pairs) make the decoded text and the raw line differ;
    this map lets a finding point at the line as an editor shows it, and a fix rewrite
    only the bytes of the name.
    """
    try:
        start = _text_start(line)
        if start is None:
            return None
        offsets, i = [], start
        while i < len(line) and line[i] != '"':
            offsets.append(i)
            i += _escape_length(line, i)
    except (ValueError, IndexError):
        return None
    offsets.append(i)
    return offsets


def _read_lines(path: str) -> list[str] | None:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None
    text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="replace")
    return text.split("\n")


def placed_in_jsonl(findings: Iterable[Finding], article: Article) -> list[Finding]:
    """Findings of a JSON-lines article placed at the line and column of its file."""
    located = jsonl_source(article.source)
    if located is None:
        return list(findings)
    path, number = located
    lines = _read_lines(path) if path != "-" else None
    offsets = None
    if lines is not None and number <= len(lines):
        offsets = text_offsets(lines[number - 1])
        if offsets is not None and len(offsets) != len(article.text) + 1:
            offsets = None
    out = []
    for f in findings:
        # Without the raw line (stdin) the column counts within the "text" value.
        col = offsets[f.start] + 1 if offsets is not None else f.start + 1
        out.append(replace(f, path=path, line=number, col=col))
    return out
