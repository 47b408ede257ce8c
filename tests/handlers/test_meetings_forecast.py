"""The forecast built on meeting calendars and contracts (issue 19), through signed requests, with
dates computed by hand. Today is Tuesday 24 Nov 2026; papers go out 14 days before a meeting; the
trajectory (Rivierenland, 8 municipalities) has contract end 31 Mar 2027, go-live 1 Apr 2027 and 12
weeks of implementation. B1 `Tarieven 2027` is a raad decision with deadline Friday 18 Dec 2026."""
from __future__ import annotations

import pytest

from tests.conftest import TRAJECT, SlackBot, listen, make_settings


def steps(answer: str) -> str:
    return answer.split("Zo komt de verwachting tot stand")[1].split("Wie moet bewegen")[0]


@pytest.fixture
def regio(slack, database_url, clock, tmp_path):
    web = listen()
    settings = make_settings(slack, database_url, MAIL_DIR=str(tmp_path), PUBLIC_URL=f"http://127.0.0.1:{web.server_port}")
    bot = SlackBot(slack, settings, clock, server=web)
    assert "gekoppeld" in bot.say(TRAJECT, user="U_ADMIN")
    assert "B1" in bot.say("besluit Tarieven 2027 deadline: 18-12-2026 door: raad", user="U_ADMIN")
    yield bot
    bot.close()


def test_each_municipality_is_expected_at_the_meeting_its_calendar_gives(regio):
    # Tiel: the last raad before the deadline the papers still reach (17 Dec; papers by 3 Dec).
    # Buren: 10 Dec is the last before the deadline (papers by 26 Nov, still possible).
    # Maasdriel: its first raad after today + 14 days (8 Dec) is 14 Jan 2027: after the deadline.
    regio.say("vergaderingen Tiel raad: 17-12-2026, 28-01-2027", user="U_ADMIN")
    regio.say("vergaderingen Buren raad: 10-12-2026, 21-01-2027", user="U_ADMIN")
    regio.say("vergaderingen Maasdriel raad: 3-12-2026, 14-01-2027", user="U_ADMIN")
    risk = regio.say("risico", user="U_COORD")
    assert "⚠️ B1 · Maasdriel: eerstvolgende raad die het nog haalt is op do 14 jan 2027, na de deadline vr 18 dec 2026" in risk
    explained = steps(risk)
    assert "Maasdriel: de eerste vergadering van de raad die de stukken nog halen (14 dagen vooraf) is op do 14 jan 2027 " \
           "→ B1 verwacht do 14 jan 2027" in explained
    assert "wacht op de raad: Buren do 10 dec 2026, Maasdriel do 14 jan 2027, Tiel do 17 dec 2026; zonder vergaderdata " \
           "(gemiddelde vertraging): Culemborg, Neder-Betuwe, West Betuwe, West Maas en Waal, Zaltbommel" in explained
    # Implementation (12 weeks) after 14 Jan 2027: Thursday 8 Apr 2027, a week after go-live.
    assert "na B1: 12 weken implementatie → klaar do 8 apr 2027" in explained

    regio.say("vergaderingen Maasdriel raad: 3-12-2026, 17-12-2026, 14-01-2027", user="U_ADMIN")  # an extra meeting
    risk = regio.say("risico", user="U_COORD")
    assert "Maasdriel" not in risk.split("Zo komt")[0]  # no flag: it can make the deadline now
    assert "na B1: 12 weken implementatie → klaar vr 12 mrt 2027" in steps(risk)  # B1 expected at its deadline, 18 Dec


def test_the_papers_lead_time_decides_which_meeting_can_take_it(slack, database_url, clock, tmp_path):
    settings = make_settings(slack, database_url, MAIL_DIR=str(tmp_path), PAPERS_LEAD_DAYS="7")
    bot = SlackBot(slack, settings, clock)
    try:
        bot.say(TRAJECT, user="U_ADMIN")
        bot.say("besluit Tarieven 2027 deadline: 4-12-2026 door: raad", user="U_ADMIN")
        bot.say("vergaderingen Tiel raad: 3-12-2026, 28-01-2027", user="U_ADMIN")
        # 7 days ahead: the papers can still reach 3 Dec (by 26 Nov); with 14 they could not.
        assert "Tiel do 3 dec 2026" in steps(bot.say("risico", user="U_COORD"))
        assert "Tiel" not in bot.say("risico", user="U_COORD").split("Zo komt")[0]
    finally:
        bot.close()


