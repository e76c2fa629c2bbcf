"""Online geocoding through geopy, used only when asked: rate-limited, cached, never fatal.

The embedded gazetteer answers offline. For names it cannot resolve, a user may opt in to
an online service (``--geocoder nominatim``). This module is the only place in geomap that
opens a socket, and it does so only when an :class:`OnlineGeocoder` is asked for a name the
persistent cache has never seen. Every request ends by a deadline, every reply is read up to
a size cap (see :mod:`geomap.bounded_http`), and a run may be given a total time limit.

Results are :class:`GeocodedPlace` values: a subclass of ``gazetteer.model.Place`` (so they
flow through events and export unchanged) whose ``place_id`` names the service's own record
(``nominatim:relation/123``, ``geonames:1527592``); outputs name a place by it. A GeoNames
answer keeps its real ``geonameid``. Other services' records have none: their ``geonameid`` is
only a key the extraction tells places apart by (see :func:`synthetic_geonameid`), and
``is_geonames`` is False, so no output writes it as an id.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from geopy.exc import (
    GeocoderAuthenticationFailure,
    GeocoderInsufficientPrivileges,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import GeoNames, Nominatim, Photon

from gazetteer.model import Kind, Place, synthetic_geonameid
from geomap.bounded_http import (
    DEFAULT_MAX_REPLY_BYTES,
    BoundedAdapter,
    ReplyDeadlineExceeded,
    ReplyTooLarge,
)
from geomap.errors import GeocoderError

__all__ = [
    "DEFAULT_USER_AGENT",
    "SERVICES",
    "SERVICE_POLICIES",
    "CachedAnswer",
    "GeocodeCache",
    "GeocodeResult",
    "GeocodeStatus",
    "GeocodedPlace",
    "GeocoderSetupError",
    "OnlineGeocoder",
    "Service",
    "ServicePolicy",
    "cache_key",
    "default_cache_path",
    "is_page_furniture",
    "normalise_query",
    "service_endpoint",
    "synthetic_geonameid",
]


# geopy logs each retry at WARNING with a traceback but installs no handler, so with logging
# unconfigured Python's last-resort handler would print tracebacks on the user's terminal.
# A NullHandler (what the logging HOWTO asks of libraries) silences only that fallback; an
# application that configures logging still receives geopy's records.
logging.getLogger("geopy").addHandler(logging.NullHandler())


class GeocoderSetupError(GeocoderError, ValueError):
    """An online geocoder cannot be set up (unknown service, missing user agent or username)."""


@dataclass(frozen=True)
class ServicePolicy:
    """How politely one service must be asked, from its published usage policy."""

    min_delay_seconds: float
    error_wait_seconds: float
    needs_user_agent: bool = False
    needs_username: bool = False


# Nominatim's usage policy (operations.osmfoundation.org/policies/nominatim): at most one
# request per second, and an identifying User-Agent. GeoNames' free accounts get 1000 credits
# an hour, so one request every 3.6 s can never exceed it. Photon (komoot) asks for fair use
# without a number; one per second is what its operators suggest for bulk work.
SERVICE_POLICIES: Mapping[str, ServicePolicy] = {
    "nominatim": ServicePolicy(1.0, 2.0, needs_user_agent=True),
    "geonames": ServicePolicy(3.6, 5.0, needs_username=True),
    "photon": ServicePolicy(1.0, 2.0),
}

DEFAULT_USER_AGENT = "geomap/0.1 (+https://pypi.org/project/geomap/)"

# Stock agents say nothing about who is asking; Nominatim bans them. Ours is stock too: every
# geomap user would share it, so one careless user would get everyone blocked.
_GENERIC_USER_AGENTS = frozenset(
    {"", DEFAULT_USER_AGENT, "geomap", "my_user_agent/1.0", "my-application", "python-requests"}
)


def _is_generic(user_agent: str) -> bool:
    folded = user_agent.casefold()
    return folded in _GENERIC_USER_AGENTS or folded.startswith(("geopy/", "python-"))


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/geomap/geocode.sqlite``, or ``~/.cache/geomap/geocode.sqlite``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geomap" / "geocode.sqlite"


class GeocodeStatus(str, Enum):
    OK = "ok"
    NOT_FOUND = "not_found"  # the service answered and knows no such place; cached
    FAILED = "failed"  # no usable answer (timeout, HTTP error, bad reply); not cached


@dataclass(frozen=True)
class GeocodedPlace(Place):
    """A place found by an online service; ``place_id`` names the service's record, and
    mentions of it have ``MatchType.GEOCODED``."""

    source_id: str = ""  # "nominatim:relation/1234", "geonames:1528249", "photon:node/42"

    @property
    def place_id(self) -> str:
        return self.source_id or f"geonames:{self.geonameid}"


@dataclass(frozen=True)
class GeocodeResult:
    """What became of one query: a place, a definite not-found, or a failure and its reason."""

    query: str
    service: str
    status: GeocodeStatus
    place: GeocodedPlace | None = None
    reason: str = ""  # why it failed; empty when status is OK or NOT_FOUND
    from_cache: bool = False
    final: bool = False  # the reason holds for the rest of the run: no later name is sent

    @property
    def ok(self) -> bool:
        return self.status is GeocodeStatus.OK


def normalise_query(query: str) -> str:
    """The cache's view of a query: NFKC, case-folded, whitespace collapsed.

    Deliberately no transliteration: "Ош" and "Osh" may well get different answers.
    """
    return " ".join(unicodedata.normalize("NFKC", query).casefold().split())


def cache_key(service: str, query: str, country: str | None) -> tuple[str, str, str]:
    return (service, normalise_query(query), (country or "").upper())


# Section and link names of news sites that read like "in Xyz": "In Pictures", "In Depth",
# "In Focus", "At a Glance". Pasted pages keep them, and asking a geocoder about them finds a
# shop or a street that happens to bear the word. None is also a well-known place name.
_PAGE_FURNITURE = frozenset(
    {
        "analysis", "audio", "brief", "charts", "comments", "context", "depth", "detail",
        "explainer", "features", "focus", "full", "gallery", "glance", "graphics", "images",
        "length", "live", "maps", "numbers", "opinion", "photos", "pictures", "podcasts",
        "quotes", "review", "short", "summary", "updates", "video", "videos",
    }
)  # fmt: skip
_FURNITURE_FILLERS = frozenset({"a", "at", "in", "the", "our", "other", "more", "news"})


def is_page_furniture(name: str) -> bool:
    """True for a site's section or link name ("Pictures", "Depth", "Other Videos")."""
    words = normalise_query(name).replace("-", " ").split()
    return (
        bool(words)
        and any(w in _PAGE_FURNITURE for w in words)
        and all(w in _PAGE_FURNITURE or w in _FURNITURE_FILLERS for w in words)
    )


