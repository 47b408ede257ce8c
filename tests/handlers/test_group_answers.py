"""Group requests as a working tool: a request to the 13 wethouders of Holland Rijnland (Slack and
mail mixed) answered through every path (a Slack command with the answer, the Antwoorden form on
the DM, the answer page, "niet van toepassing", marked by the coordinator), with an amendment and a
masked BSN; after each step `input I1` (one line per recipient), its answers file and the counts of
status and the digest agree."""
from __future__ import annotations

import csv
import io
import re
import threading
from concurrent.futures import ThreadPoolExecutor

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


def remind_on(bot, clock, moment: str) -> None:
    """The reminders the scan sends at this moment, delivered."""
    clock.set(moment)
    run = JobRun(bot.rt)
    send_reminders(run)
    run.finish()
    deliver_all(bot, clock)


def counts(bot) -> tuple[str, str | None]:
    """The tracker as status says it, and as the digest does (it lists the request once it is due
    within five working days)."""
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
    asked = {c.body["channel"]: c.body for c in slack.of("chat.postMessage") if c.body["channel"].startswith("U_W")}
    assert len(asked) == 6 and all(b["blocks"][-1]["elements"][0]["text"]["text"] == "Antwoorden" for b in asked.values())
    shown, memo = view(bot, slack)
    assert "open: 13" in shown and "Dorine van Dijk · Teylingen · Slack · open" in shown
    assert "Ineke de Wit · Hillegom · e-mail · open" in shown and "Nog geen antwoorden." in memo
    assert counts(bot) == ("0/13", None)

    # A wethouder in Slack answers with content: stored, posted in the channel naming the municipality.
    text = bot.say("ontvangen I1 Teylingen kan instemmen, mits de tarieven 2028 worden geïndexeerd.", user="U_W11")
    assert "Het antwoord is bewaard" in text and "1/13 geantwoord" in text
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "C_JEUGD")
    assert ("I1 antwoord van Dorine van Dijk, Teylingen (1/13 geantwoord): Teylingen kan instemmen, mits de tarieven "
            "2028 worden geïndexeerd.") in message_text(post.body)
    shown, memo = view(bot, slack)
    assert "Dorine van Dijk · Teylingen · Slack · beantwoord op di 24 nov 2026: Teylingen kan instemmen, mits de " \
           "tarieven 2028 worden geïndexeerd." in shown
    assert "### Teylingen — Dorine van Dijk\n\n_beantwoord op di 24 nov 2026, via Slack_\n\n> Teylingen kan instemmen" in memo
    assert counts(bot) == ("1/13", None)

    # A BSN in a Slack answer is refused, nothing stored.
    text = bot.say("ontvangen I1 Akkoord, maar cliënt 111222333 wacht nog", user="U_W05")
    assert "burgerservicenummer" in text.lower() or "BSN" in text
    assert counts(bot) == ("1/13", None)

    # The Antwoorden button on the DM opens a small form; a BSN there is refused next to the field.
    button = asked["U_W05"]["blocks"][-1]["elements"][0]
    assert bot.click(button["action_id"], button["value"], user="U_W05", channel="DU_W05") == 200
    form = slack.wait_for(lambda c: c.method == "views.open").body["view"]
    assert "Standpunt tarieven jeugdhulp 2027" in message_text(form)
    status, ack = bot.submit(form, {"title": "Akkoord, maar cliënt 111222333 wacht nog"}, user="U_W05")
    assert "burgerservicenummer" in ack["errors"]["title"].lower()
    status, ack = bot.submit(form, {"title": "Leiden stemt in.\nWel graag een evaluatie na een jaar."}, user="U_W05")
    assert status == 200 and not ack.get("errors")
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "C_JEUGD" and "Leiden" in
                          message_text(c.body))
    assert "I1 antwoord van Yvonne Koster, Leiden (2/13 geantwoord): Leiden stemt in." in message_text(post.body)
    slack.calls.clear()
    assert bot.click(button["action_id"], button["value"], user="U_W05", channel="DU_W05") == 200
    told = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "U_W05")
    assert "I1 wacht niet meer op een antwoord van jou: je antwoord is op di 24 nov 2026 genoteerd" in message_text(told.body)
    assert counts(bot) == ("2/13", None)

    # The answer page: an answer, a refused BSN kept with the number masked, niet van toepassing, an amendment.
    hillegom, katwijk, leiderdorp = (links[email(WETHOUDERS[m][0])] for m in ("Hillegom", "Katwijk", "Leiderdorp"))
    long_answer = "Hillegom steunt het voorstel.\nWel vragen wij aandacht voor de wachtlijst van cliënt 111222333."
    status, html = page(bot, hillegom, {"antwoord": long_answer, "actie": "antwoord"})
    assert "burgerservicenummer" in html and "111222333" not in html
    assert "Hillegom steunt het voorstel.\nWel vragen wij aandacht voor de wachtlijst van cliënt •••••••••.</textarea>" in html
    status, html = page(bot, hillegom, {"antwoord": "Hillegom steunt het voorstel; zie zaak 2026-0412.",
                                        "actie": "antwoord", "versie": "0"})
    assert "Dank u wel" in html and "Het staat in het kanaal van regio Holland Rijnland" in html
    status, html = page(bot, katwijk, {"antwoord": "", "actie": "niet"})
    assert "niet reageert" in html
    shown, memo = view(bot, slack)
    assert "Ineke de Wit · Hillegom · e-mail · beantwoord op di 24 nov 2026: Hillegom steunt het voorstel; zie zaak" in shown
    assert "Jacco Knape · Katwijk · e-mail · niet van toepassing (di 24 nov 2026)" in shown
    assert "- Katwijk — Jacco Knape: e-mail, niet van toepassing (di 24 nov 2026)" in memo
    assert counts(bot) == ("4/13", None)

    clock.advance(days=1)
    status, html = page(bot, hillegom)
    assert "U heeft op di 24 nov 2026 geantwoord" in html and "Hillegom steunt het voorstel; zie zaak 2026-0412.</textarea>" in html
    status, html = page(bot, hillegom, {"antwoord": "Hillegom steunt het voorstel, ook voor 2028.", "actie": "antwoord",
                                        "versie": "1"})
    assert "Dank u wel" in html
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "aangepast antwoord" in message_text(c.body))
    assert "I1 aangepast antwoord van Ineke de Wit, Hillegom (4/13 geantwoord): Hillegom steunt het voorstel, ook voor 2028." \
        in message_text(post.body)
    shown, memo = view(bot, slack)
    assert "Ineke de Wit · Hillegom · e-mail · beantwoord op di 24 nov 2026, aangepast op wo 25 nov 2026: Hillegom steunt " \
           "het voorstel, ook" in shown
    assert "_beantwoord op di 24 nov 2026, via de antwoordpagina; aangepast op wo 25 nov 2026_" in memo
    assert "> Hillegom steunt het voorstel, ook voor 2028." in memo and "zaak 2026-0412" not in memo
    amended = [a for a in bot.all(AuditLog) if a.item == "I1" and a.field_name == "Ineke de Wit"]
    assert [(a.action, a.old_value, a.new_value) for a in amended] == [
        ("input ontvangen", None, "2026-11-24 (Hillegom steunt het voorstel; zie zaak 2026-0412.)"),
        ("input aangepast", "Hillegom steunt het voorstel; zie zaak 2026-0412.", "Hillegom steunt het voorstel, ook voor 2028.")]
    assert counts(bot) == ("4/13", None)

    # The coordinator passes on an answer heard by phone, and marks one received without text.
    text = bot.say("ontvangen I1 Leiderdorp is positief van: Ilse Aardoom", user=COORD)
    assert "5/13" in text
    bot.say("ontvangen I1 van: Rob Kruit", user=COORD)
    status, html = page(bot, leiderdorp)
    assert "Deze vraag is afgesloten" in html and "zelf als ontvangen genoteerd" in html
    shown, memo = view(bot, slack)
    assert "Ilse Aardoom · Leiderdorp · e-mail · beantwoord op wo 25 nov 2026: Leiderdorp is positief" in shown
    assert "Rob Kruit · Nieuwkoop · e-mail · als ontvangen genoteerd op wo 25 nov 2026, zonder tekst" in shown
    assert "_beantwoord op wo 25 nov 2026, doorgegeven door de coördinator of vrager_" in memo
    assert counts(bot) == ("6/13", None)

    # Reminders three working days before the deadline: in Slack and by mail; counted per recipient.
    remind_on(bot, clock, "2026-12-08 10:00")
    shown, memo = view(bot, slack)
    assert "Gerard van Hooft · Alphen aan den Rijn · Slack · open, herinnerd 1×" in shown
    assert "Liesbeth Vlasveld · Zoeterwoude · e-mail · open, herinnerd 1×" in shown
    assert "Dorine van Dijk · Teylingen · Slack · beantwoord" in shown  # answered: not reminded
    assert "open: 7" in shown and counts(bot) == ("6/13", None)
    remind_on(bot, clock, "2026-12-15 10:00")  # two working days overdue: reminded again, and the digest lists it as late
    shown, memo = view(bot, slack)
    assert "Liesbeth Vlasveld · Zoeterwoude · e-mail · open, herinnerd 2×" in shown
    assert "- Zoeterwoude — Liesbeth Vlasveld: e-mail, open, herinnerd 2×" in memo
    assert "open: 7" in shown and counts(bot) == ("6/13", "6/13")
    assert len(re.findall(r"^• ", shown, re.M)) == 13 and memo.count("\n### ") + memo.count("\n- ") == 13

    # The export: one row per recipient, with the answer text, as the view counts them.
    slack.uploads.clear()
    assert "antwoorden-C_JEUGD.csv" in bot.say("export", user=COORD)
    slack.wait_for(lambda c: c.method == "files.completeUploadExternal" and len(slack.uploads) == 4)
    table = next(u for u in slack.uploads.values() if b"ref;vraag;ontvanger" in u).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(table), delimiter=";"))[1:]
    assert len(rows) == 13 and sum(1 for row in rows if row[5] != "open") == 6
    teylingen = next(row for row in rows if row[3] == "Teylingen")
    assert teylingen == ["I1", "Standpunt tarieven jeugdhulp 2027", "Dorine van Dijk", "Teylingen", "Slack", "beantwoord",
                         "24-11-2026", "0", "", "Teylingen kan instemmen, mits de tarieven 2028 worden geïndexeerd."]
    assert next(row for row in rows if row[3] == "Zoeterwoude")[5:8] == ["open", "", "2"]



