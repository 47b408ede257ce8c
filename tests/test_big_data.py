"""A busy region, as the fake Slack (as strict as Slack) sees it: 25 municipalities, 60 decisions
with 150-character titles, rejection reasons and urgent cases of 2,000 characters, 300 tasks for
one person, 40 group requests to 52 providers. Every read command, every form, the buttons, App
Home and the daily jobs are driven through the real app, and every payload the bot sends must be
within Slack's limits: nothing refused, nothing cut without saying so.

Run with `-s` to see the largest payload of each kind (blocks, characters of text, bytes)."""
from __future__ import annotations

import re

import json
from collections import defaultdict
from datetime import date, timedelta

from delivery.outbox import MAIL
from domain.permissions import Actor
from domain.text_input import from_console
from jobs.digest import run_digests
from jobs.runner import JobRun
from jobs.scan import run_scan
from service.interactions import run_command
from store.models import InputPart, Outbox, Task, UrgentCase
from tests.conftest import message_text
from tests.fake_slack import MESSAGE_METHODS, VIEW_METHODS, message_problem, view_problem
from tests.handlers.test_home import open_home
from tests.handlers.test_slack_as_it_is import flag_message

COORD, OWNER, CHANNEL = "U_ADMIN", "U_BIG", "C_BIG"
MEMBERS = ("Alphen aan den Rijn, Hillegom, Kaag & Braassem, Katwijk, Leiden, Leiderdorp, Lisse, Nieuwkoop, Noordwijk, "
           "Oegstgeest, Teylingen, Voorschoten, Zoeterwoude, Wassenaar, Gouda, Bodegraven-Reeuwijk, Waddinxveen, "
           "Krimpenerwaard, Zuidplas, Delft, Pijnacker-Nootdorp, Midden-Delfland, Westland, Lansingerland, Zoetermeer")
NAMES = [name.replace("&", "en") for name in MEMBERS.split(", ")]
PROVIDERS = 52


def sized(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length - 1].rstrip() + "."


def d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def busy_region(bot, clock) -> None:
    """Typed over the past weeks, as the team would have: some deadlines now lie behind. What it
    sent Slack then (DMs and posts) goes at the end, in one outbox pass; its mails stay unsent."""
    sender, bot.rt.sender = bot.rt.sender, None
    say = lambda line, user=COORD: run_command(bot.rt, Actor("T1", user, CHANNEL, admin_check=lambda: True),  # noqa: E731
                                               from_console(line))
    clock.set("2026-10-01 10:00")
    start = date(2026, 10, 1)
    answer = say(f"traject Jeugd & Wmo Holland Rijnland 2027 regio: Holland Rijnland gemeenten: {MEMBERS} "
                 f"contracteinde: 30-6-2027 implementatie: 16 domein: beide")
    assert not answer.error, answer.text
    for i in range(60):
        due = start + timedelta(days=14 + 3 * i)  # the first twenty are overdue by 24 November
        title = sized(f"B{i + 1:02d} Verordening & tarieven B&W jeugdhulp, Wmo-begeleiding en vervoer ", 150)
        assert not say(f"besluit {title} deadline: {d(due)} door: {'raad' if i % 2 else 'college'}").error
    for i in range(1, 41):
        assert not say(f"vastgesteld B{i} gemeenten: {', '.join(NAMES[:10])} op: {d(start)}").error
    for i in range(1, 21):
        reason = sized(f"B{i}: de raad van {NAMES[20]} wil eerst de tarieven & voorwaarden herzien; ", 2000)
        assert not say(f"afgewezen B{i} gemeente: {NAMES[20]} reden: {reason} op: {d(start)}").error
    for i in range(300):
        due = start + timedelta(days=20 + i % 200)
        title = sized(f"T{i + 1:03d} Productcodes & berichtenverkeer iJw/iWmo testen met aanbieders ", 150)
        assert not say(f"taak {title} eigenaar: <@{OWNER}|big> deadline: {d(due)}").error
    for n in range(1, PROVIDERS + 1):
        slack_user = f" slack: <@U_AANB{n:02d}|aanbieder{n}>" if n % 2 == 0 else ""
        assert not say(f"contact Zorgaanbieder {n:02d} rol: aanbieder organisatie: Stichting Zorg & Welzijn {n:02d} "
                       f"e-mail: zorg{n:02d}@example.nl{slack_user}").error
    for i in range(40):
        question = sized(f"I{i + 1}: hoe kijkt u naar de tarieven & voorwaarden voor B{i + 1}? ", 600)
        due = start + timedelta(days=40 + 2 * i)
        assert not say(f"input {question} van: aanbieders rol: aanbieder deadline: {d(due)}").error
    for i in range(6):
        case = sized(f"U{i + 1}: jeugdige zonder vervolgplek na 1 januari; B&W moet beslissen over maatwerk ", 2000)
        assert not say(f"urgent {case} ernst: {'hoog' if i % 2 == 0 else 'middel'}", "U_KWAL").error
    bot.rt.sender = sender
    to_slack = [row.key for row in bot.all(Outbox) if row.method != MAIL]
    assert len(sender.deliver(to_slack, limit=len(to_slack)).sent) == len(to_slack)
    clock.set("2026-11-24 10:00")  # a Tuesday: the digest and the scan run


def payload_size(body: dict) -> tuple[int, int, int]:
    """(blocks, characters of text in them, bytes of the whole payload)."""
    view = body.get("view")
    if isinstance(view, str):
        view = json.loads(view)
    blocks = (view or body).get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)

    def texts(node) -> int:
        if isinstance(node, list):
            return sum(texts(x) for x in node)
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
                return len(node["text"])
            return sum(texts(v) for v in node.values())
        return 0
    return len(blocks), texts(blocks), len(json.dumps(body, ensure_ascii=False).encode())


