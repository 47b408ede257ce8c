"""`plan jeugd|wmo` through Slack: the standard tasks dated back from go-live, once."""
from __future__ import annotations

from datetime import date

import pytest

from tracking.plans import due_date, load_plans
from domain.workdays import WorkCalendar
from store.models import Task
from tests.conftest import SlackBot, listen, make_settings

# The shared trajectory fixture goes live on 1 April 2027; today is 24 November 2026 in the test clock.
PLAN_DIR_ROWS = ("titel;weken_voor_livegang;rol;standaard\n"
                 "Uitvoeringsvariant en productcodes vaststellen;30;beleid;https://www.istandaarden.nl/\n"
                 "Berichtenverkeer via GGk en VECOZO testen met elke aanbieder;12;functioneel beheer;\n"
                 "Consulenten en de toegang instrueren;1;toegang;\n"
                 "Go/no-go livegang;0;projectleider;\n")


@pytest.fixture
def own_plans(slack, database_url, clock, tmp_path):
    """A bot whose region keeps its own task lists (PLAN_DIR)."""
    (tmp_path / "jeugd.csv").write_text(PLAN_DIR_ROWS, encoding="utf-8")
    (tmp_path / "wmo.csv").write_text(PLAN_DIR_ROWS.replace("Consulenten", "Wmo-consulenten"), encoding="utf-8")
    settings = make_settings(slack, database_url, PLAN_DIR=str(tmp_path), MAIL_DIR=str(tmp_path))
    bot = SlackBot(slack, settings, clock, server=listen())
    yield bot
    bot.close()


TRAJECT = ("traject Jeugdhulp 2028 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: 31-12-2027 "
           "domein: jeugd")


def test_plan_dates_each_task_back_from_go_live_on_a_working_day(own_plans):
    own_plans.say(TRAJECT, user="U_ADMIN")  # go-live Saturday 1 January 2028
    text = own_plans.say("plan jeugd", user="U_ADMIN")
    assert "Plan jeugd: 4 nieuwe taken, van vr 4 jun 2027 tot vr 31 dec 2027" in text
    tasks = {task.title: task for task in own_plans.all(Task)}
    # 30 weeks before Sat 1 Jan 2028 is Sat 5 June: Friday the 4th. 12 weeks: Sat 9 Oct, so Friday
    # 8 Oct. 1 week: Sat 25 Dec (Christmas), so Friday 24 Dec. 0 weeks: Friday 31 December.
    assert {title: (task.deadline.isoformat(), task.owner_name) for title, task in tasks.items()} == {
        "Uitvoeringsvariant en productcodes vaststellen": ("2027-06-04", "beleid"),
        "Berichtenverkeer via GGk en VECOZO testen met elke aanbieder": ("2027-10-08", "functioneel beheer"),
        "Consulenten en de toegang instrueren": ("2027-12-24", "toegang"),
        "Go/no-go livegang": ("2027-12-31", "projectleider"),
    }
    assert "• T1 Uitvoeringsvariant en productcodes vaststellen · beleid · vr 4 jun 2027" in text


def test_a_second_plan_adds_nothing_and_says_what_exists(own_plans):
    own_plans.say(TRAJECT, user="U_ADMIN")
    own_plans.say("plan jeugd", user="U_ADMIN")
    own_plans.say("klaar T4", user="U_ADMIN")
    text = own_plans.say("plan", user="U_ADMIN")  # the trajectory is jeugd only: no need to say it
    assert "Plan jeugd: alle 4 taken stonden er al; niets toegevoegd." in text
    assert len(own_plans.all(Task)) == 4


