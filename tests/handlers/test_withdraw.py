"""`intrekken`: an item entered by mistake leaves status, the digest, App Home, the matrix, the
export, reminders, the forecast and every lateness average at once; the audit log keeps it with
its reason, and nothing changes it any more."""
from __future__ import annotations

import re
from datetime import date

import pytest

from domain.permissions import Actor
from jobs.runner import JobRun
from jobs.scan import chase_adoptions, escalate, send_reminders, send_task_reminders
from reports.region import region_overview
from reports.risk import thresholds_of
from store import queries
from store.models import AuditLog, Decision, InputRequest, Municipality, Task, Trajectory, UrgentCase
from tests.conftest import message_text
from tests.handlers.test_home import open_home

COORD = "U_ADMIN"


def everything(bot, slack, user: str = "U_JAN") -> str:
    """Every place an item can show, as text: status, digest, risico, App Home, the matrix's
    columns and the exported decisions and calendar."""
    texts = [bot.say(line, user=user) for line in ("status", "digest", "risico", "status besluiten",
                                                   "status input", "status taken", "status signalen")]
    slack.clear()
    open_home(bot, user)
    texts.append(message_text(slack.wait_for(lambda c: c.method == "views.publish").body["view"]))
    with bot.session() as session:
        trajectory = session.get(Trajectory, 1)
        overview = region_overview(session, Actor("T1", user, "C_JEUGD"), trajectory, date(2026, 11, 24),
                                   thresholds_of(bot.rt.settings))
        texts.append(" ".join(decision.ref for decision, _ in overview.matrix.columns))
    slack.clear()
    slack.uploads.clear()
    bot.say("export", user=user)
    slack.wait_for(lambda c: c.method == "files.completeUploadExternal")
    texts += [u.decode("utf-8-sig", "replace") for u in slack.uploads.values()
              if b"ref;titel" in u or u.startswith(b"BEGIN:VCALENDAR")]
    return "\n".join(texts)


def setup_one_of_each(bot) -> None:
    bot.say("besluit Tarieven 2027 per vergissing deadline: 15-1-2027 door: college", user=COORD)
    bot.say("input Zienswijze dubbel gevraagd van: <@U_JAN|jan> rol: beleid deadline: 4-12-2026", user=COORD)
    bot.say("taak Productcodes dubbel eigenaar: <@U_JAN|jan> deadline: 4-12-2026", user=COORD)
    bot.say("urgent Wachtlijst ambulant, dubbel gemeld ernst: hoog", user="U_JAN")


@pytest.mark.parametrize("ref,title,table", [
    ("B1", "Tarieven 2027 per vergissing", Decision),
    ("I1", "Zienswijze dubbel gevraagd", InputRequest),
    ("T1", "Productcodes dubbel", Task),
    ("U1", "Wachtlijst ambulant, dubbel gemeld", UrgentCase),
])
def test_a_withdrawn_item_leaves_every_view_and_the_audit_keeps_its_reason(trajectory, slack, ref, title, table):
    setup_one_of_each(trajectory)
    assert title in everything(trajectory, slack)
    text = trajectory.say(f"intrekken {ref} reden: per vergissing ingevoerd", user=COORD)
    assert "Ingetrokken (reden: per vergissing ingevoerd):" in text and f"• {ref} " in text and title in text
    assert "Risico nu:" in text
    shown = everything(trajectory, slack)
    assert title not in shown
    mentioned = re.compile(rf"(?<![\w-]){ref}(?![\w-])")  # not the team T1 in a calendar's UID
    assert all(not mentioned.search(line) or "ingetrokken" in line for line in shown.splitlines()), ref
    [item] = [row for row in trajectory.all(table) if row.ref == ref]
    assert item.withdrawn_by == COORD and item.withdrawn_at is not None  # kept, never deleted
    [audit] = [a for a in trajectory.all(AuditLog) if a.action == "ingetrokken"]
    assert (audit.item, audit.new_value, audit.actor) == (ref, "per vergissing ingevoerd", COORD)
    # Nothing changes it any more, and its reference is not handed out again.
    for line in (f"uitstel {ref} deadline: 1-2-2027 reden: x", f"vastgesteld {ref} gemeenten: Tiel",
                 f"ontvangen {ref}", f"klaar {ref}", f"opgepakt {ref}", f"intrekken {ref} reden: nog eens"):
        answer = trajectory.say(line, user=COORD)
        assert f"{ref} is ingetrokken op di 24 nov 2026 door @U_ADMIN" in answer or "geen geldige" in answer, line
    assert "B2" in trajectory.say("besluit Nog een deadline: 15-1-2027", user=COORD) or ref != "B1"