def one_link(bot, mail_server, clock) -> str:
    bot.say("contact Zorgaanbieder 01 rol: aanbieder organisatie: Zorg 01 BV e-mail: inkoop@zorg01.nl", user=COORD)
    bot.say("contact Zorgaanbieder 02 rol: aanbieder organisatie: Zorg 02 BV e-mail: inkoop@zorg02.nl", user=COORD)
    bot.say("input Capaciteit 2027 van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(bot, clock)
    return next(LINK.search(parts_of(m)[0]).group(2) for m in mail_server.to("inkoop@zorg01.nl"))


def at_once(bot, path: str, texts: list[str]) -> list[str]:
    """Submit the same link from len(texts) browsers at the same moment; the pages they get."""
    start = threading.Barrier(len(texts))

    def submit(text: str) -> str:
        start.wait()
        return page(bot, path, {"antwoord": text, "actie": "antwoord", "versie": "0"})[1]
    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        return list(pool.map(submit, texts))


def test_two_submits_of_one_link_at_once_one_answer_wins(trajectory, mail_server, slack, clock):
    path = one_link(trajectory, mail_server, clock)
    texts = [f"Wij hebben {n} plekken vrij." for n in range(1, 6)]
    pages = at_once(trajectory, path, texts)
    thanked = [text for text, html in zip(texts, pages) if "Dank u wel" in html]
    assert len(thanked) == 1  # one answer per link wins, atomically
    for text, html in zip(texts, pages):
        if text not in thanked:  # the others see what happened, and keep their own text to send again
            assert "Terwijl u schreef, is via deze link al een antwoord gegeven" in html
            assert f"{thanked[0]}</div>" in html and f"{text}</textarea>" in html
    [part] = [p for p in trajectory.all(InputPart) if p.name == "Zorgaanbieder 01"]
    assert part.answer == thanked[0] and part.version == 1
    audit = [a.action for a in trajectory.all(AuditLog) if a.item == "I1" and a.field_name == "Zorgaanbieder 01"]
    assert audit == ["input ontvangen"]
    deliver_all(trajectory, clock)
    posts = [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == "C_JEUGD"]
    assert posts == [f"📨 I1 antwoord van Zorgaanbieder 01, Zorg 01 BV (1/2 geantwoord): {thanked[0]}"]
    # The same text from two tabs at once: both are thanked, it counts once.
    other = next(LINK.search(parts_of(m)[0]).group(2) for m in mail_server.to("inkoop@zorg02.nl"))
    assert all("Dank u wel" in html for html in at_once(trajectory, other, ["Geen plek.", "Geen plek."]))
    assert [a.action for a in trajectory.all(AuditLog) if a.field_name == "Zorgaanbieder 02"] == ["input ontvangen"]
    deliver_all(trajectory, clock)
    assert len([c for c in slack.of("chat.postMessage") if c.body["channel"] == "C_JEUGD"]) == 2


def test_52_recipients_fit_slack_and_the_file_has_every_answer(trajectory, mail_server, slack, clock):
    for i in range(1, 53):
        trajectory.say(f"contact Zorgaanbieder {i:02d} rol: aanbieder organisatie: Zorg {i:02d} BV e-mail: inkoop@zorg{i:02d}.nl",
                       user=COORD)
    mail_server.reject.add("inkoop@zorg52.nl")
    trajectory.say("input Capaciteit 2027 van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    links = {m["To"].addresses[0].addr_spec: LINK.search(parts_of(m)[0]).group(2) for m in mail_server.received}
    answer = "Wij kunnen in 2027 " + "tot twaalf cliënten extra begeleiden, mits de tarieven worden geïndexeerd; " * 20
    for i in range(1, 41):
        page(trajectory, links[f"inkoop@zorg{i:02d}.nl"], {"antwoord": f"{i:02d}: {answer}", "actie": "antwoord"})
    page(trajectory, links["inkoop@zorg41.nl"], {"antwoord": "=HYPERLINK(\"https://evil.example\";\"klik\")",
                                                 "actie": "antwoord"})
    slack.uploads.clear()
    text = trajectory.say("status I1", user=COORD)  # the same view, from status; Slack would refuse what does not fit
    assert "beantwoord: 41 · niet van toepassing: 0 · zonder tekst genoteerd: 0 · open: 11 · mail onbestelbaar: 1" in text.lower()
    assert "Zorgaanbieder 52 · Zorg 52 BV · e-mail · open, mail onbestelbaar" in text
    assert "Zorgaanbieder 01 · Zorg 01 BV · e-mail · beantwoord op di 24 nov 2026: 01: Wij kunnen in 2027 tot" in text
    assert len(re.findall(r"^• ", text, re.M)) + sum(int(n) for n in re.findall(r"… en nog (\d+)", text)) == 52
    slack.wait_for(lambda c: c.method == "files.completeUploadExternal" and slack.uploads)
    [memo] = slack.uploads.values()
    assert memo.decode().count(answer.strip()) == 40 and memo.decode().count("\n### ") == 41
    assert "I1 Capaciteit 2027" in trajectory.say("I1", user="U_B")  # the reference alone shows it too
    slack.uploads.clear()
    trajectory.say("export", user=COORD)
    slack.wait_for(lambda c: c.method == "files.completeUploadExternal" and len(slack.uploads) == 4)
    table = next(u for u in slack.uploads.values() if b"ref;vraag;ontvanger" in u).decode("utf-8-sig")
    rows = {row[2]: row for row in csv.reader(io.StringIO(table), delimiter=";")}
    assert rows["Zorgaanbieder 41"][9] == "'=HYPERLINK(\"https://evil.example\";\"klik\")"  # text, never a formula
    assert rows["Zorgaanbieder 52"][8] == "ja" and rows["Zorgaanbieder 01"][9] == f"01: {answer.strip()}"


def test_text_after_a_group_reference_is_one_recipient_s_answer_never_a_close_for_all(bot, slack, clock):
    """The coordinator's `ontvangen I1 <tekst>` would otherwise mark every open wethouder answered
    with nobody's answer: it asks whose it is, stores nothing, and takes the name in `van:` first."""
    region_of_13(bot)
    bot.say("input Standpunt tarieven jeugdhulp 2027 van: wethouders deadline: 11 december", user=COORD)
    refused = bot.say("ontvangen I1 Katwijk belde: akkoord", user=COORD, channel="C_JEUGD")
    assert "I1 is nog open bij: Bart Schoonderwoerd, Dorine van Dijk" in refused and "er is niets opgeslagen" in refused
    assert "ontvangen I12 van: Marieke Bakker Katwijk stemt in" in refused  # the right form, by example
    assert [p for p in bot.all(InputPart) if p.received_on] == []
    passed_on = bot.say("ontvangen I1 van: Jacco Knape Katwijk belde: akkoord", user=COORD, channel="C_JEUGD")
    assert "1/13 geantwoord" in passed_on
    [katwijk] = [p for p in bot.all(InputPart) if p.received_on]
    assert (katwijk.name, katwijk.answer) == ("Jacco Knape", "Katwijk belde: akkoord")


def test_a_wethouder_answers_in_the_dm_where_the_question_arrived(bot, slack):
    region_of_13(bot)
    bot.say("input Standpunt tarieven jeugdhulp 2027 van: wethouders deadline: 11 december", user=COORD)
    answered = bot.say("ontvangen I1 Leiden stemt in. <script>alert(1)</script>", user="U_W05", channel="DU_W05")
    assert "1/13 geantwoord" in answered, answered
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "Leiden stemt in." in message_text(c.body))
    assert post.body["channel"] == "C_JEUGD" and "Yvonne Koster, Leiden" in message_text(post.body)
    _, memo = view(bot, slack)
    assert "> Leiden stemt in. \\<script>alert(1)\\</script>" in memo  # pasted into a Markdown tool: text
    # Someone who was not asked learns nothing about I1 from a DM.
    assert "niet gekoppeld" in bot.say("ontvangen I1 Ik ook", user="U_NIEMAND", channel="DU_NIEMAND")