def test_a_late_plan_makes_the_overdue_tasks_due_now_and_says_so(own_plans):
    own_plans.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: 31-1-2027 domein: jeugd",
                  user="U_ADMIN")  # go-live Monday 1 February 2027; today Tuesday 24 November 2026
    text = own_plans.say("plan jeugd", user="U_ADMIN")
    due = {task.title: task.deadline.isoformat() for task in own_plans.all(Task)}
    assert due["Uitvoeringsvariant en productcodes vaststellen"] == "2026-11-24"  # 30 weeks back: 6 July 2026
    assert due["Berichtenverkeer via GGk en VECOZO testen met elke aanbieder"] == "2026-11-24"  # 12 weeks: 9 Nov
    assert due["Consulenten en de toegang instrueren"] == "2027-01-25"
    assert due["Go/no-go livegang"] == "2027-02-01"
    assert "Te laat volgens de standaard: 2 taken (de vroegste had op ma 6 jul 2026 klaar moeten zijn)" in text
    assert "Hun deadline is nu di 24 nov 2026" in text


def test_plan_after_a_decision_moves_with_it_in_the_forecast(own_plans):
    own_plans.say(TRAJECT, user="U_ADMIN")
    own_plans.say("besluit Gunning jeugdhulp deadline: 1-10-2027 door: college", user="U_ADMIN")
    text = own_plans.say("plan jeugd na: B1", user="U_ADMIN")
    assert "Alle nieuwe taken starten pas na B1." in text
    assert "Let op: vóór de deadline van B1 (vr 1 okt 2027), waar ze op wachten, valt de deadline van 1 taak." in text
    assert {task.after_decision_id for task in own_plans.all(Task)} == {1}


def test_wrong_domain_other_people_and_unknown_words_are_refused_and_nothing_is_stored(own_plans):
    own_plans.say(TRAJECT, user="U_ADMIN")
    assert "Dit traject is voor jeugd; het plan voor wmo hoort daar niet bij." in own_plans.say("plan wmo", user="U_ADMIN")
    assert "Er is geen plan 'ggz'. Kies jeugd of wmo." in own_plans.say("plan ggz", user="U_ADMIN")
    assert "Zo werkt het: /inkoop plan jeugd na: B3" in own_plans.say("plan ggz", user="U_ADMIN")
    assert "coördinator" in own_plans.say("plan jeugd", user="U_KWAL")
    assert "Ik vind B9 niet in het traject van dit kanaal." in own_plans.say("plan jeugd na: B9", user="U_ADMIN")
    assert own_plans.all(Task) == []


def test_a_trajectory_for_both_domains_asks_which_plan(own_plans):
    own_plans.say(TRAJECT.replace("domein: jeugd", "domein: beide"), user="U_ADMIN")
    assert "zeg welk plan, jeugd of wmo" in own_plans.say("plan", user="U_ADMIN")
    own_plans.say("plan jeugd", user="U_ADMIN")
    text = own_plans.say("plan wmo", user="U_ADMIN")
    assert "Plan wmo: 1 nieuwe taak" in text and "Stonden er al (niet opnieuw aangemaakt): T1, T2, T4." in text


def test_the_shipped_jeugd_plan_through_slack(trajectory):
    """The repository's list on the shared trajectory (go-live Thursday 1 April 2027, after Easter)."""
    text = trajectory.say("plan jeugd", user="U_ADMIN")
    templates = load_plans()["jeugd"]
    tasks = trajectory.all(Task)
    assert [task.title for task in tasks] == [template.title for template in templates]
    assert f"Plan jeugd: {len(templates)} nieuwe taken" in text
    work, today = WorkCalendar(), date(2026, 11, 24)
    for template, task in zip(templates, tasks):
        assert task.deadline == max(due_date(date(2027, 4, 1), template.weeks, work), today)
        assert work.is_working_day(task.deadline) and task.owner_role == template.role


def test_the_shipped_plan_on_schedule_keeps_a_trajectory_green(bot):
    """The lists end two weeks before go-live: a plan that runs on time is no risk by itself."""
    bot.say("traject Jeugdhulp 2028 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: 31-12-2027 domein: jeugd",
            user="U_ADMIN")
    bot.say("besluit Inkoopstrategie deadline: 1-3-2027 door: regio", user="U_ADMIN")
    assert "groen" in bot.say("risico", user="U_ADMIN")
    bot.say("plan jeugd na: B1", user="U_ADMIN")
    assert "🟢 groen" in bot.say("risico", user="U_ADMIN")
