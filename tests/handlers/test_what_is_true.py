"""Issue 17, typed again through the real app: what `status`, `risico`, the digest, `regio`, App
Home and the pictures state must be true. The region is the fixture's Rivierenland (8 members);
today is Tuesday 24 November 2026 unless a test moves the clock."""
from __future__ import annotations

import re
from datetime import date

from domain.permissions import Actor
from jobs.digest import run_digests
from jobs.runner import JobRun
from reports.region import region_overview
from reports.risk import thresholds_of
from store import queries
from tests.conftest import message_text
from tests.handlers.test_home import open_home

REJECTED = "afgewezen door Zaltbommel op di 1 dec 2026 (tarief te hoog) · herzien voorstel nodig"


def rejected_before_the_deadline(bot, clock):
    """B1 (college, deadline Fri 11 Dec); Tiel and Buren adopt, Zaltbommel rejects on Tue 1 Dec."""
    bot.say("besluit Inkoopstrategie jeugdhulp deadline: 11-12-2026 door: college", user="U_ADMIN")
    clock.set("2026-12-01 10:00")
    bot.say("vastgesteld B1 gemeenten: Tiel, Buren", user="U_ADMIN")
    bot.say("afgewezen B1 gemeente: Zaltbommel reden: tarief te hoog", user="U_ADMIN")


def line_of(text: str, start: str) -> str:
    return next(line for line in text.splitlines() if line.lstrip("• ").startswith(start))


def test_a_rejection_before_the_deadline_is_not_late(trajectory, clock):
    rejected_before_the_deadline(trajectory, clock)
    status = trajectory.say("status", user="U_ADMIN")
    b1 = line_of(status, "B1 ")
    assert b1.endswith("deadline vr 11 dec 2026 · 2/8 vastgesteld · nog: Culemborg, Maasdriel, Neder-Betuwe, "
                       "West Betuwe, West Maas en Waal · " + REJECTED)
    assert "te laat" not in b1
    risk = trajectory.say("risico", user="U_ADMIN")
    assert "Te laat" not in risk
    assert ("Zaltbommel wees B1 af op di 1 dec 2026 (tarief te hoog): een herzien voorstel is op zijn vroegst een "
            "besluitcyclus (28 dagen) later vastgesteld → B1 verwacht di 29 dec 2026") in risk
    assert "((" not in risk and not re.search(r"\([^)]*\(", risk)  # no brackets inside brackets
    digest = trajectory.say("digest", user="U_ADMIN")
    assert "Te laat" not in digest
    assert ("B1 Inkoopstrategie jeugdhulp: Culemborg, Maasdriel, Neder-Betuwe, West Betuwe, West Maas en Waal · "
            + REJECTED) in digest
    line = next(line for line in trajectory.say("regio", user="U_ADMIN").splitlines() if "#C_JEUGD" in line)
    assert "te laat" not in line and "✕ 1 afgewezen (herzien voorstel nodig)" in line


def test_past_the_deadline_the_rejecting_municipality_is_overdue(trajectory, clock):
    rejected_before_the_deadline(trajectory, clock)
    trajectory.say("vastgesteld B1 gemeenten: Culemborg, Maasdriel, Neder-Betuwe, West Betuwe, West Maas en Waal",
                   user="U_ADMIN")
    clock.set("2026-12-14 10:00")  # Monday after the deadline
    status = trajectory.say("status", user="U_ADMIN")
    assert line_of(status, "B1 ").endswith("deadline vr 11 dec 2026 ⚠️ te laat · 7/8 vastgesteld · " + REJECTED)
    risk = trajectory.say("risico", user="U_ADMIN")
    assert "Te laat: B1." in risk and "B1 verwacht di 29 dec 2026" in risk
    digest = trajectory.say("digest", user="U_ADMIN")
    overdue = digest.split("Te laat")[1].split("Nog vast te stellen")[0]
    assert "B1 Inkoopstrategie jeugdhulp · " + REJECTED + " · vr 11 dec 2026" in overdue
    assert "⚠️ 1 te laat" in trajectory.say("regio", user="U_ADMIN")


