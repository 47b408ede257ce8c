"""`vergaderingen`: the meeting calendars of a member municipality's raad and college, or of the
region's own board; typed days or an iCalendar feed, read at once. Without fields: what is known."""
from __future__ import annotations

from datetime import date

from calendars.ical import FeedError, FeedLimits, read_feed
from commands.registry import subcommand
from config import Settings
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, t
from store import queries
from tracking import meetings
from tracking.context import Context, current_trajectory

SHOWN_DAYS = 6  # meetings named per body; the rest are counted


def feed_limits(settings: Settings) -> FeedLimits:
    return FeedLimits(allow_private=settings.feed_allow_private)


def read_feeds(text: str, fields: dict[str, str], today: date, settings: Settings) -> dict:
    """Each feed URL of the line, read now, before the transaction: {url: FeedReading or FeedError}."""
    found = {}
    for value in fields.values():
        url = value.strip()
        if meetings.is_feed(url) and url not in found:
            try:
                found[url] = read_feed(url, today, feed_limits(settings))
            except FeedError as error:
                found[url] = error
    return found


@subcommand("vergaderingen", prepare=read_feeds)
def vergaderingen(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    if not fields:
        return Outcome(reply=calendars_reply(ctx, text))
    changed = meetings.set_calendars(ctx, text, fields, ctx.prepared)
    owner = changed.owner or t(lang, "meetings_region_board")
    lines = [t(lang, "ok_meetings", owner=owner)]
    for body in changed.bodies:
        name = t(lang, f"body_{body.body}")
        if body.cleared:
            lines.append(t(lang, "ok_meetings_cleared", body=name))
            continue
        source = t(lang, "meetings_from_feed", url=body.feed_url) if body.feed_url else t(lang, "meetings_typed")
        lines.append(t(lang, "ok_meetings_body", body=name, count=len(body.days), source=source,
                       days=days_text([d for d in body.days if d >= ctx.today], lang)))
        if body.past:
            lines.append("⚠️ " + t(lang, "warn_meetings_past", body=name, days=days_text(list(body.past), lang)))
        if body.feed_url and not any(d >= ctx.today for d in body.days):
            lines.append("⚠️ " + t(lang, "warn_meetings_none_ahead", body=name))
    return Outcome(reply=Reply(lines))


def days_text(days: list[date], lang: str) -> str:
    """`do 17 dec 2026, do 28 jan 2027 en nog 9`: the first few, then a count."""
    if not days:
        return t(lang, "meetings_none")
    shown = ", ".join(fmt_date(day, lang) for day in days[:SHOWN_DAYS])
    return shown + (" " + t(lang, "meetings_more", count=len(days) - SHOWN_DAYS) if len(days) > SHOWN_DAYS else "")


def calendars_reply(ctx: Context, text: str) -> Reply:
    """One municipality's (or the region's) calendars, or, without a name, which bodies of the
    region have a calendar and their next meeting."""
    lang = ctx.actor.language
    trajectory = current_trajectory(ctx)
    known = meetings.region_calendars(ctx.session, trajectory.region_id)
    if text.strip():
        municipality = meetings.owner_of(ctx, trajectory.region_id, text, "ex_vergaderingen")
        calendar = known.of(municipality.id if municipality else None)
        bodies = ("raad", "college") if municipality else ("regio",)
        owner = municipality.name if municipality else t(lang, "meetings_region_board")
        lines = [t(lang, "meetings_title", owner=owner)]
        for body in bodies:
            days = [d for d in (calendar.dates(body) if calendar else ()) if d >= ctx.today]
            lines.append(f"• {t(lang, f'body_{body}')}: {days_text(days, lang)}")
        return Reply(lines, context=[t(lang, "meetings_how", cmd=ctx.settings.slash_command)])
    members = queries.municipalities(ctx.session, trajectory.region_id)
    lines = [t(lang, "meetings_region_title", count=sum(1 for m in members if known.of(m.id)), total=len(members))]
    rows = []
    for owner_id, name, bodies in [(m.id, m.name, ("raad", "college")) for m in members] + [
            (None, t(lang, "meetings_region_board"), ("regio",))]:
        calendar = known.of(owner_id)
        nexts = [f"{t(lang, f'body_{body}')} {fmt_date(nxt, lang)}" for body in bodies
                 if calendar and (nxt := calendar.first_on_or_after(body, ctx.today))]
        rows.append(f"• {name}: " + ("; ".join(nexts) if nexts else f"_{t(lang, 'meetings_unknown')}_"))
    lines.append("\n".join(rows))
    return Reply(lines, context=[t(lang, "meetings_how", cmd=ctx.settings.slash_command)])
