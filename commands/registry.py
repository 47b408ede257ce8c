"""Which function handles which subcommand: each handler registers itself under its Spec's name
(commands/grammar.py), so a subcommand is found by its own name and nothing dispatches by hand."""
from __future__ import annotations

from datetime import date
from typing import Callable

from config import Settings
from domain.outcome import Outcome
from tracking.context import Context

Handler = Callable[[Context, str, dict[str, str]], Outcome]  # (context, free text, fields) -> outcome
# What a subcommand needs from outside before its transaction opens (a feed read over the network
# must not hold the database): (free text, fields, today, settings) -> what the handler finds in
# ctx.prepared.
Preparer = Callable[[str, dict[str, str], date, Settings], dict]
HANDLERS: dict[str, Handler] = {}
PREPARERS: dict[str, Preparer] = {}


def subcommand(*names: str, prepare: Preparer | None = None) -> Callable[[Handler], Handler]:
    """`@subcommand("besluit")`: the function runs `/inkoop besluit …` and its form."""
    def register(handler: Handler) -> Handler:
        for name in names:
            assert name not in HANDLERS, f"two handlers for {name}"
            HANDLERS[name] = handler
            if prepare is not None:
                PREPARERS[name] = prepare
        return handler
    return register