def test_a_group_request_is_named_as_a_group_and_input_due_after_its_decision_is_warned(trajectory, clock):
    for name in ("Lindenhout", "Pluryn", "Karakter", "Entrea"):
        trajectory.say(f"contact {name} rol: aanbieder organisatie: {name} e-mail: inkoop@{name.lower()}.nl",
                       user="U_ADMIN")
    trajectory.say("besluit Tarieven 2027 deadline: 11-12-2026 door: raad", user="U_ADMIN")
    asked = trajectory.say("input Zienswijze op de tarieven van: aanbieders rol: aanbieder deadline: 18-12-2026 "
                           "voor: B1", user="U_ADMIN")
    assert ("De deadline van I1 (vr 18 dec 2026) valt na die van B1 (vr 11 dec 2026), dat erop wacht: zo kan B1 "
            "niet op tijd worden genomen.") in asked
    trajectory.say("ontvangen I1 van: Lindenhout", user="U_ADMIN")
    trajectory.say("ontvangen I1 van: Pluryn", user="U_ADMIN")
    risk = trajectory.say("risico", user="U_ADMIN")
    assert ("B1 wacht op I1 van de aanbieders, 2/4 geantwoord: verwacht vr 18 dec 2026 → B1 niet vóór vr 18 dec "
            "2026 · ⚠️ deadline I1 (vr 18 dec 2026) valt na die van B1 (vr 11 dec 2026)") in risk
    assert "wacht op I1 van de aanbieders, 2/4 geantwoord" in risk.split("Wie moet bewegen")[1]
    for provider in ("Karakter", "Entrea", "Lindenhout", "Pluryn"):
        assert provider not in risk
    on_time = trajectory.say("input Reactie college van: <@U_JAN|jan> rol: wethouder deadline: 4-12-2026 voor: B1",
                             user="U_ADMIN")
    assert "valt na die van" not in on_time


def test_the_digest_opens_with_the_level_and_sums_up_changes_per_item(trajectory, clock):
    trajectory.say("urgent Wachtlijst loopt op ernst: laag", user="U_KWAL")  # so the digest is not the quiet line
    clock.set("2026-11-25 08:30")
    run_digests(JobRun(trajectory.rt))
    clock.set("2026-11-25 11:00")
    for n in range(1, 7):
        trajectory.say(f"besluit Besluit {n} deadline: 15-1-2027", user="U_ADMIN")
    trajectory.say("vastgesteld B6 gemeenten: Zaltbommel, Tiel", user="U_ADMIN")
    trajectory.say("vastgesteld B6 gemeente: Buren", user="U_ADMIN")
    for n in range(1, 10):  # nine tasks, each moved to its own day: nine different lines
        trajectory.say(f"taak Taak {n} eigenaar: <@U_KEES|kees> deadline: 1-12-2026", user="U_ADMIN")
        trajectory.say(f"uitstel T{n} deadline: {n + 1}-12-2026 reden: later aangeleverd", user="U_ADMIN")
    trajectory.say("opgepakt U1", user="U_JAN")
    clock.set("2026-11-26 08:30")
    run_digests(JobRun(trajectory.rt))
    posts = [c for c in trajectory.slack.of("chat.postMessage") if "Dagoverzicht" in message_text(c.body)]
    text = message_text(posts[-1].body)
    head = text.splitlines()
    assert head[0] == "Dagoverzicht Jeugdhulp Rivierenland 2027 · do 26 nov 2026"
    assert head[1] == "🔴 rood · 8 dagen te laat · verwacht klaar vr 9 apr 2027"  # 15 Jan + 12 weeks, go-live 1 Apr
    changes = text.split("Sinds het vorige overzicht\n")[1].splitlines()
    assert changes[:3] == ["• U1 opgepakt door @U_JAN", "• T9 nieuwe taak; uitgesteld tot do 10 dec 2026",
                           "• T8 nieuwe taak; uitgesteld tot wo 9 dec 2026"]
    assert len(changes) == 9 and changes[-1] == "• … en nog 4 (alles in het auditlog: /inkoop export)"
    assert "@U_ADMIN" not in "\n".join(changes) and "(2×)" not in text


