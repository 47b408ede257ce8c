"""People outside Slack: the registry, a 52-provider request by mail through a real SMTP server
(STARTTLS), the answer page behind each personal link, reminders by mail on the right working
days, refusals reported, late adoptions chased at the municipality's policy contact."""
from __future__ import annotations

import re
from urllib.error import HTTPError
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from jobs.runner import JobRun
from jobs.scan import chase_adoptions, send_reminders
from store.models import AuditLog, Contact, InputPart, InputRequest, Outbox
from tests.conftest import message_text
from tests.mail_server import parts_of

COORD = "U_ADMIN"
LINK = re.compile(r"(https?://[^\s\"<>]+)(/antwoord/[0-9a-f]{40})")


def providers(bot, n: int) -> None:
    for i in range(1, n + 1):
        text = bot.say(f"contact Zorgaanbieder {i:02d} rol: aanbieder organisatie: Zorg {i:02d} BV "
                       f"e-mail: inkoop@zorg{i:02d}.nl", user=COORD)
        assert "staat in het register van Rivierenland" in text, text


def deliver_all(bot, clock, rounds: int = 20) -> None:
    """The schedule's outbox passes, until nothing waits (or the rounds run out)."""
    for _ in range(rounds):
        bot.rt.sender.deliver()
        if all(row.sent_at or row.attempts >= 12 for row in bot.all(Outbox)):
            return
        clock.advance(minutes=30)


def page(bot, path: str, form: dict | None = None) -> tuple[int, str]:
    data = urlencode(form).encode() if form is not None else None
    try:
        with urlopen(Request(bot.base + path, data=data), timeout=10) as response:
            return response.status, response.read().decode()
    except HTTPError as error:
        return error.code, error.read().decode()


def test_the_registry(trajectory):
    text = trajectory.say("contact Piet de Vries rol: beleid gemeente: Tiel e-mail: <mailto:P.deVries@Tiel.nl|P.deVries@Tiel.nl>",
                          user=COORD)
    assert "Piet de Vries staat in het register van Rivierenland: beleid, Tiel. Bereikbaar via e-mail." in text
    assert "bijgewerkt (slack)" in trajectory.say("contact piet de vries slack: <@U_PIET|piet>", user=COORD)
    listed = trajectory.say("contacten", user="U_B")
    assert "Contacten van regio Rivierenland (1 contact)" in listed and "p.devries@tiel.nl @U_PIET" in listed
    for line, problem in [
        ("contact Jan rol: wethouder e-mail: jan@x.nl", "hoort bij een gemeente van de regio"),
        ("contact Jan rol: wethouder gemeente: Arnhem e-mail: jan@x.nl", "Geen gemeente van deze regio: Arnhem"),
        ("contact Jan rol: aanbieder organisatie: X e-mail: jan(at)x.nl", "jan(at)x.nl is geen e-mailadres"),
        ("contact Jan rol: aanbieder organisatie: X", "geef e-mail: of slack:"),
        ("contact Jan rol: burgemeester organisatie: X e-mail: jan@x.nl", "geen geldige waarde voor rol:"),
        ("contact <@U_JAN|jan> rol: beleid gemeente: Tiel e-mail: jan@x.nl", "een Slack-collega zet je achter"),
    ]:
        assert problem in trajectory.say(line, user=COORD), line
    assert "coördinator" in trajectory.say("contact Jan rol: aanbieder organisatie: X e-mail: jan@x.nl", user="U_B")
    assert "is uit het register van Rivierenland verwijderd" in trajectory.say("contact Piet de Vries weg", user=COORD)
    assert trajectory.all(Contact) == []
    audit = [a for a in trajectory.all(AuditLog) if a.item == "Piet de Vries"]
    assert [a.action for a in audit] == ["contact toegevoegd", "contact bijgewerkt", "contact verwijderd"]
    assert not any("tiel.nl" in str(a.new_value) + str(a.old_value) + str(a.field_name) for a in audit)


