"""The mail path under attack and under faults (issue 21): a question that smuggles a header in an
encoded word, contacts that can never be mailed, a mail server set up wrong, a crash mid-send,
link guessing across two processes, the retention purge; and mails signed by the asker, naming
the coordinator (issue 18). Through signed Slack requests, the outbox and a real SMTP server."""
from __future__ import annotations

import json
from email import policy
from email.parser import BytesParser
from urllib.request import Request, urlopen

import pytest

from store.models import AnswerTry, Contact, Outbox
from tests.conftest import METRICS_TOKEN, SlackBot, make_settings, message_text
from tests.handlers.test_people_outside_slack import (
    COORD,
    LINK,
    deliver_all,
    page,
    providers,
)
from tests.mail_server import parts_of

ATTACK = "=?utf-8?b?eA0KUmVwbHktVG86IHBoaXNoQGV2aWwuZXhhbXBsZQ==?="  # "x\r\nReply-To: phish@evil.example"


def health(bot) -> dict:
    with urlopen(f"{bot.base}/health", timeout=5) as response:
        return json.loads(response.read())


def server_failures(bot) -> dict[str, float]:
    request = Request(f"{bot.base}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    with urlopen(request, timeout=5) as response:
        lines = response.read().decode().splitlines()
    return {line.split('reason="')[1].split('"')[0]: float(line.rsplit(" ", 1)[1])
            for line in lines if line.startswith("regiowacht_mail_server_failures_total{")}


def dms_to(slack, user: str) -> list[str]:
    return [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == user]


def test_an_encoded_word_in_the_question_adds_no_header(trajectory, mail_server, clock):
    providers(trajectory, 2)
    text = trajectory.say(f"input {ATTACK} van: aanbieders rol: aanbieder deadline: 4 december", user="U_B")
    assert "I1 input gevraagd van de aanbieders" in text
    deliver_all(trajectory, clock)
    assert len(mail_server.received) == 2
    for mail in mail_server.received:
        assert mail["Reply-To"] is None and mail["Bcc"] is None and mail["Cc"] is None
        assert not any("evil" in str(value) for value in mail.values())
        assert "\n" not in mail["Subject"] and "\r" not in mail["Subject"]
        # The subject still shows what was typed (a joiner keeps it from being decoded).
        assert mail["Subject"].replace("\u2060", "").startswith(f"Vraag van regio Rivierenland: {ATTACK[:40]}")


def test_a_contact_that_cannot_be_mailed_is_refused_with_an_example(trajectory):
    for line in [f"contact {ATTACK} rol: aanbieder organisatie: X e-mail: x@zorg.nl",
                 "contact Jan\nBcc: a@b.nl rol: aanbieder organisatie: X e-mail: x@zorg.nl"]:
        answer = trajectory.say(line, user=COORD)
        assert "Schrijf de naam op één regel, als gewone tekst" in answer and "contact Stichting Lindenhout" in answer
    answer = trajectory.say("contact Jan rol: aanbieder organisatie: X e-mail: jöhn@zorg.example", user=COORD)
    assert "jöhn@zorg.example is geen e-mailadres dat Regiowacht kan mailen" in answer
    assert "contact Stichting Lindenhout" in answer
    assert trajectory.all(Contact) == []


def test_a_stored_contact_that_cannot_be_mailed_is_given_up_once_and_breaks_nothing(trajectory, mail_server, slack,
                                                                                     clock):
    providers(trajectory, 2)
    region_id = trajectory.all(Contact)[0].region_id
    with trajectory.session() as session:  # stored before addresses and names were checked
        session.add(Contact(team_id="T1", region_id=region_id, name="Jöhn", role="aanbieder", organisation="Ö BV",
                            email="jöhn@zorg.example"))
        session.add(Contact(team_id="T1", region_id=region_id, name=f"Kees {ATTACK}", role="aanbieder",
                            organisation="K BV", email="kees@zorg.nl"))
        session.commit()
    text = trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user="U_B")
    assert "I1 input gevraagd van de aanbieders (0/4 geantwoord)" in text
    deliver_all(trajectory, clock)
    told = dms_to(slack, "U_B")
    assert len(told) == 1 and "De e-mail aan Jöhn over I1 (Capaciteit) kan niet worden verstuurd" in told[0]
    assert "contact Jöhn e-mail: naam@organisatie.nl" in told[0] and "geweigerd door de mailserver" not in told[0]
    # The name with an encoded word is mailed, shown as text: the To line holds one address.
    kees = mail_server.to("kees@zorg.nl")
    assert len(kees) == 1 and len(kees[0]["To"].addresses) == 1 and "evil" not in str(kees[0]["To"])
    assert sorted(m["To"].addresses[0].addr_spec for m in mail_server.received) == [
        "inkoop@zorg01.nl", "inkoop@zorg02.nl", "kees@zorg.nl"]
    deliver_all(trajectory, clock)  # later passes: not tried again, not told again
    assert len(dms_to(slack, "U_B")) == 1 and len(mail_server.received) == 3
    text = trajectory.say("input Tarieven van: aanbieders rol: aanbieder deadline: 11 december", user="U_B")
    assert "I2 input gevraagd van de aanbieders (0/4 geantwoord)" in text  # a later request answers normally
    deliver_all(trajectory, clock)
    assert len(mail_server.received) == 6 and len(dms_to(slack, "U_B")) == 2