def test_items_that_changed_alike_share_one_line(trajectory, clock):
    trajectory.say("urgent Wachtlijst loopt op ernst: laag", user="U_KWAL")
    clock.set("2026-11-25 08:30")
    run_digests(JobRun(trajectory.rt))
    clock.set("2026-11-25 11:00")
    for n in range(1, 7):
        trajectory.say(f"besluit Besluit {n} deadline: 15-1-2027", user="U_ADMIN")
    trajectory.say("vastgesteld B6 gemeenten: Zaltbommel, Tiel", user="U_ADMIN")
    trajectory.say("vastgesteld B6 gemeente: Buren", user="U_ADMIN")
    trajectory.say("besluit Besluit 7 deadline: 15-1-2027", user="U_ADMIN")
    clock.set("2026-11-26 08:30")
    run_digests(JobRun(trajectory.rt))
    text = message_text(trajectory.slack.of("chat.postMessage")[-1].body)
    assert text.split("Sinds het vorige overzicht\n")[1].splitlines() == [
        "• B1–B5, B7 nieuw besluit", "• B6 nieuw besluit; vastgesteld door Zaltbommel, Tiel en Buren"]


def test_home_shows_what_waits_for_each_person_and_marks_what_is_overdue(trajectory, slack, clock):
    trajectory.say("taak Productcodes eigenaar: <@U_KEES|kees> deadline: 26-11-2026", user="U_ADMIN")
    trajectory.say("taak Begroting eigenaar: financien deadline: 26-11-2026", user="U_ADMIN")
    trajectory.say("urgent Jeugdige zonder vervolgplek ernst: hoog", user="U_KWAL")
    trajectory.say("urgent Wachtlijst loopt op ernst: middel", user="U_KWAL")
    trajectory.say("opgepakt U2", user="U_KEES")
    clock.set("2026-11-30 10:00")
    slack.clear()
    open_home(trajectory, "U_KEES")
    kees = message_text(slack.wait_for(lambda c: c.method == "views.publish").body["view"])
    assert "U2 (middel) Wachtlijst loopt op · opgepakt door @U_KEES · jij pakte het op" in kees
    assert "T1 Productcodes · Jeugdhulp Rivierenland 2027 · deadline do 26 nov 2026 ⚠️ te laat  [Klaar]" in kees
    assert "U1" not in kees
    slack.clear()
    open_home(trajectory, "U_ADMIN")
    coordinator = message_text(slack.wait_for(lambda c: c.method == "views.publish").body["view"])
    assert "U1 (hoog) Jeugdige zonder vervolgplek · nog niet opgepakt · wacht op oppakken in jouw traject" in coordinator
    assert "Niets op dit moment" not in coordinator.split("Jouw trajecten")[0]
    to_chase = coordinator.split("Te laat in trajecten die jij coördineert")[1]
    assert "T2 Begroting · financiën, niet in Slack · Jeugdhulp Rivierenland 2027 · deadline do 26 nov 2026 ⚠️ te laat" \
           " · geef hem aan iemand: /inkoop toewijzen T2 aan: @naam" in to_chase
    assert "T1 Productcodes · @U_KEES" in to_chase
    assert "financien" not in coordinator


def test_role_words_read_as_dutch(trajectory):
    trajectory.say("input Ervaringen met de toegang van: Cliëntenraad Tiel rol: cliënt deadline: 4-12-2026",
                   user="U_ADMIN")
    trajectory.say("taak Begroting bijwerken eigenaar: financien deadline: 4-12-2026", user="U_ADMIN")
    status = trajectory.say("status", user="U_ADMIN")
    assert "I1 Ervaringen met de toegang · Cliëntenraad Tiel (cliënt)" in status
    assert "T1 Begroting bijwerken · financiën · deadline" in status


