"""Fetching an article page named by an http:// or https:// address, with the standard library only.

A page that cannot be fetched (a timeout, an error status such as 404, a refused connection, no network)
is a `FetchError`, which `quotegrab.running.inputs` turns into one `InputFailure` naming the address, like
any other unreadable input, so the batch goes on.
"""

from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

URL_SCHEMES = ("http://", "https://")
DEFAULT_TIMEOUT = 20.0
"""Seconds to wait for the server to connect and for each read (QUOTEGRAB_FETCH_TIMEOUT overrides it)."""


def is_url(arg: str) -> bool:
    return arg.lower().startswith(URL_SCHEMES)


def user_agent() -> str:
    from importlib import metadata

    try:
        version = metadata.version("quotegrab")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"quotegrab/{version} (+https://pypi.org/project/quotegrab/; reads a news article)"


@dataclass
class Page:
    """What the server sent: at most `max_bytes + 1` bytes of the body, its format and declared charset."""

    data: bytes
    fmt: str
    """"html", "json", "jsonl", "text", or "auto" (sniff) from the Content-Type."""
    charset: str | None
    """The declared charset, when it really decodes the page; else None (detect it)."""
    url: str
    """Where the page was found, after redirects."""


class FetchError(Exception):
    """A page that could not be fetched; `type` is the `InputFailure` code."""

    def __init__(self, type: str, message: str) -> None:
        super().__init__(message)
        self.type = type
        self.message = message


def fetch(url: str, *, max_bytes: int, timeout: float | None = None) -> Page:
    """The page at `url`; raises `FetchError` saying why it could not be fetched."""
    timeout = timeout if timeout is not None else fetch_timeout()
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(), "Accept": "text/html, */*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as err:
        raise FetchError("http_error", f"the server answered {err.code} {err.reason}; check the address") from err
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise FetchError(
            "unreachable", f"could not fetch the page ({_reason(err, timeout)}); check the address and the network"
        ) from err
    return Page(data, _format_of(headers), _charset(headers, data), final)


def fetch_timeout() -> float:
    try:
        return float(os.environ.get("QUOTEGRAB_FETCH_TIMEOUT", "")) or DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def _reason(err: Exception, timeout: float) -> str:
    reason = err.reason if isinstance(err, urllib.error.URLError) else err
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, socket.gaierror):
        return "unknown host, or no network"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason) or type(reason).__name__


def _format_of(headers: Message) -> str:
    kind = headers.get_content_type()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind == "application/json":
        return "json"
    if kind in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    return "text" if kind == "text/plain" else "auto"


def _charset(headers: Message, data: bytes) -> str | None:
    """The charset the server declares, if it really decodes the page; else None (detect it)."""
    charset = headers.get_content_charset()
    if not charset:
        return None
    try:
        data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return None
    return charset
