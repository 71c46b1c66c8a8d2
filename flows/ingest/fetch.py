"""Fetching a URL with a timeout, a size limit and retries on transient failures."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import httpx

logger = logging.getLogger(__name__)

USER_AGENT = "cameoflow/0.1 (CAMEO event coding for research)"
# 429 and 5xx may clear up on their own; any other error status will not.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 20.0  # seconds, for connecting and for each read
    attempts: int = 3
    backoff: float = 1.0  # seconds before the 2nd attempt, doubled for each one after
    max_bytes: int = 50_000_000


DEFAULT_FETCH_SETTINGS = FetchSettings()


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content: bytes
    content_type: str  # media type only, lower-case: "text/html"


class FetchError(Exception):
    """The URL could not be fetched; the message is one sentence for an IngestProblem."""


def fetch(url: str, settings: FetchSettings = DEFAULT_FETCH_SETTINGS) -> Fetched:
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(timeout=settings.timeout, follow_redirects=True, headers=headers) as client:
        for attempt in range(1, settings.attempts + 1):
            try:
                return _get(client, url, settings.max_bytes)
            except (httpx.TransportError, _Transient) as error:
                reason = str(error) or type(error).__name__
                if attempt == settings.attempts:
                    raise FetchError(
                        f"fetch failed after {attempt} attempts: {reason}"
                    ) from error
                logger.info("retrying %s after attempt %d failed: %s", url, attempt, reason)
                time.sleep(settings.backoff * 2 ** (attempt - 1))
    raise FetchError("fetch not attempted: attempts must be at least 1")


class _Transient(Exception):
    """An HTTP status worth retrying."""


def _get(client: httpx.Client, url: str, max_bytes: int) -> Fetched:
    with client.stream("GET", url) as response:
        if response.status_code in RETRY_STATUSES:
            raise _Transient(f"HTTP {response.status_code}")
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(f"response larger than {max_bytes} bytes")
            chunks.append(chunk)
        media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        return Fetched(str(response.url), b"".join(chunks), media_type)
