"""`toewijzen`: a task given to someone else, who is told; a plan's tasks owned by registry roles,
and the answer to `plan` saying who gets them."""
from __future__ import annotations

import pytest

from store.models import AuditLog, Task
from tests.conftest import message_text
from tests.handlers.test_home import open_home

COORD = "U_ADMIN"


def dms(slack, user):
    return [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == user]


def test_a_task_given_to_a_colleague_who_hears_it_and_sees_it_at_home(trajectory, slack):
    trajectory.say("taak Productcodes inrichten eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user="U_KEES")
    text = trajectory.say("toewijzen T1 aan: <@U_FLEUR|fleur>", user="U_JAN")  # its owner may give it away
    assert "T1: nu van @U_FLEUR (was: jan)." in text and "@U_FLEUR krijgt een DM" in text
    [told] = dms(slack, "U_FLEUR")
    assert "Je bent eigenaar van 1 taak in Jeugdhulp Rivierenland 2027" in told
    assert "T1 Productcodes inrichten · deadline do 3 dec 2026" in told and "/inkoop klaar T1" in told
    [task] = trajectory.all(Task)
    assert (task.owner_user, task.owner_name) == ("U_FLEUR", "fleur")
    [audit] = [a for a in trajectory.all(AuditLog) if a.action == "taak toegewezen"]
    assert (audit.item, audit.field_name, audit.old_value, audit.new_value) == ("T1", "eigenaar", "jan", "fleur")
    assert "@U_FLEUR" in trajectory.say("status")
    slack.clear()
    open_home(trajectory, "U_FLEUR")
    assert "T1 Productcodes inrichten" in message_text(slack.wait_for(lambda c: c.method == "views.publish").body["view"])
    assert "klaar" in trajectory.say("klaar T1", user="U_FLEUR")  # the new owner may close it


def test_assign_in_english_and_several_at_once(trajectory, slack):
    for title in ("Codes", "Tests", "Website"):
        trajectory.say(f"task {title} owner: <@U_JAN|jan> due: 3-12-2026", user=COORD)
    text = trajectory.say("assign T1 T3 to: <@U_FLEUR|fleur>", user=COORD)
    assert "T1, T3: now @U_FLEUR's (was: jan)." in text
    [told] = dms(slack, "U_FLEUR")  # one message for both
    assert "T1 Codes" in told and "T3 Website" in told and "T2" not in told


@pytest.mark.parametrize("line,user,problem", [
    ("toewijzen T1 aan: Mevrouw Onbekend", COORD, "Mevrouw Onbekend kan ik niets laten weten"),
    ("toewijzen T1", COORD, "Het veld aan: ontbreekt"),
    ("toewijzen T1 naar Fleur", COORD, "Het veld aan: ontbreekt"),
    ("toewijzen T1 aan: <!channel>", COORD, "moet een persoon zijn"),
    ("toewijzen T1 aan: <@U_JAN|jan>", COORD, "T1 is al van jan"),
    ("toewijzen T1 aan: <@U_FLEUR|fleur>", "U_PIET", "alleen wie het item heeft aangemaakt"),
    ("toewijzen T7 aan: <@U_FLEUR|fleur>", COORD, "Ik vind T7 niet"),
    ("toewijzen B1 aan: <@U_FLEUR|fleur>", COORD, "B1 is geen geldige verwijzing"),
    ("taak T1 eigenaar: <@U_FLEUR|fleur>", COORD, "T1 bestaat al. Een andere eigenaar geef je met toewijzen T1 aan:"),
])
def test_a_wrong_assignment_is_refused_saying_why(trajectory, slack, line, user, problem):
    trajectory.say("taak Codes eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    slack.clear()
    text = trajectory.say(line, user=user)
    assert problem in text, text
    assert [t.owner_user for t in trajectory.all(Task)] == ["U_JAN"] and dms(slack, "U_FLEUR") == []


def test_plan_tasks_are_owned_by_registry_roles_and_the_answer_says_who_gets_them(trajectory, slack):
    trajectory.say("contact Fleur de Vries rol: juridisch gemeente: Tiel slack: <@U_FLEUR|fleur>", user=COORD)
    trajectory.say("contact Anne Bakker rol: toegang gemeente: Tiel e-mail: anne@tiel.nl", user=COORD)
    trajectory.say("contact Bram Smit rol: toegang gemeente: Buren e-mail: bram@buren.nl", user=COORD)
    text = trajectory.say("plan jeugd", user=COORD)
    roles = {task.owner_role for task in trajectory.all(Task)}
    assert roles == {"beleid", "functioneel beheer", "contractmanager", "juridisch", "financien", "toegang",
                     "communicatie", "projectleider"}
    assert "Wie de taken krijgt:" in text
    assert "• juridisch: @U_FLEUR krijgt de taken en de herinneringen." in text
    assert "• toegang: meer contacten (Anne Bakker, Bram Smit)" in text
    assert "• nog geen contact: beleid, functioneel beheer, contractmanager, financiën, communicatie, projectleider." in text
    assert "· financiën ·" in text  # shown as Dutch people write it
    listed = trajectory.say("contacten juridisch")
    assert "Fleur de Vries · juridisch · Tiel" in listed


def test_the_registry_knows_the_plan_roles(trajectory):
    for line in ("contact Fleur de Vries rol: Jurist gemeente: Tiel e-mail: f@tiel.nl",
                 "contact Kees Jansen rol: functioneel beheerder gemeente: Buren e-mail: k@buren.nl",
                 "contact Sanne Wit rol: Financiën gemeente: Tiel e-mail: s@tiel.nl",
                 "contact Piet Smit rol: projectleider organisatie: Regio Rivierenland e-mail: p@regio.nl"):
        assert "staat in het register van Rivierenland" in trajectory.say(line, user=COORD), line
    text = trajectory.say("contacten", user=COORD)
    for shown in ("Fleur de Vries · juridisch", "Kees Jansen · functioneel beheer", "Sanne Wit · financiën",
                  "Piet Smit · projectleider"):
        assert shown in text
    refused = trajectory.say("contact Jan rol: burgemeester gemeente: Tiel e-mail: j@tiel.nl", user=COORD)
    assert "geen geldige waarde voor rol:" in refused and "functioneel beheer" in refused and "financiën" in refused


def test_a_task_given_back_to_a_role_goes_to_its_one_contact(trajectory, slack):
    trajectory.say("contact Fleur de Vries rol: juridisch gemeente: Tiel slack: <@U_FLEUR|fleur>", user=COORD)
    trajectory.say("taak DPIA uitvoeren eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    text = trajectory.say("toewijzen T1 aan: jurist", user=COORD)
    assert "T1: nu van juridisch (was: jan)." in text and "juridisch: @U_FLEUR krijgt de taken" in text
    [told] = dms(slack, "U_FLEUR")
    assert told.startswith("Je staat in het contactregister van regio Rivierenland als juridisch. Je bent eigenaar van 1 taak")
    [task] = trajectory.all(Task)
    assert (task.owner_role, task.owner_user) == ("juridisch", None)