def test_a_rejection_waits_for_the_next_meeting_the_revised_papers_can_reach(regio, clock):
    regio.say("vergaderingen Buren raad: 10-12-2026, 21-01-2027, 18-02-2027", user="U_ADMIN")
    clock.set("2026-12-10 21:00")
    regio.say("afgewezen B1 gemeente: Buren reden: tarief te laag", user="U_ADMIN")
    # Rejected on Thu 10 Dec: a revised proposal's papers can go out from then on, so the first raad
    # it can reach is 21 Jan 2027 (10 Dec + 14 days = 24 Dec; no raad in the Christmas recess).
    explained = steps(regio.say("risico", user="U_COORD"))
    assert "een herzien voorstel kan op zijn vroegst naar de raad van do 21 jan 2027 → B1 verwacht do 21 jan 2027" \
        in explained


def test_besluit_and_regio_show_the_last_day_a_proposal_must_be_with_each_body(regio):
    regio.say("vergaderingen Tiel raad: 17-12-2026, 28-01-2027", user="U_ADMIN")
    regio.say("vergaderingen Buren raad: 8-1-2027", user="U_ADMIN")
    answer = regio.say("besluit Verordening jeugdhulp 2027 deadline: 15-1-2027 door: raad", user="U_ADMIN")
    # Tiel: the last raad on or before 15 Jan is 17 Dec: papers by Thu 3 Dec. Buren: 8 Jan minus 14
    # days is Christmas Day: the working day before, Thu 24 Dec.
    assert ("Voorstel uiterlijk bij de raad: Tiel do 3 dec 2026 (vergadert do 17 dec 2026), Buren do 24 dec 2026 "
            "(vergadert vr 8 jan 2027)") in answer
    assert "zonder vergaderdata: Culemborg, Maasdriel, Neder-Betuwe, West Betuwe, West Maas en Waal, Zaltbommel" in answer
    region = regio.say("regio", user="U_COORD")
    assert "Wanneer een voorstel er moet liggen" in region and "B2 Verordening jeugdhulp 2027: Voorstel uiterlijk" in region


def test_the_digest_warns_five_working_days_before_a_proposal_is_due(regio, clock):
    regio.say("vergaderingen Tiel raad: 17-12-2026", user="U_ADMIN")  # papers by Thu 3 Dec
    clock.set("2026-11-25 08:30")  # six working days before: not yet
    assert "Voorstellen die nu de deur uit moeten" not in regio.say("digest", user="U_COORD")
    clock.set("2026-11-26 08:30")  # five working days before
    digest = regio.say("digest", user="U_COORD")
    assert ("B1 Tarieven 2027: het voorstel moet uiterlijk do 3 dec 2026 bij de raad van Tiel liggen "
            "(vergadering do 17 dec 2026).") in digest


def test_rood_names_the_contract_that_ends_uncovered_until_it_is_extended(regio):
    regio.say("contract Ambulant einde: 31-1-2027", user="U_ADMIN")
    regio.say("contract Verblijf einde: 31-12-2027", user="U_ADMIN")
    risk = regio.say("risico", user="U_COORD")
    # Ready: B1 at its deadline 18 Dec + 12 weeks = Fri 12 Mar 2027, after Ambulant's 31 Jan.
    assert "🔴 rood" in risk.splitlines()[0]
    assert "Zonder dekking voordat de nieuwe afspraken klaar zijn (vr 12 mrt 2027): Ambulant (gedekt tot zo 31 jan 2027)" \
        in risk
    assert "contracten eindigen zo 31 jan 2027 (Ambulant, contracteinde)" in steps(risk)
    regio.say("overgangsregeling Ambulant tot: 31-3-2027", user="U_ADMIN")
    risk = regio.say("risico", user="U_COORD")
    assert "Zonder dekking" not in risk
    assert "contracten eindigen wo 31 mrt 2027 (Ambulant, overgangsregeling voor cliënten in zorg)" in steps(risk)
    status = regio.say("status", user="U_COORD")
    assert "Contracten: Ambulant tot wo 31 mrt 2027 (overgangsregeling voor cliënten in zorg); Verblijf tot vr 31 dec " \
           "2027" in status
