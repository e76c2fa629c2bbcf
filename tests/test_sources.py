"""Tests for geomap.sources: decoding, formats, bad input and streaming."""

from __future__ import annotations

import builtins
import codecs
import io
import json
import os
import random
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from geomap.errors import InputError
from geomap.model import Article, InputProblem
from geomap.sources import DEFAULT_MAX_BYTES, UndecodableError, decode_bytes, iter_articles

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
SEEDS = sorted((FIXTURES / "good").glob("*.txt"))

MB = 1024 * 1024


def _read_exactly(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as stream:
        return stream.read()


def _problems(items: list[Article | InputProblem]) -> list[tuple[str, str]]:
    return [(i.source, i.reason) for i in items if isinstance(i, InputProblem)]


def _articles(items: list[Article | InputProblem]) -> dict[str, Article]:
    return {i.source: i for i in items if isinstance(i, Article)}


# ---------------------------------------------------------------------------------------------
# decode_bytes

CYRILLIC = "В Джалал-Абаде около 10 000 человек вышли на митинг."
FRENCH = "Les manifestants ont pris d'assaut la préfecture à Osh, selon l'agence."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(b"", "", "utf-8", id="empty"),
        pytest.param("Ош — Jalal-Abad".encode(), "Ош — Jalal-Abad", "utf-8", id="utf-8"),
        pytest.param(
            codecs.BOM_UTF8 + "Osh’s mayor".encode(), "Osh’s mayor", "utf-8-sig", id="utf-8 BOM"
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + "Ош\r\nOsh".encode("utf-16-le"),
            "Ош\r\nOsh",
            "utf-16",
            id="utf-16 LE BOM",
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + "Ош\nOsh".encode("utf-16-be"), "Ош\nOsh", "utf-16", id="utf-16 BE"
        ),
        pytest.param(
            codecs.BOM_UTF32_LE + "Ош".encode("utf-32-le"), "Ош", "utf-32", id="utf-32 LE BOM"
        ),
        pytest.param(
            "Protest in Osh".encode("utf-16-le"), "Protest in Osh", "utf-16-le", id="utf-16 no BOM"
        ),
        pytest.param(CYRILLIC.encode("cp1251"), CYRILLIC, "cp1251", id="cp1251"),
        pytest.param(
            "Ош, Джалал-Абад".encode("cp1251"), "Ош, Джалал-Абад", "cp1251", id="cp1251 short"
        ),
        pytest.param(
            "БИШКЕК, 24 МАРТА. ДЕМОНСТРАНТЫ".encode("cp1251"),
            "БИШКЕК, 24 МАРТА. ДЕМОНСТРАНТЫ",
            "cp1251",
            id="cp1251 capitals",
        ),
        pytest.param(
            "Митинг в Бишкеке собрал тысячи".encode("koi8-r"),
            "Митинг в Бишкеке собрал тысячи",
            "koi8-r",
            id="koi8-r",
        ),
        pytest.param(FRENCH.encode("latin-1"), FRENCH, "latin-1", id="latin-1 French"),
        pytest.param(
            "Größer als je zuvor: Demonstration in München".encode("latin-1"),
            "Größer als je zuvor: Demonstration in München",
            "latin-1",
            id="latin-1 German",
        ),
        pytest.param("café".encode("latin-1"), "café", "latin-1", id="latin-1 one word"),
        pytest.param(
            "He said “no” — twice.".encode("cp1252"),
            "He said “no” — twice.",
            "cp1252",
            id="cp1252 quotes",
        ),
        pytest.param(
            b"Osh\xff" + "’s square — 1,000 people".encode(),
            "Osh\ufffd’s square — 1,000 people",
            "utf-8 (1 invalid byte replaced)",
            id="utf-8 with a broken byte",
        ),
        pytest.param(b"one\r\ntwo\rthree\n", "one\r\ntwo\rthree\n", "utf-8", id="newlines kept"),
    ],
)
def test_decode_bytes(data: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)", id="png"),
        pytest.param(bytes(range(1, 32)) * 20, "binary file (control characters)", id="controls"),
        pytest.param(
            codecs.BOM_UTF8 + b"ok \xff\xfe",
            "not decodable as utf-8-sig: invalid start byte",
            id="bad BOM",
        ),
    ],
)
def test_decode_bytes_refuses(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(data)
    assert caught.value.reason == reason


# ---------------------------------------------------------------------------------------------
# The issue-6 corpus: every bad input beside the good seeds


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "corpus"
    shutil.copytree(FIXTURES, root)
    with open(root / "bad" / "huge_single_line.txt", "wb") as stream:
        for _ in range(50):
            stream.write(b"protest " * (MB // 8))
    locked = root / "bad" / "unreadable.txt"
    locked.write_text("Protesters marched in Osh.\n", encoding="utf-8")
    locked.chmod(0)
    (root / "bad" / "loop").mkdir()
    (root / "bad" / "loop" / "back").symlink_to("..", target_is_directory=True)
    if os.geteuid() == 0:
        # root reads a mode-000 file anyway; make its read fail as it would for anyone else.
        real_open = builtins.open

        def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            if os.fspath(file) == str(locked):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
    yield root
    locked.chmod(0o644)


def test_corpus_reports_each_problem_once_and_keeps_every_good_article(corpus: Path) -> None:
    missing = str(corpus / "no_such_article.txt")
    items = list(iter_articles([str(corpus), missing]))
    bad = str(corpus / "bad")

    assert _problems(items) == [
        (f"{bad}/corpus.jsonl", "line 3: invalid JSON: Expecting value (column 55)"),
        (f"{bad}/corpus.jsonl", 'line 4: no "text" field'),
        (f"{bad}/corpus.jsonl", "line 5: not a JSON object"),
        (f"{bad}/corpus.jsonl", 'line 6: "text" is not a string'),
        (f"{bad}/corpus.jsonl", 'line 7: empty "text"'),
        (f"{bad}/empty.txt", "empty file"),
        (f"{bad}/huge_single_line.txt", "file too large (52,428,800 bytes > 20,971,520 limit)"),
        (f"{bad}/loop/back", "symlink loop"),
        (f"{bad}/photo.png", "binary file (NUL bytes)"),
        (f"{bad}/unreadable.txt", "permission denied"),
        (missing, "no such file or directory"),
    ]

    articles = _articles(items)
    assert list(articles) == [
        f"{bad}/corpus.jsonl:1",
        f"{bad}/corpus.jsonl:8",
        f"{bad}/corpus.jsonl:9",
        f"{bad}/cyrillic_cp1251.txt",
        f"{bad}/invalid_utf8.txt",
        f"{bad}/utf16_bom.txt",
        *(str(corpus / "good" / seed.name) for seed in SEEDS),
        str(corpus / "html" / "bbc_2005_story.html"),
        str(corpus / "html" / "script_heavy.html"),
    ]
    for seed in SEEDS:
        article = articles[str(corpus / "good" / seed.name)]
        assert article.text == _read_exactly(seed)
        assert article.encoding == "utf-8"


def test_corpus_decodes_each_encoding(corpus: Path) -> None:
    articles = _articles(list(iter_articles([str(corpus / "bad")])))
    bad = corpus / "bad"
    cyrillic = articles[str(bad / "cyrillic_cp1251.txt")]
    assert cyrillic.encoding == "cp1251"
    assert cyrillic.text == (
        "В Джалал-Абаде около 10 000 человек вышли на митинг.\n"
        "Демонстранты захватили здание областной администрации.\n"
    )
    utf16 = articles[str(bad / "utf16_bom.txt")]
    assert utf16.encoding == "utf-16"
    assert utf16.text == (
        "Thousands marched through Tbilisi on Sunday.\r\nPolice said 15,000 people took part.\r\n"
    )
    broken = articles[str(bad / "invalid_utf8.txt")]
    assert broken.encoding == "utf-8 (1 invalid byte replaced)"
    assert broken.text.count("\ufffd") == 1
    assert "about 2,000 people — on 24 March." in broken.text


def test_corpus_html_loses_scripts_and_styles(corpus: Path) -> None:
    articles = _articles(list(iter_articles([str(corpus / "html")])))
    page = articles[str(corpus / "html" / "script_heavy.html")]
    assert page.title == "Thousands rally in Valparaíso against pension reform"
    assert page.date == "2019-10-25"
    assert page.outlet == "The Coastal Herald"
    assert page.url == "https://coastalherald.example/world/2019/10/25/valparaiso-pension-rally"
    assert "gtag" not in page.text
    assert "line-height" not in page.text
    assert page.text.startswith("Thousands rally in Valparaíso against pension reform\n\n")


# ---------------------------------------------------------------------------------------------
# Paths


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("zeta.txt", "sub/beta.txt", "alpha.txt", "sub/inner/gamma.txt", ".hidden.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Text of {name}.\n", encoding="utf-8")
    items = list(iter_articles([str(tmp_path)]))
    assert [i.source for i in items] == [
        str(tmp_path / "alpha.txt"),
        str(tmp_path / "sub" / "beta.txt"),
        str(tmp_path / "sub" / "inner" / "gamma.txt"),
        str(tmp_path / "zeta.txt"),
    ]


def test_a_file_named_twice_or_linked_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rally in Osh.\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    items = list(iter_articles([str(tmp_path / "a.txt"), str(tmp_path)]))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]


def test_a_problem_named_twice_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(iter_articles([str(tmp_path / "empty.txt"), str(tmp_path / "empty.txt")]))
    assert _problems(items) == [(str(tmp_path / "empty.txt"), "empty file")]


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda p: p.symlink_to(p), "symlink loop", id="self link"),
        pytest.param(
            lambda p: p.symlink_to(p.parent / "gone"), "broken symbolic link", id="broken"
        ),
        pytest.param(lambda p: p.write_text("  \n\t\n"), "no text (only whitespace)", id="blank"),
        pytest.param(lambda p: None, "no such file or directory", id="missing"),
    ],
)
def test_path_problems(tmp_path: Path, make: Any, reason: str) -> None:
    path = tmp_path / "article.txt"
    make(path)
    assert _problems(list(iter_articles([str(path)]))) == [(str(path), reason)]


