"""Contacts as the group requests and chases use them (PRODUCT.md "Group requests as a working
tool"): a contact's domain decides which trajectories' group requests and adoption chases reach
it; the digest names the members nobody can be chased at; a group says its own role; removing a
contact says what it leaves, and every tracker counts the recipients that remain."""
from __future__ import annotations

from jobs.runner import JobRun
from jobs.scan import chase_adoptions, send_reminders
from store.models import AuditLog, Contact, InputPart, InputRequest
from tests.conftest import TRAJECT, message_text
from tests.handlers.test_home import open_home
from tests.handlers.test_people_outside_slack import LINK, deliver_all, page, providers
from tests.mail_server import parts_of

COORD = "U_ADMIN"
WMO = TRAJECT.replace("Jeugdhulp", "Wmo").replace("domein: jeugd", "domein: wmo")
MEMBERS = ("Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe", "West Maas en Waal", "Zaltbommel")


def run(bot, *jobs) -> None:
    job = JobRun(bot.rt)
    for step in jobs:
        step(job)
    job.finish()


def dms(slack, user: str) -> list[str]:
    return [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == user]


def recipients(bot, ref: str) -> list[str]:
    [request] = [r for r in bot.all(InputRequest) if r.ref == ref]
    return sorted(p.name for p in bot.all(InputPart) if p.request_id == request.id)


def test_a_wmo_and_a_jeugd_trajectory_in_one_region_ask_and_chase_the_right_people(trajectory, mail_server, slack, clock):
    assert "gekoppeld" in trajectory.say(WMO, user=COORD, channel="C_WMO")
    wrong = trajectory.say("contact Jeugd Tiel rol: beleid gemeente: Tiel slack: <@U_JTIEL|j> domein: zorg", user=COORD)
    assert "zorg is geen geldige waarde voor domein:. Kies uit: beide, jeugd, wmo." in wrong
    assert "contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl domein: wmo" in wrong  # the example
    assert trajectory.all(Contact) == []
    added = trajectory.say("contact Jeugd Tiel rol: beleid gemeente: Tiel slack: <@U_JTIEL|j> domein: jeugd", user=COORD)
    assert "Jeugd Tiel staat in het register van Rivierenland: beleid (jeugd), Tiel." in added
    trajectory.say("contact Wmo Tiel rol: beleid gemeente: Tiel e-mail: wmo@tiel.nl domein: Wmo", user=COORD)
    trajectory.say("contact Beleid Buren rol: beleid gemeente: Buren slack: <@U_BUREN|b>", user=COORD)  # both domains
    listed = trajectory.say("contacten beleid")
    assert "Wmo Tiel · beleid (wmo) · Tiel" in listed and "Beleid Buren · beleid · Buren" in listed
    assert "Contacten van regio Rivierenland (2 contacten) · wmo" in trajectory.say("contacten wmo")
    assert "Jeugd Tiel" not in trajectory.say("contacten wmo")

    # Group requests: each trajectory asks the policy staff of its own domain, and the group says the role.
    youth = trajectory.say("input Zienswijze tarieven van: beleid deadline: 4 december", user=COORD)
    wmo = trajectory.say("input Zienswijze tarieven van: beleid deadline: 4 december", user=COORD, channel="C_WMO")
    assert "I1 input gevraagd van de beleidsmedewerkers (0/2 geantwoord)" in youth
    assert "I2 input gevraagd van de beleidsmedewerkers (0/2 geantwoord)" in wmo
    assert "Geen contact met rol beleid voor wmo in het register voor: Culemborg, Maasdriel, Neder-Betuwe, West Betuwe" in wmo
    assert recipients(trajectory, "I1") == ["Beleid Buren", "Jeugd Tiel"]
    assert recipients(trajectory, "I2") == ["Beleid Buren", "Wmo Tiel"]
    assert {r.role for r in trajectory.all(InputRequest)} == {"beleid"}

    # Late adoptions: the Wmo decision is chased at the Wmo officer, never at the youth officer.
    trajectory.say("besluit Tarieven jeugd deadline: 25 november", user=COORD)
    trajectory.say("besluit Tarieven Wmo deadline: 25 november", user=COORD, channel="C_WMO")
    clock.set("2026-11-27 10:00")  # two working days late
    slack.clear()
    run(trajectory, chase_adoptions)
    chases = [m["Subject"] for m in mail_server.to("wmo@tiel.nl") if m["Subject"].startswith("Besluit")]
    assert chases == ["Besluit B2 nog niet vastgesteld door Tiel (deadline wo 25 nov 2026)"]
    [youth_chase] = [text for text in dms(slack, "U_JTIEL") if text.startswith("Besluit")]
    assert "Besluit B1 Tarieven jeugd is nog niet vastgesteld door Tiel" in youth_chase
    assert sorted(text.split(" ")[1] for text in dms(slack, "U_BUREN") if text.startswith("Besluit")) == ["B1", "B2"]

    wmo_digest = trajectory.say("digest", channel="C_WMO")
    assert "Tiel (beleid: Wmo Tiel)" in wmo_digest and "Jeugd Tiel" not in wmo_digest
    assert "Geen beleidscontact voor wmo, dus niet nagevraagd" in wmo_digest
    assert "• Culemborg, Maasdriel, Neder-Betuwe, West Betuwe, West Maas en Waal, Zaltbommel\n" in wmo_digest
    assert "Tiel (beleid: Jeugd Tiel)" in trajectory.say("digest")