@pytest.mark.parametrize("fault", ["no_starttls", "credentials", "unreachable"])
def test_a_mail_server_set_up_wrong_keeps_the_mail_until_it_is_fixed(trajectory, mail_server, slack, clock, fault):
    providers(trajectory, 1)
    if fault == "no_starttls":
        mail_server.offer_starttls = False
    elif fault == "credentials":
        mail_server.refuse_login = True
    else:
        mail_server.stop()
    before = server_failures(trajectory)
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user="U_B")
    for _ in range(16):  # more passes than a message is ever tried for a fault on the other side
        trajectory.rt.sender.deliver()
        clock.advance(minutes=61)
    assert mail_server.received == [] and dms_to(slack, "U_B") == []  # nobody is told to check an address
    reason = {"no_starttls": "starttls", "credentials": "credentials", "unreachable": "unreachable"}[fault]
    assert server_failures(trajectory)[reason] - before.get(reason, 0) == 16
    state = health(trajectory)
    assert state["status"] == "degraded" and f"1 e-mail(s) wachten op de mailserver ({reason})" == state["mail"]
    if fault == "unreachable":
        mail_server.start()
    mail_server.offer_starttls, mail_server.refuse_login = True, False
    clock.advance(minutes=61)
    trajectory.rt.sender.deliver()
    assert [m["To"].addresses[0].addr_spec for m in mail_server.received] == ["inkoop@zorg01.nl"]
    assert health(trajectory)["status"] == "ok" and dms_to(slack, "U_B") == []


def crash_after_sending(bot) -> None:
    """The sender died after the mail left, before the row was marked sent: it is sent again."""
    [row] = [r for r in bot.all(Outbox) if r.method == "mail"]
    with bot.session() as session:
        session.get(Outbox, row.id).sent_at = None
        session.commit()
    bot.rt.sender.deliver([row.key])


def test_a_mail_sent_again_after_a_crash_carries_the_same_message_id(trajectory, mail_server, clock):
    providers(trajectory, 1)
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    crash_after_sending(trajectory)
    first, second = mail_server.received
    assert first["Message-ID"] == second["Message-ID"]


def test_the_mail_folder_keeps_one_file_for_a_mail_sent_twice(trajectory, clock, tmp_path):
    providers(trajectory, 1)  # no SMTP_URL: mails are .eml files in MAIL_DIR
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    crash_after_sending(trajectory)
    [eml] = [f for f in tmp_path.iterdir() if f.suffix == ".eml"]
    assert "Capaciteit" in BytesParser(policy=policy.default).parsebytes(eml.read_bytes())["Subject"]


def test_the_answer_page_counts_tries_across_processes_and_forgets_them(trajectory, mail_server, slack, clock,
                                                                          database_url, tmp_path):
    providers(trajectory, 1)
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    path = LINK.search(parts_of(mail_server.received[0])[0]).group(2)
    other = SlackBot(slack, make_settings(slack, database_url, MAIL_DIR=str(tmp_path)), clock)  # a second worker
    try:
        empty = {"antwoord": "", "actie": "antwoord"}
        statuses = [page(bot, path, empty)[0] for _ in range(7) for bot in (trajectory, other)]
        assert statuses.count(200) == 5 and statuses.count(429) == 9
        guessed = [page(bot, "/antwoord/" + f"{n:040x}", empty)[0] for n in range(30) for bot in (trajectory, other)]
        assert set(guessed) == {404} and len(trajectory.all(AnswerTry)) == 31
        clock.advance(minutes=11)  # the window has passed: the link may be tried again, the guesses are gone
        assert page(other, path, empty)[0] == 200
        assert len(trajectory.all(AnswerTry)) == 1
    finally:
        other.close()


