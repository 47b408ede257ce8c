"""Which function handles which subcommand: each handler registers itself under its Spec's name
(commands/grammar.py), so a subcommand is found by its own name and nothing dispatches by hand."""
from __future__ import annotations

from typing import Callable

from domain.outcome import Outcome
from tracking.context import Context

Handler = Callable[[Context, str, dict[str, str]], Outcome]  # (context, free text, fields) -> outcome
HANDLERS: dict[str, Handler] = {}


def subcommand(*names: str) -> Callable[[Handler], Handler]:
    """`@subcommand("besluit")`: the function runs `/inkoop besluit …` and its form."""
    def register(handler: Handler) -> Handler:
        for name in names:
            assert name not in HANDLERS, f"two handlers for {name}"
            HANDLERS[name] = handler
        return handler
    return register
