"""Runs one `/inkoop` command, typed or submitted as a form, for an actor: parse, check, hand it
to its subcommand's handler, and say what happened in the actor's language."""
from __future__ import annotations

import re
from datetime import date

from commands import (  # noqa: F401 - each registers its handlers
    contracts,
    deadlines,
    decisions,
    general,
    inputs,
    meetings,
    region,
    reports,
    tasks,
    trajectories,
    urgent,
    withdraw,
)
from commands.grammar import parse
from commands.registry import HANDLERS, PREPARERS
from commands.replies import choose_language, describe_error, render
from config import Settings
from domain.errors import CommandError, RegiowachtError
from domain.outcome import Outcome
from domain.permissions import require_admin, require_bot_in_channel
from domain.privacy import contains_bsn
from domain.text_input import NOTED, clean, field_limit, typed_length
from tracking.context import Context, current_trajectory, has_trajectory

LINE_LIMIT = 12_000  # a whole command line; anything longer is refused before it is even read
TEXT_WORDS = {"input": "vraag", "urgent": "omschrijving", **dict.fromkeys(NOTED, "notitie"), "ontvangen": "antwoord"}
# `besluit B8 weg`, `taak T5 verwijderen`: an item is withdrawn, not made again with that title.
REMOVING = re.compile(r"^#?([BITU]\s?\d{1,6})\s+(?:weg|verwijder(?:en)?|intrekken|schrappen|remove|delete|withdraw)$",
                      re.IGNORECASE)


def check_lengths(name: str, text: str, fields: dict[str, str]) -> None:
    """Titles 150 characters, other free text 2,000 (PRODUCT.md), counted as typed (a mention as
    its @name): longer is refused with the limit."""
    limit = field_limit(name, "title")
    if typed_length(text) > limit:
        raise CommandError("err_too_long", field="title", example=f"ex_{name}", key=TEXT_WORDS.get(name, "titel"),
                           length=typed_length(text), limit=limit)
    for key, value in fields.items():
        limit = field_limit(name, key)
        if typed_length(value) > limit:
            raise CommandError("err_too_long", field=key, example=f"ex_{name}", key=key, length=typed_length(value),
                               limit=limit)


def prepare_line(text: str, today: date, settings: Settings) -> dict:
    """What the line's subcommand must read before its transaction opens (a calendar feed over the
    network); {} for every other line, and for a line that does not parse (run_line says why)."""
    text = clean(text)
    if len(text) > LINE_LIMIT or contains_bsn(text):  # refused by run_line: nothing goes out
        return {}
    try:
        command = parse(text)
    except RegiowachtError:
        return {}
    prepare = PREPARERS.get(command.name)
    return prepare(command.text, command.fields, today, settings) if prepare else {}


def run_line(ctx: Context, text: str) -> Outcome:
    """Parse and run a command line. Errors come back as an error reply; nothing is stored then,
    because the caller rolls the transaction back when `reply.error` is set."""
    command = None
    text = clean(text)
    try:
        if len(text) > LINE_LIMIT:
            raise CommandError("err_line_too_long", example="ex_help", length=len(text), limit=LINE_LIMIT)
        if contains_bsn(text):  # before parsing: the number must not reach any store or log
            raise CommandError("err_bsn")
        command = parse(text)
        if command.spec.name != "help":
            check_lengths(command.name, command.text, command.fields)
        ctx.actor.language = choose_language(ctx, command)
        removing = REMOVING.match(command.text) if command.spec.creates else None
        if removing:
            raise CommandError("err_use_withdraw", example="ex_intrekken", ref=removing.group(1).replace(" ", "").upper(),
                               cmd=ctx.settings.slash_command)
        if command.spec.creates and command.empty and not (command.name == "traject" and has_trajectory(ctx)):
            # Say at once what the form would refuse: no trajectory here, or no right to set one up.
            # (`traject` alone where one runs shows its settings.)
            if command.name == "traject":
                require_admin(ctx.actor)
                require_bot_in_channel(ctx.actor)
            else:
                current_trajectory(ctx)
            return Outcome(modal=command.name)
        return execute(ctx, command.name, command.text, command.fields)
    except RegiowachtError as error:
        lang = ctx.actor.language = choose_language(ctx, command)
        return Outcome(reply=describe_error(error, lang, ctx.settings.slash_command))


def run_form(ctx: Context, name: str, text: str, fields: dict[str, str]) -> Outcome:
    """A modal's submission: the same rules as the command, field by field. Errors propagate so
    the caller can show them next to the field that caused them. The form was opened in the
    actor's language, which the caller passes on."""
    for key, value in (("title", text), *fields.items()):
        if contains_bsn(value or ""):
            raise CommandError("err_bsn", field=key)
    filled = {k: v for k, v in fields.items() if v}
    check_lengths(name, text, filled)
    return execute(ctx, name, text, filled)


def execute(ctx: Context, name: str, text: str, fields: dict[str, str]) -> Outcome:
    """The subcommand's handler, with the warnings it collected (a deadline on a holiday, an
    unchanged adoption) under its answer."""
    handler = HANDLERS.get(name)
    if handler is None:
        raise CommandError("err_unknown_subcommand", example="ex_help", word=name)
    outcome = handler(ctx, text, fields)
    if ctx.notes and outcome.reply is not None:
        outcome.reply.lines += ["⚠️ " + render(ctx.actor.language, key, params) for key, params in ctx.notes]
    return outcome
