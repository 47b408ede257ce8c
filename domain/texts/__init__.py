"""Every sentence the bot says, in Dutch and English, one module per area. `t(lang, key, **params)`
picks and fills one; `count(lang, n, noun)` writes a number with its noun in the right plural. A
test fails when a key lacks a language or the two versions take different parameters."""
from __future__ import annotations

import string
from datetime import date

from domain.texts import answers, audit, contacts, dates, errors, files, forms, help, plans, region, status
from domain.texts import slack as slack_texts

LANGUAGES = ("nl", "en")
_WEEKDAYS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
             "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_WEEKDAYS_LONG = {"nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
                  "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_MONTHS = {"nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
           "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def fmt_date(day: date, lang: str, *, weekday: bool = True, year: bool = True) -> str:
    """`di 1 dec 2026` / `Tue 1 Dec 2026`: the weekday makes a misread date obvious."""
    lang = lang if lang in LANGUAGES else "nl"
    parts = [_WEEKDAYS[lang][day.weekday()]] if weekday else []
    parts += [str(day.day), _MONTHS[lang][day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def person(user_id: str | None, name: str | None) -> str:
    """A Slack user as a mention, anyone else by name."""
    return f"<@{user_id}>" if user_id else (name or "?")


def weekday_name(index: int, lang: str) -> str:
    return _WEEKDAYS_LONG[lang if lang in LANGUAGES else "nl"][index]


# Nouns that follow a number: (Dutch singular, plural), (English singular, plural).
NOUNS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "gemeente": (("gemeente", "gemeenten"), ("municipality", "municipalities")),
    "besluit": (("besluit", "besluiten"), ("decision", "decisions")),
    "inputverzoek": (("inputverzoek", "inputverzoeken"), ("input request", "input requests")),
    "taak": (("taak", "taken"), ("task", "tasks")),
    "signaal": (("signaal", "signalen"), ("urgent case", "urgent cases")),
    "bericht": (("bericht", "berichten"), ("message", "messages")),
    "bestand": (("bestand", "bestanden"), ("file", "files")),
    "dag": (("dag", "dagen"), ("day", "days")),
    "werkdag": (("werkdag", "werkdagen"), ("working day", "working days")),
    "week": (("week", "weken"), ("week", "weeks")),
    "werkuur": (("werkuur", "werkuren"), ("working hour", "working hours")),
    "uitstel": (("keer uitstel", "keer uitstel"), ("postponement", "postponements")),
    "antwoord": (("antwoord", "antwoorden"), ("answer", "answers")),
    "contact": (("contact", "contacten"), ("contact", "contacts")),
    "taak_nieuw": (("nieuwe taak", "nieuwe taken"), ("new task", "new tasks")),
    "traject": (("traject", "trajecten"), ("trajectory", "trajectories")),
    "ontvanger": (("ontvanger", "ontvangers"), ("recipient", "recipients")),
}


def count(lang: str, n: int, noun: str) -> str:
    """`1 gemeente`, `8 gemeenten`, `1 municipality`: the one place where a count meets its noun."""
    dutch, english = NOUNS[noun]
    singular, plural = english if lang == "en" else dutch
    return f"{n} {singular if n == 1 else plural}"


def audit_word(value: str | None, lang: str) -> str:
    """An audit log word (`vastgesteld`, `input ontvangen`) in the reader's language."""
    if not value:
        return ""
    dutch, english = audit.WORDS.get(value, (value, value))
    return english if lang == "en" else dutch


def names_list(names: list[str], lang: str) -> str:
    """`Tiel`, `Tiel en Buren`, `Tiel, Buren en Zaltbommel` (English: `and`)."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if lang == "en" else " en ") + names[-1]


TEXTS: dict[str, tuple[str, str]] = {}
for _module in (errors, dates, answers, status, files, forms, help, contacts, region, plans, slack_texts):
    _clash = TEXTS.keys() & _module.TEXTS.keys()
    assert not _clash, f"text keys defined twice: {_clash}"
    TEXTS.update(_module.TEXTS)


class _Formatter(string.Formatter):
    """`{days:dag}` in a text is the number with its noun: `1 dag`, `6 dagen`, `6 days`."""

    def __init__(self, lang: str):
        self.lang = lang

    def format_field(self, value, format_spec: str) -> str:
        if format_spec in NOUNS and isinstance(value, int):
            return count(self.lang, value, format_spec)
        return super().format_field(value, format_spec)


_FORMATTERS = {lang: _Formatter(lang) for lang in LANGUAGES}


def t(lang: str, key: str, /, **params) -> str:
    nl, en = TEXTS[key]
    lang = "en" if lang == "en" else "nl"
    text = en if lang == "en" else nl
    if not params:
        return text
    return _FORMATTERS[lang].format(text, **params) if ":" in text else text.format(**params)