def test_who_may_withdraw_and_a_reason_is_required(trajectory):
    trajectory.say("taak Codes eigenaar: <@U_JAN|jan> deadline: 4-12-2026", user="U_KEES")
    assert "Waarom trek je T1 in?" in trajectory.say("intrekken T1", user="U_KEES")
    assert "alleen wie het item heeft aangemaakt" in trajectory.say("intrekken T1 reden: mag dit?", user="U_JAN")
    assert "Ingetrokken" in trajectory.say("intrekken T1 dubbel aangemaakt", user="U_KEES")  # its maker; text is the reason
    trajectory.say("taak Codes opnieuw eigenaar: <@U_JAN|jan> deadline: 4-12-2026", user="U_KEES")
    assert "Withdrawn (reason: not ours)" in trajectory.say("withdraw T2 reason: not ours", user=COORD)  # the coordinator
    assert "/inkoop intrekken B3 reden: …" in trajectory.say("besluit B3 weg", user=COORD)
    assert "Ik vind T9 niet" in trajectory.say("verwijder T9 reden: typo", user=COORD)  # `verwijder` is intrekken too


def test_withdrawing_a_decision_adopted_everywhere_removes_it_from_every_lateness_average(trajectory, clock):
    """The issue's workaround: a decision entered by mistake, then adopted everywhere, counted in
    each municipality's lateness. Withdrawn, it counts nowhere: the forecast of another decision
    is as if it never existed."""
    clock.set("2026-10-01 10:00")
    trajectory.say("besluit Inkoopstrategie deadline: 15-10-2026", user=COORD)
    clock.set("2026-11-24 10:00")  # adopted 40 days late, everywhere
    trajectory.say("vastgesteld B1 gemeenten: alle op: 24-11-2026", user=COORD)
    trajectory.say("besluit Tarieven deadline: 15-1-2027", user=COORD)
    with trajectory.session() as session:
        late, _ = queries.team_lateness(session, "T1")
    assert set(late.values()) == {40.0}
    risk = trajectory.say("risico", user=COORD)
    assert "gemiddeld 40 dagen na de deadline" in risk
    text = trajectory.say("intrekken B1 reden: per vergissing aangemaakt en vastgesteld", user=COORD)
    assert "Risico nu:" in text and "(was 🔴 rood" in text
    with trajectory.session() as session:
        ids = [m.id for m in session.exec(queries.select(Municipality))]
        assert queries.team_lateness(session, "T1")[0] == {}
        assert queries.municipality_lateness(session, ids) == {}
    risk = trajectory.say("risico", user=COORD)
    assert "gemiddeld" not in risk and "B1" not in risk


def test_a_withdrawn_item_gets_no_reminder_chase_or_escalation(trajectory, slack, clock):
    trajectory.say("contact Piet de Vries rol: beleid gemeente: Tiel slack: <@U_PIET|piet>", user=COORD)
    setup_one_of_each(trajectory)  # B1 due 15 Jan, I1 and T1 due Fri 4 Dec, U1 hoog at 10:00
    for ref in ("B1", "I1", "T1", "U1"):
        trajectory.say(f"intrekken {ref} reden: dubbel", user=COORD)
    for moment in ("2026-12-01 10:00", "2026-12-04 10:00", "2026-12-09 10:00", "2027-01-20 10:00"):
        clock.set(moment)
        run = JobRun(trajectory.rt)
        for step in (send_reminders, send_task_reminders, chase_adoptions, escalate):
            step(run)
        assert run.finish() == [], moment