def test_the_retention_purge_reaches_every_copy_in_the_outbox(trajectory, mail_server, slack, clock):
    from jobs.runner import JobRun
    from jobs.scan import purge
    providers(trajectory, 1)
    with trajectory.session() as session:
        session.add(Contact(team_id="T1", region_id=trajectory.all(Contact)[0].region_id, name="Jöhn", role="aanbieder",
                            organisation="Ö BV", email="jöhn@zorg.example"))
        session.commit()
    trajectory.say("urgent Zaak 2026-0099 wacht op plek ernst: hoog", user="U_KWAL")
    trajectory.say("input Capaciteit van: aanbieders rol: aanbieder deadline: 4 december", user=COORD)
    deliver_all(trajectory, clock)
    path = LINK.search(parts_of(mail_server.to("inkoop@zorg01.nl")[0])[0]).group(2)
    assert page(trajectory, path, {"antwoord": "Wij hebben 12 plekken vrij in Kwartelkoning", "actie": "antwoord"})[0] == 200
    trajectory.say("opgelost U1", user="U_ZORG")
    deliver_all(trajectory, clock)
    secrets = ("2026-0099", "Kwartelkoning", "jöhn@zorg.example")

    def copies() -> set[str]:
        return {s for row in trajectory.all(Outbox) for s in secrets if s in row.payload + (row.last_error or "")}

    assert copies() == set(secrets)
    clock.advance(days=80)
    purge(JobRun(trajectory.rt))
    assert copies() == set(secrets)  # within the retention period everything stays
    clock.advance(days=11)
    purge(JobRun(trajectory.rt))
    assert copies() == set() and all(row.key for row in trajectory.all(Outbox))  # keys stay: nothing is sent twice
    deliver_all(trajectory, clock)
    assert len(mail_server.received) == 1
    clock.advance(days=366)
    purge(JobRun(trajectory.rt))
    assert trajectory.all(Outbox) == []


def test_a_mail_is_signed_by_the_asker_and_names_the_coordinator_to_contact(bot, mail_server, slack, clock):
    from tests.conftest import TRAJECT
    slack.emails["U_ADMIN"] = "admin@rivierenland.nl"  # the workspace granted users:read.email
    assert "gekoppeld" in bot.say(TRAJECT, user="U_ADMIN")
    bot.say("contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl", user=COORD)
    assert "I1" in bot.say("input Capaciteit van: Piet de Vries rol: beleid deadline: 4 december", user="U_ANNE")
    deliver_all(bot, clock)
    [mail] = mail_server.received
    plain, html = parts_of(mail)
    assert str(mail["Reply-To"]) == "Admin <admin@rivierenland.nl>" and "regiowacht" in str(mail["From"])
    assert "Met vriendelijke groet,\nAnne\nnamens regio Rivierenland, via Regiowacht" in plain.replace("\r\n", "\n")
    assert ("Neem contact op met Admin (admin@rivierenland.nl), coördinator van inkooptraject Jeugdhulp Rivierenland "
            "2027") in plain
    assert "als beleidsmedewerker in het contactregister" in plain and "U_" not in plain + html
    path = LINK.search(plain).group(2)
    page(bot, path, {"antwoord": "Akkoord", "actie": "antwoord"})
    status, to_amend = page(bot, path)  # until the deadline the answer can be amended
    assert status == 200 and "Akkoord</textarea>" in to_amend
    assert "Neem contact op met Admin (admin@rivierenland.nl)" in to_amend and "U_" not in to_amend
    clock.set("2026-12-07 10:00")
    status, answered = page(bot, path)
    assert status == 200 and "Neem dan contact op met Admin (admin@rivierenland.nl)" in answered and "U_" not in answered


def test_an_urgent_post_that_never_went_out_is_purged_with_the_case(trajectory, slack, clock):
    from jobs.runner import JobRun
    from jobs.scan import purge
    slack.refuse["chat.postMessage"] = "service_unavailable"  # Slack is away: the post waits in the outbox
    trajectory.say("urgent Zaak 2026-0099 wacht op plek ernst: laag", user="U_KWAL")
    trajectory.say("opgelost U1", user="U_ZORG")
    clock.advance(days=91)
    purge(JobRun(trajectory.rt))
    del slack.refuse["chat.postMessage"]
    tried = len(slack.of("chat.postMessage"))
    trajectory.rt.sender.deliver()
    assert not any("2026-0099" in row.payload for row in trajectory.all(Outbox))
    assert not any("2026-0099" in message_text(c.body) for c in slack.of("chat.postMessage")[tried:])
