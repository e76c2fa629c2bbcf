"""Editorial corrections: a person's checked changes to extracted reports, kept in a file.

An editor who finds a wrong marker writes (or downloads from `geomap build --review`) a
corrections file and passes it to every later `geomap build` or `geomap extract`. Each
entry names a report by its stable id (`report_id`, "rp-…", derived from the article and
the quote's offsets, so it survives rebuilds on a grown folder) or an event record by its
id ("ev-…", see geomap.records), and says who made it and why. The file is JSON, one entry
per object, so that it reads and diffs well in git:

    {
      "geomap_corrections": 1,
      "corrections": [
        {"action": "drop", "event": "rp-0f3c…", "editor": "ana", "reason": "a rumour"},
        {"action": "move", "event": "rp-41aa…", "place": "Osh", "country": "KG",
         "editor": "ana", "reason": "the dateline city, not the event's"}
      ]
    }

Actions, each a row of ACTIONS below: drop, move (to a place name resolved through the
gazetteer, or to `lat`/`lon`), retype, figures (crowd_low, crowd_high, killed, injured,
arrested), date, add (a report the extractor missed) and note. Any entry may carry a
`note`, shown in the popup as the editor's note; every corrected report is exported with
`reviewed: true`.

Corrections are applied after extraction and before grouping and rendering, in the order
of the file, and only to the report (or the reports of the record) they name: an entry
whose report no longer exists is returned as stale, never applied to another.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from gazetteer import Gazetteer
from gazetteer.model import Kind, Place
from geomap.errors import GeomapError
from geomap.model import Event, EventType, Precision

__all__ = [
    "ACTIONS",
    "FIGURE_FIELDS",
    "FILE_VERSION",
    "Applied",
    "Correction",
    "Corrections",
    "CorrectionsError",
    "Figures",
    "apply_corrections",
    "parse_corrections",
    "read_corrections",
]

FILE_VERSION = 1
FIGURE_FIELDS = ("crowd_low", "crowd_high", "killed", "injured", "arrested")
_ID = re.compile(r"^(rp|ev)-[0-9a-f]{16}$")
_EVENT_TYPES = tuple(t.value for t in EventType)
_COMMON_FIELDS = ("action", "editor", "reason", "note")
# Files are written by hand or by the review page; a few MiB is thousands of entries.
_MAX_FILE_BYTES = 16 * 1024 * 1024


class CorrectionsError(GeomapError, ValueError):
    """A corrections file that cannot be used; the message names the file and the entry."""


# ---------------------------------------------------------------------------------------------
# Values


@dataclass(frozen=True)
class Figures:
    """Figures an editor set: only the named ones change; None clears a figure."""

    values: tuple[tuple[str, int | None], ...]


@dataclass(frozen=True)
class Correction:
    """One entry of the file, checked, with any place already resolved."""

    number: int  # 1-based position in the file, for messages
    action: str
    target: str  # "rp-…" or "ev-…"; "" for add
    editor: str
    reason: str
    note: str = ""
    place: Place | None = None  # move, add
    event_type: EventType | None = None  # retype, add
    figures: Figures | None = None  # figures, add
    date: str | None = None  # date, add
    source: str = ""  # add
    quote: str = ""  # add
    url: str = ""  # add
    outlet: str = ""  # add
    source_title: str = ""  # add
    raw: str = field(default="", compare=False)  # the entry as the file wrote it, as JSON

    def describe(self) -> str:
        """ "entry 3 (drop rp-…, by ana)": how messages name an entry."""
        what = f"{self.action} {self.target}" if self.target else self.action
        return f"entry {self.number} ({what}, by {self.editor})"


@dataclass(frozen=True)
class Corrections:
    """A whole file: its name, for messages, and its entries in file order."""

    name: str
    entries: tuple[Correction, ...] = ()

    def documents(self) -> list[dict[str, Any]]:
        """The entries as the file wrote them, to write them again (the review page)."""
        return [json.loads(c.raw) for c in self.entries]


@dataclass(frozen=True)
class Applied:
    """The corrected reports, and the entries that named no report of this run."""

    events: tuple[Event, ...]
    stale: tuple[Correction, ...] = ()
    changed: int = 0  # reports an entry changed, dropped or added


# ---------------------------------------------------------------------------------------------
# Reading and checking


def read_corrections(path: str | Path, gaz: Gazetteer) -> Corrections:
    """Read and check a corrections file; place names are resolved through `gaz` now.

    Raises CorrectionsError with one line naming the file (and the entry, when one is at
    fault) for anything it cannot use: unreadable, not JSON, a wrong field, an unknown place.
    """
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_FILE_BYTES + 1)
    except OSError as error:
        raise CorrectionsError(f"{name}: cannot read corrections file ({error.strerror})") from None
    if len(data) > _MAX_FILE_BYTES:
        raise CorrectionsError(f"{name}: corrections file is larger than 16 MiB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CorrectionsError(f"{name}: corrections file is not UTF-8") from None
    return parse_corrections(text, name, gaz)


def parse_corrections(text: str, name: str, gaz: Gazetteer) -> Corrections:
    """The checked entries of a corrections file's text (see read_corrections)."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorrectionsError(
            f"{name}: not JSON ({error.msg} at line {error.lineno} column {error.colno})"
        ) from None
    entries = _entry_list(document, name)
    checked: list[Correction] = []
    seen_adds: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        where = f"{name}: entry {number}"
        try:
            correction = _check_entry(number, entry, gaz)
        except _EntryProblem as problem:
            raise CorrectionsError(f"{where}{problem.label}: {problem}") from None
        if correction.action == "add":
            key = _added_id(correction)
            if key in seen_adds:
                raise CorrectionsError(f"{where} (add): the same report as entry {seen_adds[key]}")
            seen_adds[key] = number
        checked.append(correction)
    return Corrections(name, tuple(checked))


