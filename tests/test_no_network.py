"""The default pipeline opens no socket: every command runs end to end with the network cut.

The blocker is an audit hook (``sys.addaudithook``), so it sees every ``socket.*`` event the
interpreter raises: creating a socket, binding it, connecting, sending and name lookups, even
from C code or a library that calls ``_socket`` directly. Each attempt is recorded as well as
refused, so that a library which catches the error and carries on (urllib3's import-time IPv6
probe does exactly that) is still caught.

A socket opened while a module is imported is opened once per process, so the commands run
in a fresh interpreter with the hook installed before geomap is imported; the in-process
blocker serves the tests that need the objects themselves.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Imported before any blocker is on: geopy imports requests, whose urllib3 binds a loopback
# socket once at import. That happens only with --geocoder, which is allowed to go online.
from geomap.geocode import GeocodeCache, GeocodeStatus, OnlineGeocoder, cache_key

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIRST_SEED = sorted(SEEDS.glob("*.txt"))[0]


class NetworkBlocked(OSError):
    """Raised instead of any socket operation or name lookup."""


# --- in-process blocker -------------------------------------------------------------------------

# Audit hooks cannot be removed, so one hook is installed for the session and only acts while
# a test holds the `attempts` fixture.
_RECORDERS: list[list[str]] = []
_HOOK_INSTALLED = False


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _RECORDERS and event.startswith("socket."):
        _RECORDERS[-1].append(f"{event}{args[1:] if event != 'socket.getaddrinfo' else args}")
        raise NetworkBlocked(f"network access during a test: {event}")


@pytest.fixture
def attempts() -> Iterator[list[str]]:
    global _HOOK_INSTALLED
    if not _HOOK_INSTALLED:
        sys.addaudithook(_audit)
        _HOOK_INSTALLED = True
    seen: list[str] = []
    _RECORDERS.append(seen)
    try:
        yield seen
    finally:
        _RECORDERS.remove(seen)


def test_the_blocker_blocks(attempts: list[str]) -> None:
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET6)
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)
    assert [a.split("(")[0] for a in attempts] == [
        "socket.getaddrinfo",  # create_connection resolves the address first
        "socket.__new__",
        "socket.getaddrinfo",
    ]


def test_the_blocker_catches_bind_on_a_socket_made_before(attempts: list[str]) -> None:
    _RECORDERS.remove(attempts)
    made_outside = socket.socket(socket.AF_INET)
    _RECORDERS.append(attempts)
    with made_outside, pytest.raises(NetworkBlocked):
        made_outside.bind(("127.0.0.1", 0))
    assert [a.split("(")[0] for a in attempts] == ["socket.bind"]


def test_online_geocoder_goes_online_only_for_names_it_has_never_seen(
    attempts: list[str], tmp_path: Path
) -> None:
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


# --- every command, in a fresh interpreter ------------------------------------------------------

# Runs each step of argv[1] (JSON) with the hook installed before anything else is imported,
# and writes what happened to argv[2]. A step is {"import": module} or {"cli": [args]}.
_PROBE = """
import json, sys

events, current = [], ["start-up"]

def hook(event, args):
    if event.startswith("socket."):
        events.append({"step": current[0], "event": event, "args": repr(args)[:200]})
        raise OSError("network access during a test: " + event)

sys.addaudithook(hook)

import importlib
from typer.testing import CliRunner
from geomap.cli import app

steps, report = json.loads(sys.argv[1]), []
for step in steps:
    current[0] = json.dumps(step)
    if "import" in step:
        importlib.import_module(step["import"])
        continue
    result = CliRunner().invoke(app, step["cli"], terminal_width=100)
    report.append({
        "args": step["cli"],
        "exit_code": result.exit_code,
        "stdout": result.stdout,
        "exception": None if result.exception is None else repr(result.exception),
    })
with open(sys.argv[2], "w", encoding="utf-8") as out:
    json.dump({"events": events, "commands": report}, out)
