"""The trajectory at a glance: what `status` shows and what the digest and App Home reuse."""
from __future__ import annotations

from datetime import date

from sqlmodel import Session

from domain.forecast import Thresholds
from domain.outcome import LIST_LIMIT, Reply, Section
from domain.requests import asked_of
from domain.texts import count, fmt_date, person, t
from reports.risk import buffer_text, forecast_trajectory, level_label, rejections_text
from store import queries
from store.models import Decision, Municipality, Region, Trajectory, UrgentCase


def region_of(session: Session, trajectory: Trajectory) -> tuple[Region, list[Municipality]]:
    return queries.region_with_members(session, trajectory.region_id)


def adoption_state(decision: Decision, adoptions, members: list[Municipality]) -> tuple[list[str], list[str], list[str]]:
    """(adopted, rejected, pending) municipality names for a decision; a regional decision has one
    pseudo-member, the region itself, shown as ''."""
    by_member = {a.municipality_id: a for a in adoptions}
    names = [("", None)] if decision.decided_by == "regio" else [(m.name, m.id) for m in members]
    adopted, rejected, pending = [], [], []
    for name, key in names:
        adoption = by_member.get(key)
        if adoption is None:
            pending.append(name)
        elif adoption.outcome == "vastgesteld":
            adopted.append(name)
        else:
            rejected.append(name)
    return adopted, rejected, pending


def case_line(case: UrgentCase, lang: str) -> str:
    state = (t(lang, "status_case_acked", who=person(case.acked_by, None)) if case.acked_at
             else t(lang, "status_case_open"))
    return t(lang, "status_case", ref=case.ref, severity=t(lang, f"sev_{case.severity}"), text=case.description or "",
             state=state)


def bullets(items: list, render, lang: str) -> str:
    """A bullet list of at most LIST_LIMIT items; only those shown are rendered."""
    shown = [render(item) for item in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(t(lang, "status_more", count=len(items) - LIST_LIMIT))
    return "\n".join(f"• {line}" for line in shown) if shown else f"_{t(lang, 'status_none')}_"


def _due(day: date, today: date, lang: str) -> str:
    text = fmt_date(day, lang)
    return f"{text} ⚠️ {t(lang, 'status_overdue')}" if day < today else text


def status_reply(session: Session, trajectory: Trajectory, lang: str, today: date, thresholds: Thresholds) -> Reply:
    data = queries.trajectory_data(session, trajectory)
    result = forecast_trajectory(session, trajectory, today, thresholds, data)
    region, members, adoptions = data.region, data.members, data.adoptions
    open_decisions = [d for d in data.decisions if not d.taken_on]
    taken = sorted((d for d in data.decisions if d.taken_on), key=lambda d: d.taken_on, reverse=True)

    forecasts = {f.decision.id: f for f in result.decisions}

    def decision_line(decision) -> str:
        rejections = forecasts[decision.id].rejections
        # A rejection is overdue at once; when the deadline itself has passed, one mark says it.
        late = f" ⚠️ {t(lang, 'status_overdue')}" if decision.deadline >= today else ""
        if decision.taken_on:
            progress = t(lang, "status_taken", date=fmt_date(decision.taken_on, lang))
        elif decision.decided_by == "regio":
            progress = t(lang, "status_regio_pending")
            if rejections:
                progress = t(lang, "status_regio_rejected", rejections=rejections_text(rejections, lang)) + late
        else:
            adopted, rejected, pending = adoption_state(decision, adoptions.get(decision.id, []), members)
            progress = t(lang, "status_progress", done=len(adopted), total=len(adopted) + len(rejected) + len(pending))
            if pending:
                progress += " · " + t(lang, "status_missing", names=", ".join(pending))
            if rejections:
                progress += " · " + t(lang, "status_rejected", rejections=rejections_text(rejections, lang)) + late
        deadline = fmt_date(decision.deadline, lang) if decision.taken_on else _due(decision.deadline, today, lang)
        return t(lang, "status_decision", ref=decision.ref, title=decision.title, by=t(lang, f"by_{decision.decided_by}"),
                 deadline=deadline, progress=progress)

    inputs, tasks, cases = data.inputs, data.tasks, data.cases
    none = t(lang, "status_none")
    lines: list[str | Section] = [
        t(lang, "status_head", title=trajectory.title, region=region.name, domain=trajectory.domain),
        t(lang, "status_risk", level=level_label(result.level, lang), verdict=buffer_text(result, lang),
          ready=fmt_date(result.ready, lang))
        + ("\n" + t(lang, "status_waits_for_decisions", weeks=trajectory.lead_weeks) if result.waits_for_decisions else ""),
        t(lang, "status_counts", decisions=count(lang, len(open_decisions), "besluit"),
          inputs=count(lang, len(inputs), "inputverzoek"), tasks=count(lang, len(tasks), "taak"),
          cases=count(lang, len(cases), "signaal")),
        # Lists the layout shortens when the answer would not fit in Slack (views/layout.py); the
        # export has every decision, and every change to inputs and tasks in its audit log.
        Section(t(lang, "status_decisions"), [decision_line(d) for d in open_decisions + taken], more="export",
                urgency=1, empty=none),
        Section(t(lang, "status_inputs"), [t(
            lang, "status_input_group" if i.group_name else "status_input", ref=i.ref, question=i.question,
            who=asked_of(i, data.parts.get(i.id), lang), role=i.role, deadline=_due(i.deadline, today, lang))
            for i in inputs], more="export", urgency=1, empty=none),
        Section(t(lang, "status_tasks"), [t(
            lang, "status_task", ref=x.ref, title=x.title, owner=person(x.owner_user, x.owner_name),
            deadline=_due(x.deadline, today, lang)) for x in tasks], more="export", empty=none),
        Section(t(lang, "status_urgent"), [case_line(c, lang) for c in cases], urgency=2, empty=none),
    ]
    context = [t(lang, "status_dates", contract_end=fmt_date(trajectory.contract_end, lang),
                 go_live=fmt_date(trajectory.go_live, lang), weeks=trajectory.lead_weeks,
                 coordinator=person(trajectory.coordinator_id, None))]
    return Reply(lines, context=context)
