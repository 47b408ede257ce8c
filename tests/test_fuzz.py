"""Hypothesis throws command lines and interactive payloads at the real app over HTTP (signed,
as Slack would): never a 5xx, never a traceback in the log, and nothing stored that holds a BSN
or a live broadcast."""
from __future__ import annotations

import logging
import time

from hypothesis import HealthCheck, example, given, settings, strategies as st
from sqlalchemy import text

from domain.privacy import contains_bsn

WORDS = ["traject", "besluit", "decision", "vastgesteld", "afgewezen", "input", "ontvangen", "taak", "klaar",
         "urgent", "opgepakt", "opgelost", "uitstel", "status", "risico", "digest", "datum", "help", "taal",
         "contact", "contacten", "regio", "tijdlijn", "export", "", "B1", "I1", "T1", "U1", "B99999999999"]
KEYS = ["deadline:", "door:", "gemeenten:", "gemeente:", "op:", "reden:", "van:", "rol:", "voor:", "eigenaar:", "na:",
        "ernst:", "e-mail:", "organisatie:", "slack:", "regio:", "contracteinde:", "start:", "implementatie:", "due:"]
VALUES = ["vrijdag", "31-12-9999", "over 99999 jaar", "week 99", "zsm", "Tiel", "alle", "raad", "regio", "hoog",
          "<!channel>", "<!here> <!subteam^S1|@team>", "<@U_JAN|jan>", "<#C1|x>", "<https://evil.example|klik>",
          "111222333", "111-222-333", "bsn111222333", "BSN 123456789", "\x00", "\u202e\u2066", "🙂" * 3, "'; DROP TABLE task; --",
          "=HYPERLINK(\"x\")", "a" * 300, "aanbieders", "wethouders", "inkoop@x.nl", "<mailto:a@b.nl|a@b.nl>", "B1",
          "-1", "0", "1e309", "NaN", "\\", "%s%n", "{0}", "{title}", "&lt;!channel&gt;"]

line = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(KEYS), st.sampled_from(VALUES),
                          st.text(max_size=12)), min_size=1, max_size=8).map(" ".join)


STORED = ("decision", "task", "inputrequest", "urgentcase", "auditlog", "outbox", "contact", "inputpart")


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=st.lists(line, min_size=1, max_size=4))
@example(lines=["urgent Cliënt 111 222 333 <!channel> ernst: hoog", "besluit <!here> X deadline: vrijdag",
                "taak <!everyone> eigenaar: Jan deadline: vrijdag",
                "contact <!channel> rol: aanbieder organisatie: x e-mail: a@b.nl"])
def test_command_lines(trajectory, caplog, lines):
    caplog.set_level(logging.WARNING)
    for n, typed in enumerate(lines):
        body = trajectory.command_body(typed, user="U_ADMIN" if n % 2 else "U_FUZZ", channel="C_JEUGD", team="T1",
                                       n=int(time.time() * 1e6) % 10**9)
        status, _ = trajectory.exchange(body, "application/x-www-form-urlencoded")
        assert status == 200, typed
    assert not [r for r in caplog.records if r.exc_info], caplog.text
    assert "Traceback" not in caplog.text
    with trajectory.session() as session:  # whatever these lines stored: no BSN, no live broadcast
        for table in STORED:
            for row in session.execute(text(f"SELECT * FROM {table}")):
                for value in row:
                    if isinstance(value, str):
                        assert "<!" not in value.replace("&lt;!", ""), (lines, table, value)
                        assert not contains_bsn(value), (lines, table, value)


payload_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                                       st.sampled_from(["urgent_ack", "home_done", "form_besluit", "form_onbekend",
                                                        "U_FUZZ", "C_JEUGD", "1", "99999999999"])),
                             lambda children: st.lists(children, max_size=3) | st.dictionaries(
                                 st.sampled_from(["id", "type", "value", "action_id", "values", "state", "view",
                                                  "callback_id", "private_metadata", "user", "team", "actions",
                                                  "channel", "container", "trigger_id"]), children, max_size=4),
                             max_leaves=12)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(kind=st.sampled_from(["block_actions", "view_submission", "shortcut", "message_action", "view_closed", None]),
       extra=st.dictionaries(st.sampled_from(["user", "team", "actions", "view", "channel", "container", "trigger_id"]),
                             payload_value, max_size=5),
       raw=st.one_of(st.none(), st.text(max_size=40)))
def test_interactive_payloads(bot, caplog, kind, extra, raw):
    caplog.set_level(logging.WARNING)
    if raw is not None:  # not JSON at all
        status = bot.post("payload=" + raw.replace("&", "%26"), "application/x-www-form-urlencoded")
    else:
        status = bot.interact({"type": kind, "api_app_id": "A1", "token": "t", **extra})
    assert status < 500
    assert not [r for r in caplog.records if r.exc_info], caplog.text
