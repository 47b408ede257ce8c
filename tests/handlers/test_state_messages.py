"""Every state change says what is true, and refuses what makes no sense (signed requests to the
real app; today is Tuesday 24 November 2026, 10:00)."""
from __future__ import annotations

from store.models import Adoption, AuditLog, Decision, InputRequest, Task, UrgentCase
from tests.conftest import message_text

COORD = "U_ADMIN"


def test_a_case_picked_up_twice_names_who_picked_it_up(trajectory, slack):
    trajectory.say("urgent Wachtlijst loopt op ernst: hoog", user="U_KWAL")
    trajectory.say("opgepakt U1", user="U_ANNE")
    assert "U1 is al opgepakt door @U_ANNE (di 24 nov 2026 10:00)" in trajectory.say("opgepakt U1", user="U_PIET")
    assert "U1 was already acknowledged by @U_ANNE (Tue 24 Nov 2026 10:00)" in trajectory.say("ack U1", user="U_PIET")
    [case] = trajectory.all(UrgentCase)
    trajectory.click("urgent_ack", str(case.id), user="U_PIET")
    answer = slack.wait_for(lambda c: c.method == "response_url" and "al opgepakt" in message_text(c.body))
    assert "U1 is al opgepakt door @U_ANNE" in message_text(answer.body)
    assert trajectory.all(UrgentCase)[0].acked_by == "U_ANNE"


def test_adopting_again_changes_nothing_and_says_so(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Tiel op: 20-11-2026", user=COORD)
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel", user=COORD)
    assert "B1 is al vastgesteld door Tiel (vr 20 nov 2026); er is niets gewijzigd" in text
    [adoption] = trajectory.all(Adoption)
    assert adoption.on_date.isoformat() == "2026-11-20"
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel, Buren", user=COORD)
    assert "B1 vastgesteld door Buren" in text and "Tiel had B1 al vastgesteld op vr 20 nov 2026: ongewijzigd" in text


def test_a_different_adoption_date_is_a_correction(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Tiel op: 20-11-2026", user=COORD)
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel op: 19-11-2026", user=COORD)
    assert "Datum van Tiel voor B1 gecorrigeerd: vr 20 nov 2026 → do 19 nov 2026" in text
    assert [a.action for a in trajectory.all(AuditLog) if a.item == "B1"][-1] == "datum gecorrigeerd"


def test_rejecting_an_adopted_decision_and_adopting_a_rejected_one_are_named(trajectory):
    trajectory.say("besluit Mandaat deadline: vrijdag door: regio", user=COORD)
    trajectory.say("afgewezen B1 reden: te duur", user=COORD)
    text = trajectory.say("vastgesteld B1", user=COORD)
    assert "is genomen" in text and "regio had B1 afgewezen op di 24 nov 2026; nu is een herzien voorstel vastgesteld" in text
    text = trajectory.say("afgewezen B1", user=COORD)
    assert "regio had B1 vastgesteld op di 24 nov 2026; nu afgewezen: het besluit is weer open" in text
    assert trajectory.all(Decision)[0].taken_on is None


def test_an_adoption_cannot_predate_the_rejection_it_revises(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    trajectory.say("afgewezen B1 gemeente: Zaltbommel reden: tarief te hoog op: 16-11-2026", user=COORD)
    text = trajectory.say("vastgesteld B1 gemeente: Zaltbommel op: 12-11-2026", user=COORD)
    assert ("Zaltbommel wees B1 af op ma 16 nov 2026; een herzien voorstel kan pas daarna zijn vastgesteld, "
            "niet op do 12 nov 2026. Welke dag bedoel je?") in text
    [adoption] = trajectory.all(Adoption)
    assert (adoption.outcome, adoption.on_date.isoformat()) == ("afgewezen", "2026-11-16")
    assert "B1 vastgesteld door Zaltbommel" in trajectory.say("vastgesteld B1 gemeente: Zaltbommel op: 20-11-2026",
                                                               user=COORD)


def test_input_cannot_block_a_decision_already_taken(trajectory):
    trajectory.say("besluit Mandaat deadline: vrijdag door: regio", user=COORD)
    trajectory.say("vastgesteld B1", user=COORD)
    text = trajectory.say("input Reactie van: Jan rol: beleid deadline: vrijdag voor: B1")
    assert "B1 is al genomen op di 24 nov 2026: input kan dat besluit niet meer tegenhouden" in text
    assert trajectory.all(InputRequest) == []


def test_a_task_due_before_the_decision_it_waits_for_is_stored_with_a_warning(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    text = trajectory.say("taak Codes inrichten eigenaar: Kees deadline: 8 januari na: B1")
    assert "T1 Codes inrichten" in text
    assert "de deadline vr 8 jan 2027 ligt vóór de deadline van B1 (vr 15 jan 2027), waar deze taak op wacht" in text
    assert len(trajectory.all(Task)) == 1


def test_bringing_a_deadline_forward_is_not_a_postponement(trajectory):
    trajectory.say("besluit Tarieven deadline: 29 januari", user=COORD)
    text = trajectory.say("uitstel B1 deadline: 15 januari reden: eerder vergaderd", user=COORD)
    assert "B1 vervroegd van vr 29 jan 2027 naar vr 15 jan 2027. Een vervroeging telt niet als uitstel." in text
    assert trajectory.all(Decision)[0].postponements == 0
    assert [a.action for a in trajectory.all(AuditLog) if a.item == "B1"][-1] == "deadline vervroegd"


def test_a_deadline_on_a_sunday_or_holiday_is_kept_with_a_warning(trajectory):
    text = trajectory.say("besluit Tarieven deadline: eind januari", user=COORD)
    assert "zo 31 jan 2027" in text and "Let op: zo 31 jan 2027 is een weekenddag. De werkdag ervoor is vr 29 jan 2027." in text
    text = trajectory.say("taak Codes eigenaar: Kees deadline: 28-12-2026")
    assert "Let op: ma 28 dec 2026" not in text  # a working day: no warning
    text = trajectory.say("taak Codes eigenaar: Kees deadline: 25-12-2026")
    assert "vr 25 dec 2026 is een feestdag (Eerste kerstdag). De werkdag ervoor is do 24 dec 2026." in text
    text = trajectory.say("task Codes owner: Kees due: 25-12-2026")
    assert "Fri 25 Dec 2026 is a public holiday (Christmas Day). The working day before is Thu 24 Dec 2026." in text
    assert [d.deadline.isoformat() for d in trajectory.all(Decision)] == ["2027-01-31"]
