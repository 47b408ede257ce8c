"""When an input request's reminders fall due (PRODUCT.md "Digest, reminders, escalation"):
3 working days before the deadline, on the day, every 2 working days while overdue (3 times at
most), then the coordinator is asked to chase. Only the latest step that has come is sent, so a
bot that was down does not send a burst of stale reminders."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.workdays import WorkCalendar
from store.models import InputRequest

OVERDUE_REMINDERS = 3


@dataclass(frozen=True)
class Reminder:
    step: str          # before, due, overdue1..3, chase
    on: date
    to: str            # Slack user id
    text_key: str


def schedule(request: InputRequest, coordinator: str, work: WorkCalendar) -> list[Reminder]:
    deadline = request.deadline
    to = request.stakeholder_user or request.requested_by
    own = "remind_{}" if request.stakeholder_user else "remind_outsider"
    due_day = deadline if work.is_working_day(deadline) else work.add(deadline, -1)
    steps = [Reminder("before", work.add(deadline, -3), to, own.format("before")),
             Reminder("due", due_day, to, own.format("due"))]
    steps += [Reminder(f"overdue{k}", work.add(deadline, 2 * k), to, own.format("overdue"))
              for k in range(1, OVERDUE_REMINDERS + 1)]
    steps.append(Reminder("chase", work.add(deadline, 2 * OVERDUE_REMINDERS + 2), coordinator, "remind_chase"))
    return steps


def due_reminder(request: InputRequest, coordinator: str, today: date, work: WorkCalendar) -> Reminder | None:
    """The reminder to send today, if any (the caller checks it was not sent before)."""
    if request.received_on:
        return None
    come = [step for step in schedule(request, coordinator, work) if step.on <= today]
    return come[-1] if come else None
