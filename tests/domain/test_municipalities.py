"""The official list of municipalities (data/gemeenten.csv) and how typed names are matched."""
from __future__ import annotations

import pytest

from domain.datafiles import DataFileError
from domain.municipalities import load, official

FOUND = [
    ("Zaltbommel", "Zaltbommel", "GM0297"), ("tiel", "Tiel", "GM0281"), ("Amsterdam", "Amsterdam", "GM0363"),
    ("Rotterdam", "Rotterdam", "GM0599"), ("sudwest fryslan", "Súdwest-Fryslân", "GM1900"),
    ("SÚDWEST-FRYSLÂN", "Súdwest-Fryslân", "GM1900"), ("s-hertogenbosch", "'s-Hertogenbosch", "GM0796"),
    ("’s-Hertogenbosch", "'s-Hertogenbosch", "GM0796"), ("Den Bosch", "'s-Hertogenbosch", "GM0796"),
    ("Den Haag", "'s-Gravenhage", "GM0518"), ("Laren", "Laren (NH.)", "GM0417"), ("Hengelo", "Hengelo (O.)", "GM0164"),
    ("Voorne aan Zee", "Voorne aan Zee", "GM1992"), ("west maas en waal", "West Maas en Waal", "GM0668"),
    ("Nuenen, Gerwen en Nederwetten", "Nuenen, Gerwen en Nederwetten", "GM0820"),
]
REGIONS = {"Rivierenland": ["Buren", "Culemborg", "Maasdriel", "Neder-Betuwe", "Tiel", "West Betuwe", "West Maas en Waal",
                            "Zaltbommel"],
           "Gooi en Vechtstreek": ["Blaricum", "Eemnes", "Gooise Meren", "Hilversum", "Huizen", "Laren", "Wijdemeren"]}


def test_the_list_is_the_division_since_2023():
    assert len(official().by_fold) == 342
    assert official().find("Brielle") == [] and official().find("Weesp") == []  # merged into Voorne aan Zee, Amsterdam


@pytest.mark.parametrize("typed,name,code", FOUND)
def test_found_as_typed(typed, name, code):
    [found] = official().find(typed)
    assert (found.name, found.code) == (name, code)


@pytest.mark.parametrize("region", sorted(REGIONS))
def test_real_regions_are_found(region):
    assert all(len(official().find(name)) == 1 for name in REGIONS[region])


def test_a_name_of_two_municipalities_is_not_chosen():
    assert [o.name for o in official().find("Bergen")] == ["Bergen (L.)", "Bergen (NH.)"]


@pytest.mark.parametrize("typed,suggestion", [("Zaltbomel", "Zaltbommel"), ("Culenborg", "Culemborg"),
                                              ("Neder Betuw", "Neder-Betuwe"), ("Gotham", None), ("Metropolis", None)])
def test_near_misses_are_suggested_inventions_are_not(typed, suggestion):
    assert official().find(typed) == []
    near = official().suggest(typed)
    assert (near.name if near else None) == suggestion


@pytest.mark.parametrize("content,problem", [
    ("cbs_code;naam\nGM0297;Zaltbommel\n0281;Tiel\n", "gemeenten.csv, regel 3, veld cbs_code: '0281'"),
    ("cbs_code;naam\nGM0297;Zaltbommel\nGM0281;\n", "gemeenten.csv, regel 3, veld naam: leeg"),
    ("cbs_code;naam\nGM0297;Zaltbommel\nGM0298;Zaltbommel\n", "gemeenten.csv, regel 3: GM0298 Zaltbommel staat er al eerder in"),
    ("code;naam\nGM0297;Zaltbommel\n", "gemeenten.csv, regel 1: de kolommen moeten cbs_code;naam zijn"),
    ("cbs_code;naam\nGM0297;Zaltbommel;extra\n", "gemeenten.csv, regel 2: verwacht 2 velden"),
])
def test_a_broken_file_is_named_with_line_and_field(tmp_path, content, problem):
    path = tmp_path / "gemeenten.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load(path, tmp_path / "none.csv")
    assert problem in str(error.value)