def test_a_device_is_not_read() -> None:
    assert _problems(list(iter_articles(["/dev/null"]))) == [("/dev/null", "not a regular file")]


def test_a_single_path_string_is_one_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rally in Osh.\n", encoding="utf-8")
    items = list(iter_articles(str(tmp_path / "a.txt")))
    assert [i.source for i in items] == [str(tmp_path / "a.txt")]


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x" * 101, encoding="utf-8")
    assert _problems(list(iter_articles([str(path)], max_bytes=100))) == [
        (str(path), "file too large (101 bytes > 100 limit)")
    ]
    assert DEFAULT_MAX_BYTES == 20 * MB


def test_unknown_suffix_that_is_a_page_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "saved_page"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Rally</title></head><body><nav><a href='/'>Home</a>"
        "</nav><p>Thousands of people rallied in the centre of Osh on Monday, witnesses said, "
        "as the protests spread.</p></body></html>",
        encoding="utf-8",
    )
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert article.text == (
        "Thousands of people rallied in the centre of Osh on Monday, witnesses said, as the "
        "protests spread."
    )


def test_html_believes_its_declared_charset(tmp_path: Path) -> None:
    body = "Тысячи человек собрались на площади в Оше в понедельник, сообщили очевидцы."
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{body}</p></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert (article.text, article.encoding) == (body, "cp1251")


