"""Several workspaces from one deployment: Slack's OAuth install flow stores each workspace's bot
token in our database, every message goes out with its own workspace's token, a channel shared
between workspaces (Slack Connect) is one trajectory, and an uninstall stops that workspace's jobs."""
from __future__ import annotations

import json
import re
import time
from http.client import HTTPConnection
from urllib.parse import urlencode, urlparse

import pytest
from sqlalchemy import text

from jobs.digest import run_digests
from jobs.runner import JobRun
from store.models import Trajectory, UrgentCase
from tests.conftest import SlackBot, listen, make_settings, message_text

TRAJECT = ("traject Jeugdhulp {region} 2027 regio: {region} gemeenten: {members} contracteinde: 31-12-2027 "
           "domein: jeugd")


@pytest.fixture
def oauth_bot(slack, database_url, clock, tmp_path):
    """The bot with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET and no bot token: any workspace may install it."""
    web = listen()
    settings = make_settings(slack, database_url, SLACK_BOT_TOKEN="", SLACK_CLIENT_ID="1111.2222",
                             SLACK_CLIENT_SECRET="oauth-secret", PUBLIC_URL=f"http://127.0.0.1:{web.server_port}",
                             MAIL_DIR=str(tmp_path))
    assert settings.oauth
    bot = SlackBot(slack, settings, clock, server=web)
    yield bot
    bot.close()


def get(bot, path: str, cookie: str = "") -> tuple[int, dict, str]:
    """A browser's GET, without following redirects."""
    url = urlparse(bot.base + path)
    connection = HTTPConnection(url.hostname, url.port, timeout=10)
    connection.request("GET", url.path + (f"?{url.query}" if url.query else ""), headers={"Cookie": cookie} if cookie else {})
    response = connection.getresponse()
    result = response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    connection.close()
    return result


def start_install(bot) -> tuple[str, str]:
    """Open /slack/install as the installing admin's browser: (state, cookie)."""
    status, headers, page = get(bot, "/slack/install")
    assert status in (200, 302)
    link = headers.get("location") or re.search(r'href="([^"]+oauth/v2/authorize[^"]+)"', page).group(1)
    state = re.search(r"state=([^&\"]+)", link).group(1)
    cookie = headers["set-cookie"].split(";", 1)[0]
    assert "client_id=1111.2222" in link and "scope=commands" in link
    return state, cookie


def install(bot, team: str, code: str | None = None) -> None:
    state, cookie = start_install(bot)
    status, _, page = get(bot, f"/slack/oauth_redirect?{urlencode({'code': code or f'code-{team}', 'state': state})}",
                          cookie)
    assert status == 200, page


def bots(bot) -> dict[str, str]:
    with bot.rt.engine.connect() as connection:
        return {row.team_id: row.bot_token for row in connection.execute(text("SELECT team_id, bot_token FROM slack_bots"))}


def test_an_install_stores_the_workspace_and_its_token(oauth_bot, slack):
    install(oauth_bot, "T2")
    assert bots(oauth_bot) == {"T2": "xoxb-T2"}
    [exchange] = slack.of("oauth.v2.access")
    assert exchange.body["code"] == "code-T2"


def test_a_forged_or_replayed_state_is_refused(oauth_bot, slack):
    status, _, _ = get(oauth_bot, "/slack/oauth_redirect?code=code-T3&state=forged", "slack-app-oauth-state=forged")
    assert status != 200 and bots(oauth_bot) == {}
    state, cookie = start_install(oauth_bot)
    status, _, _ = get(oauth_bot, f"/slack/oauth_redirect?code=code-T3&state={state}", "slack-app-oauth-state=other")
    assert status != 200 and bots(oauth_bot) == {}  # the state must match the browser that asked
    assert get(oauth_bot, f"/slack/oauth_redirect?code=code-T2&state={state}", cookie)[0] == 200
    status, _, _ = get(oauth_bot, f"/slack/oauth_redirect?code=code-T4&state={state}", cookie)  # replayed
    assert status != 200 and set(bots(oauth_bot)) == {"T2"}
    assert [c.body["code"] for c in slack.of("oauth.v2.access")] == ["code-T2"]


