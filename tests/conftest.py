"""Fixtures: a database per test (SQLite always, PostgreSQL when TEST_DATABASE_URL is set), a
clock the test controls, the fake Slack Web API, and the real Bolt app served over HTTP."""
from __future__ import annotations

import itertools
import json
import os
import shutil
import socket
import threading
import time
import uuid
from contextlib import ExitStack, contextmanager
from datetime import datetime, timedelta, timezone
from socketserver import ThreadingMixIn
from typing import Iterator
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server
from zoneinfo import ZoneInfo

import pytest
from slack_sdk.signature import SignatureVerifier
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from config import Settings
from store.db import make_engine, migrate, normalize_url
from tests.fake_slack import Call, FakeSlack, Refusal, message_problem, slack_escape
from wiring.runtime import open_runtime
from wiring.slack import build_app, make_client
from wiring.web import wsgi_app

SECRET = "test-signing-secret"
METRICS_TOKEN = "test-metrics-token-0123456789"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# How long an answer may take and still travel in the ack. Slack's budget (2 s) on a machine
# running four test processes on two cores turns some tests of what an answer says into tests of
# the slow path; the tests of that path ask for a short budget (@pytest.mark.answer_budget).
ROOMY_BUDGET = 20.0
ANSWER_WAIT = 60  # seconds a test waits for an HTTP answer (longer than ROOMY_BUDGET)
BACKENDS = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


def _database(name: str) -> str:
    return make_url(normalize_url(os.environ["TEST_DATABASE_URL"])).set(database=name).render_as_string(
        hide_password=False)


@contextmanager
def _postgres_database(template: str | None = None) -> Iterator[str]:
    """A PostgreSQL database of its own beside TEST_DATABASE_URL's (a copy of `template`), dropped
    after WITH FORCE: a follow-up of a finished test may still hold a connection."""
    name = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(normalize_url(os.environ["TEST_DATABASE_URL"]), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f"CREATE DATABASE {name}" + (f" TEMPLATE {template}" if template else ""))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.exec_driver_sql(f"DROP DATABASE {name} WITH (FORCE)")
        admin.dispose()


@pytest.fixture(scope="session")
def migrated(tmp_path_factory):
    """This test process's migrated databases, made once: each test starts from a copy (a file
    copy on SQLite, a template database on PostgreSQL) instead of running every migration again."""
    sqlite = tmp_path_factory.mktemp("template") / "migrated.sqlite3"
    with ExitStack() as stack:
        template = stack.enter_context(_postgres_database()) if "postgresql" in BACKENDS else None
        for url in [f"sqlite:///{sqlite}"] + ([_database(template)] if template else []):
            engine = make_engine(url, pool_size=1)
            migrate(engine)
            engine.dispose()  # on SQLite the last connection checkpoints the WAL into the file
        yield sqlite, template


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path, migrated):
    """A database of this test's own, migrated (SQLite always; PostgreSQL with TEST_DATABASE_URL)."""
    sqlite, template = migrated
    if request.param == "sqlite":
        shutil.copyfile(sqlite, tmp_path / "regiowacht-test.sqlite3")
        yield f"sqlite:///{tmp_path}/regiowacht-test.sqlite3"
        return
    with _postgres_database(template) as name:
        yield _database(name)


@pytest.fixture(params=BACKENDS)
def empty_database_url(request, tmp_path):
    """A database with nothing in it yet, for the tests of the migrations themselves."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/regiowacht-empty.sqlite3"
        return
    with _postgres_database() as name:
        yield _database(name)


class Clock:
    """Now, as the test says: set in Amsterdam local time, read as aware UTC."""

    def __init__(self, local: str = "2026-11-24 10:00"):
        self.set(local)

    def set(self, local: str) -> None:
        self.moment = datetime.fromisoformat(local).replace(tzinfo=AMSTERDAM).astimezone(timezone.utc)

    def advance(self, **delta) -> None:
        self.moment += timedelta(**delta)

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def slack():
    fake = FakeSlack().start()
    yield fake
    fake.stop()


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


POLL = 0.02  # seconds a test server takes to notice its shutdown (the default 0.5 s adds up over a suite)


def free_port() -> int:
    """A port nobody listens on now, for a subprocess that binds it itself: another process may
    take it meanwhile, so such a test starts again on a new port when the bind fails. A server in
    this process binds first (`listen`) instead."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listen() -> WSGIServer:
    """A threaded HTTP server bound on 127.0.0.1 now, its application given when served: its port
    is known (for the links in mails) before the app that needs it exists."""
    return make_server("127.0.0.1", 0, None, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)


