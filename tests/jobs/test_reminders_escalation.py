"""Reminder timing across weekends and holidays, and escalation of unacknowledged urgent cases."""
from __future__ import annotations

from jobs.runner import JobRun
from jobs.scan import escalate, send_reminders
from store.models import UrgentCase
from tests.conftest import message_text

COORD = "U_ADMIN"


def remind(bot, moment, clock):
    clock.set(moment)
    run = JobRun(bot.rt)
    send_reminders(run)
    return run.finish()


def dms(slack, user):
    return [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == user]


def test_stakeholder_reminders_around_christmas_then_coordinator_chases(trajectory, slack, clock):
    clock.set("2026-12-14 10:00")
    trajectory.say("input Reactie op tarieven van: <@U_JAN|jan> rol: wethouder deadline: 24 december", user="U_BEL")
    # 3 working days before Thu 24 Dec: Mon 21 Dec.
    assert remind(trajectory, "2026-12-18 10:00", clock) == []
    assert remind(trajectory, "2026-12-21 10:00", clock) == ["remind:1:before"]
    assert remind(trajectory, "2026-12-21 14:00", clock) == []          # once
    assert remind(trajectory, "2026-12-24 10:00", clock) == ["remind:1:due"]
    # Overdue: every 2 working days, skipping 25/26 Dec, the weekend and 1 Jan.
    assert remind(trajectory, "2026-12-28 10:00", clock) == []
    assert remind(trajectory, "2026-12-29 10:00", clock) == ["remind:1:overdue1"]
    assert remind(trajectory, "2026-12-31 10:00", clock) == ["remind:1:overdue2"]
    assert remind(trajectory, "2027-01-05 10:00", clock) == ["remind:1:overdue3"]
    assert remind(trajectory, "2027-01-07 10:00", clock) == ["remind:1:chase"]
    assert remind(trajectory, "2027-01-11 10:00", clock) == []          # at most 3, then the coordinator
    jan = dms(slack, "U_JAN")
    assert len(jan) == 6 and "@U_BEL vraagt je om input" in jan[0]  # the question itself, when it was asked
    assert "Herinnering" in jan[1] and "Vandaag is de deadline" in jan[2] and "te laat" in jan[3]
    [chase] = dms(slack, COORD)
    assert "8 werkdagen na de deadline (do 24 dec 2026" in chase and "@U_JAN" in chase


def test_only_during_working_hours_and_never_after_receipt(trajectory, slack, clock):
    trajectory.say("input Zienswijze van: <@U_JAN|jan> rol: beleid deadline: 27 november", user="U_BEL")
    assert remind(trajectory, "2026-11-24 08:59", clock) == []
    assert remind(trajectory, "2026-11-24 17:00", clock) == []
    assert remind(trajectory, "2026-11-28 10:00", clock) == []          # Saturday
    assert remind(trajectory, "2026-11-24 09:00", clock) == ["remind:1:before"]
    trajectory.say("ontvangen I1", user="U_JAN")
    assert remind(trajectory, "2026-11-27 10:00", clock) == []


def test_outsider_reminders_go_to_the_requester(trajectory, slack, clock):
    trajectory.say("input Capaciteit van: Stichting Lindenhout rol: aanbieder deadline: 26 november", user="U_BEL")
    assert remind(trajectory, "2026-11-26 11:00", clock) == ["remind:1:due"]
    [text] = dms(slack, "U_BEL")
    assert "Stichting Lindenhout" in text and "navragen" in text


def escalations(bot, moment, clock):
    clock.set(moment)
    run = JobRun(bot.rt)
    escalate(run)
    return run.finish()


def test_hoog_escalates_after_four_working_hours_across_the_night(trajectory, slack, clock):
    clock.set("2026-11-24 15:30")
    trajectory.say("urgent Crisisplek nodig ernst: hoog", user="U_KWAL")
    assert escalations(trajectory, "2026-11-24 16:59", clock) == []
    assert escalations(trajectory, "2026-11-25 11:29", clock) == []     # 1.5 h yesterday + 2.5 h today = 4.0 at 11:30
    assert escalations(trajectory, "2026-11-25 11:30", clock) == ["escalate:1:channel", "escalate:1:dm"]
    assert escalations(trajectory, "2026-11-25 15:00", clock) == []
    channel = [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == "C_JEUGD"][-1]
    assert "U1 (hoog) is na 4 werkuren nog niet opgepakt" in channel and f"@{COORD}" in channel
    assert "Crisisplek nodig" in dms(slack, COORD)[0]


def test_middel_after_one_working_day_over_a_weekend_and_not_when_acknowledged(trajectory, slack, clock):
    clock.set("2026-11-27 14:00")  # Friday
    trajectory.say("urgent Wachtlijst groeit ernst: middel", user="U_KWAL")
    trajectory.say("urgent Informatie ontbreekt ernst: laag", user="U_KWAL")
    assert escalations(trajectory, "2026-11-30 13:59", clock) == []
    assert escalations(trajectory, "2026-11-30 14:00", clock) == ["escalate:1:channel", "escalate:1:dm"]
    clock.set("2026-11-30 15:00")
    trajectory.say("urgent Nog een ernst: hoog", user="U_KWAL")
    trajectory.say("opgepakt U3", user="U_ZORG")
    assert escalations(trajectory, "2026-12-04 15:00", clock) == []     # laag never; acknowledged hoog not
    assert [c.ref for c in trajectory.all(UrgentCase) if c.escalated_at] == ["U1"]


def test_resolved_case_text_is_purged_after_retention_but_its_existence_stays(trajectory, slack, clock):
    from jobs.scan import purge
    from store.models import AuditLog
    trajectory.say("urgent Zaak 2026-0099 wacht op plek ernst: laag", user="U_KWAL")
    trajectory.say("opgelost U1", user="U_ZORG")
    clock.advance(days=89)
    purge(JobRun(trajectory.rt))
    assert trajectory.all(UrgentCase)[0].description is not None
    clock.advance(days=2)
    purge(JobRun(trajectory.rt))
    [case] = trajectory.all(UrgentCase)
    assert case.description is None and case.purged_at is not None
    audit = trajectory.all(AuditLog)
    assert [a.action for a in audit if a.item == "U1"] == ["signaal gemeld", "signaal opgelost", "signaaltekst gewist"]
    assert not any("2026-0099" in (a.new_value or "") + (a.old_value or "") for a in audit)
    assert "U1" not in trajectory.say("status").split("Urgente signalen (open)")[1]
