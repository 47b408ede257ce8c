"""What the answer page and Slack say after a fault is what is true (issue 21, item 12): after an
uninstall the page does not claim the answer was passed on, and while Slack is down it says the
post waits; when the database commits but its
reply is lost on the way back, the Slack user gets their answer (not an empty one) and the page
visitor is thanked (not told "al beantwoord"); a request the coordinator closed by hand says so."""
from __future__ import annotations

import json
import socket
import time
from email import message_from_bytes, policy
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from store.models import AuditLog, InputPart
from tests.conftest import SlackBot, listen, make_settings, message_text
from tests.handlers.test_group_answers import COORD
from tests.handlers.test_people_outside_slack import LINK, deliver_all, page
from tests.handlers.test_workspaces import bots, install, oauth_bot  # noqa: F401 - the fixture
from tests.mail_server import parts_of
from tests.tcp_proxy import Proxy

TRAJECT = ("traject Jeugdhulp Rivierenland 2027 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: 31-12-2027 "
           "domein: jeugd")


def link_in(mail_dir: str, address: str) -> str:
    for path in sorted(Path(mail_dir).glob("*.eml")):
        mail = message_from_bytes(path.read_bytes(), policy=policy.default)
        if mail["To"].addresses[0].addr_spec == address:
            return LINK.search(parts_of(mail)[0]).group(2)
    raise AssertionError(f"no mail to {address}")


def test_after_an_uninstall_the_page_says_the_answer_is_kept_not_passed_on(oauth_bot, slack, clock, tmp_path):  # noqa: F811
    install(oauth_bot, "T1")
    assert "gekoppeld" in oauth_bot.say(TRAJECT, user=COORD, channel="C_NOORD")
    for n in (1, 2):
        oauth_bot.say(f"contact Zorgaanbieder {n} rol: aanbieder organisatie: Zorg {n} BV e-mail: inkoop@zorg{n}.nl",
                      user=COORD, channel="C_NOORD")
    oauth_bot.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD, channel="C_NOORD")
    deliver_all(oauth_bot, clock)
    status, html = page(oauth_bot, link_in(str(tmp_path), "inkoop@zorg1.nl"), {"antwoord": "12 plekken", "actie": "antwoord"})
    assert "Dank u wel" in html and "Het staat in het kanaal van regio Rivierenland" in html  # installed: it was posted
    event = {"token": "legacy", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": "EvU1",
             "event_time": int(time.time()), "event": {"type": "app_uninstalled", "event_ts": str(time.time())}}
    assert oauth_bot.post(json.dumps(event), "application/json") == 200
    deadline = time.time() + 5
    while bots(oauth_bot) and time.time() < deadline:
        time.sleep(0.05)
    status, html = page(oauth_bot, link_in(str(tmp_path), "inkoop@zorg2.nl"), {"antwoord": "Geen plek", "actie": "antwoord"})
    assert "Dank u wel" in html and "Het staat in het kanaal" not in html and "doorgegeven" not in html
    assert "kon niet in het kanaal van regio Rivierenland worden geplaatst" in html
    assert [p.answer for p in oauth_bot.all(InputPart)] == ["12 plekken", "Geen plek"]  # kept all the same


def test_a_request_closed_by_hand_says_so_on_the_page(trajectory, mail_server, clock):
    trajectory.say("contact Zorgaanbieder 1 rol: aanbieder organisatie: Zorg 1 BV e-mail: inkoop@zorg1.nl", user=COORD)
    trajectory.say("contact Zorgaanbieder 2 rol: aanbieder organisatie: Zorg 2 BV e-mail: inkoop@zorg2.nl", user=COORD)
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    links = {m["To"].addresses[0].addr_spec: LINK.search(parts_of(m)[0]).group(2) for m in mail_server.received}
    page(trajectory, links["inkoop@zorg1.nl"], {"antwoord": "12 plekken", "actie": "antwoord"})
    trajectory.say("ontvangen I1", user=COORD)  # the coordinator closes the request by hand
    status, html = page(trajectory, links["inkoop@zorg2.nl"])
    assert "Deze vraag is afgesloten" in html and "al beantwoord" not in html and "<textarea" not in html
    status, html = page(trajectory, links["inkoop@zorg2.nl"], {"antwoord": "toch nog", "actie": "antwoord"})
    assert "Deze vraag is afgesloten" in html
    status, html = page(trajectory, links["inkoop@zorg1.nl"])  # who did answer can still amend until the deadline
    assert "12 plekken</textarea>" in html