def test_html_without_article_text_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    assert _problems(list(iter_articles([str(path)]))) == [
        (str(path), "no article text found in the HTML")
    ]


# ---------------------------------------------------------------------------------------------
# JSON lines


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param(
            b"{not json}",
            "invalid JSON: Expecting property name enclosed in double quotes (column 2)",
            id="syntax",
        ),
        pytest.param(
            b'{"text": "cut', "invalid JSON: Unterminated string starting at (column 10)", id="cut"
        ),
        pytest.param(b"[1, 2]", "not a JSON object", id="array"),
        pytest.param(b'"just text"', "not a JSON object", id="string"),
        pytest.param(b'{"title": "x"}', 'no "text" field', id="no text"),
        pytest.param(b'{"text": null}', '"text" is not a string', id="null text"),
        pytest.param(b'{"text": ""}', 'empty "text"', id="empty text"),
        pytest.param(b'{"text": "a\x00b"}', "binary file (NUL bytes)", id="NUL"),
    ],
)
def test_jsonl_bad_line(tmp_path: Path, line: bytes, reason: str) -> None:
    path = tmp_path / "corpus.ndjson"
    path.write_bytes(b'{"text": "First."}\n' + line + b'\n{"text": "Third."}\n')
    items = list(iter_articles([str(path)]))
    assert _problems(items) == [(str(path), f"line 2: {reason}")]
    assert [(a.source, a.text) for a in _articles(items).values()] == [
        (f"{path}:1", "First."),
        (f"{path}:3", "Third."),
    ]


