"""Alerts when the level rises (once per rise), and the daily digest (once per channel per day)."""
from __future__ import annotations

import threading

import pytest

from jobs.digest import digest_if_working_day, run_digests
from jobs.runner import JobRun
from jobs.scan import scan_risk
from store.models import Trajectory
from tests.conftest import TRAJECT, make_settings, message_text

COORD = "U_ADMIN"


def alerts(slack):
    return [c for c in slack.of("chat.postMessage") if "Continuïteitsrisico" in message_text(c.body)]


def scan(bot):
    run = JobRun(bot.rt)
    scan_risk(run)
    return run.finish()


def test_alert_once_per_rise_and_again_when_it_rises_further(trajectory, slack, clock):
    trajectory.say("besluit Tarieven deadline: 1 december", user=COORD)
    scan(trajectory)
    assert alerts(slack) == []  # groen: contracts end 31 mrt, ready 23 feb
    clock.set("2026-12-02 10:00")  # B1 overdue: oranje
    scan(trajectory)
    [alert] = alerts(slack)
    text = message_text(alert.body)
    assert "is nu oranje" in text and f"@{COORD}" in text and "B1 Tarieven" in text and "nog bij Buren" in text
    scan(trajectory)
    scan(trajectory)
    assert len(alerts(slack)) == 1  # no repeat while the level stays
    trajectory.say("vastgesteld B1 gemeenten: alle", user=COORD)
    scan(trajectory)  # back to groen: a fall raises no alert
    assert len(alerts(slack)) == 1 and trajectory.all(Trajectory)[0].risk_level == "groen"
    trajectory.say("besluit Mandaat deadline: 4 december door: regio", user=COORD)
    clock.set("2026-12-07 10:00")
    scan(trajectory)  # overdue again: a new rise, a new alert
    assert len(alerts(slack)) == 2 and "B2 Mandaat" in message_text(alerts(slack)[-1].body)
    clock.set("2027-01-20 10:00")  # B2 expected today + 12 weeks > go-live: rood
    scan(trajectory)
    assert len(alerts(slack)) == 3 and "is nu rood" in message_text(alerts(slack)[-1].body)
    scan(trajectory)
    assert len(alerts(slack)) == 3


def test_alert_for_overdue_input_names_who_it_waits_for(trajectory, slack, clock):
    trajectory.say("input Capaciteit 2027 van: Stichting Lindenhout rol: aanbieder deadline: 1 december")
    trajectory.say("taak Codes eigenaar: <@U_KEES|kees> deadline: 2 december")
    clock.set("2026-12-03 10:00")
    scan(trajectory)
    [alert] = alerts(slack)
    text = message_text(alert.body)
    assert "I1 Capaciteit 2027 · bij Stichting Lindenhout · te laat sinds di 1 dec 2026" in text
    assert "T1 Codes · bij @U_KEES · te laat sinds wo 2 dec 2026" in text


def test_digest_content_and_never_twice_a_day(trajectory, slack, clock):
    trajectory.say("besluit Tarieven deadline: 20 november 2026".replace("20 november 2026", "30 november"), user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Tiel, Buren", user=COORD)
    trajectory.say("input Capaciteit van: Lindenhout rol: aanbieder deadline: 27 november")
    trajectory.say("taak Codes eigenaar: <@U_KEES|kees> deadline: 15 januari")
    trajectory.say("urgent Wachtlijst loopt op ernst: middel", user="U_KWAL")
    clock.set("2026-12-01 08:30")
    run_digests(JobRun(trajectory.rt))
    run_digests(JobRun(trajectory.rt))
    digests = [c for c in slack.of("chat.postMessage") if "Dagoverzicht" in message_text(c.body)]
    assert len(digests) == 1
    text = message_text(digests[0].body)
    for expected in ("Dagoverzicht Jeugdhulp Rivierenland 2027 · di 1 dec 2026", "Te laat", "B1 Tarieven",
                     "I1 Capaciteit · Lindenhout · vr 27 nov 2026", "Nog vast te stellen",
                     "Culemborg, Maasdriel", "Open urgente signalen", "U1 (middel) Wachtlijst loopt op",
                     "Sinds het vorige overzicht", "B1 nieuw besluit; vastgesteld door Tiel en Buren"):
        assert expected in text, expected
    assert "T1 Codes" not in text.split("Te laat")[1].split("Nog vast")[0]  # not overdue, not due soon
    # It opens with the level and the buffer.
    assert text.splitlines()[1].startswith("🟠 oranje · buffer ")


def test_quiet_line_when_on_track(trajectory, slack, clock):
    trajectory.say("besluit Tarieven deadline: 15 december", user=COORD)
    run_digests(JobRun(trajectory.rt))
    [digest] = slack.of("chat.postMessage")
    assert message_text(digest.body).startswith("✅ Jeugdhulp Rivierenland 2027: op schema (buffer")
    assert len(digest.body["blocks"]) == 1


def test_changes_since_the_last_digest_only(trajectory, slack, clock):
    trajectory.say("urgent Wachtlijst loopt op ernst: laag", user="U_KWAL")  # so the digest is not the quiet line
    clock.set("2026-11-25 08:30")
    run_digests(JobRun(trajectory.rt))
    clock.set("2026-11-25 11:00")
    trajectory.say("taak Nieuw eigenaar: Kees deadline: 1 december")
    trajectory.say("klaar T1", user="U_ADMIN")
    clock.set("2026-11-26 08:30")
    run_digests(JobRun(trajectory.rt))
    second = message_text(slack.of("chat.postMessage")[-1].body)
    assert "• T1 nieuwe taak; klaar" in second and "traject aangemaakt" not in second


def test_no_scheduled_digest_on_weekends_and_holidays(trajectory, slack, clock):
    for moment in ("2026-11-28 08:30", "2026-12-25 08:30", "2027-05-05 08:30"):
        clock.set(moment)
        digest_if_working_day(trajectory.rt)
    assert slack.of("chat.postMessage") == []
    clock.set("2026-11-30 08:30")
    digest_if_working_day(trajectory.rt)
    assert len(slack.of("chat.postMessage")) == 1


@pytest.mark.parametrize("runners", [3])
def test_concurrent_runners_send_each_digest_once(slack, database_url, clock, runners):
    from tests.conftest import SlackBot
    bots = [SlackBot(slack, make_settings(slack, database_url), clock) for _ in range(runners)]
    try:
        bots[0].say(TRAJECT, user="U_ADMIN")
        bots[0].say(TRAJECT.replace("Jeugdhulp", "Wmo"), user="U_ADMIN", channel="C_WMO")
        bots[0].say(TRAJECT.replace("Jeugdhulp", "Beschermd wonen"), user="U_ADMIN", channel="C_BW")
        slack.clear()
        start = threading.Barrier(runners)

        def run(bot):
            start.wait()
            run_digests(JobRun(bot.rt))

        threads = [threading.Thread(target=run, args=(bot,)) for bot in bots]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        channels = sorted(c.body["channel"] for c in slack.of("chat.postMessage"))
        assert channels == ["C_BW", "C_JEUGD", "C_WMO"]
    finally:
        for bot in bots:
            bot.close()
