"""`vergaderingen`, `contract`, `verlengd` and `overgangsregeling` through signed Slack requests
(issue 19): typed calendars and feeds read at once from a local HTTP server, the daily refresh that
keeps the last good calendar and tells the coordinator once, and contracts with their extension
decision. The clock starts on Tuesday 24 Nov 2026."""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlmodel import select

from jobs.runner import JobRun
from jobs.scan import run_scan
from store.models import AuditLog, BodyCalendar, Decision, TrajectoryContract
from tests.conftest import TRAJECT, SlackBot, listen, make_settings, message_text


class Feeds:
    """Calendar feeds on 127.0.0.1: `serve(path, body)` sets what a path answers (None: a 500)."""

    def __init__(self):
        self.bodies: dict[str, bytes | None] = {}
        feeds = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                body = feeds.bodies.get(self.path)
                if body is None:
                    self.send_response(500 if self.path in feeds.bodies else 404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/calendar; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_port}{path}"

    def serve(self, path: str, body: bytes | None) -> str:
        self.bodies[path] = body
        return self.url(path)

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def ics(*days: str) -> bytes:
    """A raad calendar with a meeting at 19:30 on each day (YYYYMMDD)."""
    events = "".join(f"BEGIN:VEVENT\r\nUID:raad-{day}@tiel.nl\r\nDTSTAMP:20261101T090000Z\r\n"
                     f"DTSTART;TZID=Europe/Amsterdam:{day}T193000\r\nSUMMARY:Gemeenteraad\r\nEND:VEVENT\r\n" for day in days)
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Gemeente Tiel//NL\r\n{events}END:VCALENDAR\r\n".encode()


@pytest.fixture
def feeds():
    server = Feeds()
    yield server
    server.stop()


@pytest.fixture
def regio(slack, database_url, clock, tmp_path):
    """A trajectory whose coordinator is U_ADMIN, on a bot that may read feeds on 127.0.0.1."""
    web = listen()
    settings = make_settings(slack, database_url, MAIL_DIR=str(tmp_path), PUBLIC_URL=f"http://127.0.0.1:{web.server_port}",
                             FEED_ALLOW_PRIVATE="true")
    bot = SlackBot(slack, settings, clock, server=web)
    assert "gekoppeld" in bot.say(TRAJECT, user="U_ADMIN")
    yield bot
    bot.close()


def calendars(bot) -> dict[tuple[int | None, str], BodyCalendar]:
    return {(row.municipality_id, row.body): row for row in bot.all(BodyCalendar)}


def test_typed_meeting_days_are_recorded_shown_and_a_bad_list_stores_nothing(regio):
    answer = regio.say("vergaderingen Tiel raad: 17-12-2026, 28-01-2027, 25-2-2027 college: 1 december 2026, 8-12-2026",
                       user="U_ADMIN")
    assert "Vergaderdata van Tiel vastgelegd" in answer
    assert "raad: 3 dagen (getypt). Vanaf vandaag: do 17 dec 2026, do 28 jan 2027, do 25 feb 2027" in answer
    assert "college: 2 dagen (getypt). Vanaf vandaag: di 1 dec 2026, di 8 dec 2026" in answer
    shown = regio.say("vergaderingen tiel", user="U_COORD")  # reading is for everyone in the channel
    assert "• raad: do 17 dec 2026, do 28 jan 2027, do 25 feb 2027" in shown
    overview = regio.say("vergaderingen", user="U_COORD")
    assert "1 van 8 gemeenten" in overview and "• Tiel: raad do 17 dec 2026; college di 1 dec 2026" in overview
    assert "• Buren: onbekend" in overview

    refused = regio.say("vergaderingen Tiel raad: 14 januari, 11-02-2027, overmorgen", user="U_ADMIN")
    assert "14 januari (14-01-2027?)" in refused and "overmorgen" in refused and "niets opgeslagen" in refused
    assert "11-02-2027" not in refused.split("Zo werkt het")[0]  # the readable day is not named as unreadable
    raad = next(row for (_, body), row in calendars(regio).items() if body == "raad")
    assert raad.dates == '["2026-12-17", "2027-01-28", "2027-02-25"]'  # unchanged

    cleared = regio.say("vergaderingen Tiel college: geen", user="U_ADMIN")
    assert "college: geen vergaderdata meer" in cleared
    assert {body for _, body in calendars(regio)} == {"raad"}