def serve_wsgi(application, server: WSGIServer | None = None):
    """Serve a WSGI app on 127.0.0.1 in threads; returns its events URL and a stop function."""
    server = server or listen()
    server.set_app(application)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": POLL}, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()
    return f"http://127.0.0.1:{server.server_port}/slack/events", stop


def make_settings(slack: FakeSlack, database_url: str, **env) -> Settings:
    return Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET,
                              "SLACK_API_URL": slack.url, "DATABASE_URL": database_url,
                              "BOT_ADMINS": "U_ADMIN", "METRICS_TOKEN": METRICS_TOKEN, **env})


class SignedClient:
    """Sends requests to an events URL the way Slack does: signed with the signing secret."""

    def __init__(self, slack: FakeSlack, url: str, slash_command: str = "/inkoop"):
        self.slack, self.url, self.slash_command = slack, url, slash_command

    # -- raw requests ---------------------------------------------------------------------
    def post(self, body: str, content_type: str, *, timestamp: int | None = None, secret: str = SECRET,
             headers: dict | None = None) -> int:
        return self.exchange(body, content_type, timestamp=timestamp, secret=secret, headers=headers)[0]

    def exchange(self, body: str, content_type: str, *, timestamp: int | None = None, secret: str = SECRET,
                 headers: dict | None = None) -> tuple[int, dict]:
        """POST as Slack does; the status and the response body (the ack's content, if any)."""
        timestamp = int(time.time()) if timestamp is None else timestamp
        signature = SignatureVerifier(secret).generate_signature(timestamp=str(timestamp), body=body)
        request = Request(self.url, data=body.encode(), method="POST", headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": str(timestamp),
            "X-Slack-Signature": signature, **(headers or {})})
        try:
            with urlopen(request, timeout=ANSWER_WAIT) as response:
                raw = response.read().decode()
                status = response.status
        except HTTPError as error:
            return error.code, {}
        try:
            return status, json.loads(raw) if raw.strip().startswith("{") else {}
        except ValueError:
            return status, {}

    def ask(self, body: str, n: int) -> Call:
        """Send a command (`command_body` numbered `n`); the answer the user sees: the ack's own
        content when the answer travels in it, else the response_url payload or the views.open
        call that follows. An answer Slack would refuse (too many blocks, too much text) fails."""
        status, acked = self.exchange(body, "application/x-www-form-urlencoded")
        assert status == 200
        if acked.get("text") or acked.get("blocks"):
            problem = message_problem(acked)
            if problem:
                self.slack.refusals.append(Refusal("ack", problem, acked))
                raise AssertionError(f"Slack would refuse this answer: {problem}")
            return Call("ack", "", acked, {})
        return self.slack.wait_for(lambda c: c.path == f"/response/{n}" or
                                   (c.method == "views.open" and c.body.get("trigger_id") == f"trigger-{n}"),
                                   timeout=ANSWER_WAIT)

    def command_body(self, text: str, *, user: str, channel: str, team: str, n: int, raw: bool = False) -> str:
        """As Slack sends a typed command: its text escaped (`raw`: exactly this text)."""
        return urlencode({"token": "legacy", "team_id": team, "team_domain": "regio", "channel_id": channel,
                          "channel_name": "inkoop", "user_id": user, "user_name": user.lower(),
                          "command": self.slash_command, "text": text if raw else slack_escape(text),
                          "response_url": self.slack.response_url(n), "trigger_id": f"trigger-{n}",
                          "api_app_id": "A1"})