def kind_of(call) -> str:
    body = call.body
    if call.method == "chat.postMessage":
        metadata = body.get("metadata")
        metadata = json.loads(metadata) if isinstance(metadata, str) else metadata or {}
        key = (metadata.get("event_payload") or {}).get("outbox_key", "?")
        return f"chat.postMessage ({key.split(':')[0]})"
    if call.method in ("views.open", "views.update", "views.publish"):
        view = body["view"] if isinstance(body["view"], dict) else json.loads(body["view"])
        return f"{call.method} ({view.get('callback_id') or view.get('type')})"
    return call.method


def test_a_busy_region_never_sends_slack_what_it_would_refuse(bot, slack, clock, capsys):
    busy_region(bot, clock)
    assert len(bot.all(Task)) == 300 and len(bot.all(InputPart)) == 40 * PROVIDERS
    answers = []

    def ask(text: str, user: str = COORD) -> str:
        call = bot.command(text, user=user, channel=CHANNEL)  # an answer Slack would refuse fails here
        answers.append(call)
        return message_text(call.body)

    # Every read command.
    status = ask("status")
    assert "Besluiten" in status and "Taken" in status and "Urgente signalen" in status
    assert re.search(r"… en nog \d+: /inkoop status \w+ toont ze allemaal", status)  # where everything is
    for command in ("risico", "digest", "regio", "tijdlijn", "export", "contacten", "help", "help besluit",
                    "datum volgende week vrijdag", "traject"):
        ask(command)
    # Every form: opened, and one submitted of each; and the shortcut on a long message.
    for name, values in (("besluit", {"title": sized("Nieuw & herzien besluit ", 150), "deadline": "15-01-2027"}),
                         ("taak", {"title": "Sociale kaart bijwerken", "eigenaar": "Kees", "deadline": "eind januari"}),
                         ("input", {"title": sized("Wat vindt u van B&W's voorstel? ", 2000), "van": "aanbieders",
                                    "rol": "aanbieder", "deadline": "over 3 weken"}),
                         ("urgent", {"title": sized("Crisisplek & vervoer ", 2000), "ernst": "hoog"})):
        view = bot.command(name, user=COORD, channel=CHANNEL).body["view"]
        assert bot.submit(view, values, user=COORD) == (200, {}), name
    bot.say("traject", user=COORD, channel="C_NIEUW")  # the set-up form in a new channel
    shortcut = flag_message(bot, slack, sized("Bericht van B&amp;W over de wachtlijst ", 3500), channel=CHANNEL)
    assert shortcut.method == "views.open"
    # Buttons on the urgent posts and in App Home.
    cases = bot.all(UrgentCase)
    assert bot.click("urgent_ack", str(cases[0].id), user="U_KWAL", channel=CHANNEL) == 200
    assert bot.click("urgent_resolve", str(cases[1].id), user="U_KWAL", channel=CHANNEL) == 200
    # App Home of the owner of 300 tasks, of the coordinator, and of a provider asked 40 times.
    for user in (OWNER, COORD, "U_AANB02"):
        assert open_home(bot, user) == 200
        slack.wait_for(lambda c, user=user: c.method == "views.publish" and c.body["user_id"] == user)
    [home] = [c for c in slack.of("views.publish") if c.body["user_id"] == OWNER]
    home_text = message_text(home.body["view"])
    assert "Jouw taken" in home_text and "Jouw trajecten" in home_text  # the last section is not lost to 100 blocks
    [coordinator_home] = [c for c in slack.of("views.publish") if c.body["user_id"] == COORD]
    coordinator_text = message_text(coordinator_home.body["view"])
    assert "Urgente signalen" in coordinator_text and "Jouw trajecten" in coordinator_text
    assert "… en nog" in home_text and ": /inkoop status toont ze allemaal" in home_text
    done = next(b["accessory"] for b in home.body["view"]["blocks"] if b.get("accessory", {}).get("action_id") == "home_done")
    assert bot.interact({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": OWNER, "team_id": "T1"},
                         "api_app_id": "A1", "token": "t", "trigger_id": "home-1", "container": {"type": "view"},
                         "view": {"id": "VH", "type": "home"}, "actions": [{"action_id": "home_done",
                                                                            "value": done["value"]}]}) == 200
    slack.wait_for(lambda c: c.method == "views.publish" and c.body["user_id"] == OWNER and c is not home)
    # The daily jobs.
    run_digests(JobRun(bot.rt))
    run_scan(JobRun(bot.rt))
    bot.rt.sender.deliver()
    [digest] = [c for c in slack.of("chat.postMessage") if kind_of(c) == "chat.postMessage (digest)"]
    assert "… en nog" in message_text(digest.body)

    # Nothing Slack would refuse, and every payload within the limits.
    assert slack.refusals == [], [(r.method, r.error) for r in slack.refusals]
    sent = [c for c in slack.calls if c.method in MESSAGE_METHODS | VIEW_METHODS] + answers
    for call in sent:
        problem = view_problem(call.body["view"]) if call.method in VIEW_METHODS else message_problem(call.body)
        assert problem is None, (call.method, problem)
    largest: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for call in sent:
        for i, value in enumerate(payload_size(call.body)):
            largest[kind_of(call)][i] = max(largest[kind_of(call)][i], value)
    with capsys.disabled():
        print("\nLargest payload of each kind (blocks, characters of block text, bytes):")
        for kind, (blocks, chars, size) in sorted(largest.items()):
            print(f"  {kind:45} {blocks:4} blocks {chars:7,} chars {size:9,} bytes")