def service_endpoint(url: str) -> tuple[str, str]:
    """``(scheme, domain)`` for geopy from a service's base URL.

    ``https://nominatim.example.org`` gives ``("https", "nominatim.example.org")``; a path is
    kept (``http://10.0.0.5:8080/nominatim`` -> ``"10.0.0.5:8080/nominatim"``), since geopy
    appends its own (``/search``, ``/api``, ``/searchJSON``) to the domain.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise GeocoderSetupError(f"geocoder URL must start with http:// or https://; got {url!r}")
    if parts.query or parts.fragment:
        raise GeocoderSetupError(f"geocoder URL must have no query or fragment; got {url!r}")
    return parts.scheme, parts.netloc + parts.path.rstrip("/")


# --- the pure step: one service's raw record -> GeocodeResult ---------------------------------

_OSM_TYPES = {"N": "node", "W": "way", "R": "relation"}
_ADMIN1_TYPES = frozenset({"state", "province", "region", "oblast"})


def _kind_from_osm(place_type: str) -> Kind:
    if place_type == "country":
        return Kind.COUNTRY
    if place_type in _ADMIN1_TYPES:
        return Kind.ADMIN1
    return Kind.CITY


def _kind_from_geonames(feature_code: str) -> Kind:
    if feature_code.startswith("PCL"):
        return Kind.COUNTRY
    if feature_code == "ADM1":
        return Kind.ADMIN1
    if feature_code in {"CONT", "RGN"}:
        return Kind.REGION
    return Kind.CITY


def _coordinate(value: Any, limit: float) -> float:
    number = float(value)
    if not -limit <= number <= limit:  # also rejects NaN
        raise ValueError(f"coordinate {value!r} out of range")
    return number


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _nominatim_place(raw: Mapping[str, Any]) -> GeocodedPlace:
    osm_type, osm_id = _text(raw.get("osm_type")), raw.get("osm_id")
    if not osm_type or osm_id is None:
        raise ValueError("record has no osm_type/osm_id")
    source_id = f"nominatim:{osm_type}/{osm_id}"
    address = raw.get("address")
    if not isinstance(address, Mapping):
        address = {}
    name = _text(raw.get("name")) or _text(raw.get("display_name")).split(",")[0].strip()
    return GeocodedPlace(
        geonameid=synthetic_geonameid(source_id),
        name=name,
        kind=_kind_from_osm(_text(raw.get("addresstype")) or _text(raw.get("type"))),
        country_code=_text(address.get("country_code")).upper(),
        admin1=_text(address.get("state")),
        lat=_coordinate(raw["lat"], 90),
        lon=_coordinate(raw["lon"], 180),
        population=0,
        source_id=source_id,
    )


def _geonames_place(raw: Mapping[str, Any]) -> GeocodedPlace:
    geonameid = int(raw["geonameId"])
    population = raw.get("population")
    return GeocodedPlace(
        geonameid=geonameid,
        name=_text(raw.get("name")) or _text(raw.get("toponymName")),
        kind=_kind_from_geonames(_text(raw.get("fcode"))),
        country_code=_text(raw.get("countryCode")).upper(),
        admin1=_text(raw.get("adminName1")),
        lat=_coordinate(raw["lat"], 90),
        lon=_coordinate(raw["lng"], 180),
        population=population if isinstance(population, int) and population > 0 else 0,
        admin1_code=_text(raw.get("adminCode1")),
        source_id=f"geonames:{geonameid}",
    )


def _photon_place(raw: Mapping[str, Any]) -> GeocodedPlace:
    properties = raw["properties"]
    lon, lat = raw["geometry"]["coordinates"][:2]  # GeoJSON order: [lon, lat]
    osm_type = _OSM_TYPES.get(_text(properties.get("osm_type")), "")
    osm_id = properties.get("osm_id")
    if not osm_type or osm_id is None:
        raise ValueError("record has no osm_type/osm_id")
    source_id = f"photon:{osm_type}/{osm_id}"
    return GeocodedPlace(
        geonameid=synthetic_geonameid(source_id),
        name=_text(properties.get("name")),
        kind=_kind_from_osm(_text(properties.get("type")) or _text(properties.get("osm_value"))),
        country_code=_text(properties.get("countrycode")).upper(),
        admin1=_text(properties.get("state")),
        lat=_coordinate(lat, 90),
        lon=_coordinate(lon, 180),
        population=0,
        source_id=source_id,
    )


def _nominatim_options(country: str | None) -> dict[str, Any]:
    # addressdetails is the only way to learn the country code of a Nominatim answer.
    options: dict[str, Any] = {"addressdetails": True}
    if country:
        options["country_codes"] = country.lower()
    return options


def _geonames_options(country: str | None) -> dict[str, Any]:
    return {"country_bias": country.upper()} if country else {}


def _no_options(country: str | None) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Service:
    """Everything geomap needs to know about one geocoding service, in one record.

    `make` builds geopy's geocoder from the shared options (and the account name, for the
    services that need one); `request_options` turns the document's country into the
    service's own bias parameter; `parse` reads one raw answer into a GeocodedPlace.
    """

    name: str
    policy: ServicePolicy
    make: Callable[[dict[str, Any], str | None], Any]
    request_options: Callable[[str | None], dict[str, Any]]
    parse: Callable[[Mapping[str, Any]], GeocodedPlace]


SERVICES: Mapping[str, Service] = {
    "nominatim": Service(
        "nominatim",
        SERVICE_POLICIES["nominatim"],
        lambda options, _username: Nominatim(**options),
        _nominatim_options,
        _nominatim_place,
    ),
    "geonames": Service(
        "geonames",
        SERVICE_POLICIES["geonames"],
        lambda options, username: GeoNames(username=username, **options),
        _geonames_options,
        _geonames_place,
    ),
    "photon": Service(
        "photon",
        SERVICE_POLICIES["photon"],
        lambda options, _username: Photon(**options),
        _no_options,
        _photon_place,
    ),
}


def _prepare_result(
    service: str, query: str, raw: Mapping[str, Any] | None, *, from_cache: bool = False
) -> GeocodeResult:
    """Turn one service record (geopy's ``Location.raw``) into a result; no I/O.

    ``None`` means the service answered with no match. A record that cannot be read (no
    coordinates, coordinates out of range, no id) is a failure, not a not-found: the place may
    well exist, the reply was just unusable.
    """
    if raw is None:
        return GeocodeResult(query, service, GeocodeStatus.NOT_FOUND, from_cache=from_cache)
    try:
        place = SERVICES[service].parse(raw)
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        reason = f"unusable reply from {service}: {type(exc).__name__}: {exc}"
        return GeocodeResult(query, service, GeocodeStatus.FAILED, reason=reason)
    if not place.name:
        place = replace(place, name=query)
    return GeocodeResult(query, service, GeocodeStatus.OK, place=place, from_cache=from_cache)


# --- the persistent cache ---------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geocode (
    service TEXT NOT NULL,
    query TEXT NOT NULL,
    country TEXT NOT NULL,
    record TEXT,  -- the service's raw record as JSON; NULL for a definite not-found
    PRIMARY KEY (service, query, country)
)
"""


@dataclass(frozen=True)
class CachedAnswer:
    """What a service once said: its raw record, or None for a definite not-found."""

    record: Mapping[str, Any] | None


class GeocodeCache:
    """Answers already received, on disk, so that a rerun sends no request.

    Raw records are stored rather than parsed places, so an improved parser applies to old
    answers too. Not-found answers are stored as well: asking again would get the same answer
    and spend the service's quota. Failures are not stored; the next run tries again.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except (OSError, sqlite3.Error) as exc:
            raise GeocoderSetupError(f"cannot open geocoding cache {self.path}: {exc}") from exc

    def get(self, key: tuple[str, str, str]) -> CachedAnswer | None:
        """The stored answer, or None when this query was never answered."""
        row = self._db.execute(
            "SELECT record FROM geocode WHERE service = ? AND query = ? AND country = ?", key
        ).fetchone()
        if row is None:
            return None
        return CachedAnswer(None if row[0] is None else json.loads(row[0]))

    def put(self, key: tuple[str, str, str], record: Mapping[str, Any] | None) -> None:
        stored = None if record is None else json.dumps(record, ensure_ascii=False, sort_keys=True)
        self._db.execute("INSERT OR REPLACE INTO geocode VALUES (?, ?, ?, ?)", (*key, stored))
        self._db.commit()

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM geocode").fetchone()[0])

    def close(self) -> None:
        self._db.close()


# --- the network loop -------------------------------------------------------------------------


class _PermanentFailure(Exception):
    """A reply that asking again cannot change (bad query, bad credentials); not retried."""

    def __init__(self, original: Exception) -> None:
        super().__init__(str(original))
        self.original = original


class _OutOfTime(Exception):
    """The run's time limit is used up; no further request is sent."""


class _UnusableReply(Exception):
    """geopy refused to read the reply (a latitude out of range); asking again cannot help."""


class _NotRetried(Exception):
    """A reply too slow or too large: asking again would cost the same time or bytes."""

    def __init__(self, original: Exception) -> None:
        super().__init__(str(original))
        self.original = original


def _rate_limiter(
    func: Callable[..., Any],
    policy: ServicePolicy,
    max_retries: int,
    error_wait_seconds: float | None,
    clock: Callable[[], float],
    sleep: Callable[[float], None],
) -> Callable[..., Any]:
    class _Limiter(RateLimiter):
        # geopy reaches time only through these two methods, so tests can pass a fake clock.
        def _clock(self) -> float:
            return clock()

        def _sleep(self, seconds: float) -> None:
            sleep(seconds)

    return _Limiter(
        func,
        min_delay_seconds=policy.min_delay_seconds,
        max_retries=max_retries,
        error_wait_seconds=max(
            policy.min_delay_seconds,
            policy.error_wait_seconds if error_wait_seconds is None else error_wait_seconds,
        ),
        swallow_exceptions=False,
    )


def _describe(exc: BaseException) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


class OnlineGeocoder:
    """One online service behind geopy, rate-limited per its policy and cached on disk.

    ``url`` points it at another server (a self-hosted Nominatim or Photon): the base URL,
    before the service's own path. ``domain`` and ``scheme`` do the same in geopy's terms (a
    test's fake on 127.0.0.1). ``clock`` and ``sleep`` are what geopy's RateLimiter uses to
    space requests and wait between retries, and what the run's time limit is counted in.
    ``proxies`` is passed to geopy (``{}`` ignores the environment's proxy settings).

    Time and size are bounded three ways: ``timeout`` for each read of the socket,
    ``request_deadline`` for a whole reply however slowly it trickles in, and
    ``run_time_limit`` (None: no limit) for all the requests and waits of this geocoder
    together; once it is used up, names not in the cache fail without a request. A reply
    larger than ``max_reply_bytes`` is not read further. A reply cut for its time or size
    is not asked for again; a silent read that timed out is retried, up to ``max_retries``.

    Example:
        with OnlineGeocoder("nominatim", user_agent="newsroom-maps/1.0 (desk@example.org)") as g:
            for result in g.geocode_all(["Kochkor", "Bazar-Korgon"], country="KG"):
                ...
    """

    def __init__(
        self,
        service: str,
        *,
        user_agent: str | None = None,
        username: str | None = None,
        cache_path: str | Path | None = None,
        url: str | None = None,
        domain: str | None = None,
        scheme: str | None = None,
        timeout: float = 10.0,
        request_deadline: float = 30.0,
        run_time_limit: float | None = None,
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
        max_retries: int = 2,
        error_wait_seconds: float | None = None,
        proxies: Mapping[str, str] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if service not in SERVICES:
            known = ", ".join(sorted(SERVICES))
            raise GeocoderSetupError(f"unknown geocoder {service!r}; choose one of {known}")
        policy = SERVICES[service].policy
        if url is not None:
            if domain or scheme:
                raise GeocoderSetupError("give either url, or domain and scheme, not both")
            scheme, domain = service_endpoint(url)
        agent = (user_agent or "").strip()
        # The rule is the public server's (OSM Foundation's); one's own instance sets its own.
        if policy.needs_user_agent and not domain and _is_generic(agent):
            raise GeocoderSetupError(
                f"{service} requires a user agent that identifies you, e.g. "
                f"--user-agent 'newsroom-maps/1.0 (desk@example.org)'; got {agent!r}"
            )
        if policy.needs_username and not (username or "").strip():
            raise GeocoderSetupError(f"{service} requires a username (--geonames-username)")
        _check_limits(max_retries, timeout, request_deadline, run_time_limit, max_reply_bytes)

        self.service = service
        self.policy = policy
        self.user_agent = agent or DEFAULT_USER_AGENT
        self.request_deadline = request_deadline
        self.run_time_limit = run_time_limit
        self.requests_sent = 0
        self._clock = clock
        self._spent = 0.0  # clock seconds spent in requests and waits before them
        self._call_started: float | None = None
        self._cache = GeocodeCache(cache_path if cache_path is not None else default_cache_path())
        adapter = partial(
            BoundedAdapter, budget=self._request_budget, max_reply_bytes=max_reply_bytes
        )
        self._geocoder = self._make_geopy(
            username=username,
            domain=domain,
            scheme=scheme,
            timeout=timeout,
            proxies=proxies,
            adapter=adapter,
        )
        self._limited = _rate_limiter(
            self._request, policy, max_retries, error_wait_seconds, clock, sleep
        )
        self._fatal: str | None = None

    def _make_geopy(
        self,
        *,
        username: str | None,
        domain: str | None,
        scheme: str | None,
        timeout: float,
        proxies: Mapping[str, str] | None,
        adapter: Callable[..., Any],
    ) -> Any:
        options: dict[str, Any] = {
            "user_agent": self.user_agent,
            "timeout": timeout,
            # One attempt per call, as with geopy's urllib adapter (the requests adapter would
            # add hidden retries: the request count the service sees must be ours to decide),
            # plus a deadline and a size cap per reply.
            "adapter_factory": adapter,
        }
        if domain:
            options["domain"] = domain
        if scheme:
            options["scheme"] = scheme
        if proxies is not None:
            options["proxies"] = dict(proxies)
        return SERVICES[self.service].make(options, username)

    def _time_left(self) -> float | None:
        """Seconds left of the run's time limit, counting the call in progress; None: no limit."""
        if self.run_time_limit is None:
            return None
        running = 0.0 if self._call_started is None else self._clock() - self._call_started
        return self.run_time_limit - self._spent - running

    def _request_budget(self) -> float:
        """What the next request may take in all: its deadline, or less if the run ends first."""
        left = self._time_left()
        return self.request_deadline if left is None else min(self.request_deadline, left)

    def _request(self, query: str, country: str | None) -> Any:
        left = self._time_left()
        if left is not None and left <= 0:
            raise _OutOfTime  # checked here too, so that a retry's wait counts
        self.requests_sent += 1
        options = {"exactly_one": True, **SERVICES[self.service].request_options(country)}
        try:
            with warnings.catch_warnings():
                # geopy warns (two lines, quoting its own source) before it refuses a latitude
                # out of range; the refusal is this name's failure, reported in one line.
                warnings.filterwarnings("ignore", "Latitude normalization", UserWarning)
                return self._geocoder.geocode(query, **options)
        except GeocoderRateLimited:
            raise  # HTTP 429 subclasses the quota error but passes: wait, then retry
        except (ReplyDeadlineExceeded, ReplyTooLarge) as exc:
            raise _NotRetried(exc) from exc
        except (
            GeocoderQueryError,
            GeocoderAuthenticationFailure,
            GeocoderInsufficientPrivileges,
            GeocoderQuotaExceeded,
        ) as exc:
            raise _PermanentFailure(exc) from exc
        except ValueError as exc:  # geopy's Point: coordinates out of range or not finite
            raise _UnusableReply(str(exc)) from exc

    def fallback(
        self, on_failure: Callable[[GeocodeResult], None] | None = None
    ) -> Callable[[str, str | None], Place | None]:
        """A resolver for extraction: the place, or None; failures go to `on_failure`.

        Page furniture ("In Pictures", "In Depth") is never sent. A failure that ends the
        run's requests (bad credentials, the time limit) goes to `on_failure` once.
        """
        stopped = False

        def resolve(name: str, country: str | None) -> Place | None:
            nonlocal stopped
            if is_page_furniture(name):
                return None
            result = self.geocode(name, country=country)
            if result.status is GeocodeStatus.FAILED and on_failure is not None and not stopped:
                on_failure(result)
            stopped = stopped or result.final
            return result.place if result.ok else None

        return resolve

    def geocode(self, query: str, *, country: str | None = None) -> GeocodeResult:
        """Resolve one name: from the cache if ever asked before, else from the service.

        ``country`` (ISO code) restricts Nominatim's search and biases GeoNames' ranking;
        Photon has no country parameter. Never raises for a service problem; the result
        says ``failed`` and why.
        """
        key = cache_key(self.service, query, country)
        if not key[1]:
            return GeocodeResult(query, self.service, GeocodeStatus.NOT_FOUND)
        stored = self._cache.get(key)
        if stored is not None:
            return _prepare_result(self.service, query, stored.record, from_cache=True)
        left = self._time_left()
        if self._fatal is None and left is not None and left <= 0:
            self._fatal = self._out_of_time()
        if self._fatal:
            return self._failed(query, self._fatal, final=True)
        self._call_started = self._clock()
        try:
            location = self._limited(query, country)
        except _PermanentFailure as exc:
            reason = f"{self.service} refused the request: {_describe(exc.original)}"
            if isinstance(exc.original, GeocoderQueryError):
                return self._failed(query, reason)
            # Bad credentials or an exhausted quota fail every later query too: stop asking.
            self._fatal = reason
            return self._failed(query, reason, final=True)
        except _OutOfTime:
            self._fatal = self._out_of_time()
            return self._failed(query, self._fatal, final=True)
        except _UnusableReply as exc:
            return self._failed(query, f"unusable reply from {self.service}: {exc}")
        except _NotRetried as exc:
            return self._failed(query, f"{self.service} failed: {_describe(exc.original)}")
        except Exception as exc:  # any geopy or socket error: record it, the batch goes on
            return self._failed(query, f"{self.service} failed: {_describe(exc)}")
        finally:
            self._spent += self._clock() - self._call_started
            self._call_started = None
        raw = None if location is None else location.raw
        result = _prepare_result(self.service, query, raw)
        if result.status is not GeocodeStatus.FAILED:
            self._cache.put(key, raw)
        return result

    def _failed(self, query: str, reason: str, *, final: bool = False) -> GeocodeResult:
        return GeocodeResult(query, self.service, GeocodeStatus.FAILED, reason=reason, final=final)

    def _out_of_time(self) -> str:
        return (
            f"the run's geocoding time limit ({self.run_time_limit:g} s) is used up; names not "
            "yet in the cache are left unresolved (a rerun continues from the cache)"
        )

    def geocode_all(
        self, queries: Iterable[str], *, country: str | None = None
    ) -> Iterator[GeocodeResult]:
        """One result per query, in order; a failure is recorded and the next query is tried."""
        for query in queries:
            yield self.geocode(query, country=country)

    def close(self) -> None:
        self._cache.close()

    def __enter__(self) -> OnlineGeocoder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _check_limits(
    max_retries: int,
    timeout: float,
    request_deadline: float,
    run_time_limit: float | None,
    max_reply_bytes: int,
) -> None:
    if max_retries < 0:
        raise GeocoderSetupError("max_retries must be 0 or more")
    if timeout <= 0:
        raise GeocoderSetupError("timeout must be positive")
    if request_deadline <= 0:
        raise GeocoderSetupError("request_deadline must be positive")
    if run_time_limit is not None and run_time_limit <= 0:
        raise GeocoderSetupError("the run's time limit (--geocoder-time-limit) must be positive")
    if max_reply_bytes <= 0:
        raise GeocoderSetupError("max_reply_bytes must be positive")