def test_52_providers_each_get_one_mail_with_a_working_link_despite_refusals(trajectory, mail_server, slack, clock):
    providers(trajectory, 52)
    mail_server.refuse_next = 7  # the server refuses the first attempts: they wait in the outbox
    text = trajectory.say("input Capaciteit 2027 per productcategorie van: aanbieders rol: aanbieder "
                          "deadline: over 10 werkdagen", user=COORD)
    assert "I1 input gevraagd van de aanbieders (0/52 geantwoord), deadline di 8 dec 2026" in text
    assert "Bezorgd via Slack: 0 · per e-mail: 52" in text
    deliver_all(trajectory, clock)
    assert len(mail_server.received) == 52
    addresses = sorted(m["To"].addresses[0].addr_spec for m in mail_server.received)
    assert addresses == [f"inkoop@zorg{i:02d}.nl" for i in range(1, 53)]  # each exactly once
    links = set()
    for message in mail_server.received:
        plain, html = parts_of(message)
        assert message["Subject"].startswith("Vraag van regio Rivierenland: Capaciteit 2027 per productcategorie (I1")
        assert message["Date"].datetime is not None  # a mail program shows when it was sent
        assert "Capaciteit 2027 per productcategorie" in plain and "di 8 dec 2026" in plain
        [(base, path)] = set(LINK.findall(plain))
        assert (base, path) in set(LINK.findall(html)) and base == trajectory.base
        links.add(path)
    assert len(links) == 52
    path = sorted(links)[0]
    status, html = page(trajectory, path)
    assert status == 200 and "Capaciteit 2027 per productcategorie" in html and "Wij reageren niet" in html
    assert not any(path.split("/")[-1] in (r.token_hash or "") for r in trajectory.all(InputPart))  # only hashes kept


def test_answers_on_the_page_reach_the_channel_and_move_the_tracker(trajectory, mail_server, slack, clock):
    providers(trajectory, 3)
    trajectory.say("input Capaciteit 2027 van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    paths = {m["To"].addresses[0].addr_spec: LINK.search(parts_of(m)[0]).group(2) for m in mail_server.received}
    status, html = page(trajectory, paths["inkoop@zorg01.nl"], {"antwoord": "Wij hebben 12 plekken <b>vrij</b>.",
                                                                 "actie": "antwoord"})
    assert status == 200 and "Dank u wel" in html
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "antwoord van" in message_text(c.body))
    shown = message_text(post.body)  # as Slack shows it: the typed markup as text
    assert "I1 antwoord van Zorgaanbieder 01, Zorg 01 BV (1/3 geantwoord): Wij hebben 12 plekken <b>vrij</b>." in shown
    assert "&lt;b&gt;vrij&lt;/b&gt;" in post.body["blocks"][0]["text"]["text"]
    assert "de aanbieders (1/3 geantwoord)" in trajectory.say("status")
    status, html = page(trajectory, paths["inkoop@zorg01.nl"], {"antwoord": "nog iets", "actie": "antwoord", "versie": "1"})
    assert status == 200 and "Dank u wel" in html  # amended before the deadline: the newest counts
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and "aangepast antwoord" in message_text(c.body))
    assert "I1 aangepast antwoord van Zorgaanbieder 01, Zorg 01 BV (1/3 geantwoord): nog iets" in message_text(post.body)
    status, html = page(trajectory, paths["inkoop@zorg02.nl"], {"antwoord": "Cliënt 111222333 wacht", "actie": "antwoord"})
    assert status == 200 and "burgerservicenummer" in html and "111222333" not in html
    assert "Cliënt ••••••••• wacht</textarea>" in html  # the rest of the text is kept, the number masked
    status, html = page(trajectory, paths["inkoop@zorg02.nl"], {"antwoord": "", "actie": "niet"})
    assert "niet reageert" in html
    assert "de aanbieders (2/3 geantwoord)" in trajectory.say("status")
    assert page(trajectory, "/antwoord/" + "0" * 40)[0] == 404
    clock.set("2027-01-04 10:00")  # 31 days after the deadline
    status, html = page(trajectory, paths["inkoop@zorg03.nl"])
    assert status == 410 and "verlopen" in html
    trajectory.say("ontvangen I1 van: Zorgaanbieder 03", user=COORD)
    assert "I1" not in trajectory.say("status").split("Inputverzoeken")[1].split("Taken")[0]  # complete


def test_a_link_is_refused_after_too_many_tries(trajectory, mail_server, clock):
    providers(trajectory, 1)
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    path = LINK.search(parts_of(mail_server.received[0])[0]).group(2)
    statuses = [page(trajectory, path, {"antwoord": "", "actie": "antwoord"})[0] for _ in range(6)]
    assert statuses == [200] * 5 + [429]


def test_reminders_by_mail_on_the_right_working_days(trajectory, mail_server, clock):
    clock.set("2026-12-14 10:00")
    trajectory.say("contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl", user=COORD)
    trajectory.say("input Reactie op tarieven van: Piet de Vries rol: beleid deadline: 24 december", user=COORD)
    sent = {}
    for moment in ("2026-12-18 10:00", "2026-12-21 10:00", "2026-12-24 10:00", "2026-12-28 10:00",
                   "2026-12-29 10:00", "2026-12-31 10:00", "2027-01-05 10:00", "2027-01-07 10:00"):
        clock.set(moment)
        run = JobRun(trajectory.rt)
        send_reminders(run)
        run.finish()
        sent[moment[:10]] = [m["Subject"].split(":")[0] for m in mail_server.to("p.devries@tiel.nl")]
        mail_server.received.clear()
    assert sent == {"2026-12-18": ["Vraag van regio Rivierenland"], "2026-12-21": ["Herinnering"],
                    "2026-12-24": ["Vandaag is de deadline"], "2026-12-28": [], "2026-12-29": ["Nog open"],
                    "2026-12-31": ["Nog open"], "2027-01-05": ["Nog open"], "2027-01-07": []}