class CommitReplyLost(Proxy):
    """PostgreSQL behind a proxy that, once armed, lets the next transaction that records a Slack
    request (or an answer-page answer) commit, and cuts the connection before the server's COMMIT
    reached the bot: the data is stored, the bot hears only that the connection died."""

    def __init__(self, target_port: int):
        super().__init__(target_port)
        self.armed: bytes | None = None
        self.cuts = 0
        self._marked: set[int] = set()

    def passes(self, source: socket.socket, sink: socket.socket, data: bytes) -> bool:
        if source.getpeername()[1] != self.target[1]:  # from the bot
            if self.armed and self.armed in data.lower():
                self._marked.add(id(sink))  # this connection writes what we wait for
            return True
        if id(source) in self._marked and b"C\x00\x00\x00\x0bCOMMIT\x00" in data:
            self._marked.discard(id(source))
            self.armed, self.cuts = None, self.cuts + 1
            return False  # committed; the reply never arrives
        return True


@pytest.fixture
def lossy(slack, database_url, clock, mail_server):
    if not database_url.startswith("postgresql"):
        pytest.skip("a database server whose reply is lost: PostgreSQL (TEST_DATABASE_URL)")
    parts = urlsplit(database_url)
    proxy = CommitReplyLost(parts.port or 5432).up()
    url = urlunsplit(parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}"))
    web = listen()
    bot = SlackBot(slack, make_settings(slack, url, PUBLIC_URL=f"http://127.0.0.1:{web.server_port}"), clock,
                   transport=mail_server.transport(), server=web)
    yield bot, proxy
    proxy.down()
    bot.close()


def test_a_commit_whose_reply_is_lost_is_answered_as_what_it_did(lossy, slack, mail_server, clock):
    bot, proxy = lossy
    assert "gekoppeld" in bot.say(TRAJECT, user=COORD)
    bot.say("contact Zorgaanbieder 1 rol: aanbieder organisatie: Zorg 1 BV e-mail: inkoop@zorg1.nl", user=COORD)
    bot.say("contact Wethouder Tiel rol: aanbieder organisatie: Gemeente Tiel slack: <@U_WTIEL|w>", user=COORD)
    bot.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(bot, clock)
    proxy.armed = b"insert into processedrequest"
    text = bot.say("ontvangen I1 Tiel heeft 4 plekken.", user="U_WTIEL")
    assert proxy.cuts == 1
    assert "Het antwoord is bewaard" in text and "1/2 geantwoord" in text  # not an empty answer
    proxy.armed = b"update inputpart"
    status, html = page(bot, LINK.search(parts_of(mail_server.to("inkoop@zorg1.nl")[0])[0]).group(2),
                        {"antwoord": "Zorg 1 heeft 2 plekken.", "actie": "antwoord"})
    assert proxy.cuts == 2
    assert "Dank u wel" in html and "al beantwoord" not in html
    deliver_all(bot, clock)
    posts = [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == "C_JEUGD"]
    assert posts == ["📨 I1 antwoord van Wethouder Tiel, Gemeente Tiel (1/2 geantwoord): Tiel heeft 4 plekken.",
                     "📨 I1 antwoord van Zorgaanbieder 1, Zorg 1 BV (2/2 geantwoord): Zorg 1 heeft 2 plekken."]
    assert [a.action for a in bot.all(AuditLog) if a.action == "input ontvangen"] == ["input ontvangen"] * 2


def test_while_slack_is_down_the_page_says_the_answer_waits_to_be_posted(trajectory, mail_server, slack, clock):
    trajectory.say("contact Zorgaanbieder 1 rol: aanbieder organisatie: Zorg 1 BV e-mail: inkoop@zorg1.nl", user=COORD)
    trajectory.say("input Capaciteit van: Zorgaanbieder 1 rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    path = LINK.search(parts_of(mail_server.received[0])[0]).group(2)
    slack.fail_next = [503] * 10
    status, html = page(trajectory, path, {"antwoord": "12 plekken", "actie": "antwoord"})
    assert "Dank u wel" in html and "Het wordt doorgegeven in het kanaal van regio Rivierenland zodra Slack het aanneemt" in html
    slack.fail_next = []
    deliver_all(trajectory, clock)
    assert any("12 plekken" in message_text(c.body) for c in slack.of("chat.postMessage"))