def test_only_the_coordinator_sets_calendars_and_bodies_belong_to_their_owner(regio):
    assert "coördinator" in regio.say("vergaderingen Tiel raad: 17-12-2026", user="U_COORD")
    assert "hoort bij een gemeente" in regio.say("vergaderingen regio raad: 17-12-2026", user="U_ADMIN")
    assert "hoort bij het regionaal bestuur" in regio.say("vergaderingen Tiel regio: 17-12-2026", user="U_ADMIN")
    assert "Geen gemeente van deze regio: Arnhem" in regio.say("vergaderingen Arnhem raad: 17-12-2026", user="U_ADMIN")
    assert regio.all(BodyCalendar) == []


def test_a_feed_is_read_at_once_and_a_feed_that_cannot_be_read_stores_nothing(regio, feeds):
    url = feeds.serve("/raad.ics", ics("20261217", "20270128", "20270225", "20270325"))
    answer = regio.say(f"vergaderingen Tiel raad: {url}", user="U_ADMIN")
    assert f"raad: 4 dagen (uit de agenda-feed {url}, elke dag opnieuw gelezen)" in answer
    assert "do 17 dec 2026, do 28 jan 2027, do 25 feb 2027, do 25 mrt 2027" in answer
    (row,) = regio.all(BodyCalendar)
    assert row.feed_url == url and row.read_on.isoformat() == "2026-11-24"

    page = feeds.serve("/agenda.html", b"<html><body>Vergaderkalender</body></html>")
    assert "geen agenda (iCalendar, .ics)" in regio.say(f"vergaderingen Buren raad: {page}", user="U_ADMIN")
    broken = feeds.serve("/kapot.ics", None)
    assert "foutcode 500" in regio.say(f"vergaderingen Buren raad: {broken}", user="U_ADMIN")
    assert "begint met https://" in regio.say("vergaderingen Buren raad: ftp://tiel.nl/raad.ics", user="U_ADMIN")
    assert "gebruikersnaam en wachtwoord" in regio.say("vergaderingen Buren raad: https://griffie:geheim@buren.nl/r.ics",
                                                       user="U_ADMIN")
    assert len(regio.all(BodyCalendar)) == 1  # only Tiel's


def test_the_daily_read_takes_new_meetings_keeps_the_last_good_days_and_tells_a_failure_once(regio, feeds, clock, slack):
    url = feeds.serve("/raad.ics", ics("20261217", "20270128"))
    regio.say(f"vergaderingen Tiel raad: {url}", user="U_ADMIN")

    feeds.serve("/raad.ics", ics("20261217", "20270204", "20270304"))  # the griffie moved January, added March
    clock.set("2026-11-25 09:00")
    run_scan(JobRun(regio.rt))
    (row,) = regio.all(BodyCalendar)
    assert row.dates == '["2026-12-17", "2027-02-04", "2027-03-04"]' and row.read_on.isoformat() == "2026-11-25"

    feeds.serve("/raad.ics", None)  # the council information system is down
    slack.clear()
    clock.set("2026-11-26 09:00")
    run_scan(JobRun(regio.rt))
    (row,) = regio.all(BodyCalendar)
    assert row.dates == '["2026-12-17", "2027-02-04", "2027-03-04"]'  # the last good days stay in use
    told = [c for c in slack.of("chat.postMessage") if "agenda" in message_text(c.body).lower()]
    assert len(told) == 1 and told[0].body["channel"] == "U_ADMIN"
    text = message_text(told[0].body)
    assert "Tiel" in text and "sinds do 26 nov 2026" in text and "foutcode 500" in text and "wo 25 nov 2026" in text

    for day in ("2026-11-26 13:00", "2026-11-27 09:00", "2026-11-30 09:00"):  # later scans: silence
        clock.set(day)
        run_scan(JobRun(regio.rt))
    assert len([c for c in slack.of("chat.postMessage") if "agenda" in message_text(c.body).lower()]) == 1

    feeds.serve("/raad.ics", ics("20261217", "20270204"))  # back
    clock.set("2026-12-01 09:00")
    run_scan(JobRun(regio.rt))
    (row,) = regio.all(BodyCalendar)
    assert row.dates == '["2026-12-17", "2027-02-04"]' and not row.failure_told and row.failing_since is None