def test_a_postponed_request_tells_who_still_owes_an_answer_and_reminds_for_the_new_date(trajectory, mail_server, clock):
    clock.set("2026-12-14 10:00")
    trajectory.say("contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl", user=COORD)
    trajectory.say("input Reactie op tarieven van: Piet de Vries rol: beleid deadline: 18 december", user=COORD)
    clock.set("2026-12-15 10:00")
    run = JobRun(trajectory.rt)
    send_reminders(run)  # 3 working days before the 18th: the first reminder
    run.finish()
    text = trajectory.say("uitstel I1 deadline: 8 januari reden: raad vergadert later", user=COORD)
    assert "Wie nog moet antwoorden, krijgt de nieuwe deadline via Slack of e-mail." in text
    deliver_all(trajectory, clock, rounds=2)
    subjects = [m["Subject"] for m in mail_server.to("p.devries@tiel.nl")]
    assert subjects[0].startswith("Vraag van regio") and subjects[1].startswith("Herinnering")
    assert subjects[2] == "Nieuwe deadline: Reactie op tarieven (I1, uiterlijk vr 8 jan 2027)"
    assert "heeft de deadline van deze vraag verschoven naar vr 8 jan 2027" in parts_of(mail_server.to("p.devries@tiel.nl")[2])[0]
    mail_server.received.clear()
    clock.set("2027-01-05 10:00")  # 3 working days before the new deadline: reminded again
    run = JobRun(trajectory.rt)
    send_reminders(run)
    run.finish()
    assert [m["Subject"].split(":")[0] for m in mail_server.to("p.devries@tiel.nl")] == ["Herinnering"]


def test_a_refused_address_is_reported_to_the_requester_and_not_retried(trajectory, mail_server, slack, clock):
    trajectory.say("contact Oud Adres rol: aanbieder organisatie: Weg BV e-mail: weg@zorg.nl", user=COORD)
    mail_server.reject.add("weg@zorg.nl")
    trajectory.say("input Capaciteit van: Oud Adres rol: aanbieder deadline: 4 december", user="U_B")
    dm = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body["channel"] == "U_B")
    assert "De e-mail aan Oud Adres over I1 (Capaciteit) is geweigerd door de mailserver: 550" in message_text(dm.body)
    deliver_all(trajectory, clock, rounds=3)
    assert mail_server.received == [] and len(slack.of("chat.postMessage")) == 1


def test_a_late_adoption_is_chased_at_the_policy_contact_and_named_in_the_digest(trajectory, mail_server, slack, clock):
    trajectory.say("contact Piet de Vries rol: beleid gemeente: Zaltbommel e-mail: p.devries@zaltbommel.nl", user=COORD)
    trajectory.say("besluit Tarieven deadline: 25 november", user=COORD)
    clock.set("2026-11-27 10:00")  # two working days late
    run = JobRun(trajectory.rt)
    chase_adoptions(run)
    run.finish()
    [mail] = mail_server.to("p.devries@zaltbommel.nl")
    assert mail["Subject"] == "Besluit B1 nog niet vastgesteld door Zaltbommel (deadline wo 25 nov 2026)"
    assert "De deadline was wo 25 nov 2026" in parts_of(mail)[0]
    digest = trajectory.say("digest")
    assert "Zaltbommel (beleid: Piet de Vries)" in digest


def test_a_group_of_wethouders_names_who_is_missing(trajectory):
    trajectory.say("contact Wethouder Tiel rol: wethouder gemeente: Tiel slack: <@U_WTIEL|w>", user=COORD)
    text = trajectory.say("input Standpunt tarieven van: wethouders rol: wethouder deadline: 4 december", user=COORD)
    assert "de wethouders (0/1 geantwoord)" in text and "Geen contact met rol wethouder voor jeugd in het register voor: Buren, Culemborg" in text
    assert "lege groep" not in text
    text = trajectory.say("input X van: beleid rol: beleid deadline: 4 december", user=COORD)
    assert "Er staat nog niemand met rol beleid in het register" in text
    assert "van: moet een persoon zijn" in trajectory.say("input X van: <!channel> rol: beleid deadline: 4 december")
    assert len(trajectory.all(InputRequest)) == 1