def test_a_withdrawn_question_tells_who_still_owed_an_answer_and_its_link_says_so(trajectory, slack):
    trajectory.say("input Zienswijze van: <@U_JAN|jan> rol: beleid deadline: 4-12-2026", user=COORD)
    slack.clear()
    trajectory.say("intrekken I1 reden: vraag vervalt", user=COORD)
    [dm] = [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == "U_JAN"]
    assert "@U_ADMIN heeft vraag I1 ingetrokken" in dm and "je hoeft niet meer te antwoorden" in dm


def test_a_withdrawn_urgent_case_loses_its_buttons_and_its_text_after_retention(trajectory, slack, clock):
    from jobs.scan import purge
    trajectory.say("urgent Zaak 2026-0099 dubbel gemeld ernst: middel", user="U_KWAL")
    slack.clear()
    trajectory.say("intrekken U1 reden: dubbel", user="U_KWAL")  # its maker
    update = slack.wait_for(lambda c: c.method == "chat.update")
    assert "Ingetrokken door @U_KWAL" in message_text(update.body)
    assert not [b for b in update.body["blocks"] if b["type"] == "actions"]
    clock.advance(days=91)
    purge(JobRun(trajectory.rt))
    [case] = trajectory.all(UrgentCase)
    assert case.description is None and case.purged_at is not None


def test_a_withdrawn_question_no_longer_counts_in_its_stakeholder_s_lateness(trajectory, clock):
    trajectory.say("input Zienswijze per vergissing van: <@U_JAN|jan> rol: beleid deadline: 1-12-2026", user=COORD)
    clock.set("2026-12-10 10:00")
    trajectory.say("ontvangen I1", user="U_JAN")  # 9 days late
    trajectory.say("besluit Tarieven deadline: 15-1-2027", user=COORD)
    trajectory.say("input Reactie op tarieven van: <@U_JAN|jan> rol: beleid deadline: 8-1-2027 voor: B1", user=COORD)
    with trajectory.session() as session:
        assert queries.team_lateness(session, "T1")[1] == {"U_JAN": 9.0}
    assert "I2 van @U_JAN (gemiddeld 9 dagen te laat)" in trajectory.say("risico", user=COORD)
    trajectory.say("intrekken I1 reden: per vergissing gevraagd", user=COORD)
    with trajectory.session() as session:
        assert queries.team_lateness(session, "T1")[1] == {}
        assert queries.stakeholder_lateness(session, "T1", {"U_JAN"}) == {}
    assert "gemiddeld" not in trajectory.say("risico", user=COORD)


def test_a_withdrawn_group_question_is_mailed_to_who_still_owed_an_answer(trajectory, slack, mail_server, clock):
    from tests.handlers.test_people_outside_slack import deliver_all
    from tests.mail_server import parts_of
    for n in (1, 2):
        trajectory.say(f"contact Zorgaanbieder {n} rol: aanbieder organisatie: Zorg {n} BV e-mail: inkoop@zorg{n}.nl",
                       user=COORD)
    trajectory.say("input Capaciteit 2027 van: aanbieders deadline: 4-12-2026", user=COORD)
    deliver_all(trajectory, clock)
    trajectory.say("ontvangen I1 van: Zorgaanbieder 1 12 plekken", user=COORD)
    trajectory.say("intrekken I1 reden: vraag vervalt", user=COORD)
    deliver_all(trajectory, clock)
    [withdrawn] = [m for m in mail_server.received if m["Subject"].startswith("Vraag ingetrokken")]
    assert withdrawn["To"].addresses[0].addr_spec == "inkoop@zorg2.nl"  # who answered is not bothered
    assert "heeft deze vraag ingetrokken; u hoeft er niet meer op te antwoorden" in parts_of(withdrawn)[0]
    assert "/antwoord/" not in parts_of(withdrawn)[0]
