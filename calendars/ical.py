"""Reading a meeting calendar from an iCalendar feed URL (`vergaderingen Tiel raad: https://…/raad.ics`).

A feed is given per body, so every event in it is a meeting of that body: municipalities publish
one feed per body (raad, commissies, college) from their council information system, and the
coordinator who types the URL says which body it is. Nothing is guessed from event titles.

The URL is typed by a Slack user and fetched by the server, so fetching is defensive: http and
https only, also after a redirect; a few redirects at most; a connect timeout, a timeout per read
and one for the whole download (a server that drips bytes is too slow too); a size cap checked
while the body streams in; and by default no address that is not public (loopback, private
networks, link-local cloud metadata), checked on the address actually connected to, so a name
that resolves differently a second time cannot get around it. No proxy is used. Each failure is
its own FeedError with a text key; its parameters name the host, never the whole URL (feed URLs
often carry a private token)."""
from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
from dateutil.relativedelta import relativedelta

from domain.errors import RegiowachtError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
USER_AGENT = "Regiowacht (vergaderkalender)"
REDIRECTS = (301, 302, 303, 307, 308)
SUB_DAILY = {"SECONDLY", "MINUTELY", "HOURLY"}   # no body meets more than once a day


@dataclass(frozen=True)
class FeedLimits:
    connect_seconds: float = 5.0     # to connect (and the TLS handshake)
    read_seconds: float = 10.0       # to wait for any next piece of the answer
    total_seconds: float = 30.0      # the whole download, redirects included
    max_bytes: int = 2 * 1024 * 1024
    max_redirects: int = 3
    max_url_length: int = 2000
    max_events: int = 5000           # occurrences in the window: more is not a meeting calendar
    allow_private: bool = False      # tests serve feeds on 127.0.0.1


# -- errors -------------------------------------------------------------------------------------


class FeedError(RegiowachtError):
    """A feed that could not be read; `key` names why, `params` hold the host and details."""
    key = "feed_error"

    def __init__(self, host: str | None, **params):
        super().__init__(type(self).key, host=host or "", **params)


class FeedNotHttp(FeedError):
    """The URL is not http(s) (`file:`, `ftp:`, `webcal:` …); param `scheme`."""
    key = "feed_not_http"


class FeedRedirectNotHttp(FeedNotHttp):
    """The server redirected to a URL that is not http(s); param `scheme`."""
    key = "feed_redirect_not_http"


class FeedBadUrl(FeedError):
    """Not a URL that can be fetched; param `reason`: no_host, credentials, too_long, invalid."""
    key = "feed_bad_url"


class FeedTooManyRedirects(FeedError):
    """More redirects than allowed; param `limit`."""
    key = "feed_too_many_redirects"


class FeedPrivateAddress(FeedError):
    """The host is not on the public internet (loopback, private, link-local …)."""
    key = "feed_private_address"


class FeedUnreachable(FeedError):
    """No answer; param `reason`: dns, refused, timeout, tls, network, protocol."""
    key = "feed_unreachable"


class FeedHttpStatus(FeedError):
    """The server answered with an error status (or a redirect without a target); param `status`."""
    key = "feed_http_status"


class FeedTooBig(FeedError):
    """More than `limit` bytes."""
    key = "feed_too_big"


class FeedTooSlow(FeedError):
    """The answer did not come (completely) within `seconds`."""
    key = "feed_too_slow"


class FeedNotICalendar(FeedError):
    """The answer is not an iCalendar file at all (a web page, a login page …)."""
    key = "feed_not_icalendar"


class FeedBroken(FeedError):
    """An iCalendar file that cannot be read; param `detail` (the parser's words, in English)."""
    key = "feed_broken"


class FeedTooManyEvents(FeedError):
    """More occurrences than `limit` in the window, or a rule repeating within a day."""
    key = "feed_too_many_events"


# -- fetching -----------------------------------------------------------------------------------


def check_url(url: str, limits: FeedLimits = FeedLimits()) -> str:
    """The URL, stripped, if it may be fetched; else the FeedError that says why. `webcal:` (what
    calendar apps offer) is refused like any other scheme: the answer can suggest https."""
    url = (url or "").strip()
    if len(url) > limits.max_url_length:
        raise FeedBadUrl(None, reason="too_long", limit=limits.max_url_length)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 — raises ValueError on a port out of range
    except ValueError:
        raise FeedBadUrl(None, reason="invalid") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise FeedNotHttp(parts.hostname, scheme=parts.scheme.lower())
    if not parts.hostname:
        raise FeedBadUrl(None, reason="no_host")
    if parts.username is not None or parts.password is not None:
        raise FeedBadUrl(parts.hostname, reason="credentials")
    if any(ord(c) <= 32 or ord(c) == 127 for c in url):
        raise FeedBadUrl(parts.hostname, reason="invalid")
    return url


