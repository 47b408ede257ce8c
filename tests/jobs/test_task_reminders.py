"""Task owners are reminded in the rhythm of input requests, through the scan under a clock the
test sets: a named colleague by DM, a registered outsider by mail, a role task at the region's one
contact of that role, and role tasks without one (none, or several) listed for the coordinator.
A reminder sent later than its step says how the deadline really stands."""
from __future__ import annotations

from jobs.runner import JobRun
from jobs.scan import send_reminders, send_task_reminders
from store.models import Task
from tests.conftest import message_text
from tests.handlers.test_people_outside_slack import deliver_all
from tests.mail_server import parts_of

COORD = "U_ADMIN"


def scan(bot, moment, clock, step=send_task_reminders):
    clock.set(moment)
    run = JobRun(bot.rt)
    step(run)
    return run.finish()


def dms(slack, user):
    return [message_text(c.body) for c in slack.of("chat.postMessage") if c.body["channel"] == user]


def test_a_named_owner_is_reminded_like_an_input_then_the_coordinator_chases(trajectory, slack, clock):
    trajectory.say("taak Productcodes inrichten eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    # Thu 3 Dec: 3 working days before is Mon 30 Nov; overdue Mon 7, Wed 9, Fri 11 Dec; then the coordinator.
    expected = [("2026-11-27 10:00", []), ("2026-11-30 10:00", ["task:1:U_JAN:before"]), ("2026-11-30 15:00", []),
                ("2026-12-03 10:00", ["task:1:U_JAN:due"]), ("2026-12-04 10:00", []),
                ("2026-12-07 10:00", ["task:1:U_JAN:overdue1"]), ("2026-12-09 10:00", ["task:1:U_JAN:overdue2"]),
                ("2026-12-11 10:00", ["task:1:U_JAN:overdue3"]), ("2026-12-15 10:00", ["task:1:chase"]),
                ("2026-12-17 10:00", []), ("2026-12-12 10:00", [])]
    for moment, keys in expected:
        assert scan(trajectory, moment, clock) == keys, moment
    jan = dms(slack, "U_JAN")
    assert len(jan) == 5
    assert "Herinnering: taak T1 Productcodes inrichten (Jeugdhulp Rivierenland 2027) moet do 3 dec 2026 klaar zijn " \
           "(over 3 dagen)" in jan[0]
    assert jan[1].startswith("Vandaag is de deadline: taak T1") and "/inkoop klaar T1" in jan[1]
    assert "T1 Productcodes inrichten is 2 werkdagen over de deadline" in jan[2]
    [chase] = dms(slack, COORD)
    assert "is 8 werkdagen na de deadline (do 3 dec 2026, Jeugdhulp Rivierenland 2027) nog niet klaar" in chase and "@U_JAN" in chase
    trajectory.say("klaar T1", user="U_JAN")
    assert scan(trajectory, "2026-12-18 10:00", clock) == []


def test_a_reminder_sent_a_day_late_says_the_deadline_was_yesterday(trajectory, slack, clock):
    trajectory.say("taak Codes eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    trajectory.say("input Zienswijze van: <@U_PIET|piet> rol: beleid deadline: 3-12-2026", user=COORD)
    assert scan(trajectory, "2026-12-04 10:00", clock) == ["task:1:U_JAN:due"]  # the bot was down on Thursday
    assert scan(trajectory, "2026-12-04 10:00", clock, send_reminders) == ["remind:1:due"]
    [task] = dms(slack, "U_JAN")
    assert task.startswith("De deadline was gisteren (do 3 dec 2026): taak T1 Codes") and "Vandaag" not in task
    [question] = [text for text in dms(slack, "U_PIET") if "Herinnering" not in text and "vraagt je" not in text]
    assert question.startswith("De deadline was gisteren (do 3 dec 2026): I1 Zienswijze") and "Vandaag" not in question
    # A deadline on a Sunday is reminded on the Friday before: that is not "today" either.
    trajectory.say("taak Website eigenaar: <@U_JAN|jan> deadline: zondag 13 december", user=COORD)
    assert scan(trajectory, "2026-12-11 10:00", clock) == ["task:1:U_JAN:overdue3", "task:2:U_JAN:due"]
    assert dms(slack, "U_JAN")[-1].startswith("De deadline is overmorgen (zo 13 dec 2026): taak T2 Website")


def test_a_registered_outsider_is_told_and_reminded_by_mail(trajectory, mail_server, slack, clock):
    trajectory.say("contact Fleur de Vries rol: juridisch gemeente: Tiel e-mail: f.devries@tiel.nl", user=COORD)
    trajectory.say("taak Privacy toetsen (DPIA) eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    trajectory.say("taak Verwerkersovereenkomst tekenen eigenaar: <@U_JAN|jan> deadline: 10-12-2026", user=COORD)
    text = trajectory.say("toewijzen T1 T2 aan: Fleur de Vries", user=COORD)
    assert "T1, T2: nu van Fleur de Vries (was: jan)." in text and "krijgt een e-mail" in text
    deliver_all(trajectory, clock)
    [told] = mail_server.to("f.devries@tiel.nl")
    assert told["Subject"] == "2 taken voor u in regio Rivierenland: Privacy toetsen (DPIA) (T1 en 1 meer, uiterlijk do 3 dec 2026)"
    plain, html = parts_of(told)
    assert "U bent eigenaar geworden van deze 2 taken in inkooptraject Jeugdhulp Rivierenland 2027" in plain
    assert "T1 Privacy toetsen (DPIA) (uiterlijk do 3 dec 2026)" in plain and "T2 Verwerkersovereenkomst" in plain
    assert "als jurist in het contactregister van regio Rivierenland" in plain and "<strong>T2</strong> Verwerkersovereenkomst" in html
    assert scan(trajectory, "2026-11-30 10:00", clock) == ["mail:task:1:1:before"]
    assert scan(trajectory, "2026-12-04 10:00", clock) == ["mail:task:1:1:due"]  # a day late
    deliver_all(trajectory, clock)
    before, due = mail_server.to("f.devries@tiel.nl")[1:]
    assert before["Subject"].startswith("Herinnering: Privacy toetsen (DPIA) (T1")
    assert "Een herinnering: de deadline is over 3 dagen (do 3 dec 2026)." in parts_of(before)[0]
    assert due["Subject"].startswith("De deadline was gisteren: Privacy toetsen (DPIA) (T1")
    assert "De deadline was gisteren (do 3 dec 2026). Deze taak" in parts_of(due)[0]
    trajectory.say("klaar T2", user=COORD)  # done meanwhile: its reminder mail is not sent
    assert scan(trajectory, "2026-12-07 10:00", clock) == ["mail:task:1:1:overdue1"]
    assert dms(slack, "U_JAN") == []


def test_a_role_task_goes_to_the_one_contact_with_that_role(trajectory, slack, clock):
    trajectory.say("contact Fleur de Vries rol: juridisch gemeente: Tiel slack: <@U_FLEUR|fleur>", user=COORD)
    text = trajectory.say("taak Privacy toetsen eigenaar: Juridisch deadline: 3-12-2026", user=COORD)
    assert "T1 Privacy toetsen" in text
    [task] = trajectory.all(Task)
    assert (task.owner_role, task.owner_name, task.owner_user) == ("juridisch", "juridisch", None)
    assert scan(trajectory, "2026-11-30 10:00", clock) == ["task:1:U_FLEUR:before"]
    [dm] = dms(slack, "U_FLEUR")
    assert dm.startswith("Je staat in het contactregister van regio Rivierenland als juridisch. Herinnering: taak T1")


def test_role_tasks_without_one_contact_are_listed_for_the_coordinator_once_per_step(trajectory, slack, clock):
    for name in ("Anne Bakker", "Bram Smit"):
        trajectory.say(f"contact {name} rol: toegang gemeente: Tiel e-mail: {name.split()[0].lower()}@tiel.nl", user=COORD)
    trajectory.say("taak Werkinstructies toegang eigenaar: toegang deadline: 3-12-2026", user=COORD)
    trajectory.say("taak Verwijzers informeren eigenaar: communicatie deadline: 3-12-2026", user=COORD)
    trajectory.say("taak Lopende toewijzingen besluiten eigenaar: toegang deadline: 10-12-2026", user=COORD)
    [first] = scan(trajectory, "2026-11-30 10:00", clock)
    assert first.startswith("unowned:1:")
    assert scan(trajectory, "2026-11-30 14:00", clock) == []  # each task once per step
    [listed] = dms(slack, COORD)
    assert listed.startswith("Nog zonder eigenaar in Jeugdhulp Rivierenland 2027 (2 taken)")
    assert "• T1 Werkinstructies toegang · toegang (2 contacten: Anne Bakker, Bram Smit) · deadline do 3 dec 2026 " \
           "(over 3 dagen)" in listed
    assert "• T2 Verwijzers informeren · communicatie (geen contact)" in listed and "T3" not in listed
    assert "/inkoop toewijzen T1 aan: @naam" in listed
    assert len(scan(trajectory, "2026-12-03 10:00", clock)) == 1  # T1 and T2 due
    assert "T1" in dms(slack, COORD)[-1] and "T3" not in dms(slack, COORD)[-1]
    trajectory.say("toewijzen T1 aan: Anne Bakker", user=COORD)  # an owner now: by mail from here on
    keys = scan(trajectory, "2026-12-07 10:00", clock)  # T1 overdue1 to Anne; T2 overdue1 and T3 before listed
    assert "mail:task:1:1:overdue1" in keys and sum(k.startswith("unowned:") for k in keys) == 1
    latest = dms(slack, COORD)[-1]
    assert "T2 Verwijzers" in latest and "T3 Lopende toewijzingen" in latest and "T1 " not in latest
    assert not any(k.startswith("task:") for k in keys)


def test_a_task_owned_by_a_name_only_is_reminded_to_its_maker(trajectory, slack, clock):
    trajectory.say("taak Website bijwerken eigenaar: Kees van de webredactie deadline: 3-12-2026", user="U_BEL")
    assert scan(trajectory, "2026-12-03 10:00", clock) == ["task:1:creator:due"]
    [dm] = dms(slack, "U_BEL")
    assert "Taak T1 Website bijwerken (Jeugdhulp Rivierenland 2027) is van Kees van de webredactie, die ik niet kan " \
           "bereiken" in dm and "Vandaag is de deadline" in dm


def test_a_postponed_task_is_reminded_again_for_its_new_deadline(trajectory, slack, clock):
    trajectory.say("taak Codes eigenaar: <@U_JAN|jan> deadline: 3-12-2026", user=COORD)
    assert scan(trajectory, "2026-12-03 10:00", clock) == ["task:1:U_JAN:due"]
    trajectory.say("uitstel T1 deadline: 10-12-2026 reden: leverancier later", user="U_JAN")
    assert scan(trajectory, "2026-12-10 10:00", clock) == ["task:1:U_JAN:due@2026-12-10"]
