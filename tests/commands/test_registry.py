"""Every subcommand the grammar accepts has a handler: a word the help lists never answers
"onbekende opdracht"."""
import commands.run  # noqa: F401 - registers every handler
from commands.grammar import SPECS
from commands.registry import HANDLERS


def test_every_subcommand_has_exactly_its_handler():
    assert {spec.name for spec in SPECS} == set(HANDLERS)
