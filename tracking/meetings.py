"""Meeting calendars of the deciding bodies (PRODUCT.md "Meeting calendars and contracts"): a member
municipality's raad and college, and the region's own board. Typed as a list of days, or read from
an iCalendar feed; a feed is read before the transaction opens (commands/meetings.py) and again
daily by the scan, which keeps the last good reading when a read fails."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from calendars.ical import FeedError, FeedReading
from domain.errors import CommandError
from domain.meetings import MeetingCalendar, read_meeting_dates
from domain.permissions import require_coordinator
from store import queries
from store.models import BodyCalendar, Municipality
from tracking.context import Context, current_trajectory, same_municipality

REGION_WORDS = {"regio", "region", "de regio", "regionaal"}
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def is_feed(value: str) -> bool:
    """An address, not a list of days: read as a feed (which refuses anything but http(s))."""
    return bool(_URL.match(value.strip()))


@dataclass
class RegionCalendars:
    """A region's known meetings: per member municipality its raad and college, and the region's
    own board (under None)."""
    by_owner: dict[int | None, MeetingCalendar] = field(default_factory=dict)

    def of(self, municipality_id: int | None) -> MeetingCalendar | None:
        return self.by_owner.get(municipality_id)

    @property
    def any(self) -> bool:
        return bool(self.by_owner)


def days_of(row: BodyCalendar) -> tuple[date, ...]:
    return tuple(date.fromisoformat(day) for day in json.loads(row.dates or "[]"))


def region_calendars(session: Session, region_id: int) -> RegionCalendars:
    """Every known calendar of the region, in one query."""
    found: dict[int | None, MeetingCalendar] = {}
    for row in session.exec(select(BodyCalendar).where(BodyCalendar.region_id == region_id)):
        calendar = found.get(row.municipality_id) or MeetingCalendar()
        found[row.municipality_id] = calendar.with_dates(row.body, days_of(row))
    return RegionCalendars({owner: cal for owner, cal in found.items()
                            if any(cal.dates(body) for body in ("raad", "college", "regio"))})


@dataclass
class BodySet:
    """What one body's calendar became: its days, where they came from, and what to say."""
    body: str
    days: tuple[date, ...]
    feed_url: str | None = None
    cleared: bool = False
    past: tuple[date, ...] = ()          # typed days before today: often a mistyped year


@dataclass
class CalendarsSet:
    owner: str                           # the municipality's name, or "" for the region's board
    bodies: list[BodySet]


def owner_of(ctx: Context, region_id: int, text: str, example: str) -> Municipality | None:
    """The municipality a `vergaderingen` line is about, or None for the region's own board."""
    typed = text.strip()
    if not typed or typed.lower() in REGION_WORDS:
        return None
    members = queries.municipalities(ctx.session, region_id)
    chosen = next((m for m in members if same_municipality(m.name, typed)), None)
    if chosen is None:
        raise CommandError("err_not_member", field="title", example=example, names=typed,
                           members=", ".join(m.name for m in members))
    return chosen


def _scope(municipality: Municipality | None) -> str:
    return f"gemeente:{municipality.id}" if municipality else "regio"


def stored(session: Session, region_id: int, municipality: Municipality | None, body: str) -> BodyCalendar | None:
    return session.exec(select(BodyCalendar).where(BodyCalendar.region_id == region_id,
                                                   BodyCalendar.scope == _scope(municipality),
                                                   BodyCalendar.body == body)).first()


def set_calendars(ctx: Context, text: str, fields: dict[str, str],
                  feeds: dict[str, FeedReading | FeedError]) -> CalendarsSet:
    """`vergaderingen Tiel raad: 17-12-2026, 28-01-2027 college: https://…/college.ics`, or
    `vergaderingen regio: …`: each body's days replace the ones it had. A list with any day that
    cannot be read, or a feed that cannot be read, changes nothing (the answer says why)."""
    example = "ex_vergaderingen"
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    municipality = owner_of(ctx, trajectory.region_id, text, example)
    allowed = ("raad", "college") if municipality else ("regio",)
    for key in fields:
        if key not in allowed:
            raise CommandError("err_meetings_wrong_body" if municipality else "err_meetings_needs_municipality",
                               field=key, example=example, key=key)
    bodies = []
    for body in allowed:
        if body in fields:
            bodies.append(_set_body(ctx, trajectory, municipality, body, fields[body].strip(), feeds, example))
    return CalendarsSet(municipality.name if municipality else "", bodies)


def _shown(entry) -> str:
    """An unreadable entry as the answer names it; a day without its year with the day it would be."""
    suggestion = entry.params.get("suggestion") if entry.problem == "meeting_date_no_year" else None
    return f"`{entry.text}`" + (f" ({suggestion.strftime('%d-%m-%Y')}?)" if suggestion else "")


def _set_body(ctx: Context, trajectory, municipality: Municipality | None, body: str, value: str,
              feeds: dict[str, FeedReading | FeedError], example: str) -> BodySet:
    if is_feed(value):
        reading = feeds.get(value)
        if isinstance(reading, FeedError):  # `reason` picks the text: feed_unreachable_timeout, …
            params = dict(reading.params)
            key = reading.key + (f"_{params.pop('reason')}" if "reason" in params else "")
            raise CommandError(key, field=body, example=example, **params)
        if reading is None:  # prepared before the transaction; absent only when not asked
            raise CommandError("feed_unreachable_network", field=body, example=example, host="?")
        result = BodySet(body, tuple(reading.meetings), feed_url=value)
    else:
        typed = read_meeting_dates(value, ctx.today, ctx.work)
        if typed.unreadable:
            if not any(u.text for u in typed.unreadable):
                raise CommandError("meeting_list_empty", field=body, example=example, body=body)
            raise CommandError("err_meetings_unreadable", field=body, example=example, body=body,
                               entries=", ".join(_shown(u) for u in typed.unreadable if u.text),
                               count=len(typed.unreadable))
        result = BodySet(body, typed.dates, cleared=typed.cleared, past=typed.past)
    row = stored(ctx.session, trajectory.region_id, municipality, body)
    old = f"{len(days_of(row))} dagen" + (f" ({row.feed_url})" if row and row.feed_url else "") if row else None
    if result.cleared:
        if row is not None:
            ctx.session.delete(row)
    else:
        row = row or BodyCalendar(team_id=ctx.actor.team_id, region_id=trajectory.region_id,
                                  municipality_id=municipality.id if municipality else None, scope=_scope(municipality),
                                  body=body, updated_by=ctx.actor.user_id)
        row.dates = json.dumps([day.isoformat() for day in result.days])
        row.feed_url = result.feed_url
        row.read_on = row.checked_on = ctx.today if result.feed_url else None
        row.failing_since, row.failure_told = None, False
        row.updated_by, row.updated_at = ctx.actor.user_id, ctx.now
        ctx.session.add(row)
    ctx.audit("vergaderdata vastgelegd", trajectory, item=municipality.name if municipality else "regio", field_name=body,
              old=old, new="geen" if result.cleared else f"{len(result.days)} dagen"
              + (f" ({result.feed_url})" if result.feed_url else ""))
    return result
