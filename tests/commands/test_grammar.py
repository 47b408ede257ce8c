"""The command language: subcommand, free text, `key: value` fields, mentions."""
from __future__ import annotations

import pytest

from domain.errors import CommandError
from commands.grammar import parse
from domain.names import read_person, split_names


def test_fields_run_until_the_next_known_key():
    command = parse("besluit Tarieven: indexatie 2027 deadline: 15 januari door: raad")
    assert (command.name, command.text) == ("besluit", "Tarieven: indexatie 2027")
    assert command.fields == {"deadline": "15 januari", "door": "raad"}


def test_english_aliases_and_keys():
    command = parse("decision Rates due: Friday by: council")
    assert command.name == "besluit" and command.english and command.fields == {"deadline": "Friday", "door": "council"}


def test_mentions_and_outsiders():
    assert read_person("<@U123ABC|jan>").user_id == "U123ABC"
    outsider = read_person("wethouder De Vries")
    assert outsider.user_id is None and outsider.name == "wethouder De Vries"


def test_municipality_lists_keep_names_with_en():
    assert split_names("Tiel, Culemborg en West Maas en Waal") == ["Tiel", "Culemborg", "West Maas en Waal"]


@pytest.mark.parametrize("line,key", [("frobnicate x", "err_unknown_subcommand"),
                                      ("besluit X deadline: 1 jan deadline: 2 jan", "err_duplicate_field"),
                                      ("taak X door: raad eigenaar: Jan", "err_field_not_here")])
def test_mistakes(line, key):
    with pytest.raises(CommandError) as error:
        parse(line)
    assert error.value.key == key


def test_showing_a_request_only_reads_and_asking_one_does_not():
    from commands.grammar import reads_only
    assert reads_only("input I5") and reads_only("I5") and reads_only("status I5") and reads_only("input #i 12")
    assert not reads_only("input I5 van: wethouders rol: wethouder deadline: vrijdag")
    assert not reads_only("I5 extra") and not reads_only("input Capaciteit 2027") and not reads_only("ontvangen I5")
    assert parse("I5").name == "input" and parse("I5").text == "i5"