def test_jsonl_fields_and_fallbacks(tmp_path: Path) -> None:
    records = [
        {
            "text": "Farmers blocked the road.",
            "title": "Road blocked",
            "url": "https://example.org/a",
            "date": "2021-06-15T08:00:00Z",
            "outlet": "Daily Example",
        },
        {"text": "BISHKEK, March 24, 2005 (Reuters) - Protesters stormed the building."},
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    first, second = iter_articles([str(path)])
    assert first == Article(
        source=f"{path}:1",
        text="Farmers blocked the road.",
        title="Road blocked",
        date="2021-06-15",
        outlet="Daily Example",
        url="https://example.org/a",
    )
    assert isinstance(second, Article)
    assert (second.date, second.outlet) == ("2005-03-24", "Reuters")


def test_jsonl_oversized_line_is_skipped_not_held(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"text": "' + b"x" * 300 + b'"}\n{"text": "Small."}\n')
    items = list(iter_articles([str(path)], max_bytes=100))
    assert _problems(items) == [(str(path), "line 1: line too large (> 100 bytes limit)")]
    assert [a.text for a in _articles(items).values()] == ["Small."]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"\n\n  \n", "no articles (only blank lines)", id="blank lines"),
        pytest.param(b"\x00\x01\x02\x03 binary", "binary file (NUL bytes)", id="binary"),
    ],
)
def test_jsonl_file_problems(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    assert _problems(list(iter_articles([str(path)]))) == [(str(path), reason)]


def test_jsonl_with_utf16_bom(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(codecs.BOM_UTF16_LE + '{"text": "Митинг в Оше."}\n'.encode("utf-16-le"))
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert article.text == "Митинг в Оше."


# ---------------------------------------------------------------------------------------------
# stdin


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        pytest.param(
            io.StringIO("Protest in Osh.\r\nMore.\n"),
            [("-", "Protest in Osh.\r\nMore.\n")],
            id="text",
        ),
        pytest.param(
            io.BytesIO("Митинг в Оше.".encode("cp1251")),
            [("-", "Митинг в Оше.")],
            id="cp1251 bytes",
        ),
        pytest.param(
            io.BytesIO(b'{"text": "One."}\n{"text": "Two."}\n'),
            [("-:1", "One."), ("-:2", "Two.")],
            id="json lines",
        ),
        pytest.param(
            io.BytesIO(
                b"<html><body><p>Thousands of people rallied in Osh on Monday, witnesses said, "
                b"as the protests spread.</p></body></html>"
            ),
            [
                (
                    "-",
                    "Thousands of people rallied in Osh on Monday, witnesses said, as the "
                    "protests spread.",
                )
            ],
            id="html",
        ),
    ],
)
def test_stdin(stdin: io.IOBase, expected: list[tuple[str, str]]) -> None:
    items = list(iter_articles(["-"], stdin=stdin))  # type: ignore[arg-type]
    assert [(a.source, a.text) for a in items if isinstance(a, Article)] == expected


def test_empty_stdin_is_a_problem() -> None:
    assert _problems(list(iter_articles(["-"], stdin=io.BytesIO(b"")))) == [("-", "empty input")]


def test_stdin_is_read_once() -> None:
    items = list(iter_articles(["-", "-"], stdin=io.StringIO("Rally in Osh.")))
    assert [i.source for i in items] == ["-"]


# ---------------------------------------------------------------------------------------------
# Streaming and the date override


class _CountingStream(io.BytesIO):
    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.bytes_read = 0

    def readline(self, size: int | None = -1) -> bytes:
        line = super().readline(size)
        self.bytes_read += len(line)
        return line


