"""The default pipeline opens no socket: every command runs end to end with the network cut.

Sockets are blocked in-process, and every attempt is recorded as well as refused, so that a
library which catches the error and carries on is still caught.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from geomap.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIRST_SEED = sorted(SEEDS.glob("*.txt"))[0]


class NetworkBlocked(OSError):
    """Raised instead of any connection or name lookup."""


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    seen: list[str] = []

    def refuse(name: str) -> Any:
        def blocked(*args: Any, **kwargs: Any) -> Any:
            seen.append(f"{name}{args[1:] if name.startswith('socket.') else args}")
            raise NetworkBlocked(f"network access during a test: {name}")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    yield seen


def test_the_blocker_blocks(attempts: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
    with socket.socket() as sock, pytest.raises(NetworkBlocked):
        sock.connect(("127.0.0.1", 9))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    assert len(attempts) == 3


def _invoke(args: list[str]) -> Any:
    return CliRunner().invoke(app, args, terminal_width=100)


@pytest.mark.parametrize(
    ("args", "exit_codes", "expected_output"),
    [
        (["variants", "Jala-abad"], {0}, "Jalal-Abad"),
        (["places", str(FIRST_SEED), "--json"], {0}, '"start"'),
        # `check` reports findings with exit code 1; either way it must not go online.
        (["check", str(SEEDS)], {0, 1}, ""),
    ],
)
def test_command_opens_no_socket(
    attempts: list[str], args: list[str], exit_codes: set[int], expected_output: str
) -> None:
    result = _invoke(args)
    assert attempts == []
    assert result.exit_code in exit_codes, result.output
    assert not isinstance(result.exception, NetworkBlocked)
    assert expected_output in result.output


def test_extract_and_render_open_no_socket(attempts: list[str], tmp_path: Path) -> None:
    events = tmp_path / "x" / "events.geojson"
    result = _invoke(["extract", str(SEEDS), "-o", str(events)])
    assert attempts == []
    assert result.exit_code == 0, result.output
    collection = json.loads(events.read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]

    result = _invoke(["render", str(events), "-o", str(tmp_path / "map.html")])
    assert attempts == []
    assert result.exit_code == 0, result.output
    assert (tmp_path / "map.html").stat().st_size > 0


@pytest.mark.parametrize("mode_flags", [[], ["--self-contained"], ["--embed"]])
def test_build_opens_no_socket(attempts: list[str], tmp_path: Path, mode_flags: list[str]) -> None:
    output = tmp_path / "map.html"
    result = _invoke(["build", str(SEEDS), "-o", str(output), *mode_flags])
    assert attempts == []
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    if not mode_flags:
        # The default page links Leaflet from a CDN for the reader's browser to fetch later;
        # building it must still not touch the network.
        assert 'src="https://' in html
    else:
        assert 'src="https://' not in html


def test_online_geocoder_goes_online_only_for_names_it_has_never_seen(
    attempts: list[str], tmp_path: Path
) -> None:
    from geomap.geocode import GeocodeCache, GeocodeStatus, OnlineGeocoder, cache_key

    cache_path = tmp_path / "geocode.sqlite"
    cache = GeocodeCache(cache_path)
    record = {"osm_type": "node", "osm_id": 7, "lat": "42.2", "lon": "75.8", "name": "Kochkor"}
    cache.put(cache_key("nominatim", "Kochkor", None), record)
    cache.close()

    with OnlineGeocoder(
        "nominatim",
        user_agent="geomap-tests/1.0 (tests@example.org)",
        cache_path=cache_path,
        max_retries=0,
    ) as geocoder:
        cached = geocoder.geocode("Kochkor")
        assert attempts == []
        unseen = geocoder.geocode("Bazar-Korgon")
    assert cached.status is GeocodeStatus.OK and cached.from_cache
    # The one path that may go online did try, and its failure is a result, not a crash.
    assert attempts
    assert unseen.status is GeocodeStatus.FAILED
    assert "network access during a test" in unseen.reason
