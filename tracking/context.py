"""What every tracking use case shares: the command's context (its transaction, who asks, what day
it is), reading a deadline, a choice or a reference, and the trajectory of the channel. Every
change writes its audit row in the same transaction. Nothing in tracking/ knows about Slack."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import holidays
from sqlmodel import Session

from config import Settings
from domain.dates import read_date
from domain.errors import CommandError
from domain.permissions import Actor
from domain.text_input import fold
from domain.texts import person, t
from domain.workdays import WorkCalendar
from store import queries
from store.models import Trajectory

DECIDERS = {"college": "college", "b&w": "college", "board": "college", "raad": "raad",
            "gemeenteraad": "raad", "council": "raad", "regio": "regio", "region": "regio",
            "regional": "regio"}
ROLES = {"wethouder": "wethouder", "alderman": "wethouder", "beleid": "beleid",
         "beleidsmedewerker": "beleid", "policy": "beleid", "aanbieder": "aanbieder",
         "zorgaanbieder": "aanbieder", "provider": "aanbieder", "client": "client", "cliënt": "client",
         "clientenraad": "client", "cliëntenraad": "client", "overig": "overig", "other": "overig"}
SEVERITIES = {"hoog": "hoog", "high": "hoog", "middel": "middel", "medium": "middel",
              "midden": "middel", "laag": "laag", "low": "laag"}
ALL_WORDS = {"alle", "allemaal", "all", "iedereen"}
DATE_FIELD_WORDS = {"received_on": "ontvangen op", "done_on": "klaar op"}  # the audit log speaks Dutch
_REF = re.compile(r"^#?([BITU])\s?(\d{1,6})$", re.IGNORECASE)
SAMPLE_REFS = {"B": "B3", "I": "I7", "T": "T3", "U": "U2"}  # shown in an answer about a mistyped reference
SOURCE_LINK = re.compile(r"^https://[^\s<>|]{1,500}$")  # a Slack permalink, sealed into the form by the bot


@dataclass
class Context:
    """Everything one command needs: its transaction, who asks, and what day it is."""
    session: Session
    actor: Actor
    settings: Settings
    now: datetime  # aware UTC
    today: date    # in the bot's timezone
    notes: list[tuple[str, dict]] = field(default_factory=list)  # warnings shown under the answer
    prepared: dict = field(default_factory=dict)  # what the subcommand read before the transaction (a feed)

    @property
    def work(self) -> WorkCalendar:
        return WorkCalendar(self.settings.good_friday_is_holiday)

    def warn(self, key: str, **params) -> None:
        """Something the user should know about what was stored, e.g. a deadline on a Sunday."""
        self.notes.append((key, params))

    def audit(self, action: str, trajectory: Trajectory | None, item: str | None = None,
              field_name: str | None = None, old=None, new=None) -> None:
        queries.audit(self.session, at=self.now, team_id=self.actor.team_id, actor=self.actor.user_id, action=action,
                      trajectory_id=trajectory.id if trajectory else None, item=item,
                      field_name=field_name, old=old, new=new)


def same_municipality(member_name: str, typed: str) -> bool:
    """`Laren` is the member Laren (NH.); case, accents and punctuation do not count."""
    return fold(typed) in (fold(member_name), fold(re.sub(r"\s*\([A-Za-z]+\.\)$", "", member_name)))


def require(fields: dict[str, str], key: str, example: str) -> str:
    value = (fields.get(key) or "").strip()
    if not value:
        raise CommandError("err_missing_field", field=key, example=example, key=key)
    return value


def deadline(ctx: Context, text: str, key: str, example: str, *, past: bool = False) -> date:
    reading = read_date(text, ctx.today, work=ctx.work, past=past)
    if not reading.ok:
        raise CommandError(reading.problem, field=key, example=example, **reading.params)
    if not past and not ctx.work.is_working_day(reading.value):
        # Kept as written, but nobody should be surprised by a deadline on a Sunday or Christmas.
        ctx.warn("warn_day_off", date=reading.value, reason=day_off_reason(reading.value, ctx.actor.language),
                 before=ctx.work.add(reading.value, -1))
    return reading.value


def day_off_reason(day: date, lang: str) -> str:
    """Why nobody works that day: the weekend, or the holiday by its name."""
    if day.weekday() >= 5:
        return t(lang, "day_off_weekend")
    names = holidays.NL(years=day.year, language="en_US" if lang == "en" else "nl")
    name = names.get(day) or ("Liberation Day" if lang == "en" else "Bevrijdingsdag")  # 5 May: off every year (CAO)
    return t(lang, "day_off_holiday", name=name)


def choose(table: dict[str, str], value: str, key: str, example: str) -> str:
    chosen = table.get(value.strip().lower())
    if chosen is None:
        options = ", ".join(sorted(set(table.values())))
        raise CommandError("err_choice", field=key, example=example, key=key, value=value, options=options)
    return chosen


def current_trajectory(ctx: Context) -> Trajectory:
    trajectory = queries.trajectory_for_channel(ctx.session, ctx.actor.team_id, ctx.actor.channel_id)
    if trajectory is None:
        raise CommandError("err_no_trajectory", example="ex_traject")
    return trajectory


def has_trajectory(ctx: Context) -> bool:
    return queries.trajectory_for_channel(ctx.session, ctx.actor.team_id, ctx.actor.channel_id) is not None


def normalized_ref(ref: str) -> str | None:
    """`#i05` as stored (`I5`); None when it is no reference."""
    match = _REF.match(ref.strip())
    return f"{match.group(1).upper()}{int(match.group(2))}" if match else None


def own_item(ctx: Context, trajectory: Trajectory, ref: str, kinds: str, example: str, field: str = "ref", *,
             withdrawn: bool = False):
    """The item a reference names, if it belongs to this channel's trajectory. An item of another
    trajectory gets the same answer as one that does not exist: nothing about it is revealed. A
    withdrawn item is refused (saying so), unless the caller asks for it (`withdrawn`)."""
    normalized = normalized_ref(ref)
    if normalized is None or normalized[0] not in kinds:
        sample = SAMPLE_REFS[kinds[0]]
        raise CommandError("err_bad_ref" if ref.strip() else "err_no_ref", field=field, example=example,
                           ref=ref.strip()[:40], kinds="/".join(kinds), sample=sample)
    item = queries.item_by_ref(ctx.session, ctx.actor.team_id, normalized)
    if item is None or item.trajectory_id != trajectory.id:
        raise CommandError("err_unknown_ref", field=field, example=example, ref=normalized)
    if not withdrawn:
        refuse_withdrawn(ctx, item, field)
    return item


def refuse_withdrawn(ctx: Context, item, field: str = "ref") -> None:
    """`B8 is ingetrokken op di 24 nov 2026 door @anne`: a withdrawn item takes no more changes."""
    if item.withdrawn_at is not None:
        raise CommandError("err_withdrawn", field=field, example="ex_status", ref=item.ref,
                           date=item.withdrawn_at.astimezone(ZoneInfo(ctx.settings.timezone)).date(),
                           who=person(item.withdrawn_by, None))


# A reference in a list: `T6 T8`, `T6, T8`, `T6 en T8`; what follows the last one is a note. Only
# the first may be typed with a space (`T 6`), as everywhere; later, `T 5 mensen` is a note.
_FIRST_REF = re.compile(r"\s*#?([BITU])\s?(\d{1,6})(?=[\s,;.:!?]|$)[.:]?", re.IGNORECASE)
_NEXT_REF = re.compile(r"\s*(?:(?:,|;|&|\ben\b|\band\b)\s*)?#?([BITU])(\d{1,6})(?=[\s,;.:!?]|$)[.:]?",
                       re.IGNORECASE)


def refs_and_note(text: str, kinds: str, example: str) -> tuple[list[str], str]:
    """The references at the start of a command (`klaar T6 T8`, `opgepakt U1, U2`), each once, and
    the text after them: a note (`opgelost U2 Cardea neemt 2 jeugdigen over`). References of
    another kind than `kinds` start the note: `klaar T6 na overleg over B3`."""
    refs: list[str] = []
    position = 0
    while True:
        match = (_NEXT_REF if refs else _FIRST_REF).match(text, position)
        if match is None or match.group(1).upper() not in kinds:
            break
        ref = f"{match.group(1).upper()}{int(match.group(2))}"
        if ref not in refs:
            refs.append(ref)
        position = match.end()
    if not refs:
        first = text.split()[0] if text.split() else ""
        sample = SAMPLE_REFS[kinds[0]]
        raise CommandError("err_bad_ref" if first else "err_no_ref", field="ref", example=example,
                           ref=first[:40], kinds="/".join(kinds), sample=sample)
    return refs, text[position:].strip().lstrip(",;:-–— ").strip()
