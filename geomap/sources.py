"""Read articles from files, directories, JSON-lines corpora and stdin, as a stream.

Every user mistake (a missing path, an unreadable, empty, binary or oversized file, a broken
JSON line, a symlink loop) becomes one `InputProblem` in the stream and the batch goes on;
nothing here raises for bad input or prints.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import gzip
import json
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any

from geomap.decoding import (
    UndecodableError,
    bom_encoding,
    decode_bytes,
    decode_html,
    remove_invisible,
)
from geomap.errors import InputError
from geomap.htmltext import html_to_text
from geomap.metadata import TextMetadata, parse_date, text_metadata
from geomap.model import Article, InputProblem
from geomap.unicode_edges import first_lone_surrogate, printable_name

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FIXED_COPY_MARK",
    "HTML_SUFFIXES",
    "JSONL_SUFFIXES",
    "OUTPUT_FOLDER_MARKER",
    "UndecodableError",
    "checked_date",
    "decode_bytes",
    "is_own_output_name",
    "iter_articles",
    "more_bad_lines",
]

# Big enough for any news article or page (a long feature is well under 1 MB), small enough
# that a stray database dump or a 50 MB one-line file is refused before it fills memory.
# For JSON-lines corpora the cap applies to each line, not to the file.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})

StdinStream = IO[str] | IO[bytes]

# A JSON-lines file with more bad lines than this lists the first ones and counts the rest:
# one line each for a few typos, not a screenful for a file that is mostly broken.
_MAX_LINE_PROBLEMS = 10


# ---------------------------------------------------------------------------------------------
# Reasons


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symlink loop"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if error.errno == errno.ENOENT:
        return "no such file or directory"
    if error.errno == errno.EISDIR:
        return "is a directory"
    reason = error.strerror or str(error) or type(error).__name__
    return reason[:1].lower() + reason[1:]


def _too_large(size: int, limit: int) -> str:
    return f"file too large ({size:,} bytes > {limit:,} limit)"


# ---------------------------------------------------------------------------------------------
# One document (a whole file or stdin)


_HTML_SNIFF = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def _looks_like_html(data: bytes) -> bool:
    return bool(_HTML_SNIFF.match(data[:2048].lstrip(codecs.BOM_UTF8)))


def _article_from_document(
    source: str, data: bytes, *, as_html: bool, date_override: str | None
) -> Article | InputProblem:
    if not data:
        return InputProblem(source, "empty file" if source != "-" else "empty input")
    try:
        text, encoding = decode_html(data) if as_html else decode_bytes(data)
    except UndecodableError as error:
        return InputProblem(source, error.reason)
    text = remove_invisible(text)
    if not text.strip():
        return InputProblem(source, "no text (only whitespace)")
    if as_html:
        page = html_to_text(text)
        # Again after the markup: "&shy;" and "&#8203;" only become characters here.
        page_text = remove_invisible(page.text)
        if not page_text.strip():
            return InputProblem(source, "no article text found in the HTML")
        return Article(
            source=source,
            text=page_text,
            title=remove_invisible(page.title),
            date=date_override or page.date,
            outlet=page.outlet,
            url=page.url,
            encoding=encoding,
        )
    meta = text_metadata(text)
    return Article(
        source=source,
        text=text,
        title=meta.title,
        date=date_override or meta.date,
        outlet=meta.outlet,
        encoding=encoding,
    )


def _read_capped(stream: IO[bytes], limit: int) -> bytes | None:
    """At most `limit` bytes from a stream, or None if it holds more."""
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


# ---------------------------------------------------------------------------------------------
# JSON lines


def _skip_rest_of_line(readline: Callable[[int], bytes]) -> None:
    # In bounded pieces, so an oversized line is never held in memory whole.
    while True:
        rest = readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return


def _byte_lines(
    readline: Callable[[int], bytes], limit: int, *, first_number: int = 1
) -> Iterator[tuple[int, bytes | None]]:
    """(1-based line number, line) pairs; None for a line longer than `limit` (skipped)."""
    number = first_number - 1
    while True:
        line = readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            _skip_rest_of_line(readline)
            yield number, None
            continue
        yield number, line


def _jsonl_records(
    source: str,
    lines: Iterable[tuple[int, bytes | None]],
    *,
    limit: int,
    date_override: str | None,
    continued: bool = False,
    max_listed: int = _MAX_LINE_PROBLEMS,
) -> Iterator[Article | InputProblem]:
    # `continued`: the lines go on a file whose first line was already read as JSON (a byte
    # range of it, read by geomap.distributed), so no line here can refuse the whole file.
    seen_content = seen_json = continued
    failed = 0
    for number, raw in lines:
        item: Article | InputProblem
        if raw is None:
            seen_content = True
            item = InputProblem(source, f"line {number}: line too large (> {limit:,} bytes limit)")
        else:
            if number == 1:
                if not seen_content and b"\x00" in raw and not bom_encoding(raw):
                    yield InputProblem(source, "binary file (NUL bytes)")
                    return
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            seen_content = True
            parsed = _jsonl_value(raw)
            if isinstance(parsed, str) and not seen_json:
                # A binary file or prose named .jsonl: one line for the file, not one per line.
                yield InputProblem(source, f"not JSON lines (line {number}: {parsed})")
                return
            seen_json = True
            item = (
                InputProblem(source, f"line {number}: {parsed}")
                if isinstance(parsed, str)
                else _jsonl_record(source, number, *parsed, date_override)
            )
        if isinstance(item, InputProblem):
            failed += 1
            if failed > max_listed:
                continue
        yield item
    if failed > max_listed:
        yield more_bad_lines(source, failed - max_listed)
    if not seen_content:
        yield InputProblem(source, "no articles (only blank lines)")


def more_bad_lines(source: str, more: int) -> InputProblem:
    """The line that stands for the bad lines of a JSON-lines file beyond the listed ones."""
    return InputProblem(source, f"{more:,} more bad line{'s' if more > 1 else ''} not listed")


def _jsonl_value(raw: bytes) -> tuple[Any, str] | str:
    """A line's JSON value and the line's encoding, or why the line is not JSON at all."""
    try:
        line, encoding = decode_bytes(raw)
    except UndecodableError as error:
        return error.reason
    try:
        return json.loads(line.strip()), encoding
    except json.JSONDecodeError as error:
        return f"invalid JSON: {error.msg} (column {error.colno})"
    except RecursionError:
        return "invalid JSON: nested too deeply"


def _jsonl_record(
    source: str, number: int, record: Any, encoding: str, date_override: str | None
) -> Article | InputProblem:
    where = f"line {number}"
    if not isinstance(record, dict):
        return InputProblem(source, f"{where}: not a JSON object")
    if "text" not in record:
        return InputProblem(source, f'{where}: no "text" field')
    text = record["text"]
    if not isinstance(text, str):
        return InputProblem(source, f'{where}: "text" is not a string')
    text = remove_invisible(text)
    if not text.strip():
        return InputProblem(source, f'{where}: empty "text"')
    broken = _field_with_lone_surrogate(record)
    if broken:
        return InputProblem(source, f"{where}: {broken}")
    given_date = _field(record, "date")
    given = TextMetadata(
        title=_field(record, "title"),
        date=date_override or (parse_date(given_date) if given_date else None),
        outlet=_field(record, "outlet"),
    )
    meta = text_metadata(text, given)
    return Article(
        source=f"{source}:{number}",
        text=text,
        title=meta.title,
        date=meta.date,
        outlet=meta.outlet,
        url=_field(record, "url"),
        encoding=encoding,
    )


def _field_with_lone_surrogate(record: dict[str, Any]) -> str | None:
    """Why a record cannot be used: a field escapes half a surrogate pair ("\\ud800").

    Such text is not Unicode and no UTF-8 output can hold it; one record is refused so the
    rest of the batch is still written.
    """
    for name in ("text", "title", "url", "date", "outlet"):
        value = record.get(name)
        if not isinstance(value, str):
            continue
        offset = first_lone_surrogate(value)
        if offset is not None:
            code = f"U+{ord(value[offset]):04X}"
            return f'"{name}" holds an unpaired surrogate ({code} at character {offset})'
    return None


def _field(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return remove_invisible(str(value)).strip()


def _read_jsonl(
    path: str, *, limit: int, date_override: str | None
) -> Iterator[Article | InputProblem]:
    opener: Callable[[str, str], IO[bytes]] = open
    if path.lower().endswith(".gz"):
        opener = gzip.open  # type: ignore[assignment]
    try:
        with opener(path, "rb") as stream:
            head = stream.read(4)
            bom = bom_encoding(head)
            if bom and bom[1] != "utf-8-sig":
                # JSON lines are UTF-8 by definition; a UTF-16/32 file is rare enough to read
                # whole (still capped) rather than line by line.
                rest = _read_capped(stream, limit - len(head))
                if rest is None:
                    yield InputProblem(path, _too_large(os.fstat(stream.fileno()).st_size, limit))
                    return
                data = head + rest
                yield from _jsonl_from_text(path, data, limit=limit, date_override=date_override)
                return
            if not head:
                yield InputProblem(path, "empty file")
                return
            stream.seek(0)
            yield from _jsonl_records(
                path,
                _byte_lines(stream.readline, limit),
                limit=limit,
                date_override=date_override,
            )
    except OSError as error:
        yield InputProblem(path, _os_reason(error))
    except (EOFError, zlib.error) as error:  # a truncated or corrupt .gz
        yield InputProblem(path, f"broken gzip file ({error})")


def _jsonl_from_text(
    source: str, data: bytes, *, limit: int, date_override: str | None
) -> Iterator[Article | InputProblem]:
    try:
        text, _ = decode_bytes(data)
    except UndecodableError as error:
        yield InputProblem(source, error.reason)
        return
    # Split at "\n" only, as the byte reader does: JSON strings may hold U+2028 and friends.
    lines = (
        (number, line.encode("utf-8"))
        for number, line in enumerate(re.split(r"(?<=\n)", text), start=1)
        if line
    )
    yield from _jsonl_records(source, lines, limit=limit, date_override=date_override)


# ---------------------------------------------------------------------------------------------
# Paths


def _kind_of(path: str) -> str:
    stem, suffix = os.path.splitext(path.lower())
    if suffix == ".gz":  # corpus.jsonl.gz: JSON lines, decompressed as they are read
        suffix = os.path.splitext(stem)[1] if os.path.splitext(stem)[1] in JSONL_SUFFIXES else ""
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix == ".txt":
        return "text"
    return "sniff"  # unknown suffix: HTML if it starts like a page, else text


def _read_file(
    path: str, info: os.stat_result, *, limit: int, date_override: str | None
) -> Iterator[Article | InputProblem]:
    kind = _kind_of(path)
    if kind == "jsonl":
        yield from _read_jsonl(path, limit=limit, date_override=date_override)
        return
    if info.st_size > limit:
        yield InputProblem(path, _too_large(info.st_size, limit))
        return
    try:
        with open(path, "rb") as stream:
            data = _read_capped(stream, limit)
    except OSError as error:
        yield InputProblem(path, _os_reason(error))
        return
    if data is None:  # the file grew, or its size was not known (/proc and the like)
        yield InputProblem(path, f"file too large (> {limit:,} bytes limit)")
        return
    as_html = kind == "html" or (kind == "sniff" and _looks_like_html(data))
    yield _article_from_document(path, data, as_html=as_html, date_override=date_override)


# geomap's own outputs that are articles too: reading them back through a folder would
# count every event twice, so a walk skips them. A file or folder named on the command
# line is still read: then the user asked for it.
FIXED_COPY_MARK = ".fixed"  # `check --fix` writes NAME.fixed.EXT beside NAME.EXT
OUTPUT_FOLDER_MARKER = ".geomap-output"  # left in a `check --fix -o DIR` folder


def is_own_output_name(name: str) -> bool:
    """True for a file name that `geomap check --fix` writes (report.fixed.txt)."""
    return os.path.splitext(os.path.splitext(name)[0])[1] == FIXED_COPY_MARK


class _Walker:
    """Walks paths in a deterministic order, reading each file and directory once."""

    def __init__(self, *, limit: int, date_override: str | None) -> None:
        self.limit = limit
        self.date_override = date_override
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_dirs: set[tuple[int, int]] = set()

    def path(self, path: str) -> Iterator[Article | InputProblem]:
        try:
            info = os.stat(path)
        except OSError as error:
            yield InputProblem(path, self._stat_reason(path, error))
            return
        if stat.S_ISDIR(info.st_mode):
            yield from self.directory(path, info)
        else:
            yield from self.file(path, info)

    def file(self, path: str, info: os.stat_result) -> Iterator[Article | InputProblem]:
        if not stat.S_ISREG(info.st_mode):
            yield InputProblem(path, "not a regular file")
            return
        key = (info.st_dev, info.st_ino)
        if key in self.seen_files:
            return  # the same file reached twice (named twice, or through a link)
        self.seen_files.add(key)
        yield from self.read(path, info)

    def read(self, path: str, info: os.stat_result) -> Iterator[Article | InputProblem]:
        """What a regular file reached for the first time gives: its articles or problems."""
        yield from _read_file(path, info, limit=self.limit, date_override=self.date_override)

    def directory(self, root: str, info: os.stat_result) -> Iterator[Article | InputProblem]:
        root_key = (info.st_dev, info.st_ino)
        if root_key in self.seen_dirs:
            return
        self.seen_dirs.add(root_key)
        # An explicit stack rather than recursion: trees can be deeper than Python's stack.
        stack: list[tuple[Iterator[str], str, frozenset[tuple[int, int]]]] = []
        listing = self._listing(root)
        if isinstance(listing, InputProblem):
            yield listing
            return
        stack.append((iter(listing), root, frozenset({root_key})))
        while stack:
            names, folder, ancestors = stack[-1]
            name = next(names, None)
            if name is None:
                stack.pop()
                continue
            child = os.path.join(folder, name)
            try:
                child_info = os.stat(child)
            except OSError as error:
                yield InputProblem(child, self._stat_reason(child, error))
                continue
            if not stat.S_ISDIR(child_info.st_mode):
                if not is_own_output_name(name):
                    yield from self.file(child, child_info)
                continue
            key = (child_info.st_dev, child_info.st_ino)
            if key in ancestors:
                yield InputProblem(child, "symlink loop")
                continue
            if key in self.seen_dirs:
                continue  # a second link to a directory already read
            self.seen_dirs.add(key)
            if os.path.exists(os.path.join(child, OUTPUT_FOLDER_MARKER)):
                continue  # corrected copies written by `geomap check --fix -o`
            listing = self._listing(child)
            if isinstance(listing, InputProblem):
                yield listing
                continue
            stack.append((iter(listing), child, ancestors | {key}))

    @staticmethod
    def _listing(folder: str) -> list[str] | InputProblem:
        try:
            with os.scandir(folder) as entries:
                # Hidden entries (.git, .DS_Store) are tooling, not articles.
                return sorted(entry.name for entry in entries if not entry.name.startswith("."))
        except OSError as error:
            return InputProblem(folder, _os_reason(error))

    @staticmethod
    def _stat_reason(path: str, error: OSError) -> str:
        if error.errno == errno.ENOENT and os.path.islink(path):
            return "broken symbolic link"
        return _os_reason(error)


# ---------------------------------------------------------------------------------------------
# stdin


def _binary_stdin(stream: StdinStream | None) -> Callable[[int], bytes]:
    """A bytes `readline(limit)` over stdin, whether it was opened as text or binary."""
    if stream is None:
        stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer.readline

    def readline(limit: int) -> bytes:
        line = stream.readline(limit)
        return line.encode("utf-8", errors="replace") if isinstance(line, str) else line

    return readline


def _read_stdin(
    stream: StdinStream | None, *, limit: int, date_override: str | None
) -> Iterator[Article | InputProblem]:
    try:
        readline = _binary_stdin(stream)
        first = readline(limit + 1)
        if first.lstrip(codecs.BOM_UTF8).lstrip().startswith(b"{"):
            # JSON lines are streamed line by line, so a whole corpus can be piped in.
            def lines() -> Iterator[tuple[int, bytes | None]]:
                if len(first) > limit and not first.endswith(b"\n"):
                    _skip_rest_of_line(readline)
                    yield 1, None
                else:
                    yield 1, first
                yield from _byte_lines(readline, limit, first_number=2)

            yield from _jsonl_records("-", lines(), limit=limit, date_override=date_override)
            return
        chunks = [first]
        size = len(first)
        while size <= limit:
            chunk = readline(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        yield InputProblem("-", _os_reason(error))
        return
    if size > limit:
        yield InputProblem("-", f"input too large (> {limit:,} bytes limit)")
        return
    data = b"".join(chunks)
    yield _article_from_document(
        "-", data, as_html=_looks_like_html(data), date_override=date_override
    )


# ---------------------------------------------------------------------------------------------
# Entry point


def checked_date(date_override: str | None) -> str | None:
    """The ISO form of a --date value; InputError naming --date when it is not a date."""
    if date_override is None:
        return None
    iso = parse_date(date_override)
    if iso is None:
        raise InputError("--date", f"not a date: {date_override!r} (use YYYY-MM-DD)")
    return iso


def iter_articles(
    paths: Sequence[str],
    *,
    date_override: str | None = None,
    stdin: StdinStream | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Article | InputProblem]:
    """Stream the articles in `paths`, with one InputProblem for each input that fails.

    A path is a file, a directory (read recursively in sorted order, hidden entries skipped,
    each file and directory once, symlink loops reported and not followed) or "-" for stdin.
    The format follows the suffix: .jsonl/.ndjson hold one article per line (`text`, and
    optionally `title`, `url`, `date`, `outlet`; the Article.source of line 3 is "path:3");
    .html/.htm pages are reduced to their article text; .txt and any other file are text,
    unless they start like an HTML page. stdin is read as JSON lines if it starts with "{",
    else as one HTML page or text.

    `date_override` (any date `parse_date` understands) replaces every article's date.
    Files larger than `max_bytes` (for JSON lines, lines larger than it) are refused.

    Raises InputError only for an invalid `date_override`, before anything is read.
    """
    override = checked_date(date_override)
    # A lone string is a Sequence[str] too, and would be walked one character at a time.
    path_list = [paths] if isinstance(paths, str) else list(paths)
    return _iter_articles(path_list, override, stdin, max_bytes)


def _printable_source(item: Article | InputProblem) -> Article | InputProblem:
    # A file name that is not UTF-8 reaches Python as surrogate escapes; shown as U+FFFD so
    # every output can hold it (the file itself was opened by its real name).
    source = printable_name(item.source)
    return item if source == item.source else dataclasses.replace(item, source=source)


def _iter_articles(
    paths: list[str], date_override: str | None, stdin: StdinStream | None, limit: int
) -> Iterator[Article | InputProblem]:
    walker = _Walker(limit=limit, date_override=date_override)
    stdin_read = False
    reported: set[tuple[str, str]] = set()
    for path in paths:
        if path == "-":
            if stdin_read:
                continue  # stdin can only be read once
            stdin_read = True
            items = _read_stdin(stdin, limit=limit, date_override=date_override)
        else:
            items = walker.path(path)
        for item in map(_printable_source, items):
            if isinstance(item, InputProblem):
                # A path named twice, or reached again through a link, is reported once.
                key = (item.source, item.reason)
                if key in reported:
                    continue
                reported.add(key)
            yield item
