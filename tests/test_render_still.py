"""Tests for geomap.render.still: the PNG/SVG image drawn with matplotlib, no browser."""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from matplotlib.image import imread
from typer.testing import CliRunner

from geomap.cli import app
from geomap.errors import RenderError
from geomap.render import load_events_geojson
from geomap.render.still import render_still

FIXTURES = Path(__file__).parent / "fixtures" / "render"
ROOT = Path(__file__).resolve().parent.parent
TITLE = "Protests in Kyrgyzstan, March 2005"


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return load_events_geojson(FIXTURES / "seed_events.geojson")


@pytest.fixture(scope="module")
def seed_png(seed: dict[str, Any]) -> bytes:
    return render_still(seed, title=TITLE)


def _png_size(data: bytes) -> tuple[int, int]:
    # The IHDR chunk follows the 8-byte signature: length, type, then width and height.
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _has_colour(pixels: np.ndarray, hex_colour: str, *, at_least: int) -> bool:
    rgb = np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)]) / 255
    close = np.all(np.abs(pixels[:, :, :3] - rgb) < 0.02, axis=2)
    return int(close.sum()) >= at_least


def test_the_image_is_1600_by_1000_and_shows_the_events(seed_png: bytes) -> None:
    assert _png_size(seed_png) == (1600, 1000)
    pixels = imread(io.BytesIO(seed_png))
    # Not blank: land, sea and many more colours than a flat fill.
    assert len(np.unique(pixels.reshape(-1, pixels.shape[2]), axis=0)) > 50
    # The seeds have protests (blue), seizures (vermilion) and arrests (orange): a marker of
    # 13 points is about 18 pixels across, so each colour covers well over 100 pixels.
    for colour in ("#0072B2", "#D55E00", "#E69F00"):
        assert _has_colour(pixels, colour, at_least=100), colour


def test_the_same_events_give_the_same_bytes(seed: dict[str, Any], seed_png: bytes) -> None:
    again = json.loads(json.dumps(seed))
    assert render_still(again, title=TITLE) == seed_png
    svg = render_still(seed, title=TITLE, image_format="svg")
    assert svg == render_still(again, title=TITLE, image_format="svg")
    assert svg.startswith(b"<?xml") and b"<dc:date>" not in svg


def test_dpi_scales_the_pixels_for_print(seed: dict[str, Any]) -> None:
    assert _png_size(render_still(seed, title=TITLE, dpi=300)) == (4800, 3000)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"image_format": "gif"}, "unknown image format 'gif'"),
        ({"dpi": 5}, "dpi 5 is out of range"),
    ],
)
def test_bad_options_are_render_errors(
    seed: dict[str, Any], options: dict[str, Any], message: str
) -> None:
    with pytest.raises(RenderError, match=message):
        render_still(seed, **options)


def test_dollar_signs_in_text_are_drawn_as_text(seed: dict[str, Any]) -> None:
    # matplotlib would read "$...$" as mathematics, and a lone "$x^$" as an error.
    odd = json.loads(json.dumps(seed))
    odd["features"][0]["properties"]["place"] = "$x^$ <b>"
    image = render_still(odd, title="Costs: $\\frac{$ and more")
    assert _png_size(image) == (1600, 1000)


def test_geomap_build_writes_a_png_beside_the_map(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    png, svg = tmp_path / "map.png", tmp_path / "map.svg"
    result = CliRunner().invoke(
        app,
        ["build", "seeds", "-o", str(tmp_path / "map.html"), "--png", str(png), "--svg", str(svg)],
    )
    assert result.exit_code == 0, result.output
    assert _png_size(png.read_bytes()) == (1600, 1000)
    assert svg.read_bytes().startswith(b"<?xml")
    assert (tmp_path / "map.html").stat().st_size > 0
    (ROOT / "output" / "screenshots").mkdir(parents=True, exist_ok=True)
    (ROOT / "output" / "screenshots" / "still_seeds.png").write_bytes(png.read_bytes())


def test_a_records_crowd_is_drawn_from_its_size_range() -> None:
    from test_render_payload import _records  # a seizure at Jalal-Abad and a protest at Osh

    records = _records()
    protest = records["features"][1]["properties"]
    protest.update(size_low=10_000, size_high=30_000)
    with_crowd = imread(io.BytesIO(render_still(records)))
    protest.update(size_low=None, size_high=None, size_claims=[])
    without = imread(io.BytesIO(render_still(records)))
    # Between the circle of 10,000 (15 points) and that of 30,000 (26 points) only the
    # dashed high estimate tints the land: the crowd's bluish green at 0.12 opacity,
    # 0.12 * #009E73 + 0.88 * #f4f1ea. The protest's own colour is blue; the crowd keeps its.
    tint = "#d7e7dc"
    assert _has_colour(with_crowd, tint, at_least=500)
    assert not _has_colour(without, tint, at_least=1)