def test_articles_are_streamed_not_collected() -> None:
    line = b'{"text": "Protesters rallied in Osh."}\n'
    stream = _CountingStream(line * 20_000)
    articles = iter_articles(["-"], stdin=stream)
    assert not isinstance(articles, (list, tuple))
    first = next(articles)
    assert isinstance(first, Article)
    assert stream.bytes_read < 10 * len(line)
    assert sum(1 for _ in articles) == 19_999


def test_date_override_wins(tmp_path: Path) -> None:
    shutil.copy(SEEDS[2], tmp_path / "bbc.txt")
    (article,) = iter_articles([str(tmp_path / "bbc.txt")], date_override="2005-03-22")
    assert isinstance(article, Article)
    assert article.date == "2005-03-22"


def test_invalid_date_override_is_refused_before_reading() -> None:
    with pytest.raises(InputError, match="not a date"):
        iter_articles(["does-not-matter.txt"], date_override="next week")


def test_jsonl_lines_split_only_at_newlines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    record = '{"text": "Rally\u2028in Osh."}\n{"text": "Second."}\n'
    path.write_bytes(codecs.BOM_UTF16_LE + record.encode("utf-16-le"))
    assert [(a.source, a.text) for a in iter_articles([str(path)]) if isinstance(a, Article)] == [
        (f"{path}:1", "Rally\u2028in Osh."),
        (f"{path}:2", "Second."),
    ]


def test_the_cli_reports_each_bad_input_once_and_keeps_every_good_event(
    corpus: Path, tmp_path: Path
) -> None:
    import json

    from typer.testing import CliRunner

    from geomap.cli import app

    missing = str(corpus / "no_such_article.txt")
    report = tmp_path / "report.json"
    out = tmp_path / "events.geojson"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            "--level",
            "reports",
            str(corpus),
            missing,
            "-o",
            str(out),
            "--report",
            str(report),
        ],
    )
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    failed = json.loads(report.read_text(encoding="utf-8"))["failed"]
    assert len(failed) == 11
    for entry in failed:
        line = f"geomap: {entry['source']}: {entry['reason']}"
        assert result.stderr.count(line + "\n") == 1, line
    assert "11 input(s) failed" in result.stderr
    # Every event of the good seeds is there, exactly as from the seeds alone.
    alone = CliRunner().invoke(app, ["extract", "--level", "reports", str(corpus / "good")])
    assert alone.exit_code == 0
    good = [
        f
        for f in json.loads(out.read_text(encoding="utf-8"))["features"]
        if "/good/" in f["properties"]["source"]
    ]
    assert good == json.loads(alone.stdout)["features"]


# ---------------------------------------------------------------------------------------------
# Implausible decodings (issue 15): random bytes are not text in any encoding


def _random_text_bytes(seed: int, size: int) -> bytes:
    # No NUL bytes, so the bytes reach the encoding guessers rather than the NUL check.
    return random.Random(seed).randbytes(size).replace(b"\x00", b"\x01")


@pytest.mark.parametrize("size", [32, 100, 1_000, 50_000])
@pytest.mark.parametrize("seed", range(12))
def test_random_bytes_are_refused(seed: int, size: int) -> None:
    with pytest.raises(UndecodableError) as caught:
        decode_bytes(_random_text_bytes(seed, size))
    assert caught.value.reason.startswith(("binary file", "not text", "not decodable"))


@pytest.mark.parametrize("seed", range(12))
def test_random_bytes_after_a_utf16_bom_are_refused(seed: int) -> None:
    # Random 16-bit units that are valid UTF-16 (no half surrogate pairs): a random file
    # starting with FF FE, a 1 in 65,536 chance.
    draw = random.Random(seed)
    units = [draw.randrange(0x100, 0xF800) for _ in range(200)]
    text = "".join(chr(u + 0x800 if u >= 0xD800 else u) for u in units)
    with pytest.raises(UndecodableError, match=r"; tried utf-16$"):
        decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))


def test_a_random_file_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(_random_text_bytes(3, 4_000))
    (problem,) = iter_articles([str(path)])
    assert isinstance(problem, InputProblem)
    assert problem.source == str(path)
    assert "\n" not in problem.reason


