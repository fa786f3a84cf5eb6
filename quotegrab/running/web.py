"""Fetching an article page named by an http:// or https:// address, with the standard library only.

A page that cannot be fetched (a timeout, an error status such as 404, a refused connection, no network)
becomes one `InputFailure` naming the address, like any other unreadable input, so the batch goes on.
"""

from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from email.message import Message

from quotegrab.running.inputs import Article, InputFailure, _too_large, parse_bytes, show

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


def read_url(
    url: str, *, max_bytes: int, encoding: str | None = None, timeout: float | None = None
) -> Iterator[Article | InputFailure]:
    """The article on the page at `url`, or why it could not be fetched."""
    timeout = timeout if timeout is not None else fetch_timeout()
    request = urllib.request.Request(url, headers={"User-Agent": user_agent(), "Accept": "text/html, */*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
            headers: Message = response.headers
            final = response.geturl()
    except urllib.error.HTTPError as err:
        yield InputFailure(url, "http_error", f"{show(url)}: the server answered {err.code} {err.reason}; "
                           "check the address")
        return
    except (urllib.error.URLError, OSError, ValueError) as err:
        yield InputFailure(url, "unreachable", f"{show(url)}: could not fetch the page ({_reason(err, timeout)}); "
                           "check the address and the network")
        return
    if len(data) > max_bytes:
        yield _too_large(url, None, max_bytes)
        return
    for item in parse_bytes(data, url, _format_of(headers), encoding=encoding or _charset(headers, data)):
        if isinstance(item, Article):
            item.metadata.setdefault("url", final)
        yield item


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
