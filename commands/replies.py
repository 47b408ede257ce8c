"""How a command's answer speaks: in the user's language, with values shown the way people read
them, and the one place where a typed error becomes an answer with a correct example."""
from __future__ import annotations

from datetime import date

from commands.grammar import ENGLISH_KEYS, Command
from domain.errors import RegiowachtError
from domain.outcome import Reply
from domain.texts import count, fmt_date, t, weekday_name
from reports.risk import buffer_text, level_label
from store.models import UserSetting
from tracking.context import Context


def language_for(chosen: str | None, command: Command | None, default: str) -> str:
    """A user's own choice (`taal`) wins; else English when they typed an English subcommand;
    else the workspace default."""
    if chosen:
        return chosen
    if command is not None and command.english:
        return "en"
    return default


def choose_language(ctx: Context, command: Command | None) -> str:
    setting = ctx.session.get(UserSetting, (ctx.actor.team_id, ctx.actor.user_id))
    return language_for(setting.language if setting else None, command, ctx.settings.language)


def render(lang: str, key: str, params: dict) -> str:
    """A text whose parameters are values: dates as `di 1 dec 2026`, weekdays and field names in
    the user's language, a number of days with its noun, the region for a nameless municipality."""
    shown = {}
    for name, value in params.items():
        if isinstance(value, date):
            value = fmt_date(value, lang)
        elif name == "weekday":
            value = weekday_name(value, lang)
        elif name == "days" and isinstance(value, int):
            value = count(lang, value, "dag")
        elif name == "key" and lang == "en":
            value = ENGLISH_KEYS.get(value, value)
        elif name == "name" and value == "":
            value = t(lang, "by_regio")
        shown[name] = value
    return t(lang, key, **shown)


def describe_error(error: RegiowachtError, lang: str, cmd: str) -> Reply:
    """What was wrong, and a correct example."""
    lines = [render(lang, error.key, error.params)]
    if error.key.startswith("date_"):  # `op:` asks for a day that has happened
        lines.append(t(lang, "date_hint_past" if error.field == "op" else "date_hint"))
    if error.example:
        lines.append(f"{t(lang, 'example')} {t(lang, error.example, cmd=cmd)}")
    return Reply(lines, error=True)


def ref_of(value: str) -> str:
    """A reference as typed in a field (`#b3`) as the bot writes it (`B3`)."""
    return value.strip().upper().lstrip("#")


def risk_now(before, after, lang: str) -> str:
    """`Risico nu: 🟢 groen · 23 dagen buffer (was 🔴 rood · 4 dagen te laat)`: what a change did
    to the forecast, from two Forecasts."""
    now = f"{level_label(after.level, lang)} · {buffer_text(after, lang)}"
    if (before.level, before.buffer_days) == (after.level, after.buffer_days):
        return t(lang, "risk_now_same", now=now)
    return t(lang, "risk_now", now=now, was=f"{level_label(before.level, lang)} · {buffer_text(before, lang)}")