def _entry_list(document: Any, name: str) -> list[Any]:
    if not isinstance(document, dict):
        raise CorrectionsError(f"{name}: not a corrections file (expected a JSON object)")
    version = document.get("geomap_corrections")
    if version is None:
        raise CorrectionsError(f"{name}: not a corrections file (no 'geomap_corrections' key)")
    if version != FILE_VERSION:
        raise CorrectionsError(
            f"{name}: corrections format {version!r} is not supported (this geomap reads "
            f"{FILE_VERSION})"
        )
    unknown = sorted(set(document) - {"geomap_corrections", "corrections"})
    if unknown:
        raise CorrectionsError(f"{name}: unknown key {unknown[0]!r}")
    entries = document.get("corrections", [])
    if not isinstance(entries, list):
        raise CorrectionsError(f"{name}: 'corrections' is not a list")
    return entries


class _EntryProblem(ValueError):
    """Why one entry is refused; `label` says what the entry is, once it is known."""

    def __init__(self, reason: str, label: str = "") -> None:
        super().__init__(reason)
        self.label = label


@dataclass(frozen=True)
class _Action:
    """What an action needs and allows, besides action, editor, reason and note."""

    name: str
    targets: bool  # names an existing report or record
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    read: Callable[[Mapping[str, Any], Gazetteer], dict[str, Any]] = field(
        default=lambda entry, gaz: {}
    )


