"""The daily read of every meeting calendar feed: new or moved meetings are taken over; a feed that
fails keeps its last good days, and whoever set it is told once, by DM, until it reads again."""
from __future__ import annotations

import json
from datetime import date

from sqlmodel import select

from calendars.ical import FeedError, FeedReading, read_feed
from calendars.refresh import FeedState, after_failure, after_read
from commands.meetings import feed_limits
from domain.texts import fmt_date, t
from jobs.runner import JobRun, Message
from store.models import BodyCalendar, Municipality
from views.messages import sections


def refresh_calendars(run: JobRun) -> None:
    rt = run.rt
    today = rt.today()
    with run.step("calendar feeds due") as session:
        due = [(row.id, row.feed_url) for row in session.exec(
            select(BodyCalendar).where(BodyCalendar.feed_url.is_not(None)).order_by(BodyCalendar.id))
            if row.checked_on is None or row.checked_on < today]
    for calendar_id, url in due:
        try:  # over the network, before the step's transaction opens
            reading: FeedReading | FeedError = read_feed(url, today, feed_limits(rt.settings))
        except FeedError as error:
            reading = error
        with run.step(f"calendar feed {calendar_id}") as session:
            row = session.get(BodyCalendar, calendar_id)
            if row is None or row.feed_url != url:  # changed by hand meanwhile
                continue
            state = FeedState(None, row.read_on, row.failing_since, row.failure_told)
            outcome = (after_failure(state, reading, today) if isinstance(reading, FeedError)
                       else after_read(state, reading, today))
            row.checked_on = today
            if outcome.tell_failure is not None:
                row.failing_since, row.failure_told = outcome.state.failing_since, True
                _tell(run, session, row, outcome.tell_failure, today)
            elif isinstance(reading, FeedReading):
                row.dates = json.dumps([day.isoformat() for day in reading.meetings])
                row.read_on, row.failing_since, row.failure_told = today, None, False
            session.add(row)


def _tell(run: JobRun, session, row: BodyCalendar, error: FeedError, today: date) -> None:
    """One DM to whoever set the feed: what fails, that the last days read stay in use, and how to mend it."""
    lang, cmd = run.rt.settings.language, run.rt.settings.slash_command
    municipality = session.get(Municipality, row.municipality_id) if row.municipality_id else None
    params = dict(error.params)
    key = error.key + (f"_{params.pop('reason')}" if "reason" in params else "")
    text = t(lang, "feed_failed_dm", owner=municipality.name if municipality else t(lang, "meetings_region_board"),
             body=t(lang, f"body_{row.body}"), since=fmt_date(row.failing_since or today, lang), why=t(lang, key, **params),
             read_on=fmt_date(row.read_on, lang) if row.read_on else t(lang, "meetings_none"), cmd=cmd,
             name=municipality.name if municipality else "regio", key=row.body if municipality else "regio")
    run.send(session, Message(f"feed:{row.id}:{(row.failing_since or today).isoformat()}", row.team_id, row.updated_by,
                              text, sections([text])))