"""


def _run_probe(steps: list[dict[str, Any]], workdir: Path) -> dict[str, Any]:
    report = workdir / "probe.json"
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(steps), str(report)],
        cwd=workdir,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    result: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return result


# (arguments, accepted exit codes, text expected on stdout or None); {tmp} is the work folder.
# `check` reports findings with exit code 1; either way it must not go online.
DEFAULT_COMMANDS: list[tuple[list[str], set[int], str | None]] = [
    (["variants", "Jala-abad"], {0}, "Jalal-Abad"),
    (["places", str(FIRST_SEED), "--json"], {0}, '"start"'),
    (["check", str(SEEDS)], {0, 1}, None),
    (["check", "{tmp}/articles", "--fix", "-o", "{tmp}/fixed"], {0, 1}, None),
    (["extract", str(SEEDS)], {0}, '"FeatureCollection"'),
    (["extract", str(SEEDS), "-o", "{tmp}/events.geojson"], {0}, None),
    (["extract", str(SEEDS), "-o", "{tmp}/events.csv"], {0}, None),
    (["extract", str(SEEDS), "-o", "{tmp}/events.gpkg"], {0}, None),
    (["extract", str(SEEDS), "-o", "{tmp}/events.parquet"], {0}, None),
    (["render", "{tmp}/events.geojson", "-o", "{tmp}/render.html"], {0}, None),
    (["render", "{tmp}/events.geojson", "-o", "{tmp}/r-sc.html", "--self-contained"], {0}, None),
    (["render", "{tmp}/events.geojson", "-o", "{tmp}/r-embed.html", "--embed"], {0}, None),
    (["build", str(SEEDS), "-o", "{tmp}/build.html"], {0}, None),
    (["build", str(SEEDS), "-o", "{tmp}/build-sc.html", "--self-contained"], {0}, None),
    (["build", str(SEEDS), "-o", "{tmp}/build-embed.html", "--embed"], {0}, None),
]  # fmt: skip


@pytest.fixture(scope="module")
def default_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    work = tmp_path_factory.mktemp("no-network")
    (work / "articles").mkdir()
    shutil.copy(FIRST_SEED, work / "articles" / FIRST_SEED.name)
    steps = [
        {"cli": [arg.replace("{tmp}", str(work)) for arg in args]}
        for args, _, _ in DEFAULT_COMMANDS
    ]
    return work, _run_probe(steps, work)


def test_no_default_command_opens_or_binds_a_socket(
    default_run: tuple[Path, dict[str, Any]],
) -> None:
    _, run = default_run
    assert run["events"] == []
    assert len(run["commands"]) == len(DEFAULT_COMMANDS)


@pytest.mark.parametrize(
    ("index", "exit_codes", "expected_stdout"),
    [(i, codes, out) for i, (_, codes, out) in enumerate(DEFAULT_COMMANDS)],
    ids=[" ".join(a[:1] + a[2:]).replace("{tmp}/", "") for a, _, _ in DEFAULT_COMMANDS],
)
def test_default_command_ran_offline(
    default_run: tuple[Path, dict[str, Any]],
    index: int,
    exit_codes: set[int],
    expected_stdout: str | None,
) -> None:
    _, run = default_run
    command = run["commands"][index]
    assert command["exit_code"] in exit_codes, command
    assert "network access" not in (command["exception"] or "")
    if expected_stdout is not None:
        assert expected_stdout in command["stdout"]


@pytest.mark.parametrize("name", ["build-sc", "build-embed", "r-sc", "r-embed"])
def test_offline_pages_load_nothing_from_the_network(
    default_run: tuple[Path, dict[str, Any]], name: str
) -> None:
    # Building any page makes no request; these pages make none when read either.
    work, _ = default_run
    html = (work / f"{name}.html").read_text(encoding="utf-8")
    assert 'src="https://' not in html
    assert 'href="https://unpkg' not in html and 'href="https://cdn' not in html


def test_written_events_are_a_feature_collection(
    default_run: tuple[Path, dict[str, Any]],
) -> None:
    work, _ = default_run
    collection = json.loads((work / "events.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    assert collection["features"]


def test_the_probe_sees_urllib3_bind_a_socket_at_import(tmp_path: Path) -> None:
    # The control: what `build` and `render` did before folium stopped importing requests.
    run = _run_probe([{"import": "urllib3"}], tmp_path)
    assert [(e["event"], e["step"]) for e in run["events"]] == [
        ("socket.__new__", '{"import": "urllib3"}')
    ]  # the hook refuses the socket, so urllib3 never gets to bind it
    assert f", {int(socket.AF_INET6)}, " in run["events"][0]["args"]


def test_folium_holds_a_placeholder_that_imports_requests_when_read() -> None:
    # How build and render avoid urllib3's probe: requests stays unimported until folium
    # reads from it, and then it is the one real module everyone else gets too.
    code = (
        "import sys\n"
        "import geomap.render, folium.features\n"
        "print('requests' in sys.modules, 'urllib3' in sys.modules)\n"
        "get = folium.features.requests.get\n"
        "import requests\n"
        "print(get is requests.get, sys.modules['requests'] is requests)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "False", "True", "True"]
