"""Every subcommand through a signed HTTP request to the real Bolt app, against the fake Slack."""
from __future__ import annotations

from store.models import Adoption, AuditLog, Decision, InputRequest, Task, Trajectory, UrgentCase
from tests.conftest import TRAJECT, message_text

COORD = "U_ADMIN"


def test_help_lists_commands_with_examples(bot):
    text = bot.say("help")
    assert "besluit" in text and "vastgesteld" in text and "/inkoop besluit Tarieven 2027" in text
    assert "Regiowacht" in bot.say("")  # no arguments: help too


def test_help_for_one_subcommand_either_way_round(bot):
    for line in ("help besluit", "besluit help", "besluit ?"):
        text = bot.say(line)
        assert "/inkoop besluit — een nieuw besluit" in text and "deadline: (verplicht)" in text, line
        assert "/inkoop besluit Tarieven 2027 deadline: 15 januari" in text and "door: regio" in text
    english = bot.say("decision help")
    assert "/inkoop decision — a new decision" in english and "due: (required)" in english
    assert "Ik ken notulen niet als opdracht" in bot.say("help notulen")


def test_traject_links_channel_and_shows_understood_dates(trajectory):
    [row] = trajectory.all(Trajectory)
    assert (row.title, row.contract_end.isoformat(), row.go_live.isoformat()) == (
        "Jeugdhulp Rivierenland 2027", "2027-03-31", "2027-04-01")
    assert row.coordinator_id == COORD and row.domain == "jeugd" and row.lead_weeks == 12
    assert any(a.action == "traject aangemaakt" for a in trajectory.all(AuditLog))


def test_traject_needs_an_admin(bot, slack):
    text = bot.say(TRAJECT, user="U_SOMEONE")
    assert "beheerder" in text
    assert bot.all(Trajectory) == []


def test_workspace_admin_from_slack_may_set_up(bot, slack):
    slack.admins.add("U_WSADMIN")
    assert "gekoppeld" in bot.say(TRAJECT, user="U_WSADMIN")


def test_traject_bad_inputs_store_nothing(bot):
    missing = bot.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel", user="U_ADMIN")
    assert "contracteinde: ontbreekt" in missing and "Zo werkt het:" in missing
    vague = bot.say("traject Jeugd 2027 regio: Rivierenland gemeenten: Tiel contracteinde: na de zomer", user="U_ADMIN")
    assert "noemt geen dag" in vague
    no_members = bot.say("traject Jeugd 2027 regio: Nieuwland contracteinde: 31-12-2027", user="U_ADMIN")
    assert "gemeenten:" in no_members
    assert bot.all(Trajectory) == [] and bot.all(AuditLog) == []


def test_one_trajectory_per_channel(trajectory):
    text = trajectory.say(TRAJECT, user=COORD)
    assert "hoort al bij" in text
    assert len(trajectory.all(Trajectory)) == 1


def test_besluit_shows_understood_deadline_with_weekday(trajectory):
    text = trajectory.say("besluit Tarieven 2027 deadline: 15 januari door: raad", user=COORD)
    assert "B1" in text and "vr 15 jan 2027" in text and "raad" in text
    [decision] = trajectory.all(Decision)
    assert decision.deadline.isoformat() == "2027-01-15" and decision.decided_by == "raad"


def test_besluit_bad_inputs(trajectory):
    assert "ligt in het verleden" in trajectory.say("besluit X deadline: 1 januari 2020", user=COORD)
    assert "noemt geen dag" in trajectory.say("besluit X deadline: zsm", user=COORD)
    assert "geen geldige waarde" in trajectory.say("besluit X deadline: vrijdag door: kabinet", user=COORD)
    assert "deadline: ontbreekt" in trajectory.say("besluit X", user=COORD)
    assert "coördinator" in trajectory.say("besluit X deadline: vrijdag", user="U_OTHER")
    assert trajectory.all(Decision) == []


def test_besluit_without_trajectory(bot):
    assert "nog niet gekoppeld" in bot.say("besluit X deadline: vrijdag", channel="C_EMPTY")


