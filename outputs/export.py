"""`export`: the decisions with each municipality's adoption, every recipient's answer and the
audit log as CSV, and the deadlines as an ICS calendar. Written for Dutch Excel: `;`-separated, UTF-8 with a BOM, dates as
dd-mm-jjjj, times in the bot's timezone. No cell can run a formula. The audit log never holds an
urgent case's text, so neither does this."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlmodel import Session, select

from domain.forecast import Forecast
from domain.outcome import FileOut
from domain.text_input import to_plain
from domain.texts import audit_word, t
from store import queries
from reports.answers import recipient_rows
from store.models import AuditLog, InputRequest, Trajectory

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")



def cell(value) -> str:
    """A value as a spreadsheet shows it (stored Slack text read as plain text), never as a
    formula: `=HYPERLINK(…)` stays text."""
    text = "" if value is None else to_plain(str(value))
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def day(value: date | None, lang: str) -> str:
    if value is None:
        return ""
    return value.isoformat() if lang == "en" else value.strftime("%d-%m-%Y")


def _csv(header: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Dutch Excel opens ;-separated files in columns
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode()  # the BOM makes Excel read UTF-8


def decisions_csv(session: Session, data: queries.TrajectoryData, lang: str) -> FileOut:
    adoptions = queries.adoptions_by_decision(session, [d.id for d in data.decisions])
    names = {m.id: m.name for m in data.members}
    rows = []
    for decision in data.decisions:
        by_member = {a.municipality_id: a for a in adoptions.get(decision.id, [])}
        needed = [None] if decision.decided_by == "regio" else [m.id for m in data.members]
        label = lambda key: names.get(key) or t(lang, "by_regio")  # noqa: E731
        adopted = [f"{label(k)} ({day(by_member[k].on_date, lang)})" for k in needed
                   if k in by_member and by_member[k].outcome == "vastgesteld"]
        rejected = [f"{label(k)} ({day(by_member[k].on_date, lang)}" + (f": {by_member[k].reason}" if by_member[k].reason
                                                                        else "") + ")"
                    for k in needed if k in by_member and by_member[k].outcome == "afgewezen"]
        pending = [label(k) for k in needed if k not in by_member]
        rows.append([decision.ref, decision.title, t(lang, f"by_{decision.decided_by}"), day(decision.deadline, lang),
                     day(decision.taken_on, lang), decision.postponements, ", ".join(adopted), ", ".join(rejected),
                     ", ".join(pending)])
    header = t(lang, "export_decisions_header").split(";")
    return FileOut(f"besluiten-{data.trajectory.channel_id}.csv", _csv(header, rows), t(lang, "export_decisions_title"))


def audit_csv(session: Session, trajectory: Trajectory, lang: str, timezone: str) -> FileOut:
    zone = ZoneInfo(timezone)
    entries = session.exec(select(AuditLog).where(AuditLog.trajectory_id == trajectory.id).order_by(AuditLog.at))
    moment = "%Y-%m-%d %H:%M" if lang == "en" else "%d-%m-%Y %H:%M"
    rows = [[e.at.astimezone(zone).strftime(moment), e.actor, audit_word(e.action, lang), e.item or "",
             audit_word(e.field_name, lang), e.old_value or "", e.new_value or ""] for e in entries]
    header = t(lang, "export_audit_header", zone=timezone).split(";")
    return FileOut(f"auditlog-{trajectory.channel_id}.csv", _csv(header, rows), t(lang, "export_audit_title"))


def answers_csv(session: Session, trajectory: Trajectory, lang: str, timezone: str) -> FileOut:
    """One row per recipient of every input request (withdrawn ones left out), with the newest
    answer in full: the same rows as `input I5` and its answers file."""
    requests = session.exec(select(InputRequest).where(InputRequest.trajectory_id == trajectory.id,
                                                       queries.live(InputRequest)).order_by(InputRequest.id))
    rows = [[request.ref, request.question, row.name, row.affiliation or "",
             t(lang, f"reach_{row.reach}"), t(lang, f"state_word_{row.state}"), day(row.received_on, lang),
             row.reminders, t(lang, "export_yes") if row.undeliverable else "", row.answer or ""]
            for request in requests for row in recipient_rows(session, request, timezone)]
    header = t(lang, "export_answers_header").split(";")
    return FileOut(f"antwoorden-{trajectory.channel_id}.csv", _csv(header, rows), t(lang, "export_answers_title"))


def deadlines_ics(data: queries.TrajectoryData, result: Forecast, lang: str, now: datetime) -> FileOut:
    trajectory = data.trajectory
    calendar = Calendar()
    calendar.add("prodid", "-//Regiowacht//regiowacht//NL")
    calendar.add("version", "2.0")
    title = to_plain(trajectory.title)
    calendar.add("x-wr-calname", title)

    def add(uid: str, summary: str, day: date) -> None:
        """A whole-day event, in plain text (a calendar shows no Slack markup), naming its trajectory."""
        event = Event()
        event.add("uid", f"{uid}-{trajectory.team_id}-{trajectory.id}@regiowacht")
        event.add("summary", to_plain(summary))
        event.add("description", t(lang, "export_event_description", title=title))
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", now)
        calendar.add_component(event)

    add("contract-end", t(lang, "export_contract_end", title=title), result.contract_end)
    add("go-live", t(lang, "export_go_live", title=title), trajectory.go_live)
    add("forecast-ready", t(lang, "export_ready", title=title), result.ready)
    for decision in data.decisions:
        if not decision.taken_on:
            add(decision.ref, f"{decision.ref} {decision.title}", decision.deadline)
    for request in data.inputs:
        add(request.ref, f"{request.ref} {request.question}", request.deadline)
    for task in data.tasks:
        add(task.ref, f"{task.ref} {task.title}", task.deadline)
    return FileOut(f"deadlines-{trajectory.channel_id}.ics", calendar.to_ical(), t(lang, "export_calendar_title"))
