"""A geopy HTTP adapter whose every reply ends by a deadline and stays under a size cap.

geopy's urllib adapter passes its ``timeout`` to the socket, where it bounds each read, not
the reply: a server that sends one byte every few seconds keeps one request alive for as long
as it likes, and a reply of any size is read into memory whole. Here every read of the socket
(status line, headers and body) is given only the time left until the request's deadline,
and the body is read up to a byte cap and no further.

The one step not bounded is the name lookup before connecting, which Python cannot time out;
it takes as long as the system resolver allows.
"""

from __future__ import annotations

import io
import json
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from http.client import HTTPConnection, HTTPResponse, HTTPSConnection
from typing import Any
from urllib.error import HTTPError, URLError

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderServiceError, GeocoderTimedOut

__all__ = ["DEFAULT_MAX_REPLY_BYTES", "BoundedAdapter", "ReplyDeadlineExceeded", "ReplyTooLarge"]

# One place in any service's JSON is a few kilobytes (Nominatim with address details is about
# 1 KB); geomap always asks for one. A mebibyte is hundreds of times that and still harmless.
DEFAULT_MAX_REPLY_BYTES = 1 << 20


class ReplyTooLarge(GeocoderServiceError):
    """The service's reply is larger than the cap; it is not read further."""


class ReplyDeadlineExceeded(GeocoderTimedOut):
    """The reply did not arrive in full by the request's deadline (unlike one silent read)."""


@dataclass(frozen=True)
class _Deadline:
    """The moment (``time.monotonic``) by which one request must be answered in full."""

    at: float
    seconds: float  # the allowance it was made from, for messages
    per_read: float | None  # the socket timeout asked for; None: none

    def remaining(self) -> float:
        """The timeout for the next socket operation: the smaller of per-read and time left."""
        left = self.at - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no complete reply within {self.seconds:.3g} s")
        return left if self.per_read is None else min(self.per_read, left)

    def expired(self) -> bool:
        return time.monotonic() >= self.at


class _DeadlineReader(io.RawIOBase):
    """A socket's raw reader that gives each read only the time left before the deadline."""

    def __init__(self, sock: Any, deadline: _Deadline) -> None:
        super().__init__()
        self._sock = sock
        self._raw = sock.makefile("rb", buffering=0)  # counts as one of the socket's users
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        self._sock.settimeout(self._deadline.remaining())
        read: int | None = self._raw.readinto(buffer)
        return read

    def close(self) -> None:
        if not self.closed:
            self._raw.close()
        super().close()


class _DeadlineSocket:
    """What http.client reads a response from: it only ever calls ``makefile("rb")``."""

    def __init__(self, sock: Any, deadline: _Deadline) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str, *args: Any, **kwargs: Any) -> io.BufferedReader:
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))


