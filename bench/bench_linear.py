"""Run time against input size: doubling an article must at most about double its time.

    python bench/bench_linear.py [--sizes 250000,500000,1000000] [--runs 3]

Four shapes of the same protest-news prose, written for this bench (no corpus text):

- lines: one paragraph per line, as articles usually come;
- single line: the same sentences with no line break at all (a scraped page, a JSON field);
- long sentence: clauses joined by commas and "and", with no full stop for the whole size;
- many places: one paragraph per line, each naming towns not named before (the gazetteer's
  most populous one-word city names, in turn), so the distinct places grow with the text.

For each shape it prints the median CPU time of a few runs of the whole per-article path
(read, decode, metadata, sentences, places, events) at each size, and the ratio t(2N)/t(N)
of successive sizes, all measured in this run; "lines" is the baseline the other shapes are
compared with. A linear step gives about 2; a quadratic one, 4.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from geomap.extract import extract_events  # noqa: E402
from geomap.model import Article  # noqa: E402
from geomap.sources import iter_articles  # noqa: E402

# Written for this bench: the sentences a wire story about a protest is made of, with the
# places, figures, dates, claimants, denials and abbreviations the extractor looks for.
SENTENCES = (
    "Thousands of protesters gathered in Bishkek on Monday to demand the resignation of "
    "the government, witnesses said.",
    "Police fired tear gas and rubber bullets at demonstrators who tried to storm the "
    "regional administration building in Osh.",
    "At least 12 people were killed and 150 injured in clashes with security forces, "
    "according to the Health Ministry.",
    "The opposition said some 20,000 people took part in the march, while police put the "
    "figure at about 3,000.",
    'Mr. Bakiyev told reporters in Jalal-Abad that "the authorities will not use force '
    'against peaceful citizens."',
    "More than 40 activists were detained overnight and taken to a police station on the "
    "outskirts of Nairobi.",
    "Officials denied that anyone had died, calling the reports of casualties exaggerated.",
    "Soldiers blocked the main road between Kisumu and the border with Uganda on Tuesday.",
    "In Washington, the State Department said it was following the events with concern.",
    "Supporters of the former mayor occupied the city hall in Bangkok for a second day "
    "and set fire to two cars outside.",
    "Strikers picketed the port of Mombasa, 480 km southeast of the capital, on March 21.",
    "Dozens of students marched through the streets of Bujumbura chanting slogans "
    "against a third term.",
)

# Clauses of one sentence that never ends: no full stop, so the splitter cannot cut it.
CLAUSES = (
    "thousands of protesters gathered in Bishkek on Monday",
    "police fired tear gas at demonstrators who tried to storm a building in Osh",
    "at least 12 people were killed and 150 injured in clashes with soldiers",
    "the opposition said some 20,000 people took part in the march",
    "more than 40 activists were detained overnight in Nairobi",
    "soldiers blocked the main road to Kisumu",
    "supporters of the former mayor occupied the city hall in Bangkok",
    "strikers picketed the port of Mombasa on March 21",
)

# For "many places": two towns a sentence, each named for the first time.
PLACE_SENTENCES = (
    "Thousands of protesters gathered in {} on Monday, and police detained 12 people near {}.",
    "Hundreds of students marched through {} while riot police fired tear gas in {}.",
    "At least three people were killed in clashes in {}, officials in {} said.",
)

SHAPES = ("lines", "single line", "long sentence", "many places")


def city_names(gaz: Gazetteer, limit: int = 20_000) -> list[str]:
    """One-word city names, most populous first: the towns of the "many places" shape."""
    rows = gaz._con.execute(
        "SELECT name FROM places WHERE kind = 'city' AND name GLOB '[A-Z][a-z]*'"
        " AND name NOT GLOB '*[^A-Za-z]*' ORDER BY population DESC, geonameid LIMIT ?",
        (limit,),
    )
    return [name for (name,) in rows]


def make_text(shape: str, size: int, towns: Sequence[str] = ()) -> str:
    """About `size` characters of protest prose in one of the SHAPES (`towns` for "many
    places")."""
    parts: tuple[str, ...]
    if shape == "many places":
        return _many_places(size, towns)
    if shape == "long sentence":
        parts, joiner = CLAUSES, ", and "
    else:
        parts, joiner = SENTENCES, "\n" if shape == "lines" else " "
    pieces: list[str] = []
    length = 0
    while length < size:
        piece = parts[len(pieces) % len(parts)]
        pieces.append(piece)
        length += len(piece) + len(joiner)
    text = joiner.join(pieces)
    return text[0].upper() + text[1:] + "." if shape == "long sentence" else text


def _many_places(size: int, towns: Sequence[str]) -> str:
    lines: list[str] = []
    length = 0
    while length < size:
        n = len(lines)
        template = PLACE_SENTENCES[n % len(PLACE_SENTENCES)]
        line = template.format(towns[(2 * n) % len(towns)], towns[(2 * n + 1) % len(towns)])
        lines.append(line)
        length += len(line) + 1
    return "\n".join(lines)


def extract_once(gaz: Gazetteer, path: Path) -> int:
    """The whole per-article path, from reading the file to events; the number of events."""
    events = 0
    for item in iter_articles([str(path)]):
        assert isinstance(item, Article), item
        events += len(extract_events(item, gaz))
    return events


def cpu_time(run: Callable[[], object]) -> float:
    # CPU time of this process: other work on a shared machine slows the wall clock more.
    t = time.process_time()
    run()
    return time.process_time() - t


def _row(gaz: Gazetteer, shape: str, sizes: list[int], runs: int, tmp: Path, limit: float) -> str:
    towns = city_names(gaz) if shape == "many places" else ()
    previous = None
    cells = []
    events = 0
    for size in sizes:
        path = tmp / f"{shape.replace(' ', '-')}-{size}.txt"
        path.write_text(make_text(shape, size, towns), encoding="utf-8")
        first = cpu_time(partial(extract_once, gaz, path))
        if first > limit:
            cells.append(f"{size / 1e6:g} MB {first:.1f} s (one run; larger sizes skipped)")
            break
        seconds = statistics.median(
            [first, *(cpu_time(partial(extract_once, gaz, path)) for _ in range(runs - 1))]
        )
        events = extract_once(gaz, path)
        ratio = f" (x{seconds / previous:.2f})" if previous else ""
        cells.append(f"{size / 1e6:g} MB {seconds:.2f} s{ratio}")
        previous = seconds
    return f"{shape:>13}: " + ", ".join(cells) + f"; {events:,} events"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="250000,500000,1000000", help="characters, comma-separated"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per size; the median is shown")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated")
    parser.add_argument(
        "--limit",
        type=float,
        default=120.0,
        help="CPU seconds a run may take before larger "
        "sizes of its shape are skipped (the old quadratic code took minutes)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    gaz = Gazetteer.default()
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text(make_text("lines", 5_000), encoding="utf-8")
        extract_once(gaz, warm)  # the gazetteer's first queries fill its caches
        for shape in args.shapes.split(","):
            print(_row(gaz, shape, sizes, args.runs, Path(tmp), args.limit), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
