"""When reminders fall due (PRODUCT.md "Digest, reminders, escalation" and "People outside
Slack"). For an input request: 3 working days before the deadline, on the day, every 2 working
days while overdue (3 times at most), then the coordinator is asked to chase. For an adoption
past its deadline: the municipality's policy contact every 2 working days, 3 times at most.
Only the latest step that has come is sent, so a bot that was down sends no burst of stale ones."""
from __future__ import annotations

from datetime import date

from domain.workdays import WorkCalendar

OVERDUE_REMINDERS = 3


def input_steps(deadline: date, work: WorkCalendar) -> list[tuple[str, date]]:
    due_day = deadline if work.is_working_day(deadline) else work.add(deadline, -1)
    steps = [("before", work.add(deadline, -3)), ("due", due_day)]
    steps += [(f"overdue{k}", work.add(deadline, 2 * k)) for k in range(1, OVERDUE_REMINDERS + 1)]
    steps.append(("chase", work.add(deadline, 2 * OVERDUE_REMINDERS + 2)))
    return steps


def adoption_steps(deadline: date, work: WorkCalendar) -> list[tuple[str, date]]:
    return [(f"overdue{k}", work.add(deadline, 2 * k)) for k in range(1, OVERDUE_REMINDERS + 1)]


def due_step(steps: list[tuple[str, date]], today: date) -> str | None:
    """The latest step that has come, if any (the caller checks it was not sent before)."""
    come = [step for step, day in steps if day <= today]
    return come[-1] if come else None