class _DeadlineResponse(HTTPResponse):
    def __init__(self, sock: Any, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(_DeadlineSocket(sock, deadline), *args, **kwargs)  # type: ignore[arg-type]


class _DeadlineConnectionMixin:
    """Connects within the time left, and reads the response through the deadline."""

    timeout: Any
    response_class: Any

    def __init__(self, *args: Any, deadline: _Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.timeout = deadline.remaining()
        self.response_class = partial(_DeadlineResponse, deadline=deadline)


class _DeadlineHTTPConnection(_DeadlineConnectionMixin, HTTPConnection):
    pass


class _DeadlineHTTPSConnection(_DeadlineConnectionMixin, HTTPSConnection):
    pass


_BOUNDED_CLASSES: Mapping[type, type] = {
    HTTPConnection: _DeadlineHTTPConnection,
    HTTPSConnection: _DeadlineHTTPSConnection,
}


class _DeadlineHandlerMixin:
    """urllib's handlers open every connection through ``do_open(connection_class, req)``."""

    deadline: _Deadline | None = None

    def do_open(self, http_class: Any, req: Any, **kwargs: Any) -> Any:
        if self.deadline is not None:
            http_class = partial(_BOUNDED_CLASSES[http_class], deadline=self.deadline)
        return super().do_open(http_class, req, **kwargs)  # type: ignore[misc]


class _HTTPHandler(_DeadlineHandlerMixin, urllib.request.HTTPHandler):
    pass


class _HTTPSHandler(_DeadlineHandlerMixin, urllib.request.HTTPSHandler):
    pass


def _proxy_map(proxies: Mapping[str, str] | None) -> dict[str, str]:
    # None means the environment's settings (as in geopy); urllib wants a scheme on each.
    found = urllib.request.getproxies() if proxies is None else dict(proxies)
    return {k: v if "://" in v else f"http://{v}" for k, v in found.items() if v}


class BoundedAdapter(BaseSyncAdapter):
    """geopy's adapter interface over urllib, with a deadline and a size cap per request.

    ``budget`` is asked before each request for the seconds it may take in all (the geocoder
    passes the smaller of its per-request deadline and what is left of the run's). Like
    geopy's urllib adapter it makes one attempt per call: retries are the geocoder's to decide.

    Example:
        Nominatim(user_agent=..., adapter_factory=partial(BoundedAdapter, budget=lambda: 30))
    """

    def __init__(
        self,
        *,
        proxies: Mapping[str, str] | None,
        ssl_context: Any,
        budget: Callable[[], float],
        max_reply_bytes: int = DEFAULT_MAX_REPLY_BYTES,
    ) -> None:
        self._budget = budget
        self.max_reply_bytes = max_reply_bytes
        self._handlers = (_HTTPHandler(), _HTTPSHandler(context=ssl_context))
        self._open = urllib.request.build_opener(
            *self._handlers, urllib.request.ProxyHandler(_proxy_map(proxies))
        ).open

    def get_json(self, url: str, *, timeout: float, headers: Mapping[str, str]) -> Any:
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as exc:
            raise GeocoderParseError(f"reply is not JSON: {exc}") from exc

    def get_text(self, url: str, *, timeout: float, headers: Mapping[str, str]) -> str:
        seconds = self._budget()
        per_read = timeout if isinstance(timeout, float | int) and timeout > 0 else None
        deadline = _Deadline(time.monotonic() + seconds, seconds, per_read)
        for handler in self._handlers:
            handler.deadline = deadline
        request = urllib.request.Request(url, headers=dict(headers))
        try:
            with self._open(request, timeout=timeout) as page:
                body = self._read(page)
        except HTTPError as error:
            try:
                body = self._read(error, strict=False)
            except OSError:  # the deadline passed while reading an error page: drop it
                body = b""
            raise AdapterHTTPError(
                str(error),  # "HTTP Error 500: Internal Server Error"
                status_code=error.code,
                headers={name.lower(): value for name, value in error.headers.items()},
                text=_decode(error, body, strict=False),
            ) from error
        except (URLError, OSError) as error:
            raise _translate(error, deadline) from error
        return _decode(page, body)

    def _read(self, page: Any, *, strict: bool = True) -> bytes:
        declared = page.headers.get("Content-Length", "")
        if strict and declared.isdigit() and int(declared) > self.max_reply_bytes:
            raise ReplyTooLarge(self._too_large(f"reply of {int(declared):,} bytes"))
        body: bytes = page.read(self.max_reply_bytes + 1)
        if len(body) > self.max_reply_bytes:
            if not strict:
                return body[: self.max_reply_bytes]
            raise ReplyTooLarge(self._too_large("reply"))
        return body

    def _too_large(self, what: str) -> str:
        return f"{what} is over the {self.max_reply_bytes:,}-byte limit"


def _decode(page: Any, body: bytes, *, strict: bool = True) -> str:
    charset = page.headers.get_content_charset() or "utf-8"
    try:
        return body.decode(charset, errors="strict" if strict else "replace")
    except (LookupError, UnicodeDecodeError) as exc:
        raise GeocoderParseError(f"reply cannot be decoded as {charset}") from exc


def _translate(error: OSError, deadline: _Deadline) -> Exception:
    """geopy's exception for a failed request, as its own adapters would raise."""
    reason = error.reason if isinstance(error, URLError) else error
    if isinstance(reason, TimeoutError):
        if deadline.expired():
            return ReplyDeadlineExceeded(f"no complete reply within {deadline.seconds:.3g} s")
        return GeocoderTimedOut("Service timed out")
    return GeocoderServiceError(str(reason))