RUSSIAN = (
    "Во вторник сотни жителей Оша собрались у здания городской администрации. "
    "Они требовали отставки мэра и пересчёта голосов на выборах."
)
FRENCH_LONG = (
    "Mardi, des centaines d'habitants se sont réunis devant la mairie ; ils réclamaient "
    "la démission du maire, a précisé un élu à l'Agence France-Presse."
)
CHINESE = "2005年3月24日，数千名抗议者在比什凯克冲击了政府大楼。BBC报道说，警察没有干预。"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        pytest.param(RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", id="cp1251 Russian"),
        pytest.param(FRENCH_LONG.encode("latin-1"), FRENCH_LONG, "latin-1", id="latin-1 French"),
        pytest.param(
            codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), RUSSIAN, "utf-16", id="utf-16 LE"
        ),
        pytest.param(
            codecs.BOM_UTF16_BE + FRENCH_LONG.encode("utf-16-be"),
            FRENCH_LONG,
            "utf-16",
            id="utf-16 BE",
        ),
        pytest.param(
            codecs.BOM_UTF16_LE + CHINESE.encode("utf-16-le"), CHINESE, "utf-16", id="utf-16 zh"
        ),
    ],
)
def test_real_text_in_a_guessed_encoding_still_decodes(
    data: bytes, text: str, encoding: str
) -> None:
    assert decode_bytes(data) == (text, encoding)


# ---------------------------------------------------------------------------------------------
# Invisible characters


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("zwsp.txt", "Protesters gathered in O\u200bsh on Monday.\n".encode()),
        ("soft.txt", "Protesters gathered in O\u00adsh on Monday.\n".encode()),
        ("joiners.txt", "Protesters gathered in O\u200c\u200d\u2060\ufeffsh on Monday.\n".encode()),
        (
            "page.html",
            b"<html><body><article><p>Protesters gathered in O&shy;sh on Monday."
            b"</p></article></body></html>",
        ),
        (
            "corpus.jsonl",
            json.dumps({"text": "Protesters gathered in O\u200bsh on Monday."}).encode(),
        ),
    ],
)
def test_zero_width_characters_and_soft_hyphens_are_removed_on_reading(
    tmp_path: Path, gaz: Any, name: str, content: bytes
) -> None:
    from geomap.places import find_mentions

    path = tmp_path / name
    path.write_bytes(content)
    (article,) = iter_articles([str(path)])
    assert isinstance(article, Article)
    assert article.text.strip() == "Protesters gathered in Osh on Monday."
    (mention,) = find_mentions(article.text, gaz)
    # Offsets index the cleaned text the article carries, not the file's characters.
    assert article.text[mention.start : mention.end] == "Osh"
    assert mention.place.country_code == "KG"


# ---------------------------------------------------------------------------------------------
# Files named .jsonl that are not JSON lines


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        pytest.param(
            b"Protesters gathered in Osh.\nPolice watched.\nNobody was hurt.\n",
            "not JSON lines (line 1: invalid JSON: Expecting value (column 1))",
            id="prose",
        ),
        pytest.param(
            b"\n\n" + _random_text_bytes(5, 3_000),
            "not JSON lines (line 3: ",
            id="binary",
        ),
    ],
)
def test_a_file_that_is_not_json_lines_is_reported_once(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(content)
    (problem,) = iter_articles([str(path)])
    assert isinstance(problem, InputProblem)
    assert (problem.source, problem.reason[: len(reason)]) == (str(path), reason)


def test_a_mostly_broken_jsonl_lists_ten_bad_lines_and_counts_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [b'{"text": "Protesters gathered in Osh."}'] + [b"[1, 2]"] * 25
    lines.append(b'{"text": "Police watched."}')
    path.write_bytes(b"\n".join(lines) + b"\n")
    items = list(iter_articles([str(path)]))
    assert _problems(items) == [
        *((str(path), f"line {n}: not a JSON object") for n in range(2, 12)),
        (str(path), "15 more bad lines not listed"),
    ]
    assert [a.text for a in _articles(items).values()] == [
        "Protesters gathered in Osh.",
        "Police watched.",
    ]