def test_contracts_their_extension_decision_and_the_continuity_deadline(regio):
    # Ends on Sunday 5 March 2028: six calendar months before is Sunday 5 Sep 2027 -> Friday 3 Sep 2027.
    added = regio.say("contract Ambulante jeugdhulp einde: 5-3-2028 verlenging: 2x 12 maanden aanbieders: Lindenhout, "
                      "Pluryn", user="U_ADMIN")
    assert "Contract vastgelegd: Ambulante jeugdhulp · einde zo 5 mrt 2028 · verlenging 2x 12 maanden (2 over)" in added
    assert "Verlengen Ambulante jeugdhulp? (regio) staat klaar met deadline vr 3 sep 2027" in added
    (decision,) = [d for d in regio.all(Decision) if d.title.startswith("Verlengen")]
    assert decision.decided_by == "regio" and decision.deadline.isoformat() == "2027-09-03"

    regio.say("contract Verblijf einde: 30-06-2027", user="U_ADMIN")
    listing = regio.say("contract", user="U_COORD")
    assert "Contracten van Jeugdhulp Rivierenland 2027 (2)" in listing
    assert "Continuïteitsdeadline: wo 30 jun 2027, Verblijf (contracteinde)." in listing

    assert "nieuwe aanbesteding" in regio.say("verlengd Ambulante jeugdhulp tot: 5-3-2031", user="U_ADMIN")
    extended = regio.say("verlengd ambulante jeugdhulp tot: 5-3-2029", user="U_ADMIN")
    assert "einde zo 5 mrt 2028 → ma 5 mrt 2029" in extended
    assert f"Daarmee is {decision.ref} Verlengen Ambulante jeugdhulp? genomen" in extended
    decisions = sorted((d for d in regio.all(Decision) if d.title.startswith("Verlengen")), key=lambda d: d.id)
    assert decisions[0].taken_on is not None and decisions[1].deadline.isoformat() == "2028-09-05"

    transition = regio.say("overgangsregeling Verblijf tot: 31-12-2027", user="U_ADMIN")
    assert "overgangsregeling voor cliënten in zorg tot vr 31 dec 2027" in transition
    assert "Continuïteitsdeadline: vr 31 dec 2027, Verblijf (overgangsregeling voor cliënten in zorg)." in transition

    assert "hoe vaak?" in regio.say("contract Verblijf verlenging: 2 jaar", user="U_ADMIN")
    assert "coördinator" in regio.say("contract Vervoer einde: 31-12-2027", user="U_COORD")
    assert "Ik ken geen contract Vervoer in dit traject" in regio.say("verlengd Vervoer tot: 31-12-2028", user="U_ADMIN")
    assert [c.name for c in regio.all(TrajectoryContract)] == ["Ambulante jeugdhulp", "Verblijf"]
    with regio.session() as session:
        actions = [a.action for a in session.exec(select(AuditLog).order_by(AuditLog.id))]
    assert {"contract toegevoegd", "contract verlengd", "overgangsregeling"} <= set(actions)


def test_an_extension_decision_is_tracked_but_readiness_does_not_wait_for_it(regio):
    regio.say("besluit Tarieven 2027 deadline: 18-12-2026 door: raad", user="U_ADMIN")
    before = regio.say("risico", user="U_COORD").splitlines()[0]
    regio.say("contract Ambulant einde: 31-12-2028 verlenging: 1x 12 maanden", user="U_ADMIN")
    assert regio.say("risico", user="U_COORD").splitlines()[0] == before
    assert "Verlengen Ambulant?" in regio.say("status", user="U_COORD")
