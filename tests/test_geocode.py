"""Tests for geomap.geocode: the pure reply parser, and the network loop against a local fake.

The fake is a real HTTP server on 127.0.0.1 in a thread; nothing here leaves the machine.
Most tests pass a fake clock to geopy's RateLimiter, so the spacing they check costs no time.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import tracemalloc
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from gazetteer import Gazetteer
from gazetteer.model import Kind, MatchType, Place
from geomap.errors import GeocoderError, GeomapError
from geomap.export import to_feature
from geomap.extract import _with_fallback
from geomap.geocode import (
    GeocodeCache,
    GeocodedPlace,
    GeocodeResult,
    GeocoderSetupError,
    GeocodeStatus,
    OnlineGeocoder,
    _prepare_result,
    cache_key,
    default_cache_path,
    is_page_furniture,
    normalise_query,
    service_endpoint,
    synthetic_geonameid,
)
from geomap.places import find_mentions

USER_AGENT = "geomap-tests/1.0 (tests@example.org)"

# Records in each service's reply format, trimmed to the fields geomap reads plus a few it
# ignores. Coordinates are those of the real places.
KOCHKOR_NOMINATIM = {
    "place_id": 9101,
    "osm_type": "node",
    "osm_id": 274568437,
    "lat": "42.2158",
    "lon": "75.7546",
    "class": "place",
    "type": "village",
    "addresstype": "village",
    "name": "Kochkor",
    "display_name": "Kochkor, Kochkor District, Naryn Region, Kyrgyzstan",
    "address": {"village": "Kochkor", "state": "Naryn Region", "country_code": "kg"},
}
BAZAR_KORGON_NOMINATIM = {
    "place_id": 9102,
    "osm_type": "node",
    "osm_id": 1910395530,
    "lat": "41.0376",
    "lon": "72.7459",
    "class": "place",
    "type": "town",
    "addresstype": "town",
    "name": "Bazar-Korgon",
    "display_name": "Bazar-Korgon, Jalal-Abad Region, Kyrgyzstan",
    "address": {"town": "Bazar-Korgon", "state": "Jalal-Abad Region", "country_code": "kg"},
}
NARYN_REGION_NOMINATIM = {
    "osm_type": "relation",
    "osm_id": 1626544,
    "lat": "41.6",
    "lon": "75.0",
    "class": "boundary",
    "type": "administrative",
    "addresstype": "state",
    "name": "Naryn Region",
    "display_name": "Naryn Region, Kyrgyzstan",
    "address": {"state": "Naryn Region", "country_code": "kg"},
}
OSH_FRANCE_NOMINATIM = {
    "osm_type": "node",
    "osm_id": 1,
    "lat": "43.0",
    "lon": "1.0",
    "addresstype": "hamlet",
    "name": "Osh",
    "display_name": "Osh, Occitanie, France",
    "address": {"state": "Occitanie", "country_code": "fr"},
}
OSH_KG_NOMINATIM = {
    "osm_type": "relation",
    "osm_id": 2,
    "lat": "40.5283",
    "lon": "72.7985",
    "addresstype": "city",
    "name": "Osh",
    "display_name": "Osh, Osh Region, Kyrgyzstan",
    "address": {"state": "Osh Region", "country_code": "kg"},
}
KOCHKOR_GEONAMES = {
    "geonameId": 1527592,
    "name": "Kochkor",
    "toponymName": "Kochkor",
    "lat": "42.21526",
    "lng": "75.75568",
    "countryCode": "KG",
    "adminName1": "Naryn",
    "adminCode1": "08",
    "fcode": "PPLA2",
    "population": 11000,
}
KOCHKOR_PHOTON = {
    "type": "Feature",
    "geometry": {"type": "Point", "coordinates": [75.7546, 42.2158]},
    "properties": {
        "osm_type": "N",
        "osm_id": 274568437,
        "name": "Kochkor",
        "countrycode": "KG",
        "state": "Naryn Region",
        "type": "village",
        "osm_value": "village",
    },
}


# --- the fake services -------------------------------------------------------------------------


class FakeClock:
    """Time for geopy's RateLimiter that moves only when it sleeps."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@dataclass(frozen=True)
class SeenRequest:
    at: float  # real monotonic time when the server read the request
    fake_at: float | None  # the test's fake clock at that moment, if one was attached
    path: str
    query: dict[str, str]
    user_agent: str


@dataclass
class FakeServer:
    """What the fake serves, keyed by the `q` parameter, and what it has been asked."""

    nominatim: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    geonames: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    photon: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    trickle: dict[str, str] = field(default_factory=dict)  # "head" or "body", byte by byte
    flood: dict[str, bool] = field(default_factory=dict)  # 200 MB; is its length declared?
    bytes_sent: int = 0  # by trickles and floods, until the client hung up
    stopping: threading.Event = field(default_factory=threading.Event)
    failing: set[str] = field(default_factory=set)  # answer HTTP 500
    slow: set[str] = field(default_factory=set)  # answer after SLOW_SECONDS
    refused: set[str] = field(default_factory=set)  # answer HTTP 400
    busy: set[str] = field(default_factory=set)  # answer HTTP 429 once, then normally
    requests: list[SeenRequest] = field(default_factory=list)
    clock: FakeClock | None = None
    domain: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def queries(self) -> list[str]:
        return [r.query.get("q", "") for r in self.requests]


