"""Text that cannot be written as UTF-8, caught where it enters geomap.

Python strings can hold unpaired surrogates (U+D800..U+DFFF on their own): a JSON record
with an escaped "\\ud800", or a file name whose bytes are not UTF-8 (Python decodes those
with `surrogateescape`). Such a string crashes every UTF-8 writer downstream, so it is
dealt with at the edge, once, instead of losing a whole batch at the end.
"""

from __future__ import annotations

import re

__all__ = ["first_lone_surrogate", "printable_name"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def first_lone_surrogate(text: str) -> int | None:
    """The offset of the first unpaired surrogate in `text`, or None when it is clean.

    A str built by Python's UTF-8 decoder never pairs surrogates, so any surrogate at all
    is an unpaired one.
    """
    match = _SURROGATE.search(text)
    return match.start() if match else None


def printable_name(name: str) -> str:
    """A path or option as valid Unicode: bytes that were not UTF-8 become U+FFFD.

    Used for names shown in outputs (a source file name, a map title); the file itself is
    still opened by its original name.
    """
    if first_lone_surrogate(name) is None:
        return name
    raw = name.encode("utf-8", "surrogateescape") if _is_escaped_bytes(name) else None
    if raw is not None:
        return raw.decode("utf-8", "replace")
    return _SURROGATE.sub("\ufffd", name)


def _is_escaped_bytes(name: str) -> bool:
    # surrogateescape only produces U+DC80..U+DCFF; other surrogates came from elsewhere.
    return all("\udc80" <= ch <= "\udcff" for ch in _SURROGATE.findall(name))