def two_workspaces(bot, slack) -> None:
    install(bot, "T1")
    install(bot, "T2")
    slack.admins.add("U_ZUID")
    slack.user_teams.update({"U_ADMIN": "T1", "U_ZUID": "T2", "U_KWAL": "T2"})
    assert "gekoppeld" in bot.say(TRAJECT.format(region="Rivierenland", members="Tiel, Buren"),
                                  user="U_ADMIN", channel="C_NOORD", team="T1")
    assert "gekoppeld" in bot.say(TRAJECT.format(region="Zuid", members="Maastricht, Meerssen"),
                                  user="U_ZUID", channel="C_ZUID", team="T2")


def test_each_workspace_gets_its_own_digest_with_its_own_token(oauth_bot, slack):
    two_workspaces(oauth_bot, slack)
    slack.clear()
    run_digests(JobRun(oauth_bot.rt))
    posts = {c.body["channel"]: c.headers.get("Authorization") for c in slack.of("chat.postMessage")}
    assert posts == {"C_NOORD": "Bearer xoxb-T1", "C_ZUID": "Bearer xoxb-T2"}
    assert {t.team_id for t in oauth_bot.all(Trajectory)} == {"T1", "T2"}


def test_a_member_of_another_workspace_in_a_shared_channel_reaches_the_same_trajectory(oauth_bot, slack):
    two_workspaces(oauth_bot, slack)
    oauth_bot.say("besluit Tarieven 2027 deadline: 15-1-2027", user="U_ADMIN", channel="C_NOORD", team="T1")
    # C_NOORD is shared with T2: Slack sends T2's member's command with T2 as the team.
    status = oauth_bot.say("status", user="U_KWAL", channel="C_NOORD", team="T2")
    assert "Jeugdhulp Rivierenland 2027" in status and "B1 Tarieven 2027" in status
    assert "U1 gemeld" in oauth_bot.say("urgent Wachtlijst ambulante hulp ernst: hoog", user="U_KWAL",
                                        channel="C_NOORD", team="T2")
    [case] = oauth_bot.all(UrgentCase)
    assert case.team_id == "T1"  # the owner's records and references
    # An admin of the other workspace is no admin of this trajectory.
    refused = oauth_bot.say("besluit Mandaat deadline: 1-2-2027", user="U_ZUID", channel="C_NOORD", team="T2")
    assert "coördinator" in refused
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "C_NOORD")
    assert post.headers.get("Authorization") == "Bearer xoxb-T1"  # the owner's bot posts in its channel


def test_a_form_sent_from_a_shared_channel_lands_in_the_owner_s_trajectory(oauth_bot, slack):
    two_workspaces(oauth_bot, slack)
    view = oauth_bot.command("urgent", user="U_KWAL", channel="C_NOORD", team="T2").body["view"]
    view = json.loads(view) if isinstance(view, str) else view
    view["app_installed_team_id"] = "T2"  # Bolt takes the workspace from here, as Slack sends it
    status, ack = oauth_bot.submit(view, {"title": "Crisisplek nodig, zaak 2026-0410"}, user="U_KWAL", team="T2")
    assert status == 200 and ack == {}
    [case] = oauth_bot.all(UrgentCase)
    assert case.team_id == "T1"


def test_uninstall_removes_the_tokens_and_the_next_job_sends_nothing_there(oauth_bot, slack):
    two_workspaces(oauth_bot, slack)
    event = {"token": "legacy", "team_id": "T2", "api_app_id": "A1", "type": "event_callback",
             "event_id": "EvUNINSTALL", "event_time": int(time.time()),
             "event": {"type": "app_uninstalled", "event_ts": str(time.time())}}
    assert oauth_bot.post(json.dumps(event), "application/json") == 200
    deadline = time.time() + 5
    while "T2" in bots(oauth_bot) and time.time() < deadline:
        time.sleep(0.05)
    assert set(bots(oauth_bot)) == {"T1"}
    slack.clear()
    run_digests(JobRun(oauth_bot.rt))
    assert [c.body["channel"] for c in slack.of("chat.postMessage")] == ["C_NOORD"]
    assert {t.team_id for t in oauth_bot.all(Trajectory)} == {"T1", "T2"}  # the records stay


