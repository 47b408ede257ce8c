"""Several references at once (`klaar T6 T8`, `ontvangen I5 I6`, `opgepakt U1 U2`), text after them
as a note, and the answer count of a group request the same from every path (a Slack recipient,
the mail page, the coordinator, App Home) as in `status`. Region Holland Rijnland, 13 members."""
from __future__ import annotations

import re

from jobs.runner import JobRun
from jobs.scan import purge
from store.models import AuditLog, InputPart, Task, UrgentCase
from tests.conftest import message_text
from tests.handlers.conftest import HOLLAND_RIJNLAND
from tests.handlers.test_people_outside_slack import LINK, deliver_all, page
from tests.mail_server import parts_of

COORD = "U_ADMIN"


def say(bot, line, user=COORD):
    return bot.say(line, user=user, channel="C_HR")


def wethouders(bot, slack_users: int = 3) -> list[str]:
    """One alderman per member: the first few in Slack, the others by mail."""
    names = []
    for i, municipality in enumerate(HOLLAND_RIJNLAND.split(", ")):
        name = f"Wethouder {municipality}"
        reach = f"slack: <@U_W{i + 1}|w{i + 1}>" if i < slack_users else f"e-mail: wethouder{i + 1}@gemeente.nl"
        assert "staat in het register" in say(bot, f"contact {name} rol: wethouder gemeente: {municipality} {reach}")
        names.append(name)
    return names


def tracker_in_status(bot) -> str:
    return re.search(r"de wethouders \((\d+/13) geantwoord\)", say(bot, "status")).group(1)


def test_every_path_counts_the_answers_as_status_does(rijnland, mail_server, slack, clock):
    wethouders(rijnland)
    text = say(rijnland, "input Standpunt over de tariefverhoging van: wethouders rol: wethouder deadline: 4-12-2026")
    assert "(0/13 geantwoord)" in text
    # A Slack recipient marks their own part.
    assert "I1: antwoord van Wethouder Alphen aan den Rijn genoteerd (1/13 geantwoord)." in say(rijnland, "ontvangen I1",
                                                                                                user="U_W1")
    assert tracker_in_status(rijnland) == "1/13"
    # A recipient by mail answers on the page behind their link.
    deliver_all(rijnland, clock)
    mail = mail_server.to("wethouder4@gemeente.nl")[0]
    status, _ = page(rijnland, LINK.search(parts_of(mail)[0]).group(2), {"antwoord": "Akkoord", "actie": "antwoord"})
    assert status == 200
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "antwoord van Wethouder Katwijk" in message_text(c.body))
    assert "(2/13 geantwoord)" in message_text(post.body)
    assert tracker_in_status(rijnland) == "2/13"
    # The coordinator marks one.
    assert "(3/13 geantwoord)" in say(rijnland, "ontvangen I1 van: Wethouder Leiden")
    assert tracker_in_status(rijnland) == "3/13"
    # App Home's button.
    from tests.handlers.test_home import open_home
    slack.clear()
    open_home(rijnland, "U_W2")
    home = slack.wait_for(lambda c: c.method == "views.publish").body["view"]
    [value] = [b["accessory"]["value"] for b in home["blocks"] if (b.get("accessory") or {}).get("action_id") == "home_received"]
    rijnland.interact({"type": "block_actions", "team": {"id": "T1"}, "user": {"id": "U_W2", "team_id": "T1"},
                       "api_app_id": "A1", "token": "legacy", "trigger_id": "trigger-home-w2",
                       "container": {"type": "view", "view_id": "V1"}, "view": {"id": "V1", "type": "home"},
                       "actions": [{"type": "button", "action_id": "home_received", "block_id": "b", "value": value,
                                    "action_ts": "1"}]})
    slack.wait_for(lambda c: c.method == "views.publish" and c.body["user_id"] == "U_W2" and c is not None
                   and "Standpunt" not in message_text(c.body["view"]))
    assert tracker_in_status(rijnland) == "4/13"
    assert sum(1 for part in rijnland.all(InputPart) if part.received_on) == 4