SLOW_SECONDS = 0.6
TIMEOUT_SECONDS = 0.2
# Shorter than TIMEOUT_SECONDS, so that no single read of a trickle ever times out.
TRICKLE_SECONDS = 0.05
TRICKLE_BYTES = 4000  # 200 s at that pace
FLOOD_BYTES = 200_000_000


# Faults the fake can be told to show for a query, checked in this order: HTTP status, body.
_FAULT_REPLIES: tuple[tuple[str, int, dict[str, str]], ...] = (
    ("failing", 500, {"error": "internal"}),
    ("busy", 429, {"error": "too many requests"}),  # once, then normally
    ("refused", 400, {"error": "bad request"}),
)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeServer  # set on the subclass that _handler() makes for each server

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        self._record(url.path, query)
        q = query.get("q", "")
        if q in self.fake.trickle:
            self._trickle(self.fake.trickle[q])
        elif q in self.fake.flood:
            self._flood(declared=self.fake.flood[q])
        else:
            if q in self.fake.slow:
                time.sleep(SLOW_SECONDS)
            self._send(*(self._fault(q) or self._answer(url.path, q, query)))

    def _record(self, path: str, query: dict[str, str]) -> None:
        fake = self.fake
        with fake.lock:
            fake.requests.append(
                SeenRequest(
                    at=time.monotonic(),
                    fake_at=fake.clock.now if fake.clock else None,
                    path=path,
                    query=query,
                    user_agent=self.headers.get("User-Agent", ""),
                )
            )

    def _fault(self, q: str) -> tuple[int, object] | None:
        for fault, status, body in _FAULT_REPLIES:
            queries: set[str] = getattr(self.fake, fault)
            if q in queries:
                if fault == "busy":
                    queries.discard(q)
                return status, body
        return None

    def _answer(self, path: str, q: str, query: dict[str, str]) -> tuple[int, object]:
        """What each service's endpoint answers: Nominatim /search, GeoNames /searchJSON,
        Photon /api."""
        fake = self.fake
        if path == "/searchJSON" and query.get("username") == "nobody":
            # GeoNames reports account problems in a 200 reply.
            return 200, {"status": {"message": "user does not exist.", "value": 10}}
        if path == "/search":
            return 200, fake.nominatim.get(q, [])
        if path == "/searchJSON":
            return 200, {"geonames": fake.geonames.get(q, []), "totalResultsCount": 0}
        if path == "/api":
            return 200, {"type": "FeatureCollection", "features": fake.photon.get(q, [])}
        return 404, {"error": "no such endpoint"}

    def _send(self, status: int, body: object) -> None:
        data = json.dumps(body).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test); nothing to answer

    def _trickle(self, part: str) -> None:
        """A valid reply, one byte every TRICKLE_SECONDS, in its head or in its body."""
        body = json.dumps([KOCHKOR_NOMINATIM]).encode()
        pad = b"X-Pad: " + b"a" * TRICKLE_BYTES + b"\r\n"
        head = b"HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n"
        if part == "head":
            self._write_slowly(head + pad + b"\r\n" + body)
        else:
            body = body + b" " * TRICKLE_BYTES
            length = f"Content-Length: {len(body)}\r\n\r\n".encode()
            self.wfile.write(head + length)
            self.wfile.flush()
            self._write_slowly(body)

    def _write_slowly(self, data: bytes) -> None:
        for i in range(len(data)):
            if self.fake.stopping.is_set() or not self._write(data[i : i + 1]):
                return
            time.sleep(TRICKLE_SECONDS)

    def _flood(self, *, declared: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        if declared:
            self.send_header("Content-Length", str(FLOOD_BYTES))
        self.end_headers()  # HTTP/1.0: without a length, the reply ends when we close
        chunk = b" " * 65536
        for _ in range(FLOOD_BYTES // len(chunk)):
            if self.fake.stopping.is_set() or not self._write(chunk):
                return

    def _write(self, data: bytes) -> bool:
        try:
            self.wfile.write(data)
            self.wfile.flush()
        except OSError:  # the client hung up, as it should
            return False
        with self.fake.lock:
            self.fake.bytes_sent += len(data)
        return True

    def log_message(self, format: str, *args: Any) -> None:
        pass


def _handler(fake: FakeServer) -> type[BaseHTTPRequestHandler]:
    return type("Handler", (_Handler,), {"fake": fake})


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    state = FakeServer(
        nominatim={
            "Kochkor": [KOCHKOR_NOMINATIM],
            "Bazar-Korgon": [BAZAR_KORGON_NOMINATIM],
            "Naryn Region": [NARYN_REGION_NOMINATIM],
            "Osh": [OSH_FRANCE_NOMINATIM],
        },
        geonames={"Kochkor": [KOCHKOR_GEONAMES]},
        failing={"Broken Town"},
        slow={"Slow Town"},
        refused={"Bad Query"},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    state.domain = f"127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        state.stopping.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def _geocoder(
    fake: FakeServer, tmp_path: Path, clock: FakeClock | None, service: str = "nominatim", **kw: Any
) -> OnlineGeocoder:
    options: dict[str, Any] = {
        "user_agent": USER_AGENT,
        "cache_path": tmp_path / "cache" / "geocode.sqlite",
        "domain": fake.domain,
        "scheme": "http",
        "proxies": {},  # the environment's proxy settings must not reroute 127.0.0.1
        "timeout": TIMEOUT_SECONDS,
        **kw,
    }
    if clock is not None:
        fake.clock = clock
        options.update(clock=clock, sleep=clock.sleep)
    return OnlineGeocoder(service, **options)


# --- the network loop --------------------------------------------------------------------------


def test_each_name_is_one_request_spaced_by_nominatims_policy(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    with _geocoder(fake, tmp_path, clock) as geocoder:
        results = list(geocoder.geocode_all(["Kochkor", "Bazar-Korgon", "Naryn Region"]))
    assert [r.status for r in results] == [GeocodeStatus.OK] * 3
    assert [r.place.name for r in results if r.place] == ["Kochkor", "Bazar-Korgon", "Naryn Region"]
    assert fake.paths() == ["/search"] * 3
    assert fake.queries() == ["Kochkor", "Bazar-Korgon", "Naryn Region"]
    fake_times = [r.fake_at for r in fake.requests if r.fake_at is not None]
    assert [b - a for a, b in pairwise(fake_times)] == [1.0, 1.0]
    assert clock.sleeps == [1.0, 1.0]


def test_user_agent_and_format_are_sent(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock) as geocoder:
        geocoder.geocode("Kochkor", country="KG")
    (request,) = fake.requests
    assert request.user_agent == USER_AGENT
    assert request.query["format"] == "json"
    assert request.query["addressdetails"] == "1"
    assert request.query["countrycodes"] == "kg"


def test_real_spacing_is_at_least_one_second(fake: FakeServer, tmp_path: Path) -> None:
    # The one test on the real clock: three requests, so it costs about two seconds.
    with _geocoder(fake, tmp_path, None) as geocoder:
        list(geocoder.geocode_all(["Kochkor", "Bazar-Korgon", "Naryn Region"]))
    times = [r.at for r in fake.requests]
    assert len(times) == 3
    # Measured where the server reads each request; the small allowance absorbs loopback
    # latency differing between two requests, not any slack in the limiter.
    assert all(b - a >= 0.98 for a, b in pairwise(times))


def test_a_rerun_is_answered_from_the_cache(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    names = ["Kochkor", "Atlantis", "Bazar-Korgon", "Atlantis"]
    with _geocoder(fake, tmp_path, clock) as first:
        first_results = list(first.geocode_all(names))
    # The repeated "Atlantis" is a not-found answered by the cache within the same run.
    assert fake.queries() == ["Kochkor", "Atlantis", "Bazar-Korgon"]
    assert [r.from_cache for r in first_results] == [False, False, False, True]

    sent_before = len(fake.requests)
    with _geocoder(fake, tmp_path, FakeClock()) as second:
        second_results = list(second.geocode_all(names))
    assert len(fake.requests) == sent_before
    assert second.requests_sent == 0
    assert all(r.from_cache for r in second_results)
    assert [r.status for r in second_results] == [r.status for r in first_results]
    assert [r.place for r in second_results] == [r.place for r in first_results]


def test_not_found_is_cached(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock) as geocoder:
        first = geocoder.geocode("Atlantis")
        second = geocoder.geocode("atlantis  ")
    assert (first.status, first.from_cache) == (GeocodeStatus.NOT_FOUND, False)
    assert (second.status, second.from_cache) == (GeocodeStatus.NOT_FOUND, True)
    assert fake.queries() == ["Atlantis"]


def test_server_error_is_retried_then_recorded_and_the_batch_goes_on(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    with _geocoder(fake, tmp_path, clock, max_retries=2, error_wait_seconds=4.0) as geocoder:
        results = list(geocoder.geocode_all(["Kochkor", "Broken Town", "Bazar-Korgon"]))
    assert [r.status for r in results] == [
        GeocodeStatus.OK,
        GeocodeStatus.FAILED,
        GeocodeStatus.OK,
    ]
    assert "GeocoderServiceError" in results[1].reason
    assert "500" in results[1].reason
    assert fake.queries() == ["Kochkor"] + ["Broken Town"] * 3 + ["Bazar-Korgon"]
    # 1 s before the first try, 4 s after each failure but the last (the wait already spans a
    # rate-limit slot, so no extra 1 s follows it), then 1 s before the next name.
    assert clock.sleeps == [1.0, 4.0, 4.0, 1.0]


def test_retries_print_nothing_when_logging_is_not_configured(
    fake: FakeServer, tmp_path: Path
) -> None:
    # geopy logs each retry with a traceback; in a fresh interpreter with no logging set up,
    # as under the CLI, nothing of it may reach the user's terminal.
    code = (
        "from geomap.geocode import OnlineGeocoder\n"
        f"g = OnlineGeocoder('nominatim', user_agent={USER_AGENT!r}, "
        f"cache_path={str(tmp_path / 'c.sqlite')!r}, domain={fake.domain!r}, scheme='http', "
        "proxies={}, max_retries=1, sleep=lambda seconds: None)\n"
        "print(g.geocode('Broken Town').status.value)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (done.stdout, done.stderr) == ("failed\n", "")
    assert fake.queries() == ["Broken Town", "Broken Town"]


def test_failures_are_not_cached(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock, max_retries=0) as geocoder:
        assert geocoder.geocode("Broken Town").status is GeocodeStatus.FAILED
    fake.failing.clear()
    fake.nominatim["Broken Town"] = [KOCHKOR_NOMINATIM]
    with _geocoder(fake, tmp_path, FakeClock(), max_retries=0) as geocoder:
        assert geocoder.geocode("Broken Town").status is GeocodeStatus.OK
    assert fake.queries() == ["Broken Town", "Broken Town"]


def test_timeout_is_retried_then_recorded(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    with _geocoder(fake, tmp_path, clock, max_retries=1) as geocoder:
        slow, fine = geocoder.geocode_all(["Slow Town", "Kochkor"])
    assert slow.status is GeocodeStatus.FAILED
    assert "GeocoderTimedOut" in slow.reason
    assert fine.status is GeocodeStatus.OK
    assert fake.queries() == ["Slow Town", "Slow Town", "Kochkor"]


def test_a_refused_query_is_not_retried(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock, max_retries=2) as geocoder:
        refused, fine = geocoder.geocode_all(["Bad Query", "Kochkor"])
    assert refused.status is GeocodeStatus.FAILED
    assert "refused" in refused.reason and "GeocoderQueryError" in refused.reason
    assert fine.status is GeocodeStatus.OK
    assert fake.queries() == ["Bad Query", "Kochkor"]


def test_too_many_requests_is_waited_out_and_retried(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    fake.busy.add("Kochkor")
    with _geocoder(fake, tmp_path, clock, max_retries=1, error_wait_seconds=30.0) as geocoder:
        first, second = geocoder.geocode_all(["Kochkor", "Bazar-Korgon"])
    assert (first.status, second.status) == (GeocodeStatus.OK, GeocodeStatus.OK)
    assert fake.queries() == ["Kochkor", "Kochkor", "Bazar-Korgon"]
    assert clock.sleeps == [30.0, 1.0]


def test_bad_credentials_stop_further_requests(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    with _geocoder(fake, tmp_path, clock, service="geonames", username="nobody") as geocoder:
        results = list(geocoder.geocode_all(["Kochkor", "Naryn", "Osh"]))
    assert [r.status for r in results] == [GeocodeStatus.FAILED] * 3
    assert all("GeocoderAuthenticationFailure" in r.reason for r in results)
    assert len(fake.requests) == 1


def test_country_bias_is_part_of_the_cache_key(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    fake.nominatim["Osh"] = [OSH_FRANCE_NOMINATIM]
    with _geocoder(fake, tmp_path, clock) as geocoder:
        anywhere = geocoder.geocode("Osh")
        fake.nominatim["Osh"] = [OSH_KG_NOMINATIM]  # what the service says when limited to KG
        in_kyrgyzstan = geocoder.geocode("Osh", country="kg")
        again = geocoder.geocode("OSH", country="KG")
    assert anywhere.place is not None and anywhere.place.country_code == "FR"
    assert in_kyrgyzstan.place is not None and in_kyrgyzstan.place.country_code == "KG"
    assert again.from_cache and again.place == in_kyrgyzstan.place
    assert [r.query.get("countrycodes") for r in fake.requests] == [None, "kg"]


def test_geonames_sends_username_and_country_bias_at_its_own_pace(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    with _geocoder(fake, tmp_path, clock, service="geonames", username="newsdesk") as geocoder:
        found, missing = geocoder.geocode_all(["Kochkor", "Atlantis"], country="KG")
    assert found.place is not None
    assert (found.place.geonameid, found.place.place_id) == (1527592, "geonames:1527592")
    assert missing.status is GeocodeStatus.NOT_FOUND
    assert fake.paths() == ["/searchJSON", "/searchJSON"]
    assert {r.query["username"] for r in fake.requests} == {"newsdesk"}
    assert {r.query["countryBias"] for r in fake.requests} == {"KG"}
    assert clock.sleeps == [3.6]


def test_blank_query_sends_nothing(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock) as geocoder:
        result = geocoder.geocode("  \t ")
    assert result.status is GeocodeStatus.NOT_FOUND
    assert fake.requests == []


# --- deadlines and size caps --------------------------------------------------------------------


@pytest.mark.parametrize("part", ["head", "body"])
def test_a_trickling_reply_is_cut_at_the_request_deadline(
    fake: FakeServer, tmp_path: Path, part: str
) -> None:
    # Real time: every byte comes sooner than the per-read timeout, so only a deadline on the
    # whole reply stops it; without one this name would take TRICKLE_BYTES * 0.05 s = 200 s.
    # A reply cut at its deadline is not retried: it would take as long again.
    fake.trickle["Slow Drip"] = part
    with _geocoder(fake, tmp_path, None, max_retries=2, request_deadline=1.0) as geocoder:
        started = time.monotonic()
        result = geocoder.geocode("Slow Drip")
        elapsed = time.monotonic() - started
    assert result.status is GeocodeStatus.FAILED
    assert result.reason == (
        "nominatim failed: ReplyDeadlineExceeded: no complete reply within 1 s"
    )
    assert 1.0 <= elapsed < 5.0
    assert fake.queries() == ["Slow Drip"]
    assert 0 < fake.bytes_sent < TRICKLE_BYTES  # it was cut mid-reply


def test_the_runs_time_limit_also_cuts_a_trickling_reply(fake: FakeServer, tmp_path: Path) -> None:
    fake.trickle["Slow Drip"] = "body"
    with _geocoder(fake, tmp_path, None, max_retries=0, run_time_limit=1.0) as geocoder:
        started = time.monotonic()
        slow, later = geocoder.geocode_all(["Slow Drip", "Kochkor"])
        elapsed = time.monotonic() - started
    # The request gets what is left of the run's second: "1 s", or "0.999 s" when a busy
    # machine spent a millisecond before it was sent.
    assert re.search(
        r"ReplyDeadlineExceeded: no complete reply within (?:1|0\.9\d*) s", slow.reason
    )
    assert (later.status, later.final) == (GeocodeStatus.FAILED, True)
    assert "time limit (1 s) is used up" in later.reason
    assert fake.queries() == ["Slow Drip"]
    assert elapsed < 5.0


def test_the_runs_time_limit_stops_requests_and_the_cache_still_answers(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    # On the fake clock only the rate limiter's 1 s waits count: the names are asked at 0, 1
    # and 2 s; the fourth would go at 3 s, past the 2.5 s limit, so it is not sent.
    names = ["Kochkor", "Bazar-Korgon", "Naryn Region", "Osh", "Atlantis", "Kochkor"]
    with _geocoder(fake, tmp_path, clock, run_time_limit=2.5) as geocoder:
        results = list(geocoder.geocode_all(names))
    assert fake.queries() == ["Kochkor", "Bazar-Korgon", "Naryn Region"]
    assert [r.status for r in results] == [GeocodeStatus.OK] * 3 + [GeocodeStatus.FAILED] * 2 + [
        GeocodeStatus.OK
    ]
    assert [r.final for r in results] == [False, False, False, True, True, False]
    assert results[5].from_cache
    assert clock.sleeps == [1.0, 1.0, 1.0]  # the wait before "Osh" happened; its request not


def test_a_stopped_run_is_reported_once(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    failures: list[GeocodeResult] = []
    with _geocoder(fake, tmp_path, clock, run_time_limit=0.5) as geocoder:
        resolve = geocoder.fallback(failures.append)
        places = [resolve(name, None) for name in ["Kochkor", "Bazar-Korgon", "Osh", "Naryn"]]
    assert places[0] is not None and places[1:] == [None, None, None]
    assert [f.query for f in failures] == ["Bazar-Korgon"]
    assert fake.queries() == ["Kochkor"]


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "undeclared"])
def test_an_oversized_reply_is_not_read_into_memory(
    fake: FakeServer, tmp_path: Path, clock: FakeClock, declared: bool
) -> None:
    fake.flood["Big Town"] = declared
    with _geocoder(fake, tmp_path, clock, max_retries=2, timeout=5.0) as geocoder:
        tracemalloc.start()
        try:
            result = geocoder.geocode("Big Town")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert result.status is GeocodeStatus.FAILED
    # A declared length is refused from the header, before the body is read.
    size = "reply of 200,000,000 bytes" if declared else "reply"
    assert result.reason == (
        f"nominatim failed: ReplyTooLarge: {size} is over the 1,048,576-byte limit"
    )
    assert peak < 16 * 2**20  # one capped read, not 200 MB
    assert fake.bytes_sent < FLOOD_BYTES // 4
    assert fake.queries() == ["Big Town"]  # not asked again: it would be as large again


def test_out_of_range_coordinates_are_one_failure_and_no_warning(
    fake: FakeServer, tmp_path: Path, clock: FakeClock
) -> None:
    fake.nominatim["North Camp"] = [{**KOCHKOR_NOMINATIM, "lat": "95.5"}]
    fake.nominatim["East Camp"] = [{**KOCHKOR_NOMINATIM, "lon": "200.0"}]
    with warnings.catch_warnings(record=True) as caught, _geocoder(fake, tmp_path, clock) as g:
        warnings.simplefilter("always")
        north, east = g.geocode_all(["North Camp", "East Camp"])
    assert caught == []
    # geopy refuses the latitude itself; the longitude it would wrap around, and geomap's own
    # parser refuses it instead. Either way: one line, and nothing cached.
    assert north.reason == (
        "unusable reply from nominatim: Latitude must be in the [-90; 90] range."
    )
    assert east.reason == (
        "unusable reply from nominatim: ValueError: coordinate '200.0' out of range"
    )
    assert north.status is east.status is GeocodeStatus.FAILED
    assert fake.queries() == ["North Camp", "East Camp"]


# --- page furniture ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "furniture"),
    [
        ("Pictures", True),
        ("Depth", True),
        ("Focus", True),
        ("Other Videos", True),
        ("a Glance", True),
        ("PICTURES", True),
        ("News", False),  # a filler alone is not enough
        ("Osh", False),
        ("The Hague", False),
        ("Pictures of Osh", False),
        ("", False),
    ],
)
def test_page_furniture(name: str, furniture: bool) -> None:
    assert is_page_furniture(name) is furniture


def test_page_furniture_is_never_sent(fake: FakeServer, tmp_path: Path, clock: FakeClock) -> None:
    with _geocoder(fake, tmp_path, clock) as geocoder:
        resolve = geocoder.fallback()
        found = [resolve(name, None) for name in ["Pictures", "Depth", "Kochkor", "In Focus"]]
    assert [p.name if p else None for p in found] == [None, None, "Kochkor", None]
    assert fake.queries() == ["Kochkor"]


# --- another server ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "endpoint"),
    [
        ("https://nominatim.example.org", ("https", "nominatim.example.org")),
        ("https://nominatim.example.org/", ("https", "nominatim.example.org")),
        ("http://10.0.0.5:8080/nominatim/", ("http", "10.0.0.5:8080/nominatim")),
        ("  http://localhost:2322 ", ("http", "localhost:2322")),
    ],
)
def test_service_endpoint(url: str, endpoint: tuple[str, str]) -> None:
    assert service_endpoint(url) == endpoint


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nominatim.example.org", "must start with http:// or https://"),
        ("ftp://example.org", "must start with http:// or https://"),
        ("https://", "must start with http:// or https://"),
        ("https://example.org/search?q=x", "no query or fragment"),
    ],
)
def test_bad_service_url_is_a_setup_error(url: str, message: str) -> None:
    with pytest.raises(GeocoderSetupError, match=message):
        service_endpoint(url)


@pytest.mark.parametrize(("service", "path"), [("nominatim", "/search"), ("photon", "/api")])
def test_a_self_hosted_server_is_asked_at_its_url(
    fake: FakeServer, tmp_path: Path, clock: FakeClock, service: str, path: str
) -> None:
    fake.photon["Kochkor"] = [KOCHKOR_PHOTON]
    fake.clock = clock
    # A generic user agent is fine on one's own server: the rule is the public one's.
    with OnlineGeocoder(
        service,
        url=f"http://{fake.domain}/",
        cache_path=tmp_path / "c.sqlite",
        proxies={},
        clock=clock,
        sleep=clock.sleep,
    ) as geocoder:
        result = geocoder.geocode("Kochkor")
    assert result.place is not None
    assert (result.place.lat, result.place.lon) == (42.2158, 75.7546)
    assert fake.paths() == [path]


def test_cli_geocodes_through_a_custom_url_in_one_line_per_problem(
    fake: FakeServer, tmp_path: Path
) -> None:
    fake.nominatim["Xyzzyville"] = [
        {
            **BAZAR_KORGON_NOMINATIM,
            "osm_id": 77,
            "name": "Xyzzyville",
            "lat": "41.5",
            "lon": "74.25",
        }
    ]
    fake.nominatim["Frostbite Camp"] = [{**KOCHKOR_NOMINATIM, "lat": "95.5"}]
    article = tmp_path / "article.txt"
    article.write_text(
        "In Pictures\n\nIn Depth\n\n"
        "Hundreds of protesters rallied in Xyzzyville on Monday, demanding the release of a "
        "jailed activist.\n\nDozens of people also protested in Frostbite Camp on Tuesday.\n",
        encoding="utf-8",
    )
    events = tmp_path / "events.geojson"
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    done = subprocess.run(
        [sys.executable, "-c", "from geomap.cli import main; main()", "extract", str(article),
         "-o", str(events), "--geocoder", "nominatim", "--geocoder-url", f"http://{fake.domain}",
         "--geocode-cache", str(tmp_path / "c.sqlite")],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    problems = [line for line in done.stderr.splitlines() if "geocoder" in line]
    assert problems == [
        "geomap: geocoder: 'Frostbite Camp': unusable reply from nominatim: "
        "Latitude must be in the [-90; 90] range."
    ]
    assert "Warning" not in done.stderr
    assert fake.queries() == ["Xyzzyville", "Frostbite Camp"]  # no "Pictures", no "Depth"
    features = json.loads(events.read_text(encoding="utf-8"))["features"]
    placed = {f["properties"]["place_id"]: f["geometry"]["coordinates"] for f in features}
    assert placed == {"nominatim:node/77": [74.25, 41.5]}


# --- set-up errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("service", "options", "message"),
    [
        ("nominatim", {}, "requires a user agent"),
        ("nominatim", {"user_agent": ""}, "requires a user agent"),
        ("nominatim", {"user_agent": "geopy/2.5.0"}, "requires a user agent"),
        ("nominatim", {"user_agent": "my_user_agent/1.0"}, "requires a user agent"),
        ("nominatim", {"user_agent": "python-urllib/3.11"}, "requires a user agent"),
        ("geonames", {"user_agent": USER_AGENT}, "requires a username"),
        ("google", {"user_agent": USER_AGENT}, "unknown geocoder 'google'"),
        ("nominatim", {"user_agent": USER_AGENT, "max_retries": -1}, "max_retries"),
        ("nominatim", {"user_agent": USER_AGENT, "timeout": 0}, "timeout"),
        ("nominatim", {"user_agent": USER_AGENT, "request_deadline": 0}, "request_deadline"),
        ("nominatim", {"user_agent": USER_AGENT, "run_time_limit": -1}, "--geocoder-time-limit"),
        ("nominatim", {"user_agent": USER_AGENT, "max_reply_bytes": 0}, "max_reply_bytes"),
        ("nominatim", {"url": "https://a.example", "domain": "b.example"}, "not both"),
        ("photon", {"url": "nominatim.example.org"}, "must start with http"),
    ],
)
def test_bad_setup_is_refused_clearly(
    tmp_path: Path, service: str, options: dict[str, Any], message: str
) -> None:
    with pytest.raises(GeocoderSetupError, match=message) as caught:
        OnlineGeocoder(service, cache_path=tmp_path / "c.sqlite", **options)
    assert isinstance(caught.value, GeomapError)
    assert isinstance(caught.value, GeocoderError)


def test_unusable_cache_path_is_a_setup_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(GeocoderSetupError, match="cannot open geocoding cache"):
        GeocodeCache(blocker / "geocode.sqlite")


def test_default_cache_path_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_path() == tmp_path / "geomap" / "geocode.sqlite"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_path() == tmp_path / "home" / ".cache" / "geomap" / "geocode.sqlite"


# --- the pure step -----------------------------------------------------------------------------


def test_nominatim_record_becomes_a_place() -> None:
    result = _prepare_result("nominatim", "Kochkor", KOCHKOR_NOMINATIM)
    assert result.status is GeocodeStatus.OK
    assert result.place == GeocodedPlace(
        geonameid=synthetic_geonameid("nominatim:node/274568437"),
        name="Kochkor",
        kind=Kind.CITY,
        country_code="KG",
        admin1="Naryn Region",
        lat=42.2158,
        lon=75.7546,
        population=0,
        source_id="nominatim:node/274568437",
    )
    assert result.place.place_id == "nominatim:node/274568437"


@pytest.mark.parametrize(
    ("service", "raw", "place_id", "kind", "country"),
    [
        ("nominatim", NARYN_REGION_NOMINATIM, "nominatim:relation/1626544", Kind.ADMIN1, "KG"),
        ("nominatim", OSH_FRANCE_NOMINATIM, "nominatim:node/1", Kind.CITY, "FR"),
        ("geonames", KOCHKOR_GEONAMES, "geonames:1527592", Kind.CITY, "KG"),
        ("photon", KOCHKOR_PHOTON, "photon:node/274568437", Kind.CITY, "KG"),
        (
            "nominatim",
            {"osm_type": "relation", "osm_id": 178009, "lat": "41.5", "lon": "74.5",
             "addresstype": "country", "name": "Kyrgyzstan"},
            "nominatim:relation/178009",
            Kind.COUNTRY,
            "",
        ),
        (
            "geonames",
            {"geonameId": 1528171, "name": "Naryn", "lat": "41.5", "lng": "75.0",
             "countryCode": "KG", "fcode": "ADM1"},
            "geonames:1528171",
            Kind.ADMIN1,
            "KG",
        ),
    ],
)  # fmt: skip
def test_records_of_each_service(
    service: str, raw: dict[str, Any], place_id: str, kind: Kind, country: str
) -> None:
    result = _prepare_result(service, "q", raw)
    assert result.place is not None
    assert (result.place.place_id, result.place.kind, result.place.country_code) == (
        place_id,
        kind,
        country,
    )


def test_photon_swaps_geojson_order_back_to_lat_lon() -> None:
    place = _prepare_result("photon", "Kochkor", KOCHKOR_PHOTON).place
    assert place is not None
    assert (place.lat, place.lon) == (42.2158, 75.7546)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ({**KOCHKOR_NOMINATIM, "lat": None}, "TypeError"),
        ({k: v for k, v in KOCHKOR_NOMINATIM.items() if k != "lon"}, "KeyError"),
        ({**KOCHKOR_NOMINATIM, "lat": "91"}, "out of range"),
        ({**KOCHKOR_NOMINATIM, "lon": "nan"}, "out of range"),
        ({**KOCHKOR_NOMINATIM, "lat": "north"}, "ValueError"),
        ({k: v for k, v in KOCHKOR_NOMINATIM.items() if k != "osm_id"}, "osm_type/osm_id"),
    ],
)
def test_unusable_record_is_a_failure_not_a_not_found(raw: dict[str, Any], reason: str) -> None:
    result = _prepare_result("nominatim", "Kochkor", raw)
    assert result.status is GeocodeStatus.FAILED
    assert result.place is None
    assert reason in result.reason


def test_no_record_is_not_found() -> None:
    result = _prepare_result("nominatim", "Atlantis", None)
    assert (result.status, result.place, result.reason) == (GeocodeStatus.NOT_FOUND, None, "")


def test_nameless_record_takes_the_query_as_its_name() -> None:
    raw = {k: v for k, v in KOCHKOR_NOMINATIM.items() if k not in {"name", "display_name"}}
    place = _prepare_result("nominatim", "Kochkor", raw).place
    assert place is not None and place.name == "Kochkor"


def test_geocoded_place_flows_through_export_with_its_own_id() -> None:
    from geomap.model import Event, EventType, Precision

    place = _prepare_result("nominatim", "Kochkor", KOCHKOR_NOMINATIM).place
    assert isinstance(place, Place)
    event = Event(
        event_type=EventType.PROTEST,
        place=place,
        precision=Precision.POINT,
        inferred=False,
        mentions=("Kochkor",),
        source="a.txt",
        source_title="",
        source_date=None,
        outlet="",
        url="",
        quote="Protesters gathered in Kochkor.",
        char_start=0,
        char_end=31,
    )
    feature = to_feature(event)
    assert feature["properties"]["place_id"] == "nominatim:node/274568437"
    assert feature["geometry"]["coordinates"] == [75.7546, 42.2158]
    # OpenStreetMap has no GeoNames id for it: its key is never written out as one.
    assert not place.is_geonames
    assert place.geonameid not in feature["properties"].values()


def test_a_geocoded_mention_says_how_it_was_found(
    fake: FakeServer, tmp_path: Path, clock: FakeClock, gaz: Gazetteer
) -> None:
    # A name no gazetteer knows, introduced as a place ("in Xyz"): only the geocoder finds it.
    fake.nominatim["Zyrtekovo"] = [{**KOCHKOR_NOMINATIM, "name": "Zyrtekovo"}]
    text = "Hundreds of farmers protested in Zyrtekovo on Monday."
    with _geocoder(fake, tmp_path, clock) as geocoder:
        mentions = _with_fallback(text, gaz, find_mentions(text, gaz), geocoder.fallback())
    assert fake.queries() == ["Zyrtekovo"]
    [mention] = [m for m in mentions if m.text == "Zyrtekovo"]
    assert mention.match_type is MatchType.GEOCODED
    assert (mention.place.name, mention.place.place_id) == (
        "Zyrtekovo",
        "nominatim:node/274568437",
    )


@pytest.mark.parametrize(
    ("source_id", "other"),
    [("nominatim:node/1", "nominatim:node/2"), ("nominatim:way/1", "nominatim:node/1")],
)
def test_synthetic_ids_are_negative_stable_and_distinct(source_id: str, other: str) -> None:
    value = synthetic_geonameid(source_id)
    assert value < 0
    assert value >= -(2**53)  # exact as a JSON number
    assert value == synthetic_geonameid(source_id)
    assert value != synthetic_geonameid(other)


@pytest.mark.parametrize(
    ("query", "normalised"),
    [
        ("Osh", "osh"),
        ("  Jalal-Abad\t ", "jalal-abad"),
        ("Bazar  Korgon", "bazar korgon"),
        ("ＯＳＨ", "osh"),  # fullwidth letters, NFKC
        ("Ош", "ош"),  # no transliteration: another script may get another answer
    ],
)
def test_normalise_query(query: str, normalised: str) -> None:
    assert normalise_query(query) == normalised


def test_cache_key_combines_service_query_and_country() -> None:
    assert cache_key("nominatim", " OSH ", "kg") == ("nominatim", "osh", "KG")
    assert cache_key("nominatim", "Osh", None) == ("nominatim", "osh", "")