def test_a_trajectory_for_both_domains_chases_both_specialists(trajectory, slack, clock):
    trajectory.say(WMO.replace("domein: wmo", "domein: beide").replace("Wmo", "Sociaal domein"), user=COORD,
                   channel="C_BOTH")
    trajectory.say("contact Jeugd Tiel rol: beleid gemeente: Tiel slack: <@U_JTIEL|j> domein: jeugd", user=COORD)
    trajectory.say("contact Wmo Tiel rol: beleid gemeente: Tiel slack: <@U_WTIEL|w> domein: wmo", user=COORD)
    trajectory.say("besluit Tarieven deadline: 25 november", user=COORD, channel="C_BOTH")
    clock.set("2026-11-27 10:00")
    slack.clear()
    run(trajectory, chase_adoptions)
    assert len(dms(slack, "U_JTIEL")) == 1 and len(dms(slack, "U_WTIEL")) == 1
    assert "Tiel (beleid: Jeugd Tiel, Wmo Tiel)" in trajectory.say("digest", channel="C_BOTH")
    assert "(0/2 geantwoord)" in trajectory.say("input X van: beleid deadline: 4 december", user=COORD, channel="C_BOTH")
    assert "(0/1 geantwoord)" in trajectory.say("input X van: beleid deadline: 4 december", user=COORD)  # jeugd
    assert recipients(trajectory, "I2") == ["Jeugd Tiel"]


def test_a_group_or_the_registry_says_the_role_and_a_typed_role_still_counts(trajectory, mail_server):
    providers(trajectory, 2)
    assert "I1 input gevraagd van de aanbieders (0/2 geantwoord)" in trajectory.say(
        "input Capaciteit van: aanbieders deadline: 4 december", user=COORD)
    trajectory.say("input Ervaringen van: aanbieders rol: overig deadline: 4 december", user=COORD)
    single = trajectory.say("input Reactie van: Zorgaanbieder 01 deadline: 4 december", user=COORD)
    assert "I3 input gevraagd van Zorgaanbieder 01 (aanbieder)" in single  # the registry knows the role
    unknown = trajectory.say("input Reactie van: Jan Onbekend deadline: 4 december", user=COORD)
    assert "rol:" in unknown and "I4" not in unknown
    assert {r.ref: r.role for r in trajectory.all(InputRequest)} == {"I1": "aanbieder", "I2": "overig", "I3": "aanbieder"}
    for name in ("Zorgaanbieder 01", "Zorgaanbieder 02"):
        assert "bijgewerkt (domein): aanbieder (wmo)" in trajectory.say(f"contact {name} domein: wmo", user=COORD)
    refused = trajectory.say("input Y van: aanbieders deadline: 4 december", user=COORD)
    assert ("In het register staat niemand met rol aanbieder voor jeugd, het domein van dit traject (2 contacten alleen "
            "voor het andere domein)") in refused
    assert len(trajectory.all(InputRequest)) == 3