def test_klaar_several_tasks_with_a_note(rijnland):
    for title in ("Productcodes", "Berichtenverkeer testen", "Website", "Sociale kaart"):
        say(rijnland, f"taak {title} eigenaar: <@U_KEES|kees> deadline: 4-12-2026")
    assert "T1, T3 klaar. Goed gedaan!" in say(rijnland, "klaar T1 T3", user="U_KEES")
    text = say(rijnland, "klaar T3, T2 en T4 getest met alle aanbieders", user="U_KEES")
    assert "T2, T4 klaar." in text and "T3 is al klaar sinds di 24 nov 2026." in text
    assert "Notitie: getest met alle aanbieders" in text
    assert {t.ref for t in rijnland.all(Task) if t.done_on} == {"T1", "T2", "T3", "T4"}
    noted = [a for a in rijnland.all(AuditLog) if a.action == "taak klaar" and a.item in ("T2", "T4")]
    assert [a.new_value for a in noted] == ["2026-11-24 (getest met alle aanbieders)"] * 2
    assert "T1 is al klaar sinds" in say(rijnland, "klaar T1 T1", user="U_KEES")  # all done before: refused
    assert "T9" in say(rijnland, "klaar T2 T9", user="U_KEES")  # an unknown one: nothing done


def test_ontvangen_several_requests_at_once(rijnland):
    for question in ("Zienswijze", "Capaciteit", "Tarieven"):
        say(rijnland, f"input {question} van: Stichting Cardea rol: aanbieder deadline: 4-12-2026")
    text = say(rijnland, "ontvangen I1 I2")
    assert "I1 ontvangen. Dank!" in text and "I2 ontvangen. Dank!" in text
    text = say(rijnland, "ontvangen I2 I3 per mail binnengekomen")
    assert "I3 ontvangen" in text and "Al eerder ontvangen (niet veranderd): I2." in text
    assert "Notitie: per mail binnengekomen" in text
    assert "van: hoort bij één inputverzoek" in say(rijnland, "ontvangen I1 I2 van: Stichting Cardea")


def test_opgepakt_several_and_opgelost_with_a_note_under_the_post(rijnland, slack, clock):
    say(rijnland, "urgent Twee jeugdigen zonder vervolgplek (zaken 2026-0412 en 2026-0415) ernst: hoog", user="U_KWAL")
    say(rijnland, "urgent Wachtlijst ambulant Leiden groeit ernst: middel", user="U_KWAL")
    text = say(rijnland, "opgepakt U1 U2", user="U_ZORG")
    assert "U1 opgepakt door @U_ZORG." in text and "U2 opgepakt door @U_ZORG." in text
    slack.clear()
    text = say(rijnland, "opgelost U2 Cardea neemt 2 jeugdigen over", user="U_ZORG")  # the line
    assert "U2 opgelost door @U_ZORG." in text and "Notitie: Cardea neemt 2 jeugdigen over" in text
    update = slack.wait_for(lambda c: c.method == "chat.update")
    assert "Notitie: Cardea neemt 2 jeugdigen over" in message_text(update.body)
    [audit] = [a for a in rijnland.all(AuditLog) if a.action == "signaal opgelost"]
    assert audit.new_value == "U_ZORG (met notitie)"  # the note is case text: not kept beyond retention
    assert "U1 is al opgepakt door @U_ZORG" in say(rijnland, "opgepakt U1", user="U_X")
    clock.advance(days=91)
    purge(JobRun(rijnland.rt))
    case = next(c for c in rijnland.all(UrgentCase) if c.ref == "U2")
    assert case.note is None and case.description is None
    assert not any("Cardea" in f"{a.old_value}{a.new_value}" for a in rijnland.all(AuditLog))