def test_pictures_draw_dollars_as_text_and_carry_alt_text(trajectory, slack, clock):
    trajectory.say("taak Kosten $x^$ eigenaar: <@U_KEES|kees> deadline: 18-12-2026", user="U_ADMIN")
    trajectory.say("besluit Budget $\\frac{a}{$ deadline: 11-12-2026", user="U_ADMIN")
    trajectory.say("vastgesteld B1 gemeenten: Tiel op: 24-11-2026", user="U_ADMIN")
    clock.set("2026-12-14 10:00")
    trajectory.say("vastgesteld B1 gemeente: Buren", user="U_ADMIN")  # three days late
    slack.uploads.clear()
    assert "tijdlijn-C_JEUGD.png" in trajectory.say("tijdlijn", user="U_ADMIN")
    assert "adoptiematrix-rivierenland.png" in trajectory.say("regio", user="U_KWAL")
    assert [png[:4] for png in slack.uploads.values()] == [b"\x89PNG", b"\x89PNG"]
    asked = {c.body.get("filename"): c.body.get("alt_txt") for c in slack.of("files.getUploadURLExternal")}
    assert asked["tijdlijn-C_JEUGD.png"].startswith("Tijdlijn van Jeugdhulp Rivierenland 2027: risico ")
    assert "B1 deadline vr 11 dec 2026, verwacht " in asked["tijdlijn-C_JEUGD.png"]
    assert asked["adoptiematrix-rivierenland.png"] == (
        "Adoptiematrix van regio Rivierenland, 8 gemeenten. B1: 2 vastgesteld (1 na de deadline), 0 afgewezen, "
        "0 open, 6 te laat")
    with trajectory.session() as session:
        actor = Actor("T1", "U_ADMIN", "C_JEUGD", channel_check=lambda channel: True)
        jeugd = queries.trajectory_for_channel(session, "T1", "C_JEUGD")
        matrix = region_overview(session, actor, jeugd, date(2026, 12, 14), thresholds_of(trajectory.rt.settings)).matrix
    cells = {name: (row[0].state, row[0].days_late) for name, row in zip(matrix.rows, matrix.cells)}
    assert (cells["Tiel"], cells["Buren"], cells["Culemborg"]) == (("vastgesteld", 0), ("vastgesteld_laat", 3),
                                                                    ("te_laat", 3))


def test_changes_are_said_as_people_say_them():
    """The summary on audit rows as the jobs and commands write them: the risk level from before the
    first change to now, the deadline an item has now, a regional adoption, answers by name."""
    from datetime import datetime, timezone

    from reports.digest import summarised
    from store.models import AuditLog
    at = lambda hour: datetime(2026, 11, 25, hour, tzinfo=timezone.utc)  # noqa: E731
    rows = [AuditLog(id=1, team_id="T1", at=at(9), actor="regiowacht", action="risiconiveau", field_name="niveau",
                     old_value="groen", new_value="oranje"),
            AuditLog(id=2, team_id="T1", at=at(10), actor="regiowacht", action="risiconiveau", field_name="niveau",
                     old_value="oranje", new_value="rood"),
            AuditLog(id=3, team_id="T1", at=at(11), actor="U_A", action="uitstel", item="T4", field_name="deadline",
                     old_value="2026-12-01", new_value="2026-12-18 (wacht op leverancier)"),
            AuditLog(id=4, team_id="T1", at=at(12), actor="U_A", action="deadline vervroegd", item="T4",
                     field_name="deadline", old_value="2026-12-18", new_value="2026-12-11 (toch eerder)"),
            AuditLog(id=5, team_id="T1", at=at(13), actor="U_A", action="vastgesteld", item="B2", field_name="regio",
                     new_value="vastgesteld 2026-11-25"),
            AuditLog(id=6, team_id="T1", at=at(14), actor="regiowacht", action="input ontvangen", item="I5",
                     field_name="Stichting Lindenhout", new_value="2026-11-25"),
            AuditLog(id=7, team_id="T1", at=at(15), actor="U_B", action="input ontvangen", item="I5",
                     field_name="Pluryn", new_value="2026-11-25")]
    assert summarised(rows, "nl", "/inkoop") == [
        "I5 beantwoord door Stichting Lindenhout en Pluryn", "B2 vastgesteld door de regio",
        "T4 vervroegd naar vr 11 dec 2026", "risico groen → rood"]
    assert summarised(rows, "en", "/inkoop")[0] == "I5 answered by Stichting Lindenhout and Pluryn"