def test_removing_a_contact_says_what_it_leaves_and_every_tracker_counts_who_remains(trajectory, mail_server, slack,
                                                                                     clock):
    for i, member in enumerate(MEMBERS):  # Slack and mail mixed
        reach = f"slack: <@U_W{i}|w{i}>" if i % 2 == 0 else f"e-mail: wethouder{i}@gemeente.nl"
        trajectory.say(f"contact Wethouder {member} rol: wethouder gemeente: {member} {reach}", user=COORD)
    trajectory.say("contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl", user=COORD)
    trajectory.say("besluit Tarieven deadline: 1 december", user=COORD)
    assert "(0/8 geantwoord)" in trajectory.say("input Standpunt tarieven van: wethouders deadline: 4 december",
                                                user=COORD)
    trajectory.say("input Reactie op tarieven van: Piet de Vries rol: beleid deadline: 4 december", user=COORD)
    trajectory.say("taak Raadsinformatiebrief eigenaar: Piet de Vries deadline: 4 december", user=COORD)
    before = trajectory.say("digest")  # B1 is due within five working days; only Tiel has a policy contact
    assert "Geen beleidscontact voor jeugd, dus niet nagevraagd" in before and "• Buren, Culemborg, " in before
    assert "Tiel," not in before
    deliver_all(trajectory, clock, rounds=2)
    [piet_link] = [LINK.search(parts_of(m)[0]).group(2) for m in mail_server.to("p.devries@tiel.nl")]
    assert page(trajectory, piet_link)[0] == 200
    assert "(1/8 geantwoord)" in trajectory.say("ontvangen I1", user="U_W0")  # Buren, in Slack
    assert "(2/8 geantwoord)" in trajectory.say("ontvangen I1 van: Wethouder Culemborg", user=COORD)

    # An answer given stays what it was: removing Buren's alderman leaves nothing open and keeps the count.
    gone = trajectory.say("contact Wethouder Buren weg", user=COORD)
    assert "Er stond geen open vraag, navraag of taak op naam van Wethouder Buren." in gone
    assert "de wethouders (2/8 geantwoord)" in trajectory.say("status")

    clock.set("2026-11-26 10:00")
    gone = trajectory.say("contact Wethouder Tiel weg", user=COORD)
    assert "Wethouder Tiel is uit het register van Rivierenland verwijderd" in gone
    assert "I1: niet meer gevraagd, herinnerd of meegeteld; nu 2/7 geantwoord" in gone
    assert "Wethouder Tiel" not in recipients(trajectory, "I1")
    clock.set("2026-12-02 10:00")  # B1 is late and I1 due within five working days: the digest lists it
    assert "de wethouders (2/7 geantwoord)" in trajectory.say("status")
    digest = trajectory.say("digest")
    assert "de wethouders (2/7 geantwoord)" in digest
    assert "I1 niet meer gevraagd (uit het register): Wethouder Tiel" in digest  # since the last digest
    assert "(3/7 geantwoord)" in trajectory.say("ontvangen I1", user="U_W2")

    # The policy officer leaves a request asked of him alone, a chase and a task.
    gone = trajectory.say("contact Piet de Vries weg", user=COORD)
    assert ("I2: alleen aan Piet de Vries gevraagd; blijft open op naam, de link in de e-mail werkt niet meer en de "
            "herinneringen gaan naar wie het vroeg") in gone
    assert "B1: een late vaststelling door Tiel wordt niet meer nagevraagd" in gone
    assert "T1: herinneringen gaan nu naar wie de taak maakte" in gone
    assert [a.field_name for a in trajectory.all(AuditLog) if a.action == "ontvanger vervallen"] == ["Wethouder Tiel"]
    assert page(trajectory, piet_link)[0] == 404

    # Nobody removed hears anything more; the requester hears of I2 instead.
    mail_server.received.clear()
    slack.clear()
    clock.set("2026-12-04 10:00")  # the deadline of I1, I2 and T1; B1 two working days late
    run(trajectory, send_reminders, chase_adoptions)
    reminded = {c.body["channel"] for c in slack.of("chat.postMessage")}
    assert "U_W4" not in reminded and "U_W0" not in reminded and "U_W2" not in reminded
    assert "U_W6" in reminded and COORD in reminded  # Zaltbommel still owes; the requester hears of I2
    mailed = {m["To"].addresses[0].addr_spec for m in mail_server.received}
    assert mailed == {"wethouder3@gemeente.nl", "wethouder5@gemeente.nl", "wethouder7@gemeente.nl"}
    digest = trajectory.say("digest")
    assert "Geen beleidscontact voor jeugd, dus niet nagevraagd" in digest and "Tiel, " in digest  # Tiel too now
    assert "de wethouders (3/7 geantwoord)" in digest
    clock.set("2026-12-07 10:00")  # I1 overdue: the coordinator's App Home asks to chase it
    slack.clear()
    open_home(trajectory, COORD)
    home = slack.wait_for(lambda c: c.method == "views.publish")
    assert "de wethouders (3/7 geantwoord)" in message_text(home.body["view"])


def test_removing_the_last_one_still_to_answer_completes_the_request(trajectory, mail_server):
    providers(trajectory, 2)
    trajectory.say("input Capaciteit van: aanbieders deadline: 4 december", user=COORD)
    trajectory.say("ontvangen I1 van: Zorgaanbieder 01", user=COORD)
    gone = trajectory.say("contact Zorgaanbieder 02 weg", user=COORD)
    assert "I1: niet meer gevraagd of meegeteld; daarmee compleet (1/1 geantwoord)" in gone
    assert trajectory.all(InputRequest)[0].received_on is not None
    assert "I1" not in trajectory.say("status").split("Inputverzoeken")[-1]


def test_a_colleague_asked_in_slack_stays_asked_there(trajectory, slack, clock):
    trajectory.say("contact Fatima Yilmaz rol: beleid gemeente: Tiel slack: <@U_FAT|fatima>", user=COORD)
    trajectory.say("input Reactie op tarieven van: Fatima Yilmaz rol: beleid deadline: 4 december", user=COORD)
    trajectory.say("taak Notitie eigenaar: Fatima Yilmaz deadline: 4 december", user=COORD)
    gone = trajectory.say("contact Fatima Yilmaz weg", user=COORD)
    assert "I1, T1: gevraagd of gegeven in Slack; blijft zo, want Slack bereikt Fatima Yilmaz nog" in gone
    clock.set("2026-12-04 10:00")
    slack.clear()
    run(trajectory, send_reminders)
    assert any("I1" in text for text in dms(slack, "U_FAT"))