def _read_move(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    return {"place": _place(entry, gaz)}


def _read_retype(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    return {"event_type": _event_type(entry["event_type"])}


def _read_figures(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    figures = _figures(entry)
    if not figures.values:
        raise _EntryProblem("names no figure (" + ", ".join(FIGURE_FIELDS) + ")")
    return {"figures": figures}


def _read_date(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    return {"date": _date(entry["date"])}


def _read_note(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    if not entry.get("note"):
        raise _EntryProblem("'note' is empty")
    return {}


def _read_add(entry: Mapping[str, Any], gaz: Gazetteer) -> dict[str, Any]:
    values: dict[str, Any] = {
        "place": _place(entry, gaz),
        "event_type": _event_type(entry["event_type"]),
        "date": _date(entry.get("date")),
        "figures": _figures(entry),
    }
    for key in ("source", "quote"):
        values[key] = _text(entry, key, required=True)
    for key in ("url", "outlet", "source_title"):
        values[key] = _text(entry, key, required=False)
    return values


_PLACE_FIELDS = ("place", "country", "lat", "lon")

# The file's actions. "event" is the id of the report or record an entry corrects.
ACTIONS: dict[str, _Action] = {
    a.name: a
    for a in (
        _Action("drop", True, ()),
        _Action("move", True, (), _PLACE_FIELDS, _read_move),
        _Action("retype", True, ("event_type",), (), _read_retype),
        _Action("figures", True, (), FIGURE_FIELDS, _read_figures),
        _Action("date", True, ("date",), (), _read_date),
        _Action("note", True, (), (), _read_note),
        _Action(
            "add",
            False,
            ("event_type", "source", "quote"),
            ("date", "url", "outlet", "source_title", *_PLACE_FIELDS, *FIGURE_FIELDS),
            _read_add,
        ),
    )
}


def _check_entry(number: int, entry: Any, gaz: Gazetteer) -> Correction:
    if not isinstance(entry, dict):
        raise _EntryProblem("not a JSON object")
    action_name = entry.get("action")
    if not isinstance(action_name, str) or action_name not in ACTIONS:
        known = ", ".join(ACTIONS)
        shown = "missing" if action_name is None else f"{action_name!r}"
        raise _EntryProblem(f"action {shown} is not one of {known}")
    action = ACTIONS[action_name]
    target = entry.get("event", "")
    label = f" ({action_name} {target})" if action.targets and isinstance(target, str) else ""
    label = label or f" ({action_name})"
    try:
        return _checked(number, action, entry, gaz)
    except _EntryProblem as problem:
        raise _EntryProblem(str(problem), label) from None


def _checked(number: int, action: _Action, entry: Mapping[str, Any], gaz: Gazetteer) -> Correction:
    allowed = {*_COMMON_FIELDS, *action.required, *action.optional}
    if action.targets:
        allowed.add("event")
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise _EntryProblem(f"unknown field {unknown[0]!r} for {action.name}")
    for key in ("editor", "reason"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise _EntryProblem(f"'{key}' is missing or empty (say who and why)")
    target = ""
    if action.targets:
        target = entry.get("event", "")
        if not isinstance(target, str) or not _ID.match(target):
            raise _EntryProblem("'event' is not a report id (rp-…) or event id (ev-…)")
    for key in action.required:
        if key not in entry:
            raise _EntryProblem(f"{action.name} needs '{key}'")
    return Correction(
        number=number,
        action=action.name,
        target=target,
        editor=entry["editor"].strip(),
        reason=entry["reason"].strip(),
        note=_text(entry, "note", required=False),
        raw=json.dumps(entry, ensure_ascii=False),
        **action.read(entry, gaz),
    )


def _text(entry: Mapping[str, Any], key: str, *, required: bool) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        raise _EntryProblem(f"'{key}' is {type(value).__name__}, expected text")
    if required and not value.strip():
        raise _EntryProblem(f"'{key}' is empty")
    return value.strip()


def _event_type(value: Any) -> EventType:
    if value not in _EVENT_TYPES:
        raise _EntryProblem(f"event_type {value!r} is not one of " + ", ".join(_EVENT_TYPES))
    return EventType(value)


def _date(value: Any) -> str | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str) or len(value) != 10:
            raise ValueError
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise _EntryProblem(f"date {value!r} is not YYYY-MM-DD") from None


def _count(key: str, value: Any) -> int | None:
    if value is None:
        return None
    # bool is an int in Python; a count of True people is a mistake, not a count.
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise _EntryProblem(f"{key} {value!r} is not a whole number of people (or null)")
    return value


def _figures(entry: Mapping[str, Any]) -> Figures:
    values = tuple((k, _count(k, entry[k])) for k in FIGURE_FIELDS if k in entry)
    given = dict(values)
    low, high = given.get("crowd_low"), given.get("crowd_high")
    if low is not None and high is not None and high < low:
        raise _EntryProblem(f"crowd_high {high} is below crowd_low {low}")
    return Figures(values)


def _place(entry: Mapping[str, Any], gaz: Gazetteer) -> Place:
    """The place an entry names: coordinates as given, or a name through the gazetteer."""
    name = _text(entry, "place", required=False)
    country = _text(entry, "country", required=False).upper()
    has_lat, has_lon = "lat" in entry, "lon" in entry
    if has_lat or has_lon:
        if not (has_lat and has_lon):
            raise _EntryProblem("give both 'lat' and 'lon', or a 'place' name")
        return _point(name, country, entry["lat"], entry["lon"])
    if not name:
        raise _EntryProblem("needs a 'place' name or 'lat' and 'lon'")
    found = gaz.lookup(name, country=country or None, limit=1, fuzzy=False)
    if country:
        found = [c for c in found if c.place.country_code == country]
    if not found:
        hints = gaz.suggest(name)
        hint = f"; did you mean {', '.join(hints)}?" if hints else ""
        where = f" in {country}" if country else ""
        raise _EntryProblem(f"no place {name!r}{where} in the gazetteer{hint}")
    return found[0].place


# Places an editor gives by coordinates get ids far above the few geomap:N regions.
_POINT_ID_BASE = 10**9


def _point(name: str, country: str, lat: Any, lon: Any) -> Place:
    for key, value, limit in (("lat", lat, 90.0), ("lon", lon, 180.0)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _EntryProblem(f"{key} {value!r} is not a number")
        if not math.isfinite(value) or abs(value) > limit:
            raise _EntryProblem(f"{key} {value!r} is out of range")
    lat, lon = round(float(lat), 5), round(float(lon), 5)
    digest = hashlib.sha256(f"{lat}\0{lon}\0{name}".encode()).hexdigest()
    # Negative ids are geomap's own (Place.place_id gives "geomap:N").
    geonameid = -(_POINT_ID_BASE + int(digest[:7], 16))
    label = name or f"{lat:.4f}, {lon:.4f}"
    return Place(geonameid, label, Kind.CITY, country, "", lat, lon, 0)


# ---------------------------------------------------------------------------------------------
# Applying


def apply_corrections(
    reports: Iterable[Event],
    corrections: Corrections,
    *,
    records: Callable[[Sequence[Event]], Iterable[Any]] | None = None,
) -> Applied:
    """The reports with every entry applied, in their own order, then the added reports.

    Entries apply in file order. An "ev-…" entry applies to every report of that record,
    as `records` (geomap.records.group_reports by default) groups the uncorrected reports.
    """
    reports = list(reports)
    by_report = _entries_by_report(reports, corrections, records)
    used: set[int] = set()
    out: list[Event] = []
    changed = 0
    for report in reports:
        entries = by_report.get(report.stable_id, [])
        used.update(c.number for c in entries)
        corrected = _apply_all(report, entries)
        changed += corrected is not report
        if corrected is not None:
            out.append(corrected)
    for correction in corrections.entries:
        if correction.action == "add":
            out.append(_added(correction))
            used.add(correction.number)
            changed += 1
    stale = tuple(c for c in corrections.entries if c.number not in used)
    return Applied(tuple(out), stale, changed)


def _entries_by_report(
    reports: Sequence[Event],
    corrections: Corrections,
    records: Callable[[Sequence[Event]], Iterable[Any]] | None,
) -> dict[str, list[Correction]]:
    members: dict[str, list[str]] = {r.stable_id: [r.stable_id] for r in reports}
    if any(c.target.startswith("ev-") for c in corrections.entries):
        members.update(_record_members(reports, records))
    by_report: dict[str, list[Correction]] = {}
    for correction in corrections.entries:
        for report_id in members.get(correction.target, []):
            by_report.setdefault(report_id, []).append(correction)
    return by_report


def _record_members(
    reports: Sequence[Event], records: Callable[[Sequence[Event]], Iterable[Any]] | None
) -> dict[str, list[str]]:
    if records is None:
        from geomap.records import group_reports

        records = group_reports
    return {record.event_id: [r.stable_id for r in record.reports] for record in records(reports)}


def _apply_all(report: Event, entries: Sequence[Correction]) -> Event | None:
    if not entries:
        return report
    if any(c.action == "drop" for c in entries):
        return None
    # The id is fixed first: a moved or retyped report keeps the name the file gave it.
    event = replace(report, report_id=report.stable_id, reviewed=True)
    for correction in entries:
        event = _CHANGES[correction.action](event, correction)
        event = replace(event, editor_note=_joined_note(event.editor_note, correction.note))
    return event


def _joined_note(before: str, note: str) -> str:
    if not note or note in before.split("\n"):
        return before
    return f"{before}\n{note}" if before else note


_PRECISION_BY_KIND = {Kind.CITY: Precision.POINT, Kind.COUNTRY: Precision.COUNTRY}


def _move(event: Event, c: Correction) -> Event:
    assert c.place is not None
    precision = _PRECISION_BY_KIND.get(c.place.kind, Precision.REGION)
    # The article's spellings named the old place; the editor chose this one.
    # The filter's chance was for the old place; the editor's choice is not the model's.
    return replace(
        event, place=c.place, precision=precision, inferred=False, mentions=(), event_chance=None
    )


def _retype(event: Event, c: Correction) -> Event:
    assert c.event_type is not None
    return replace(event, event_type=c.event_type, event_chance=None)


def _set_figures(event: Event, c: Correction) -> Event:
    assert c.figures is not None
    values = dict(c.figures.values)
    crowd_set = "crowd_low" in values or "crowd_high" in values
    if "crowd_low" in values and "crowd_high" not in values:
        values["crowd_high"] = None  # a new single figure is not the old range's low end
    # The article's wording of the crowd ("thousands") no longer describes the figure.
    crowd_text = "" if crowd_set else event.crowd_text
    return replace(event, crowd_text=crowd_text, **values)  # type: ignore[arg-type]


def _set_date(event: Event, c: Correction) -> Event:
    # The article's words for the day ("yesterday") belong to the date the extractor read.
    return replace(event, date=c.date, date_text="")


def _unchanged(event: Event, c: Correction) -> Event:
    return event


_CHANGES: dict[str, Callable[[Event, Correction], Event]] = {
    "move": _move,
    "retype": _retype,
    "figures": _set_figures,
    "date": _set_date,
    "note": _unchanged,
}


def _added_id(c: Correction) -> str:
    place_id = c.place.place_id if c.place else ""
    event_type = c.event_type.value if c.event_type else ""
    basis = "\0".join(("add", c.source, c.quote, event_type, place_id))
    return "rp-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def _added(c: Correction) -> Event:
    assert c.place is not None and c.event_type is not None
    figures = dict(c.figures.values) if c.figures else {}
    return Event(
        event_type=c.event_type,
        place=c.place,
        precision=_PRECISION_BY_KIND.get(c.place.kind, Precision.REGION),
        inferred=False,
        mentions=(),
        source=c.source,
        source_title=c.source_title,
        source_date=None,
        outlet=c.outlet,
        url=c.url,
        quote=c.quote,
        # Where the quote sits in its article is unknown: the editor typed or pasted it.
        char_start=0,
        char_end=0,
        date=c.date,
        confidence=1.0,
        report_id=_added_id(c),
        reviewed=True,
        editor_note=c.note,
        **figures,  # type: ignore[arg-type]
    )
