"""Meeting calendar feeds (issue 19) served by a local HTTP server on 127.0.0.1: a good raad and
college feed, a broken one, a web page, a too big one (declared and endless), a slow one, a
dripping one, redirects (good, to file: and ftp:, a loop), error statuses and a feed that changes.
Every test sets its own "today": 24 Nov 2026, so the window read is 25 Oct 2026 to 24 May 2028.

The raad meets on the last Thursday of the month at 19:30, not on 31 Dec (Christmas recess, an
EXDATE), plus once on 17 Dec; the college on Tuesdays at 10:00 until January, not on 22 and 29 Dec
(EXDATE), the 12 Jan meeting moved to Wednesday 13 Jan (RECURRENCE-ID), plus one-offs: at 23:30 UTC
on 1 Feb (00:30 on 2 Feb in Amsterdam), all day on 16 Feb, one cancelled on 9 Feb, and two outside
the window."""
from __future__ import annotations

import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from calendars.ical import (FeedBadUrl, FeedBroken, FeedHttpStatus, FeedLimits, FeedNotHttp, FeedNotICalendar,
                            FeedPrivateAddress, FeedReading, FeedRedirectNotHttp, FeedTooBig, FeedTooManyEvents,
                            FeedTooManyRedirects, FeedTooSlow, FeedUnreachable, check_url, compare, feed_window,
                            fetch, read_feed, read_meetings)
from calendars.refresh import FeedState, refresh

TODAY = date(2026, 11, 24)
LOCAL = FeedLimits(connect_seconds=1.0, read_seconds=0.5, total_seconds=1.5, allow_private=True)


