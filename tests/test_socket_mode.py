"""`python bot.py` in Socket Mode (SLACK_APP_TOKEN set): commands arrive over the WebSocket that
`apps.connections.open` points at (tests/fake_socket_mode.py), and beside it the bot serves the
answer page of mailed links, /health and /metrics over HTTP, as in HTTP mode (PRODUCT.md: "The
answer page, /health and /metrics exist in Socket Mode too"). Tested on the real entry point, not a
level below: what broke before was the wiring (no web server at all), so that is what runs here."""
from __future__ import annotations

import email
import re
import subprocess
import sys
import time
from email import policy
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from tests.conftest import ANSWER_WAIT, METRICS_TOKEN, SignedClient, message_text
from tests.fake_slack import FakeSlack
from tests.fake_socket_mode import FakeSocketMode
from tests.test_live_service import ROOT, demo_env, start_bot
from tests.test_operations import health, scrape

LINK = re.compile(r"http://127\.0\.0\.1:\d+(/antwoord/[0-9a-f]{40})")


def fetch(url: str, form: dict | None = None, headers: dict | None = None) -> tuple[int, str]:
    data = urlencode(form).encode() if form is not None else None
    try:
        with urlopen(Request(url, data=data, headers=headers or {}), timeout=ANSWER_WAIT) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def test_socket_mode_answers_over_its_connection_and_serves_the_answer_page_health_and_metrics(database_url, tmp_path):
    slack = FakeSlack().start()
    socket_mode = FakeSocketMode().start()
    slack.socket_mode_url = socket_mode.url
    env = {**demo_env(database_url, slack), "SLACK_APP_TOKEN": "xapp-1-A1-test", "MAIL_DIR": str(tmp_path)}
    output: list[str] = []
    process, port = start_bot(env, output)
    base = f"http://127.0.0.1:{port}"
    n = iter(range(1, 100))

    def say(text: str) -> str:
        number = next(n)
        envelope = socket_mode.command(text, user="U_ANNE", channel="C_JEUGD", team="T_LOCAL", n=number,
                                       response_url=slack.response_url(number))
        answer = socket_mode.ack(envelope)  # within Slack's 3 seconds
        if not (answer.get("text") or answer.get("blocks")):
            answer = slack.wait_for(lambda c: c.path == f"/response/{number}").body
        return message_text(answer)

    try:
        socket_mode.wait_connected()
        assert "Jeugdhulp Rivierenland 2027" in say("status")
        assert "staat in het register" in say("contact Zorg Tiel rol: aanbieder organisatie: Zorg Tiel BV "
                                              "e-mail: inkoop@zorgtiel.nl")
        assert "input gevraagd van Zorg Tiel" in say("input Hoeveel plekken heeft u in 2027? van: Zorg Tiel "
                                                     "rol: aanbieder deadline: over 10 dagen")
        # The mail (an .eml file: no SMTP_URL) carries a link to this very web server.
        for _ in range(100):
            mails = list(tmp_path.glob("*.eml"))
            if mails:
                break
            time.sleep(0.1)
        [mail] = mails
        message = email.message_from_bytes(mail.read_bytes(), policy=policy.default)
        path = LINK.search(message.get_body(("plain",)).get_content()).group(1)
        status, html = fetch(base + path)
        assert status == 200 and "Hoeveel plekken heeft u in 2027?" in html, [
            line for line in output if "ERROR" in line or "failed" in line or "Error" in line]
        status, html = fetch(base + path, {"antwoord": "Wij hebben 12 plekken vrij.", "actie": "antwoord"})
        assert status == 200 and "Dank u wel" in html
        post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "antwoord van" in message_text(c.body))
        assert "Wij hebben 12 plekken vrij." in message_text(post.body)

        assert health(base) == (200, {"status": "ok", "database": "ok"})
        # The commands ran in the master process, the scrape in a web worker: the figures add up.
        assert scrape(base)[("regiowacht_command_duration_seconds_count", ("command", "status"))] == 1
        assert fetch(base + "/metrics")[0] == 401
        assert fetch(base + "/metrics", headers={"Authorization": "Bearer " + METRICS_TOKEN[::-1]})[0] == 401
        # No Slack events over HTTP in Socket Mode, even signed.
        client = SignedClient(slack, base + "/slack/events")
        body = client.command_body("status", user="U_ANNE", channel="C_JEUGD", team="T_LOCAL", n=99)
        assert client.post(body, "application/x-www-form-urlencoded") == 404
        assert socket_mode.protocol_errors == []
    finally:
        process.terminate()
        process.wait(timeout=30)
        slack.stop()
        socket_mode.stop()
    log = "".join(output)
    assert "Traceback" not in log, log[-3000:]
    assert "Hoeveel plekken" not in log and "12 plekken" not in log


def test_a_refused_app_token_is_named_and_the_bot_stops(database_url):
    slack = FakeSlack().start()  # no Socket Mode URL: apps.connections.open refuses
    env = {**demo_env(database_url, slack), "SLACK_APP_TOKEN": "xoxb-not-an-app-token"}
    try:
        result = subprocess.run([sys.executable, "bot.py"], cwd=ROOT, env=env, capture_output=True, text=True,
                                timeout=60)
    finally:
        slack.stop()
    assert result.returncode == 3
    assert "Regiowacht kan Socket Mode niet openen" in result.stderr and "SLACK_APP_TOKEN" in result.stderr
    assert "not_allowed_token_type" in result.stderr and "Traceback" not in result.stderr