class SlackBot(SignedClient):
    """The real Bolt app behind a real HTTP endpoint, driven the way Slack drives it."""

    def __init__(self, slack: FakeSlack, settings: Settings, clock: Clock, transport=None,
                 server: WSGIServer | None = None, answer_budget: float = ROOMY_BUDGET):
        client = make_client(settings)
        self.rt = open_runtime(settings, client=client, clock=clock, channel_interval=0, transport=transport,
                               answer_budget=answer_budget)
        self.app = build_app(self.rt, client)
        url, self._stop = serve_wsgi(wsgi_app(self.app, self.rt), server)
        super().__init__(slack, url, settings.slash_command)
        self.base = url.removesuffix("/slack/events")
        self._n = itertools.count(1)
        self.verifier = SignatureVerifier(SECRET)

    def close(self) -> None:
        self._stop()
        self.rt.engine.dispose()

    def session(self) -> Session:
        return Session(self.rt.engine)

    def all(self, table) -> list:
        with self.session() as session:
            return list(session.exec(select(table)))

    # -- what a user does -----------------------------------------------------------------
    def command(self, text: str, *, user: str = "U_COORD", channel: str = "C_JEUGD", team: str = "T1",
                raw: bool = False):
        """Type `/inkoop text`; returns the answer the user sees (`ask`)."""
        n = next(self._n)
        return self.ask(self.command_body(text, user=user, channel=channel, team=team, n=n, raw=raw), n)

    def say(self, text: str, **kw) -> str:
        """The answer's text as the user reads it (all its blocks)."""
        call = self.command(text, **kw)
        return message_text(call.body)

    def interact(self, payload: dict) -> int:
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def click(self, action_id: str, value: str, *, user: str = "U_COORD", channel: str = "C_JEUGD",
              team: str = "T1", message_ts: str = "1700000000.000001") -> int:
        n = next(self._n)
        return self.interact({
            "type": "block_actions", "team": {"id": team, "domain": "regio"},
            "user": {"id": user, "team_id": team}, "api_app_id": "A1", "token": "legacy",
            "trigger_id": f"trigger-{n}", "channel": {"id": channel, "name": "inkoop"},
            "container": {"type": "message", "message_ts": message_ts, "channel_id": channel},
            "message": {"ts": message_ts, "text": "", "blocks": []},
            "response_url": self.slack.response_url(n),
            "actions": [{"type": "button", "action_id": action_id, "block_id": "b", "value": value,
                         "action_ts": str(time.time())}]})

    def submit(self, view: dict, values: dict[str, str], *, user: str = "U_COORD", team: str = "T1",
               headers: dict | None = None) -> tuple[int, dict]:
        """Fill a modal's fields (block id -> typed value) and submit it; returns status and ack body."""
        state = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            element = block["element"]
            typed = values.get(block["block_id"])
            if element["type"] == "users_select":
                state[block["block_id"]] = {"value": {"type": "users_select", "selected_user": typed}}
            elif element["type"] == "static_select":  # a menu: what is picked, else what it shows at first
                values_offered = [o["value"] for o in element["options"]]
                assert typed is None or typed in values_offered, f"{typed} is not on the menu {values_offered}"
                picked = typed or (element.get("initial_option") or {}).get("value")
                option = next((o for o in element["options"] if o["value"] == picked), None)
                state[block["block_id"]] = {"value": {"type": "static_select", "selected_option": option}}
            else:
                state[block["block_id"]] = {"value": {"type": "plain_text_input", "value": typed}}
        payload = {"type": "view_submission", "team": {"id": team, "domain": "regio"},
                   "user": {"id": user, "team_id": team}, "api_app_id": "A1", "token": "legacy",
                   "trigger_id": "trigger-view", "view": {**view, "id": "V1", "state": {"values": state}}}
        return self.exchange(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded",
                             headers=headers)


def message_text(body: dict) -> str:
    """Everything a message says: its blocks as text, or its text."""
    from views.text import blocks_to_text
    return blocks_to_text(body.get("blocks") or [], body.get("text", ""))


@pytest.fixture
def mail_server():
    from tests.mail_server import MailServer
    server = MailServer().start()
    yield server
    server.stop()


@pytest.fixture
def bot(slack, database_url, clock, request):
    """The app; with mail to the test SMTP server when the test also asks for `mail_server`."""
    server = request.getfixturevalue("mail_server") if "mail_server" in request.fixturenames else None
    web = listen()  # bound beforehand, so the links in mails point at this very server
    settings = make_settings(slack, database_url, MAIL_DIR=str(request.getfixturevalue("tmp_path")),
                             PUBLIC_URL=f"http://127.0.0.1:{web.server_port}")
    budget = request.node.get_closest_marker("answer_budget")
    harness = SlackBot(slack, settings, clock, transport=server.transport() if server else None, server=web,
                       **({"answer_budget": budget.args[0]} if budget else {}))
    yield harness
    harness.close()


TRAJECT = ("traject Jeugdhulp Rivierenland 2027 regio: Rivierenland gemeenten: Buren, Culemborg, Maasdriel, "
           "Neder-Betuwe, Tiel, West Betuwe, West Maas en Waal, Zaltbommel contracteinde: 31-3-2027 "
           "implementatie: 12 domein: jeugd")


@pytest.fixture
def trajectory(bot):
    """A channel C_JEUGD linked to a trajectory whose coordinator is U_ADMIN (in BOT_ADMINS)."""
    text = bot.say(TRAJECT, user="U_ADMIN")
    assert "gekoppeld" in text, text
    return bot
