"""The trajectory at a glance: what `status` shows and what the digest and App Home reuse."""
from __future__ import annotations

from datetime import date

from sqlmodel import Session

from domain.forecast import Thresholds
from domain.outcome import LIST_LIMIT, Reply, Section
from domain.requests import asked_of
from domain.roles import role_label
from domain.texts import count, fmt_date, person, t
from reports.risk import (
    buffer_text,
    contract_end_words,
    contract_words,
    forecast_trajectory,
    level_label,
    owner_words,
    rejections_text,
)
from store import queries
from store.models import Decision, Municipality, Region, Trajectory, UrgentCase

LIST_PAGE = 40   # items per page of one whole list (`status taken`)
# `status taken`: one list whole; the words as Dutch and English users type them.
LISTS = {"besluiten": "besluiten", "besluit": "besluiten", "decisions": "besluiten", "decision": "besluiten",
         "input": "input", "inputs": "input", "inputverzoeken": "input", "taken": "taken", "taak": "taken",
         "tasks": "taken", "task": "taken", "signalen": "signalen", "signaal": "signalen", "urgent": "signalen",
         "cases": "signalen"}
LIST_WORDS = {"besluiten": ("besluiten", "decisions"), "input": ("input", "inputs"), "taken": ("taken", "tasks"),
              "signalen": ("signalen", "cases")}


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


def _due(day: date, today: date, lang: str) -> str:
    text = fmt_date(day, lang)
    return f"{text} ⚠️ {t(lang, 'status_overdue')}" if day < today else text


def status_reply(session: Session, trajectory: Trajectory, lang: str, today: date, thresholds: Thresholds,
                 cmd: str = "/inkoop", only: str | None = None, page: int = 1) -> Reply:
    """The trajectory at a glance, each list cut at LIST_LIMIT with the command that shows it
    whole; `only` (a key of LIST_WORDS): that one list whole, page by page."""
    data = queries.trajectory_data(session, trajectory)
    result = forecast_trajectory(session, trajectory, today, thresholds, data)
    region, members, adoptions = data.region, data.members, data.adoptions
    open_decisions = [d for d in data.decisions if not d.taken_on]
    taken = sorted((d for d in data.decisions if d.taken_on), key=lambda d: d.taken_on, reverse=True)

    forecasts = {f.decision.id: f for f in result.decisions}

    def decision_line(decision) -> str:
        # A rejection asks for a revised proposal; only a passed deadline makes the decision late.
        rejections = forecasts[decision.id].rejections
        if decision.taken_on:
            progress = t(lang, "status_taken", date=fmt_date(decision.taken_on, lang))
        elif decision.decided_by == "regio":
            progress = rejections_text(rejections, lang) if rejections else t(lang, "status_regio_pending")
        else:
            adopted, rejected, pending = adoption_state(decision, adoptions.get(decision.id, []), members)
            progress = t(lang, "status_progress", done=len(adopted), total=len(adopted) + len(rejected) + len(pending))
            if pending:
                progress += " · " + t(lang, "status_missing", names=", ".join(pending))
            if rejections:
                progress += " · " + rejections_text(rejections, lang)
        deadline = fmt_date(decision.deadline, lang) if decision.taken_on else _due(decision.deadline, today, lang)
        return t(lang, "status_decision", ref=decision.ref, title=decision.title, by=t(lang, f"by_{decision.decided_by}"),
                 deadline=deadline, progress=progress)

    inputs, tasks, cases = data.inputs, data.tasks, data.cases
    lists = {
        "besluiten": ("status_decisions", open_decisions + taken, decision_line, 1),
        "input": ("status_inputs", inputs, lambda i: t(
            lang, "status_input_group" if i.group_name else "status_input", ref=i.ref, question=i.question,
            who=asked_of(i, data.parts.get(i.id), lang), role=role_label(i.role, lang),
            deadline=_due(i.deadline, today, lang)), 1),
        "taken": ("status_tasks", tasks, lambda x: t(
            lang, "status_task", ref=x.ref, title=x.title, owner=owner_words(x, lang),
            deadline=_due(x.deadline, today, lang)), 0),
        "signalen": ("status_urgent", cases, lambda c: case_line(c, lang), 2),
    }
    head = t(lang, "status_head", title=trajectory.title, region=region.name, domain=trajectory.domain)
    word = lambda name: LIST_WORDS[name][1 if lang == "en" else 0]  # noqa: E731
    if only is not None:
        title, items, render, _ = lists[only]
        pages = max(1, -(-len(items) // LIST_PAGE))
        page = min(max(page, 1), pages)
        shown = items[(page - 1) * LIST_PAGE:page * LIST_PAGE]
        lines: list[str | Section] = [head, Section(f"{t(lang, title)} ({len(items)})", [render(item) for item in shown],
                                                    limit=None, empty=t(lang, "status_none"))]
        if pages > 1:
            lines.append(t(lang, "status_page", page=page, pages=pages,
                           next=f"{cmd} status {word(only)} {page % pages + 1}"))
        return Reply(lines)
    lines = [
        head,
        t(lang, "status_risk", level=level_label(result.level, lang), verdict=buffer_text(result, lang),
          ready=fmt_date(result.ready, lang))
        + ("\n" + t(lang, "status_waits_for_decisions", weeks=trajectory.lead_weeks) if result.waits_for_decisions else ""),
        t(lang, "status_counts", decisions=count(lang, len(open_decisions), "besluit"),
          inputs=count(lang, len(inputs), "inputverzoek"), tasks=count(lang, len(tasks), "taak"),
          cases=count(lang, len(cases), "signaal")),
    ] + [
        # Lists the layout shortens when the answer would not fit in Slack (views/layout.py); each
        # names `status <list>`, which shows it whole.
        Section(t(lang, title), [render(item) for item in items], more=f"status {word(name)}", urgency=urgency,
                limit=LIST_LIMIT, empty=t(lang, "status_none"))
        for name, (title, items, render, urgency) in lists.items()]
    context = [t(lang, "status_dates", contract_end=contract_end_words(result, lang),
                 go_live=fmt_date(trajectory.go_live, lang), weeks=trajectory.lead_weeks,
                 coordinator=person(trajectory.coordinator_id, None))]
    if result.continuity is not None:  # the contracts (percelen) the continuity deadline comes from
        context.append(t(lang, "status_contracts", contracts="; ".join(contract_words(c, lang) for c in result.contracts),
                         cmd=cmd))
    return Reply(lines, context=context)
