"""The database goes away and comes back (PostgreSQL behind a proxy the test unplugs): users are
told clearly that nothing was stored, and afterwards everything works again, nothing lost."""
from __future__ import annotations

import time
from urllib.parse import urlsplit, urlunsplit

import pytest

from store.models import Decision, Outbox
from tests.conftest import SlackBot, make_settings
from tests.tcp_proxy import Proxy

COORD = "U_ADMIN"


@pytest.fixture
def unpluggable(slack, database_url, clock):
    if not database_url.startswith("postgresql"):
        pytest.skip("a database server to unplug: PostgreSQL (TEST_DATABASE_URL)")
    parts = urlsplit(database_url)
    proxy = Proxy(parts.port or 5432).up()
    url = urlunsplit(parts._replace(netloc=f"{parts.username or 'postgres'}@127.0.0.1:{proxy.port}"))
    bot = SlackBot(slack, make_settings(slack, url), clock)
    yield bot, proxy
    proxy.down()
    bot.close()


def test_an_outage_is_answered_clearly_and_nothing_is_lost(unpluggable, slack, clock):
    bot, proxy = unpluggable
    assert "gekoppeld" in bot.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: eind 2027",
                                  user=COORD)
    slack.fail_next = [500, 500, 500]  # Slack is away too: the urgent post waits in the outbox
    assert "U1 gemeld" in bot.say("urgent Wachtlijst loopt op ernst: hoog", user="U_KWAL")
    proxy.down()
    for line in ("besluit Tarieven deadline: 15 januari", "status"):
        started = time.monotonic()
        text = bot.say(line, user=COORD)
        assert "Er ging iets mis aan onze kant; er is niets opgeslagen" in text and time.monotonic() - started < 3
    clock.advance(minutes=5)
    bot.rt.sender.deliver()  # the outbox pass during the outage fails quietly and keeps its rows
    proxy.up()
    assert "B1 Tarieven" in bot.say("besluit Tarieven deadline: 15 januari", user=COORD)  # the first one after
    assert len(bot.all(Decision)) == 1
    bot.rt.sender.deliver()
    assert [r.key for r in bot.all(Outbox) if r.sent_at] == ["urgent:1"]
    assert len([c for c in slack.of("chat.postMessage") if "Wachtlijst" in str(c.body)]) == 1


def test_the_first_command_after_a_quiet_database_restart_just_works(unpluggable, clock):
    """The database restarted while nobody used the bot: every pooled connection is dead. The
    next user is not the one who finds out; the command runs on a new connection, once."""
    bot, proxy = unpluggable
    assert "gekoppeld" in bot.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: eind 2027",
                                  user=COORD)
    proxy.cut()
    assert "B1 Tarieven" in bot.say("besluit Tarieven deadline: 15 januari", user=COORD)
    proxy.cut()
    assert "B1 Tarieven" in bot.say("status", user=COORD)
    assert len(bot.all(Decision)) == 1