def ics(*events: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{e.strip()}\r\nEND:VEVENT\r\n" for e in events)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Gemeente Tiel//NL\r\n{body}END:VCALENDAR\r\n".encode()


def lines(text: str) -> str:
    return "\r\n".join(line.strip() for line in text.strip().splitlines())


RAAD_MONTHLY = lines("""
    UID:raad@tiel.nl
    SUMMARY:Gemeenteraad
    DTSTART;TZID=Europe/Amsterdam:20261029T193000
    DTEND;TZID=Europe/Amsterdam:20261029T230000
    RRULE:FREQ=MONTHLY;BYDAY=-1TH;UNTIL=20270331T225959Z
    EXDATE;TZID=Europe/Amsterdam:20261231T193000
""")
RAAD_EXTRA = lines("""
    UID:raad-begroting@tiel.nl
    SUMMARY:Gemeenteraad (voor het kerstreces)
    DTSTART;TZID=Europe/Amsterdam:20261217T193000
""")
RAAD = ics(RAAD_MONTHLY, RAAD_EXTRA)
RAAD_DAYS = ("2026-10-29", "2026-11-26", "2026-12-17", "2027-01-28", "2027-02-25", "2027-03-25")

COLLEGE = ics(lines("""
    UID:college@tiel.nl
    SUMMARY:Collegevergadering
    DTSTART;TZID=Europe/Amsterdam:20261103T100000
    DTEND;TZID=Europe/Amsterdam:20261103T120000
    RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270131T000000Z
    EXDATE;TZID=Europe/Amsterdam:20261222T100000,20261229T100000
"""), lines("""
    UID:college@tiel.nl
    RECURRENCE-ID;TZID=Europe/Amsterdam:20270112T100000
    SUMMARY:Collegevergadering (verplaatst)
    DTSTART;TZID=Europe/Amsterdam:20270113T100000
    DTEND;TZID=Europe/Amsterdam:20270113T120000
"""), lines("""
    UID:college-utc@tiel.nl
    SUMMARY:Extra college
    DTSTART:20270201T233000Z
"""), lines("""
    UID:college-heidag@tiel.nl
    SUMMARY:Heidag college
    DTSTART;VALUE=DATE:20270216
"""), lines("""
    UID:college-vervallen@tiel.nl
    SUMMARY:College (vervalt)
    STATUS:CANCELLED
    DTSTART;TZID=Europe/Amsterdam:20270209T100000
"""), lines("""
    UID:college-oud@tiel.nl
    DTSTART:20250107T090000Z
"""), lines("""
    UID:college-ver@tiel.nl
    DTSTART;VALUE=DATE:20290102
"""))
COLLEGE_DAYS = ("2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15",
                "2027-01-05", "2027-01-13", "2027-01-19", "2027-01-26", "2027-02-02", "2027-02-16")

# The raad moves its January meeting to 4 Feb and adds one on 8 Apr 2027.
RAAD_CHANGED = ics(RAAD_MONTHLY + "\r\nEXDATE;TZID=Europe/Amsterdam:20270128T193000", RAAD_EXTRA, lines("""
    UID:raad-verplaatst@tiel.nl
    DTSTART;TZID=Europe/Amsterdam:20270204T193000
"""), lines("""
    UID:raad-april@tiel.nl
    DTSTART;VALUE=DATE:20270408
"""))

BROKEN = ics("UID:kapot@tiel.nl\r\nDTSTART:geen-datum")
TRUNCATED = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:2026"
NO_START = ics("UID:zonder-begin@tiel.nl\r\nSUMMARY:Raad")
MINUTELY = ics("UID:elke-minuut@tiel.nl\r\nDTSTART:20261201T100000Z\r\nRRULE:FREQ=MINUTELY")
DAILY = ics("UID:elke-dag@tiel.nl\r\nDTSTART;VALUE=DATE:20261101\r\nRRULE:FREQ=DAILY")
PAGE = b"<!DOCTYPE html><html><body>Log in om de vergaderkalender te zien</body></html>"


def d(text: str) -> date:
    return date.fromisoformat(text)


class FeedServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), Handler)
        self.stop = threading.Event()
        self.version = 1        # of /changing.ics
        self.failing = False    # /changing.ics answers 503 while set
        self.sent: dict[str, int] = {}   # bytes a stream wrote before the client hung up

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def log_message(self, *args):   # quiet
        pass

    def answer(self, body: bytes, status: int = 200, kind: str = "text/calendar", length: int | None = None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str, status: int = 302):
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def stream(self, first: bytes, piece: bytes, pause: float, limit: int):
        """An answer without Content-Length that goes on until the client hangs up (or `limit`)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.end_headers()
        sent = 0
        try:
            self.wfile.write(first)
            while sent < limit and not self.server.stop.is_set():
                self.wfile.write(piece)
                self.wfile.flush()
                sent += len(piece)
                if pause:
                    self.server.stop.wait(pause)
        except OSError:
            pass   # the client stopped reading: as it should
        self.server.sent[self.path] = sent

    def do_GET(self):
        routes = {
            "/raad.ics": lambda: self.answer(RAAD),
            "/college.ics": lambda: self.answer(COLLEGE, kind="text/plain; charset=utf-8"),
            "/bom.ics": lambda: self.answer(b"\xef\xbb\xbf\r\n" + RAAD),
            "/page.html": lambda: self.answer(PAGE, kind="text/html"),
            "/broken.ics": lambda: self.answer(BROKEN),
            "/truncated.ics": lambda: self.answer(TRUNCATED),
            "/no-start.ics": lambda: self.answer(NO_START),
            "/minutely.ics": lambda: self.answer(MINUTELY),
            "/daily.ics": lambda: self.answer(DAILY),
            "/empty.ics": lambda: self.answer(b""),
            "/big.ics": lambda: self.answer(b"BEGIN:VCALENDAR\r\n", length=3 * 1024 * 1024),
            "/endless.ics": lambda: self.stream(b"BEGIN:VCALENDAR\r\n", b"X-FILL:" + b"x" * 8000 + b"\r\n", 0,
                                                50 * 1024 * 1024),
            "/drip.ics": lambda: self.stream(b"BEGIN:VCALENDAR\r\n", b"X-FILL:druppel\r\n", 0.2, 10_000),
            "/slow.ics": lambda: (self.server.stop.wait(3), self.answer(RAAD)),
            "/to-raad": lambda: self.redirect("/raad.ics"),
            "/to-to-raad": lambda: self.redirect(self.server.url("/to-raad"), 301),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/to-ftp": lambda: self.redirect("ftp://ftp.tiel.nl/raad.ics", 301),
            "/no-location": lambda: (self.send_response(302), self.send_header("Content-Length", "0"),
                                     self.end_headers()),
            "/loop": lambda: self.redirect("/loop", 307),
            "/error": lambda: self.answer(b"oeps", status=500, kind="text/plain"),
            "/changing.ics": self.changing,
        }
        routes.get(self.path, lambda: self.answer(b"niet gevonden", status=404, kind="text/plain"))()

    def changing(self):
        if self.server.failing:
            self.answer(b"onderhoud", status=503, kind="text/plain")
        else:
            self.answer(RAAD if self.server.version == 1 else RAAD_CHANGED)


@pytest.fixture(scope="module")
def server():
    feeds = FeedServer()
    thread = threading.Thread(target=feeds.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    yield feeds
    feeds.stop.set()
    feeds.shutdown()
    feeds.server_close()


@pytest.fixture
def fresh(server):
    server.version, server.failing = 1, False
    return server


# -- good feeds ------------------------------------------------------------------------------------

def test_the_window():
    assert feed_window(TODAY) == (d("2026-10-25"), d("2028-05-24"))


@pytest.mark.parametrize("path, expected", [
    ("/raad.ics", RAAD_DAYS),          # monthly, the Christmas recess left out, the extra meeting in
    ("/college.ics", COLLEGE_DAYS),    # weekly, recess, a moved meeting, UTC, all-day, cancelled, outside
    ("/bom.ics", RAAD_DAYS),           # a byte order mark and a blank line before BEGIN:VCALENDAR
    ("/to-raad", RAAD_DAYS),           # a relative redirect
    ("/to-to-raad", RAAD_DAYS),        # two redirects, the first absolute
])
def test_a_good_feed(server, path, expected):
    reading = read_feed(server.url(path), TODAY, LOCAL)
    assert reading == FeedReading(tuple(d(x) for x in expected), d("2026-10-25"), d("2028-05-24"))


def test_the_window_cuts_both_ways():
    reading = read_meetings(COLLEGE, d("2026-11-20"), d("2027-01-13"))
    assert reading.meetings == tuple(d(x) for x in COLLEGE_DAYS[3:9])


# -- feeds that cannot be read ------------------------------------------------------------------------

@pytest.mark.parametrize("path, error, params", [
    ("/page.html", FeedNotICalendar, {}),
    ("/empty.ics", FeedNotICalendar, {}),
    ("/broken.ics", FeedBroken, {}),
    ("/truncated.ics", FeedBroken, {}),
    ("/no-start.ics", FeedBroken, {"detail": "VEVENT without DTSTART"}),
    ("/minutely.ics", FeedTooManyEvents, {"limit": 5000}),
    ("/big.ics", FeedTooBig, {"limit": 2 * 1024 * 1024}),        # refused on its Content-Length
    ("/endless.ics", FeedTooBig, {"limit": 2 * 1024 * 1024}),    # refused while it streams
    ("/missing.ics", FeedHttpStatus, {"status": 404}),
    ("/error", FeedHttpStatus, {"status": 500}),
    ("/no-location", FeedHttpStatus, {"status": 302}),
    ("/to-file", FeedRedirectNotHttp, {"scheme": "file"}),
    ("/to-ftp", FeedRedirectNotHttp, {"scheme": "ftp"}),
    ("/loop", FeedTooManyRedirects, {"limit": 3}),
])
def test_a_feed_that_cannot_be_read_says_why(server, path, error, params):
    with pytest.raises(error) as caught:
        read_feed(server.url(path), TODAY, LOCAL)
    assert caught.value.key == error.key
    assert caught.value.params["host"] == "127.0.0.1"
    assert params.items() <= caught.value.params.items()


def test_an_endless_answer_is_cut_off_while_it_streams(server):
    with pytest.raises(FeedTooBig):
        fetch(server.url("/endless.ics"), LOCAL)
    deadline = time.monotonic() + 2
    while "/endless.ics" not in server.sent and time.monotonic() < deadline:
        time.sleep(0.01)
    # The server could write the 2 MB read plus what the socket buffers hold, not its 50 MB.
    assert server.sent["/endless.ics"] < 10 * 1024 * 1024


def test_https_to_a_server_that_does_not_speak_it(server):
    with pytest.raises(FeedUnreachable) as caught:
        fetch(server.url("/raad.ics").replace("http:", "https:"), LOCAL)
    assert caught.value.params["reason"] == "tls"


class Peer:
    def __init__(self, address: str):
        self.address = address

    def getpeername(self):
        return (self.address, 443)


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.1.10", False), ("172.16.0.5", False),
    ("169.254.169.254", False),   # cloud metadata
    ("100.64.0.1", False),        # carrier-grade NAT
    ("0.0.0.0", False), ("::1", False), ("fe80::1%eth0", False), ("fd00::1", False),
    ("::ffff:127.0.0.1", False),  # IPv4 in IPv6 clothing
    ("224.0.0.1", False),
    ("145.97.39.155", True), ("2a00:1450:4001:80b::200e", True),
])
def test_only_public_addresses_are_fetched_by_default(address, public):
    from calendars.ical import _check_public
    if public:
        _check_public(Peer(address), "tiel.nl")
    else:
        with pytest.raises(FeedPrivateAddress):
            _check_public(Peer(address), "tiel.nl")


def test_a_redirect_elsewhere_is_a_refusal_of_its_scheme():
    assert issubclass(FeedRedirectNotHttp, FeedNotHttp)


def test_too_many_occurrences(server):
    with pytest.raises(FeedTooManyEvents) as caught:
        read_feed(server.url("/daily.ics"), TODAY, FeedLimits(allow_private=True, max_events=100))
    assert caught.value.params["limit"] == 100
    # Daily from 1 Nov 2026 to the window's end 24 May 2028: 365 + 182 (Nov..Apr, 29 Feb 2028) + 23 + 1 days.
    assert len(read_feed(server.url("/daily.ics"), TODAY, LOCAL).meetings) == 571


def test_a_slow_server_exceeds_the_read_timeout(server):
    started = time.monotonic()
    with pytest.raises(FeedTooSlow) as caught:
        fetch(server.url("/slow.ics"), LOCAL)
    assert caught.value.params["seconds"] == 0.5
    assert time.monotonic() - started < 1.0    # the read timeout (0.5 s), not the server's 3 s


def test_a_dripping_server_exceeds_the_total_time(server):
    started = time.monotonic()
    with pytest.raises(FeedTooSlow) as caught:
        fetch(server.url("/drip.ics"), LOCAL)   # every piece within 0.5 s, the whole not within 1.5 s
    assert caught.value.params["seconds"] == 1.5
    assert 1.4 < time.monotonic() - started < 2.5


def test_nobody_listening():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FeedUnreachable) as caught:
        fetch(f"http://127.0.0.1:{port}/raad.ics", LOCAL)
    assert caught.value.params["reason"] == "refused"


def test_a_local_address_is_refused_by_default(server):
    with pytest.raises(FeedPrivateAddress):
        fetch(server.url("/raad.ics"))


@pytest.mark.parametrize("url, error, params", [
    ("file:///etc/passwd", FeedNotHttp, {"scheme": "file"}),
    ("ftp://ftp.tiel.nl/raad.ics", FeedNotHttp, {"scheme": "ftp"}),
    ("webcal://tiel.nl/raad.ics", FeedNotHttp, {"scheme": "webcal"}),
    ("raad.ics", FeedNotHttp, {"scheme": ""}),
    ("https://gebruiker:geheim@tiel.nl/raad.ics", FeedBadUrl, {"reason": "credentials"}),
    ("http:///raad.ics", FeedBadUrl, {"reason": "no_host"}),
    ("https://tiel.nl:99999/raad.ics", FeedBadUrl, {"reason": "invalid"}),
    ("https://tiel.nl/raad .ics", FeedBadUrl, {"reason": "invalid"}),
    ("https://tiel.nl/" + "x" * 2000, FeedBadUrl, {"reason": "too_long"}),
])
def test_a_url_that_may_not_be_fetched(url, error, params):
    with pytest.raises(error) as caught:
        check_url(url)
    assert params.items() <= caught.value.params.items()
    assert type(caught.value) is error


def test_a_good_url_is_kept_as_typed():
    assert check_url("  https://tiel.raadsinformatie.nl/ical/raad.ics?token=abc  ") == \
        "https://tiel.raadsinformatie.nl/ical/raad.ics?token=abc"


# -- the daily refresh: changes, and failures told once ----------------------------------------------

def test_a_feed_that_changes_between_two_fetches(fresh):
    url = fresh.url("/changing.ics")
    first = read_feed(url, TODAY, LOCAL)
    fresh.version = 2
    second = read_feed(url, d("2026-11-25"), LOCAL)
    change = compare(first, second, d("2026-11-25"))
    assert (change.added, change.removed) == ((d("2027-02-04"), d("2027-04-08")), (d("2027-01-28"),))
    assert change.changed


def test_a_moving_window_is_no_change():
    # A week later: a college meeting has passed and the window reaches a week further.
    before = read_meetings(DAILY, *feed_window(TODAY))
    after = read_meetings(DAILY, *feed_window(d("2026-12-01")))
    assert not compare(before, after, d("2026-12-01")).changed


def test_the_refresh_keeps_the_last_good_calendar_and_tells_once(fresh):
    url = fresh.url("/changing.ics")
    state = FeedState()

    day1 = refresh(state, url, d("2026-11-24"), LOCAL)        # the first read
    assert (day1.change, day1.tell_failure, day1.recovered) == (None, None, False)
    assert day1.calendar.meetings == tuple(d(x) for x in RAAD_DAYS)

    fresh.version = 2
    day2 = refresh(day1.state, url, d("2026-11-25"), LOCAL)  # changed
    assert day2.change.removed == (d("2027-01-28"),)
    assert day2.state.read_on == d("2026-11-25")

    fresh.failing = True
    day3 = refresh(day2.state, url, d("2026-11-26"), LOCAL)  # fails: told, calendar kept
    assert isinstance(day3.tell_failure, FeedHttpStatus) and day3.tell_failure.params["status"] == 503
    assert day3.calendar == day2.calendar
    assert (day3.state.failing_since, day3.state.read_on) == (d("2026-11-26"), d("2026-11-25"))

    day4 = refresh(day3.state, url, d("2026-11-27"), LOCAL)  # fails again: not told twice
    assert (day4.tell_failure, day4.calendar, day4.state.failing_since) == (None, day2.calendar, d("2026-11-26"))

    fresh.failing = False
    day5 = refresh(day4.state, url, d("2026-11-30"), LOCAL)  # reads again
    assert day5.recovered and not day5.change.changed
    assert (day5.state.failing_since, day5.state.failure_told) == (None, False)

    fresh.failing = True
    day6 = refresh(day5.state, url, d("2026-12-01"), LOCAL)  # a new run of failures is told again
    assert day6.tell_failure is not None


def test_a_feed_that_never_read_keeps_no_calendar(server):
    result = refresh(FeedState(), server.url("/page.html"), TODAY, LOCAL)
    assert result.calendar is None and isinstance(result.tell_failure, FeedNotICalendar)
