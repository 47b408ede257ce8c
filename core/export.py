"""`export`: the decisions with each municipality's adoption and the audit log as CSV, and the
deadlines as an ICS calendar. The audit log never holds an urgent case's text, so neither does this."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from icalendar import Calendar, Event
from sqlmodel import Session, select

from core.forecast import Forecast
from core.outcome import FileOut
from core.status import adoption_state
from core.texts import t
from store import queries
from store.models import AuditLog, Trajectory


def _csv(header: list[str], rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")  # Dutch Excel opens ;-separated files in columns
    writer.writerow(header)
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()  # the BOM makes Excel read UTF-8


def decisions_csv(session: Session, data: queries.TrajectoryData, lang: str) -> FileOut:
    adoptions = queries.adoptions_by_decision(session, [d.id for d in data.decisions])
    rows = []
    for decision in data.decisions:
        adopted, rejected, pending = adoption_state(decision, adoptions.get(decision.id, []), data.members)
        rows.append([decision.ref, decision.title, decision.decided_by, decision.deadline.isoformat(),
                     decision.taken_on.isoformat() if decision.taken_on else "", decision.postponements,
                     ", ".join(n or t(lang, "by_regio") for n in adopted), ", ".join(rejected),
                     ", ".join(n or t(lang, "by_regio") for n in pending)])
    header = t(lang, "export_decisions_header").split(";")
    return FileOut(f"besluiten-{data.trajectory.channel_id}.csv", _csv(header, rows), t(lang, "export_decisions_title"))


def audit_csv(session: Session, trajectory: Trajectory, lang: str) -> FileOut:
    entries = session.exec(select(AuditLog).where(AuditLog.trajectory_id == trajectory.id).order_by(AuditLog.at))
    rows = [[e.at.isoformat(timespec="seconds"), e.actor, e.action, e.item or "", e.field_name or "",
             e.old_value or "", e.new_value or ""] for e in entries]
    header = t(lang, "export_audit_header").split(";")
    return FileOut(f"auditlog-{trajectory.channel_id}.csv", _csv(header, rows), t(lang, "export_audit_title"))


def deadlines_ics(data: queries.TrajectoryData, result: Forecast, lang: str, now: datetime) -> FileOut:
    trajectory = data.trajectory
    calendar = Calendar()
    calendar.add("prodid", "-//Regiowacht//regiowacht//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", trajectory.title)

    def add(uid: str, summary: str, day: date) -> None:
        event = Event()
        event.add("uid", f"{uid}-{trajectory.team_id}-{trajectory.id}@regiowacht")
        event.add("summary", summary)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("dtstamp", now)
        calendar.add_component(event)

    add("contract-end", t(lang, "export_contract_end", title=trajectory.title), trajectory.contract_end)
    add("go-live", t(lang, "export_go_live", title=trajectory.title), trajectory.go_live)
    add("forecast-ready", t(lang, "export_ready", title=trajectory.title), result.ready)
    for decision in data.decisions:
        if not decision.taken_on:
            add(decision.ref, f"{decision.ref} {decision.title}", decision.deadline)
    for request in data.inputs:
        add(request.ref, f"{request.ref} {request.question}", request.deadline)
    for task in data.tasks:
        add(task.ref, f"{task.ref} {task.title}", task.deadline)
    return FileOut(f"deadlines-{trajectory.channel_id}.ics", calendar.to_ical(), t(lang, "export_calendar_title"))
