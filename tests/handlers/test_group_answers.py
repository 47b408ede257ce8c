"""Group requests as a working tool: a request to the 13 wethouders of Holland Rijnland (Slack and
mail mixed) answered through every path (a Slack command with the answer, the Antwoorden form on
the DM, the answer page, "niet van toepassing", marked by the coordinator), with an amendment and a
masked BSN; after each step `input I1` (one line per recipient), its answers file and the counts of
status and the digest agree."""
from __future__ import annotations

import re

from jobs.runner import JobRun
from jobs.scan import send_reminders
from store.models import AuditLog, InputPart
from tests.conftest import message_text
from tests.handlers.test_people_outside_slack import LINK, deliver_all, page
from tests.mail_server import parts_of

COORD = "U_ADMIN"
MEMBERS = ["Alphen aan den Rijn", "Hillegom", "Kaag en Braassem", "Katwijk", "Leiden", "Leiderdorp", "Lisse",
           "Nieuwkoop", "Noordwijk", "Oegstgeest", "Teylingen", "Voorschoten", "Zoeterwoude"]
# Six wethouders are in the region's Slack, seven are reached by mail.
WETHOUDERS = {"Alphen aan den Rijn": ("Gerard van Hooft", "U_W01"), "Hillegom": ("Ineke de Wit", None),
              "Kaag en Braassem": ("Bart Schoonderwoerd", "U_W03"), "Katwijk": ("Jacco Knape", None),
              "Leiden": ("Yvonne Koster", "U_W05"), "Leiderdorp": ("Ilse Aardoom", None),
              "Lisse": ("Marga Baas", "U_W07"), "Nieuwkoop": ("Rob Kruit", None),
              "Noordwijk": ("Tjeerd van Rhee", None), "Oegstgeest": ("Hetty Bos", "U_W10"),
              "Teylingen": ("Dorine van Dijk", "U_W11"), "Voorschoten": ("Mirjam de Haas", None),
              "Zoeterwoude": ("Liesbeth Vlasveld", None)}


def email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@gemeente.example"


def region_of_13(bot) -> None:
    text = bot.say("traject Jeugdhulp Holland Rijnland 2027 regio: Holland Rijnland gemeenten: " + ", ".join(MEMBERS) +
                   " contracteinde: 31-3-2027 implementatie: 12 domein: jeugd", user=COORD)
    assert "gekoppeld" in text, text
    for municipality, (name, slack_user) in WETHOUDERS.items():
        reach = f"slack: <@{slack_user}|{name.split()[0].lower()}>" if slack_user else f"e-mail: {email(name)}"
        assert "staat in het register" in bot.say(f"contact {name} rol: wethouder gemeente: {municipality} {reach}",
                                                   user=COORD)


def view(bot, slack) -> tuple[str, str]:
    """`input I1` as the coordinator sees it, and the answers file that arrives in their DM."""
    slack.uploads.clear()
    text = bot.say("input I1", user=COORD)
    complete = slack.wait_for(lambda c: c.method == "files.completeUploadExternal" and slack.uploads)
    assert complete.body["channel_id"] == f"D{COORD}"
    [memo] = slack.uploads.values()
    slack.calls.clear()
    return text, memo.decode()


def counts(bot) -> tuple[str, str]:
    status = re.search(r"de wethouders \((\d+/13) geantwoord\)", bot.say("status", user=COORD))
    digest = re.search(r"de wethouders \((\d+/13) geantwoord\)", bot.say("digest", user=COORD))
    return status and status.group(1), digest and digest.group(1)


def line_of(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if name in line)


def test_thirteen_wethouders_answer_through_every_path(bot, slack, mail_server, clock):
    region_of_13(bot)
    text = bot.say("input Standpunt tarieven jeugdhulp 2027 van: wethouders rol: wethouder deadline: 11 december",
                   user=COORD)
    assert "de wethouders (0/13 geantwoord)" in text and "Bezorgd via Slack: 6 · per e-mail: 7" in text
    deliver_all(bot, clock)
    links = {m["To"].addresses[0].addr_spec: LINK.search(parts_of(m)[0]).group(2) for m in mail_server.received}
    assert len(links) == 7
    shown, memo = view(bot, slack)
    print(shown)
    print(memo)