def _remaining(deadline: float, limit: float, host: str, total: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FeedTooSlow(host, seconds=total)
    return min(limit, left)


def _check_public(sock: socket.socket, host: str) -> None:
    address = ipaddress.ip_address(sock.getpeername()[0].split("%")[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if not address.is_global or address.is_multicast:
        raise FeedPrivateAddress(host)


def _connect(parts, limits: FeedLimits, deadline: float) -> socket.socket:
    """A connected socket (TLS for https, handshake within the connect timeout), made by hand so
    that the address actually connected to is the one checked, before any byte is sent."""
    host = parts.hostname
    https = parts.scheme.lower() == "https"
    port = parts.port or (443 if https else 80)
    timeout = _remaining(deadline, limits.connect_seconds, host, limits.total_seconds)
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror:
        raise FeedUnreachable(host, reason="dns") from None
    except TimeoutError:
        raise FeedUnreachable(host, reason="timeout") from None
    except ConnectionRefusedError:
        raise FeedUnreachable(host, reason="refused") from None
    except OSError:
        raise FeedUnreachable(host, reason="network") from None
    try:
        if not limits.allow_private:
            _check_public(sock, host)
        if https:
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=host)
        return sock
    except ssl.SSLError:
        sock.close()
        raise FeedUnreachable(host, reason="tls") from None
    except TimeoutError:
        sock.close()
        raise FeedUnreachable(host, reason="timeout") from None
    except BaseException:
        sock.close()
        raise


@dataclass(frozen=True)
class _Answer:
    status: int
    location: str | None
    body: bytes


def _read_body(response: http.client.HTTPResponse, sock: socket.socket, host: str, limits: FeedLimits,
               deadline: float) -> bytes:
    """The body, a piece at a time, stopping as soon as it is too big or too slow: never the whole
    of an endless answer in memory first."""
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise FeedTooBig(host, limit=limits.max_bytes)
    pieces, size = [], 0
    while True:
        sock.settimeout(_remaining(deadline, limits.read_seconds, host, limits.total_seconds))
        piece = response.read1(64 * 1024)
        if not piece:
            return b"".join(pieces)
        size += len(piece)
        if size > limits.max_bytes:
            raise FeedTooBig(host, limit=limits.max_bytes)
        pieces.append(piece)


def _get(url: str, limits: FeedLimits, deadline: float) -> _Answer:
    parts = urlsplit(url)
    host = parts.hostname
    sock = _connect(parts, limits, deadline)
    https = parts.scheme.lower() == "https"
    # The port is always given: http.client would read the last group of an IPv6 literal as one.
    port = parts.port or (443 if https else 80)
    connection = (http.client.HTTPSConnection if https else http.client.HTTPConnection)(host, port)
    connection.sock = sock   # connected (and checked) above; http.client only speaks HTTP over it
    response = None
    try:
        sock.settimeout(_remaining(deadline, limits.read_seconds, host, limits.total_seconds))
        path = parts.path or "/"
        connection.putrequest("GET", path + (f"?{parts.query}" if parts.query else ""), skip_accept_encoding=True)
        connection.putheader("User-Agent", USER_AGENT)
        connection.putheader("Accept", "text/calendar, */*;q=0.5")
        connection.putheader("Accept-Encoding", "identity")
        connection.putheader("Connection", "close")
        connection.endheaders()
        response = connection.getresponse()
        if response.status in REDIRECTS:
            return _Answer(response.status, response.getheader("Location"), b"")
        if response.status != 200:
            raise FeedHttpStatus(host, status=response.status)
        return _Answer(200, None, _read_body(response, sock, host, limits, deadline))
    except TimeoutError:
        # Say which limit it was: the wait for one piece, or the whole download's time.
        total = time.monotonic() >= deadline - 0.05
        raise FeedTooSlow(host, seconds=limits.total_seconds if total else limits.read_seconds) from None
    except http.client.InvalidURL:
        raise FeedBadUrl(host, reason="invalid") from None
    except http.client.HTTPException:
        raise FeedUnreachable(host, reason="protocol") from None
    except OSError:   # reset, broken pipe, a TLS error mid-answer
        raise FeedUnreachable(host, reason="network") from None
    finally:
        if response is not None:   # it holds the socket's file: closed here, not whenever it is collected
            response.close()
        connection.close()


def fetch(url: str, limits: FeedLimits = FeedLimits()) -> bytes:
    """The feed's bytes, following at most `limits.max_redirects` redirects, each to http(s)."""
    deadline = time.monotonic() + limits.total_seconds
    current = check_url(url, limits)
    for _ in range(limits.max_redirects + 1):
        answer = _get(current, limits, deadline)
        if answer.status == 200:
            return answer.body
        host = urlsplit(current).hostname
        if not answer.location:
            raise FeedHttpStatus(host, status=answer.status)
        target = urljoin(current, answer.location.strip())
        scheme = urlsplit(target).scheme.lower()
        if scheme not in ("http", "https"):
            raise FeedRedirectNotHttp(host, scheme=scheme)
        current = check_url(target, limits)
    raise FeedTooManyRedirects(urlsplit(url).hostname, limit=limits.max_redirects)


# -- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedReading:
    """The meeting days a feed holds within the window that was read (a meeting outside the
    window is not known, not absent)."""
    meetings: tuple[date, ...]
    first_day: date
    last_day: date


def feed_window(today: date, days_before: int = 30, months_ahead: int = 18) -> tuple[date, date]:
    """The days read from a feed: a month back (to show the recent past) to 18 months ahead (a
    trajectory's horizon)."""
    return today - timedelta(days=days_before), today + relativedelta(months=months_ahead)


def _local_day(value: date | datetime) -> date:
    """A meeting's day in Europe/Amsterdam: an all-day event is its date, a timed event in UTC or
    another zone is converted (23:30 UTC in winter is the next day here), a floating time is the
    day as written."""
    if isinstance(value, datetime):
        return value.astimezone(AMSTERDAM).date() if value.tzinfo else value.date()
    return value


def _check_events(calendar: icalendar.Calendar, host: str | None, limits: FeedLimits) -> None:
    """Refuse what the expansion would trip over later, or spend too long on."""
    for component in calendar.walk():
        errors = getattr(component, "errors", None)
        if errors:
            prop, message = errors[0]
            raise FeedBroken(host, detail=f"{component.name} {prop}: {message}"[:300])
        if component.name != "VEVENT":
            continue
        if "DTSTART" not in component:
            raise FeedBroken(host, detail="VEVENT without DTSTART")
        rules = component.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules else []:
            if SUB_DAILY & {str(f).upper() for f in rule.get("FREQ", [])}:
                raise FeedTooManyEvents(host, limit=limits.max_events)


def read_meetings(data: bytes, first_day: date, last_day: date, *, host: str | None = None,
                  limits: FeedLimits = FeedLimits()) -> FeedReading:
    """The meeting days of an iCalendar file within [first_day, last_day]: every VEVENT, recurring
    ones expanded (RRULE, RDATE, EXDATE, moved occurrences), cancelled ones (STATUS:CANCELLED)
    left out, each on its day in Europe/Amsterdam."""
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text[:15].upper().startswith(b"BEGIN:VCALENDAR"):
        raise FeedNotICalendar(host)
    try:
        calendar = icalendar.Calendar.from_ical(text)
        _check_events(calendar, host, limits)
        query = recurring_ical_events.of(calendar)
        days: set[date] = set()
        count = 0
        stop = first_day + timedelta(days=(last_day - first_day).days + 1)
        for series in query.series:
            for occurrence in series.between(first_day, stop):
                count += 1
                if count > limits.max_events:
                    raise FeedTooManyEvents(host, limit=limits.max_events)
                component = occurrence.as_component(False)
                if str(component.get("STATUS", "")).upper() == "CANCELLED":
                    continue
                day = _local_day(component["DTSTART"].dt)
                if first_day <= day <= last_day:
                    days.add(day)
    except FeedError:
        raise
    except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError) as error:
        raise FeedBroken(host, detail=str(error)[:300]) from None
    return FeedReading(tuple(sorted(days)), first_day, last_day)


def read_feed(url: str, today: date, limits: FeedLimits = FeedLimits()) -> FeedReading:
    """Fetch and read a feed over the window around today: what `vergaderingen … raad: <url>`
    shows at once and the daily refresh repeats."""
    first_day, last_day = feed_window(today)
    return read_meetings(fetch(url, limits), first_day, last_day, host=urlsplit(url.strip()).hostname,
                         limits=limits)


# -- what changed ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarChange:
    added: tuple[date, ...] = ()
    removed: tuple[date, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.removed)


def compare(previous: FeedReading, current: FeedReading, today: date) -> CalendarChange:
    """What changed from the last good reading, counting only meetings from today up to the end
    of both windows: a meeting that passed, or one that only entered the window because the
    window moved a day on, is not a change anyone needs to hear about."""
    horizon = min(previous.last_day, current.last_day)

    def relevant(reading: FeedReading) -> set[date]:
        return {d for d in reading.meetings if today <= d <= horizon}

    before, after = relevant(previous), relevant(current)
    return CalendarChange(tuple(sorted(after - before)), tuple(sorted(before - after)))
