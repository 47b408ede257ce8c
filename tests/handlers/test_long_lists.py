"""No list is cut silently: `contacten` shows every contact (page by page, saying how to see the
next), a typed filter narrows it or is refused, never ignored; a status list cut at 12 names the
command that shows it whole, and that command does."""
from __future__ import annotations

from tests.handlers.test_several_at_once import say, wethouders


def test_the_thirteenth_alderman_is_shown_and_the_role_filter_works_without_rol(rijnland):
    names = wethouders(rijnland)
    say(rijnland, "contact Stichting Cardea rol: aanbieder organisatie: Cardea e-mail: inkoop@cardea.nl")
    listed = say(rijnland, "contacten", user="U_BEL")
    assert "Contacten van regio Holland Rijnland (14 contacten)" in listed
    assert all(name in listed for name in names) and "Wethouder Zoeterwoude" in listed and "en nog" not in listed
    for line in ("contacten wethouder", "contacten wethouders", "contacten rol: wethouder", "contacts alderman"):
        text = say(rijnland, line, user="U_BEL")
        assert "(13 contact" in text and "Cardea" not in text and "Wethouder Zoeterwoude" in text, line
    leiden = say(rijnland, "contacten Leiden", user="U_BEL")
    assert "(1 contact)" in leiden and "Wethouder Leiden ·" in leiden and "Leiderdorp" not in leiden
    assert "Stichting Cardea" in say(rijnland, "contacten cardea", user="U_BEL")
    refused = say(rijnland, "contacten wethoduer", user="U_BEL")
    assert "wethoduer is geen rol, gemeente of organisatie in het register" in refused and "Zo werkt het:" in refused


def test_a_long_registry_is_paged_with_the_way_to_the_rest(rijnland):
    for i in range(1, 46):
        say(rijnland, f"contact Zorgaanbieder {i:02d} rol: aanbieder organisatie: Zorg {i:02d} BV e-mail: z{i}@zorg.nl")
    first = say(rijnland, "contacten aanbieder", user="U_BEL")
    assert "Zorgaanbieder 40" in first and "Zorgaanbieder 41" not in first
    assert "Contacten 1–40 (pagina 1 van 2) · volgende: /inkoop contacten aanbieder 2" in first
    second = say(rijnland, "contacten aanbieder 2", user="U_BEL")
    assert "Zorgaanbieder 41" in second and "Zorgaanbieder 45" in second and "Zorgaanbieder 40" not in second
    assert "Contacten 41–45 (pagina 2 van 2) · volgende: /inkoop contacten aanbieder 1" in second
    assert "Zorgaanbieder 41" in say(rijnland, "contacten 2", user="U_BEL")


def test_a_cut_status_list_names_the_command_that_shows_it_whole(rijnland):
    for i in range(1, 15):
        say(rijnland, f"taak Taak nummer {i:02d} eigenaar: <@U_KEES|kees> deadline: {i}-12-2026")
    status = say(rijnland, "status", user="U_BEL")
    assert "Taak nummer 12" in status and "Taak nummer 13" not in status
    assert "… en nog 2: /inkoop status taken toont ze allemaal" in status
    whole = say(rijnland, "status taken", user="U_BEL")
    assert "Taken (open) (14)" in whole and "Taak nummer 13" in whole and "Taak nummer 14" in whole
    assert "Besluiten" not in whole
    assert "Taak nummer 14" in say(rijnland, "status tasks", user="U_BEL")
    say(rijnland, "taal en", user="U_EN")
    assert "… and 2 more: /inkoop status tasks shows them all" in say(rijnland, "status", user="U_EN")
    assert "geen lijst van status" in say(rijnland, "status dingen", user="U_BEL")
