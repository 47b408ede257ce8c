"""`help`, `datum` and `taal`: the bot explaining itself, a deadline read back, a language chosen."""
from __future__ import annotations

from commands.grammar import BY_WORD, ENGLISH_NAMES
from commands.registry import subcommand
from domain.errors import CommandError
from domain.outcome import Outcome, Reply
from domain.texts import LANGUAGES, TEXTS, fmt_date, t
from store.models import UserSetting
from tracking.context import Context, deadline

OVERVIEW_EXAMPLES = ("ex_traject", "ex_besluit", "ex_input", "ex_taak", "ex_urgent")


@subcommand("help")
def help_(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang, cmd = ctx.actor.language, ctx.settings.slash_command
    if text:
        return Outcome(reply=subcommand_help(text, lang, cmd))
    examples = "\n".join(t(lang, key, cmd=cmd) for key in OVERVIEW_EXAMPLES)
    return Outcome(reply=Reply([t(lang, "help_title"), t(lang, "help_body"), t(lang, "help_examples") + "\n" + examples],
                               context=[t(lang, "help_privacy")]))


def subcommand_help(word: str, lang: str, cmd: str) -> Reply:
    """`help besluit`: what it does, its fields, two examples; in the words of the user's language."""
    spec = BY_WORD.get(word.strip().lower())
    if spec is None:
        raise CommandError("err_unknown_subcommand", example="ex_help", word=word.strip())
    shown_word = spec.aliases[0] if lang == "en" and spec.name in ENGLISH_NAMES else spec.name
    lines = [t(lang, "help_sub_title", cmd=cmd, word=shown_word, summary=t(lang, f"help_{spec.name}"))]
    if f"fields_{spec.name}" in TEXTS:
        lines.append(t(lang, f"fields_{spec.name}"))
    examples = dict.fromkeys(t(lang, key, cmd=cmd) for key in (f"ex_{spec.name}", f"ex2_{spec.name}"))
    lines.append(t(lang, "help_sub_examples") + "\n" + "\n".join(examples))
    return Reply(lines, context=[t(lang, "help_sub_other", cmd=cmd)])


@subcommand("datum")
def datum(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    if not text:
        raise CommandError("err_no_date", example="ex_datum")
    day = deadline(ctx, text, "datum", "ex_datum")  # warns, as a deadline would, about a day off
    return Outcome(reply=Reply([t(ctx.actor.language, "ok_datum", text=text, date=fmt_date(day, ctx.actor.language))]))


@subcommand("taal")
def taal(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    choice = text.strip().lower()[:2]
    if choice not in LANGUAGES:
        raise CommandError("err_language", example="ex_taal")
    setting = ctx.session.get(UserSetting, (ctx.actor.team_id, ctx.actor.user_id))
    if setting is None:
        ctx.session.add(UserSetting(team_id=ctx.actor.team_id, user_id=ctx.actor.user_id, language=choice))
    else:
        setting.language = choice
        ctx.session.add(setting)
    return Outcome(reply=Reply([t(choice, "ok_taal")]))