def test_a_rotating_token_is_renewed_before_a_job_sends_with_it(oauth_bot, slack):
    install(oauth_bot, "T5", code="code-T5-rotating")  # its token expires within the minute
    assert bots(oauth_bot) == {"T5": "xoxb-T5"}
    slack.admins.add("U_OOST")
    assert "gekoppeld" in oauth_bot.say(TRAJECT.format(region="Oost", members="Enschede, Hengelo"),
                                        user="U_OOST", channel="C_OOST", team="T5")
    slack.clear()
    run_digests(JobRun(oauth_bot.rt))
    [post] = slack.of("chat.postMessage")
    assert post.body["channel"] == "C_OOST" and post.headers.get("Authorization", "").startswith("Bearer xoxb-T5-")
    assert bots(oauth_bot)["T5"] == post.headers["Authorization"].removeprefix("Bearer ")  # kept for next time


def test_a_button_pressed_from_the_other_workspace_works_on_the_owner_s_case(oauth_bot, slack):
    two_workspaces(oauth_bot, slack)
    oauth_bot.say("urgent Crisisplek nodig, zaak 2026-0411 ernst: hoog", user="U_ADMIN", channel="C_NOORD", team="T1")
    [case] = oauth_bot.all(UrgentCase)
    # Shaped like Slack's block_actions from a Slack Connect channel: the presser's own team.
    assert oauth_bot.click("urgent_ack", str(case.id), user="U_KWAL", channel="C_NOORD", team="T2") == 200
    deadline = time.time() + 5
    while not oauth_bot.all(UrgentCase)[0].acked_at and time.time() < deadline:
        time.sleep(0.05)
    [case] = oauth_bot.all(UrgentCase)
    assert case.acked_by == "U_KWAL" and case.team_id == "T1"


def org_command(bot, slack, text: str, *, user: str, channel: str, team: str, n: int) -> str:
    """A slash command from a workspace of an Enterprise Grid org where the app is installed org-wide,
    shaped like Slack sends it (and bolt-python's org-app tests)."""
    body = urlencode({"token": "legacy", "enterprise_id": "E1", "enterprise_name": "Org E1", "is_enterprise_install": "true",
                      "team_id": team, "team_domain": "regio", "channel_id": channel, "channel_name": "inkoop",
                      "user_id": user, "user_name": user.lower(), "command": "/inkoop", "text": text,
                      "response_url": slack.response_url(n), "trigger_id": f"trigger-org-{n}", "api_app_id": "A1"})
    status, acked = bot.exchange(body, "application/x-www-form-urlencoded")
    assert status == 200
    if acked.get("text") or acked.get("blocks"):
        return message_text(acked)
    return message_text(slack.wait_for(lambda c: c.path == f"/response/{n}").body)


def test_an_org_wide_install_serves_every_workspace_of_the_org(oauth_bot, slack):
    install(oauth_bot, "E1", code="code-E1")
    assert bots(oauth_bot) == {None: "xoxb-E1"}  # one bot for the whole org
    slack.admins.add("U_ORG")
    text = org_command(oauth_bot, slack, TRAJECT.format(region="Drechtsteden", members="Dordrecht, Zwijndrecht"),
                       user="U_ORG", channel="C_DRECHT", team="T7", n=9001)
    assert "gekoppeld" in text
    assert "Jeugdhulp Drechtsteden 2027" in org_command(oauth_bot, slack, "status", user="U_ORG", channel="C_DRECHT",
                                                       team="T8", n=9002)  # another workspace of the same org
    assert {t.team_id for t in oauth_bot.all(Trajectory)} == {"E1"}
    slack.clear()
    run_digests(JobRun(oauth_bot.rt))
    [post] = slack.of("chat.postMessage")
    assert post.body["channel"] == "C_DRECHT" and post.headers.get("Authorization") == "Bearer xoxb-E1"