def test_adoption_until_taken_and_rejection_keeps_open(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel, Buren en West Maas en Waal op: 20-11-2026", user=COORD)
    assert "Tiel, Buren, West Maas en Waal" in text and "vr 20 nov 2026" in text and "Nog niet vastgesteld" in text
    rejected = trajectory.say("afgewezen B1 gemeente: Zaltbommel reden: tarief te hoog", user=COORD)
    assert "blijft open" in rejected
    done = trajectory.say("vastgesteld B1 gemeenten: Culemborg, Maasdriel, Neder-Betuwe, West Betuwe, Zaltbommel",
                          user=COORD)
    assert "is genomen" in done
    [decision] = trajectory.all(Decision)
    assert decision.taken_on.isoformat() == "2026-11-24"
    assert len(trajectory.all(Adoption)) == 8


def test_adoption_bad_inputs(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    assert "Geen gemeente van deze regio: Arnhem" in trajectory.say("vastgesteld B1 gemeenten: Arnhem", user=COORD)
    assert "ontbreekt" in trajectory.say("vastgesteld B1", user=COORD)
    assert "in de toekomst" in trajectory.say("vastgesteld B1 gemeenten: Tiel op: 1-1-2030", user=COORD)
    assert "Ik vind B9" in trajectory.say("vastgesteld B9 gemeenten: Tiel", user=COORD)
    assert "geen geldige verwijzing" in trajectory.say("vastgesteld T1 gemeenten: Tiel", user=COORD)
    assert "coördinator" in trajectory.say("vastgesteld B1 gemeenten: Tiel", user="U_OTHER")
    assert trajectory.all(Adoption) == []


def test_regional_decision_adopted_once(trajectory):
    trajectory.say("besluit Mandaat deadline: vrijdag door: regio", user=COORD)
    assert "B1 Mandaat · regio · deadline vr 27 nov 2026 · wacht op het regionale besluit" in trajectory.say("status")
    assert "laat gemeente: weg" in trajectory.say("vastgesteld B1 gemeenten: Tiel", user=COORD)
    assert "is genomen" in trajectory.say("vastgesteld B1", user=COORD)


def test_reference_of_another_trajectory_is_refused_without_revealing(trajectory):
    trajectory.say("besluit Geheim besluit deadline: vrijdag", user=COORD)
    trajectory.say(TRAJECT.replace("Jeugdhulp", "Wmo"), user=COORD, channel="C_WMO")
    text = trajectory.say("vastgesteld B1 gemeenten: Tiel", user=COORD, channel="C_WMO")
    assert "Ik vind B1 niet" in text and "Geheim" not in text
    assert "Ik vind B1 niet" in trajectory.say("uitstel B1 deadline: 1 maart reden: x", user=COORD, channel="C_WMO")


def test_input_and_received(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    text = trajectory.say("input Reactie op tarieven van: <@U_JAN|jan> rol: wethouder deadline: over 5 werkdagen voor: B1",
                          user="U_BELEID")
    assert "I1 input gevraagd van @U_JAN (wethouder)" in text
    assert "di 1 dec 2026" in text and "blokkeert B1" in text
    [request] = trajectory.all(InputRequest)
    assert (request.stakeholder_user, request.role, request.decision_id) == ("U_JAN", "wethouder", 1)
    assert "eigenaar" in trajectory.say("ontvangen I1", user="U_STRANGER")
    assert "ontvangen" in trajectory.say("ontvangen I1", user="U_JAN")
    assert "I1 is al ontvangen op di 24 nov 2026" in trajectory.say("ontvangen I1", user="U_JAN")


def test_input_outsider_and_bad_inputs(trajectory):
    text = trajectory.say("input Capaciteit 2027 van: Stichting Lindenhout rol: aanbieder deadline: 4-12", user="U_B")
    assert "Stichting Lindenhout" in text and "vr 4 dec 2026" in text
    assert "geen geldige waarde" in trajectory.say("input X van: Jan rol: burgemeester deadline: vrijdag")
    assert "van: ontbreekt" in trajectory.say("input X rol: beleid deadline: vrijdag")
    assert "Ik vind B4" in trajectory.say("input X van: Jan rol: beleid deadline: vrijdag voor: B4")
    assert len(trajectory.all(InputRequest)) == 1


def test_task_done_by_owner(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    text = trajectory.say("taak Productcodes inrichten eigenaar: <@U_FATIMA|fatima> deadline: eind januari na: B1",
                          user="U_BELEID")
    assert "T1" in text and "zo 31 jan 2027" in text and "na B1" in text
    assert "eigenaar" in trajectory.say("klaar T1", user="U_STRANGER")
    assert "klaar" in trajectory.say("klaar T1", user="U_FATIMA")
    [task] = trajectory.all(Task)
    assert task.done_on is not None


def test_task_bad_inputs(trajectory):
    assert "eigenaar: ontbreekt" in trajectory.say("taak X deadline: vrijdag")
    assert "bestaat niet" in trajectory.say("taak X eigenaar: Jan deadline: 30 februari")
    assert "omschrijving" in trajectory.say("taak eigenaar: Jan deadline: vrijdag")
    assert trajectory.all(Task) == []


def test_urgent_is_posted_with_buttons_and_mentions_coordinator(trajectory, slack):
    text = trajectory.say("urgent Jeugdige zonder plek na 1 januari, zaak 2026-0412 ernst: hoog", user="U_KWAL")
    assert "U1" in text
    post = slack.wait_for(lambda c: c.method == "chat.postMessage" and c.body.get("channel") == "C_JEUGD")
    shown = message_text(post.body)
    assert "zaak 2026-0412" in shown and f"@{COORD}" in shown and "[Oppakken] [Opgelost]" in shown
    [case] = trajectory.all(UrgentCase)
    assert case.severity == "hoog" and case.flagged_by == "U_KWAL"


def test_urgent_ack_and_resolve_by_command(trajectory, slack):
    trajectory.say("urgent Wachtlijst loopt op ernst: middel", user="U_KWAL")
    slack.wait_for(lambda c: c.method == "chat.postMessage")
    assert "opgepakt door" in trajectory.say("opgepakt U1", user="U_ZORG")
    update = slack.wait_for(lambda c: c.method == "chat.update")
    assert "Opgepakt door @U_ZORG" in message_text(update.body) and "[Opgelost]" in message_text(update.body)
    assert "opgelost door" in trajectory.say("opgelost U1", user="U_ZORG")
    assert "U1 is al opgelost door @U_ZORG (di 24 nov 2026 10:00)" in trajectory.say("opgelost U1", user="U_ZORG")
    [case] = trajectory.all(UrgentCase)
    assert case.acked_by == "U_ZORG" and case.resolved_by == "U_ZORG"


def test_bsn_is_refused_never_stored_nor_echoed(trajectory, slack):
    text = trajectory.say("urgent Cliënt met BSN 111222333 zonder plek", user="U_KWAL")
    assert "burgerservicenummer" in text and "111222333" not in text
    text = trajectory.say("taak Bel over 1112.22.333 eigenaar: Jan deadline: vrijdag")
    assert "burgerservicenummer" in text
    assert trajectory.all(UrgentCase) == [] and trajectory.all(Task) == []
    assert all("111222333" not in str(call.body) for call in slack.calls if call.method != "response_url")


def test_postpone_is_audited_and_counted(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    text = trajectory.say("uitstel B1 deadline: 29 januari reden: raadsvergadering verschoven", user=COORD)
    assert "vr 15 jan 2027" in text and "vr 29 jan 2027" in text and "nr. 1" in text
    assert "reden: ontbreekt" in trajectory.say("uitstel B1 deadline: 5 februari", user=COORD)
    assert "al vr 29 jan 2027" in trajectory.say("uitstel B1 deadline: 29 januari reden: x", user=COORD)
    [decision] = trajectory.all(Decision)
    assert decision.postponements == 1
    [row] = [a for a in trajectory.all(AuditLog) if a.action == "uitstel"]
    assert row.old_value == "2027-01-15" and row.new_value.startswith("2027-01-29")


def test_status_at_a_glance(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari door: raad", user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Tiel", user=COORD)
    trajectory.say("input Capaciteit van: Lindenhout rol: aanbieder deadline: vrijdag")
    trajectory.say("taak Consulenten informeren eigenaar: Kees deadline: eind februari")
    trajectory.say("urgent Wachtlijst ernst: laag")
    text = trajectory.say("status")
    for expected in ("Jeugdhulp Rivierenland 2027", "1/8 vastgesteld", "nog: Buren", "I1 Capaciteit",
                     "T1 Consulenten informeren", "U1 (laag) Wachtlijst", "wo 31 mrt 2027"):
        assert expected in text, expected


def test_datum_shows_reading_or_asks(bot):
    assert "di 1 dec 2026" in bot.say("datum volgende week dinsdag")
    assert "Welke datum" in bot.say("datum binnenkort")


def test_english_aliases_answer_in_english(trajectory):
    text = trajectory.say("decision Rates 2027 due: 15 January by: council", user=COORD)
    assert "due Fri 15 Jan 2027" in text and "decided by council" in text
    assert "is missing" in trajectory.say("task Product codes due: Friday")
    assert "Dutch" not in trajectory.say("language en")
    assert "Nog" not in trajectory.say("status") and "Decisions" in trajectory.say("status")


def test_unknown_subcommand_and_stray_field(bot):
    assert "Ik ken foo niet" in bot.say("foo bar")
    assert "hoort niet bij besluit" in bot.say("besluit X eigenaar: Jan deadline: vrijdag")


def test_risico_explains_and_digest_is_shown_only_to_the_asker(trajectory, slack):
    trajectory.say("besluit Tarieven deadline: 15 januari door: raad", user=COORD)
    risk = trajectory.say("risico")
    assert "Continuïteitsrisico Jeugdhulp Rivierenland 2027" in risk and "12 weken implementatie" in risk
    digest = trajectory.command("digest", user="U_BEL")
    assert digest.method == "ack" and digest.body["response_type"] == "ephemeral"
    assert "Jeugdhulp Rivierenland 2027" in message_text(digest.body)
    assert slack.of("chat.postMessage") == []


def test_export_and_timeline_arrive_as_files_in_a_direct_message(trajectory, slack):
    import csv
    import io

    from icalendar import Calendar
    trajectory.say("besluit Tarieven deadline: 15 januari door: raad", user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Tiel, Buren", user=COORD)
    trajectory.say("afgewezen B1 gemeente: Zaltbommel reden: te duur", user=COORD)
    trajectory.say("taak Codes eigenaar: Kees deadline: eind januari na: B1")
    trajectory.say("taak =HYPERLINK(\"https://evil.example\";\"klik\") eigenaar: Kees deadline: eind januari")
    trajectory.say("taak <https://evil.example|Tarieven> controleren eigenaar: Kees deadline: eind januari")
    assert "In je privéberichten met Regiowacht: besluiten-C_JEUGD.csv, antwoorden-C_JEUGD.csv, auditlog-C_JEUGD.csv, " \
           "deadlines-C_JEUGD.ics." \
        in trajectory.say("export", user="U_BEL")
    complete = slack.wait_for(lambda c: c.method == "files.completeUploadExternal")
    assert complete.body["channel_id"] == "DU_BEL"
    files = {c.body["filename"]: c for c in slack.of("files.getUploadURLExternal")}
    assert set(files) == {"besluiten-C_JEUGD.csv", "antwoorden-C_JEUGD.csv", "auditlog-C_JEUGD.csv", "deadlines-C_JEUGD.ics"}
    uploads = list(slack.uploads.values())
    decisions = next(u for u in uploads if b"ref;titel" in u).decode("utf-8-sig")
    assert ("B1;Tarieven;raad;15-01-2027;;0;Buren (24-11-2026), Tiel (24-11-2026);Zaltbommel (24-11-2026: te duur);"
            "Culemborg, Maasdriel") in decisions
    audit = list(csv.reader(io.StringIO(next(u for u in uploads if b"tijd (Europe/Amsterdam)" in u).decode("utf-8-sig")),
                            delimiter=";"))
    assert ["24-11-2026 10:00", "U_ADMIN", "afgewezen", "B1", "Zaltbommel"] in [row[:5] for row in audit]
    created = next(row for row in audit if row[2] == "taak aangemaakt" and row[3] == "T2")
    assert created[6].startswith("'=HYPERLINK(")  # written as text: Excel shows it, never runs it
    calendar = Calendar.from_ical(next(u for u in uploads if u.startswith(b"BEGIN:VCALENDAR")))
    summaries = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in calendar.walk("VEVENT")}
    assert summaries["B1 Tarieven"].isoformat() == "2027-01-15" and "T1 Codes" in summaries
    assert summaries["Contracten eindigen: Jeugdhulp Rivierenland 2027"].isoformat() == "2027-03-31"
    assert "T3 Tarieven (https://evil.example) controleren" in summaries  # a calendar shows no Slack markup
    assert {str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT")} == {
        "Inkooptraject Jeugdhulp Rivierenland 2027 (Regiowacht). Hoe het ervoor staat: status in het kanaal van het traject."}
    slack.uploads.clear()
    assert "In je privéberichten met Regiowacht: tijdlijn-C_JEUGD.png." in trajectory.say("tijdlijn")
    [png] = slack.uploads.values()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


def test_files_slack_refuses_are_reported(trajectory, slack):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    slack.fail_next = [500, 500, 500]  # conversations.open and its retries
    assert "nam de bestanden nu niet aan" in trajectory.say("tijdlijn")
