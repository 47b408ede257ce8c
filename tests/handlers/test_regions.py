"""Regions hold official municipalities and change only explicitly (issue 7, items 2 and 3)."""
from __future__ import annotations

from store.models import AuditLog, Municipality, Region, Trajectory

COORD = "U_ADMIN"


def test_invented_and_mistyped_municipalities_are_refused_with_a_suggestion(bot):
    text = bot.say("traject Test regio: Nieuwland gemeenten: Gotham, Metropolis, Tiel contracteinde: 31-12-2027",
                   user=COORD)
    assert "Gotham staat niet in de lijst van Nederlandse gemeenten" in text
    text = bot.say("traject Test regio: Nieuwland gemeenten: Tiel, Zaltbomel contracteinde: 31-12-2027", user=COORD)
    assert "Zaltbomel staat niet in de lijst van Nederlandse gemeenten. Bedoel je Zaltbommel?" in text
    text = bot.say("traject Test regio: Nieuwland gemeenten: Tiel, Bergen contracteinde: 31-12-2027", user=COORD)
    assert "Er is meer dan één gemeente Bergen: Bergen (L.) of Bergen (NH.)" in text
    assert bot.all(Trajectory) == [] and bot.all(Region) == []


def test_a_new_region_gets_official_names_and_codes(bot):
    text = bot.say("traject Jeugd Gooi regio: Gooi en Vechtstreek gemeenten: laren, Huizen, Den Haag "
                   "contracteinde: 31-12-2027", user=COORD)
    assert "(Gooi en Vechtstreek, 3 gemeenten)" in text
    assert sorted((m.name, m.cbs_code) for m in bot.all(Municipality)) == [
        ("'s-Gravenhage", "GM0518"), ("Huizen", "GM0406"), ("Laren (NH.)", "GM0417")]
    assert "Laren (NH.) GM0417" in bot.say("regio")
    assert "1 gemeente)" in bot.say("traject Klein regio: Eiland gemeenten: Texel contracteinde: 31-12-2027",
                                    user=COORD, channel="C_TEXEL")


def test_a_second_trajectory_cannot_change_the_region_silently(trajectory):
    text = trajectory.say("traject Test regio: Rivierenland gemeenten: Tiel, Culemborg contracteinde: 31-12-2027",
                          user=COORD, channel="C_TEST")
    assert "Regio Rivierenland bestaat al, met 8 gemeenten" in text
    assert "ontbreekt: Buren, Maasdriel, Neder-Betuwe, West Betuwe, West Maas en Waal, Zaltbommel; extra: -" in text
    assert len(trajectory.all(Trajectory)) == 1
    text = trajectory.say("traject Test regio: Rivierenland contracteinde: 31-12-2027", user=COORD, channel="C_TEST")
    assert "(Rivierenland, 8 gemeenten)" in text


def test_members_change_explicitly_and_keep_their_history(trajectory):
    trajectory.say("besluit Tarieven deadline: 15 januari", user=COORD)
    trajectory.say("vastgesteld B1 gemeenten: Buren", user=COORD)
    assert "coördinator" in trajectory.say("regio gemeenten: +Druten -Buren", user="U_OTHER")
    text = trajectory.say("regio gemeenten: +Druten -Buren", user=COORD)
    assert "Regio Rivierenland: Druten erbij; Buren eruit (de vastgestelde besluiten blijven bewaard). Nu 8 gemeenten" in text
    assert "Open besluiten (1) gaan nu uit van deze deelnemers." in text
    assert "0/8 vastgesteld" in trajectory.say("status") and "Druten" in trajectory.say("status")
    assert "Druten hoort al bij regio Rivierenland" in trajectory.say("regio gemeenten: +Druten", user=COORD)
    assert "Geen gemeente van deze regio: Buren" in trajectory.say("vastgesteld B1 gemeenten: Buren", user=COORD)
    text = trajectory.say("regio gemeenten: +Buren", user=COORD)  # back again: the same municipality, its adoption too
    assert "1/9 vastgesteld" in trajectory.say("status")
    assert "Zet voor elke gemeente een + (erbij) of een - (eruit)" in trajectory.say("regio gemeenten: Druten", user=COORD)
    actions = [a.action for a in trajectory.all(AuditLog) if a.field_name == "gemeenten"]
    assert actions[-3:] == ["gemeente toegevoegd", "gemeente verwijderd", "gemeente toegevoegd"]
