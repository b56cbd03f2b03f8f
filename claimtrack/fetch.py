"""Articles from where they live: web pages fetched politely (httpx), RSS and Atom feeds read by feedparser.

Polite means one clear user agent, a timeout on every request, a pause between two requests to one host, and
retries with a growing pause only where waiting can help (a timeout, a dropped connection, 429 or 5xx). A page
that cannot be had raises ``FetchError`` naming its address and why; the caller skips it and goes on.
"""

from __future__ import annotations

import hashlib
import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from . import corpus
from .errors import ClaimtrackError
from .models import Article
from .settings import FetchSettings

if TYPE_CHECKING:
    import httpx

# Statuses worth asking again for: the server is busy or briefly down, not refusing the page itself.
RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # a Retry-After longer than this is not waited for
MAX_FEED_BYTES = 8 * corpus.MAX_FILE_BYTES  # a feed carries many items' summaries


class FetchError(ClaimtrackError):
    """An address that could not be fetched or read; ``path`` is the address."""


@dataclass
class Page:
    url: str  # the address asked for
    final_url: str  # where redirects ended
    body: bytes
    charset: str | None  # from the Content-Type header, when it names one

    def text(self) -> str:
        if self.charset:
            try:
                return self.body.decode(self.charset, errors="replace")
            except LookupError:
                pass  # an unknown charset name: decide from the bytes, as for a file
        return corpus.decode(self.body, self.url)[0]


class Fetcher:
    """An HTTP client that waits between requests to one host and retries what may succeed later.

    ``clock`` and ``sleep`` are injectable so the pauses can be tested without waiting.
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ):
        import httpx  # a tenth of a second to import: paid only when something is fetched

        self.settings = settings or FetchSettings()
        self.client = httpx.Client(
            timeout=self.settings.timeout,
            follow_redirects=True,
            headers={"User-Agent": self.settings.user_agent},
            transport=transport,
        )
        self.clock, self.sleep = clock, sleep
        self._last_request: dict[str, float] = {}

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.client.close()

    def get(self, url: str, *, max_bytes: int = corpus.MAX_FILE_BYTES) -> Page:
        """The page at ``url``; raises FetchError naming the address and the reason after the last attempt."""
        host = _check_address(url)
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            self._wait_for(host)
            try:
                return self._request(url, max_bytes)
            except _Retryable as exc:
                reason, retry_after = exc.reason, exc.retry_after
            if attempt + 1 < attempts:
                self.sleep(retry_after if retry_after is not None else self.settings.backoff * 2**attempt)
        tries = f" (tried {attempts} times)" if attempts > 1 else ""
        raise FetchError(reason + tries, path=url)

    def _wait_for(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            wait = last + self.settings.host_delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _request(self, url: str, max_bytes: int) -> Page:
        import httpx

        try:
            with self.client.stream("GET", url) as response:
                if response.status_code in RETRY_STATUSES:
                    raise _Retryable(_status(response), _retry_after(response))
                if response.is_error:
                    raise FetchError(_status(response), path=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(
                            f"larger than {max_bytes // 2**20} MiB, the most claimtrack reads from one address",
                            path=url,
                        )
                return Page(url, str(response.url), bytes(body), response.charset_encoding)
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.settings.timeout:g} s", None) from None
        except httpx.TooManyRedirects:
            raise FetchError("too many redirects", path=url) from None
        except httpx.TransportError as exc:
            raise _Retryable(_transport_reason(exc), None) from None


class _Retryable(Exception):
    def __init__(self, reason: str, retry_after: float | None):
        self.reason, self.retry_after = reason, retry_after


def _check_address(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not a web address (http:// or https://)", path=url)
    return parts.netloc.lower()


def is_address(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _status(response: httpx.Response) -> str:
    return f"HTTP {response.status_code} {response.reason_phrase}".strip()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return min(float(value), MAX_RETRY_AFTER) if value.strip().isdigit() else None


def _transport_reason(exc: httpx.TransportError) -> str:
    text = str(exc) or type(exc).__name__
    # "[Errno 111] Connection refused" reads better without the number.
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text).lower()


# ----- pages -----


def article_id(url: str) -> str:
    """A stable id for the article at an address: host and last path word, and a hash that keeps it unique."""
    parts = urlsplit(url)
    words = [w for w in parts.path.split("/") if w]
    slug = re.sub(r"\.[a-z0-9]{1,5}$", "", words[-1], flags=re.I) if words else ""
    slug = re.sub(r"[^\w-]+", "-", slug).strip("-")[:40]
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return "-".join(p for p in ((parts.hostname or "web"), slug, digest) if p)


def read_page(fetcher: Fetcher, url: str, hints: dict | None = None) -> Article:
    """The article at ``url``: fetched, its main text and metadata read by trafilatura.

    ``hints`` (a feed item's title, author, published) fill what the page itself does not say.
    """
    page = fetcher.get(url)
    article = corpus.parse_page(page.text(), article_id(url), url, page.final_url, hints or {})
    article.path = url
    return article


# ----- feeds -----


@dataclass
class FeedItem:
    link: str | None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY-MM-DD


@dataclass
class Feed:
    url: str
    title: str | None
    items: list[FeedItem]


def read_feed(fetcher: Fetcher, url: str) -> Feed:
    """A feed's title and items, newest as the feed lists them; raises FetchError when it is not a feed."""
    import feedparser  # imported when a feed is read: most runs read files

    page = fetcher.get(url, max_bytes=MAX_FEED_BYTES)
    # A stream, never a string: feedparser would fetch a string that looks like an address by itself.
    parsed = feedparser.parse(io.BytesIO(page.body), response_headers={"content-location": page.final_url})
    if not parsed.entries and (parsed.bozo or not parsed.feed):
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: None)() or "no items"
        raise FetchError(f"not an RSS or Atom feed ({reason})", path=url)
    items = [
        FeedItem(
            link=entry.get("link"),
            title=entry.get("title"),
            author=entry.get("author"),
            published=_feed_date(entry.get("published_parsed") or entry.get("updated_parsed")),
        )
        for entry in parsed.entries
    ]
    return Feed(url, parsed.feed.get("title"), items)


def _feed_date(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc).date().isoformat()
