"""A user's mistake or one odd input never costs the output of the good ones (issue 15).

- A run that could read nothing writes nothing: the earlier output stays byte-identical.
- `check --fix` copies are never read back as articles, so no event is counted twice.
- One record with text that is not Unicode is reported; every other article is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from geomap.cli import EXIT_NO_INPUT, EXIT_PARTIAL, app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
runner = CliRunner()

# Three short reports written for these tests; each names one place and one protest.
RECORDS = [
    {"text": "Thousands of protesters rallied in Osh on Monday, witnesses said.", "title": "A"},
    {"text": "Hundreds of people marched in Bishkek on Tuesday.", "title": "B"},
    {"text": "About 500 demonstrators gathered in Naryn on Wednesday.", "title": "C"},
]


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), terminal_width=100)
    return result.exit_code, result.stdout, result.stderr


def _features(path: Path) -> list[dict[str, object]]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def _places(path: Path) -> set[str]:
    return {str(f["properties"]["place"]) for f in _features(path)}  # type: ignore[index]


@pytest.mark.parametrize(
    ("command", "output_name"),
    [
        (["build"], "map.html"),
        (["build", "--self-contained"], "map.html"),
        (["extract"], "events.geojson"),
        (["extract"], "events.csv"),
        (["extract"], "events.parquet"),
    ],
)
def test_a_mistyped_input_path_leaves_the_earlier_output_byte_identical(
    tmp_path: Path, command: list[str], output_name: str
) -> None:
    output = tmp_path / output_name
    code, _, _ = invoke(*command, str(SEEDS), "-o", str(output))
    assert code == 0
    before = output.read_bytes()
    code, _, err = invoke(*command, str(tmp_path / "news"), "-o", str(output))
    assert code == EXIT_NO_INPUT
    assert "news" in err
    assert "nothing written" in err
    assert "Traceback" not in err
    assert output.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [output_name]  # no temp file left


def test_an_empty_folder_writes_nothing_either(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    output = tmp_path / "map.html"
    output.write_text("the map published yesterday", encoding="utf-8")
    code, _, err = invoke("build", str(tmp_path / "news"), "-o", str(output))
    assert code == EXIT_NO_INPUT
    assert "no articles found" in err
    assert output.read_text(encoding="utf-8") == "the map published yesterday"


def test_nothing_read_writes_nothing_to_stdout_but_still_writes_the_report(
    tmp_path: Path,
) -> None:
    report = tmp_path / "failed.json"
    code, out, _ = invoke("extract", str(tmp_path / "missing.txt"), "--report", str(report))
    assert code == EXIT_NO_INPUT
    assert out == ""
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["articles"] == 0
    assert [f["reason"] for f in document["failed"]] == ["no such file or directory"]


def test_when_some_inputs_fail_the_good_ones_are_written_and_the_exit_is_1(
    tmp_path: Path,
) -> None:
    output = tmp_path / "events.geojson"
    code, _, err = invoke("extract", str(SEEDS), str(tmp_path / "missing.txt"), "-o", str(output))
    assert code == EXIT_PARTIAL
    assert "missing.txt" in err
    assert "Osh" in _places(output)


def test_a_second_extract_after_check_fix_gives_the_same_events(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    first, second = tmp_path / "first.geojson", tmp_path / "second.geojson"
    assert invoke("extract", str(folder), "-o", str(first))[0] == 0
    code, _, _ = invoke("check", str(folder), "--fix")
    assert code in (0, 1)
    assert any(p.name.endswith(".fixed.txt") for p in folder.iterdir())  # a copy was written
    assert invoke("extract", str(folder), "-o", str(second))[0] == 0
    assert second.read_bytes() == first.read_bytes()


def test_fixed_copies_in_an_output_folder_inside_the_input_are_not_read_back(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "news"
    shutil.copytree(SEEDS, folder)
    first, second = tmp_path / "first.geojson", tmp_path / "second.geojson"
    assert invoke("extract", str(folder), "-o", str(first))[0] == 0
    invoke("check", str(folder), "--fix", "-o", str(folder / "corrected"))
    assert any((folder / "corrected").glob("*.txt"))
    assert invoke("extract", str(folder), "-o", str(second))[0] == 0
    assert second.read_bytes() == first.read_bytes()


def test_a_fixed_copy_named_on_the_command_line_is_still_read(tmp_path: Path) -> None:
    copy = tmp_path / "report.fixed.txt"
    copy.write_text(RECORDS[0]["text"], encoding="utf-8")
    output = tmp_path / "events.geojson"
    assert invoke("extract", str(copy), "-o", str(output))[0] == 0
    assert _places(output) == {"Osh"}


def _jsonl_with_a_lone_surrogate(tmp_path: Path) -> Path:
    lines = [json.dumps(r) for r in RECORDS]
    # json.dumps escapes non-ASCII, so the record carries the 6 characters \ud800 on disk.
    lines[1] = lines[1].replace("marched in", "marched \\ud800 in")
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".gpkg"])
def test_a_record_with_a_lone_surrogate_is_reported_and_the_rest_is_written(
    tmp_path: Path, suffix: str
) -> None:
    corpus = _jsonl_with_a_lone_surrogate(tmp_path)
    output = tmp_path / f"events{suffix}"
    code, _, err = invoke("extract", str(corpus), "-o", str(output))
    assert code == EXIT_PARTIAL
    assert "line 2" in err
    assert "unpaired surrogate" in err
    assert "Traceback" not in err
    assert output.stat().st_size > 0
    if suffix == ".geojson":
        assert _places(output) == {"Osh", "Naryn"}


def test_a_lone_surrogate_to_stdout_leaves_valid_json(tmp_path: Path) -> None:
    corpus = _jsonl_with_a_lone_surrogate(tmp_path)
    code, out, _ = invoke("extract", str(corpus))
    assert code == EXIT_PARTIAL
    places = {f["properties"]["place"] for f in json.loads(out)["features"]}
    assert places == {"Osh", "Naryn"}


def test_build_with_a_lone_surrogate_draws_the_other_articles(tmp_path: Path) -> None:
    corpus = _jsonl_with_a_lone_surrogate(tmp_path)
    output = tmp_path / "map.html"
    code, _, err = invoke("build", str(corpus), "-o", str(output))
    assert code == EXIT_PARTIAL
    assert "line 2" in err
    page = output.read_text(encoding="utf-8")
    # The events blob, not the whole page: the outline basemap names Bishkek's region.
    (events,) = re.findall(r'id="[^"]+_data">(.*?)</script>', page)
    assert "Naryn" in events
    assert "Bishkek" not in events


def test_render_leaves_out_a_feature_whose_text_is_not_unicode(tmp_path: Path) -> None:
    events = tmp_path / "events.geojson"
    assert invoke("extract", str(SEEDS), "-o", str(events))[0] == 0
    document = json.loads(events.read_text(encoding="utf-8"))
    total = len(document["features"])
    document["features"][0]["properties"]["quote"] = "half a pair \ud800 here"
    broken = tmp_path / "broken.geojson"
    broken.write_text(json.dumps(document), encoding="utf-8")  # ASCII: \ud800 stays escaped
    output = tmp_path / "map.html"
    code, _, err = invoke("render", str(broken), "-o", str(output))
    assert code == EXIT_PARTIAL
    assert "feature 1: 'quote' holds an unpaired surrogate" in err
    assert f"wrote {output}: {total - 1} event(s)" in err


def _geomap(*args: str | bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # A real process: argv and file names reach Python as bytes, as from a shell.
    command = [sys.executable, "-m", "geomap.cli", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, check=False, timeout=120)


def test_a_file_name_that_is_not_utf8_is_shown_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    name = os.fsencode(news) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(RECORDS[0]["text"].encode("utf-8"))
    result = _geomap("extract", "news", "--level", "reports", "-o", "events.geojson", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    feature = _features(tmp_path / "events.geojson")[0]
    assert feature["properties"]["source"] == "news/caf\ufffd.txt"  # type: ignore[index]


def test_a_title_that_is_not_utf8_is_shown_with_a_replacement_character(tmp_path: Path) -> None:
    result = _geomap(
        "build", str(SEEDS), "-o", "map.html", "--title", b"Osh \xe9vents", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert "Osh \ufffdvents" in (tmp_path / "map.html").read_text(encoding="utf-8")


def test_a_new_output_folder_other_than_the_default_is_announced(tmp_path: Path) -> None:
    output = tmp_path / "typo" / "map.html"
    code, _, err = invoke("build", str(SEEDS), "-o", str(output))
    assert code == 0
    assert f"creating folder {output.parent}" in err
    assert output.exists()


@pytest.mark.parametrize("nonsense", ["Xyzzyqq", "Foobar", "Blorp"])
def test_variants_treats_a_chance_resemblance_as_no_match(nonsense: str) -> None:
    code, out, err = invoke("variants", nonsense)
    assert code == EXIT_PARTIAL
    assert out == ""
    assert f"no place matches {nonsense!r}; did you mean" in err


@pytest.mark.parametrize(
    ("typo", "place"), [("Bishek", "Bishkek"), ("Tokmk", "Tokmok"), ("Ukriane", "Ukraine")]
)
def test_variants_still_finds_real_typos(typo: str, place: str) -> None:
    code, out, _ = invoke("variants", typo)
    assert code == 0
    assert out.startswith(f"{place} (")
