"""When reminders fall due (PRODUCT.md "Digest, reminders, escalation", "People outside Slack"
and "Acting on what it shows"). For an input request or a task: 3 working days before the
deadline, on the day, every 2 working days while overdue (3 times at most), then the coordinator
is asked to chase. For an adoption past its deadline: the municipality's policy contact every 2
working days, 3 times at most. Only the latest step that has come is sent, so a bot that was down
sends no burst of stale ones; and a step sent later than its day says how the deadline really
stands (`de deadline was gisteren`), never "vandaag"."""
from __future__ import annotations

from datetime import date

from domain.texts import fmt_date, t
from domain.workdays import WorkCalendar

OVERDUE_REMINDERS = 3


def reminder_steps(deadline: date, work: WorkCalendar) -> list[tuple[str, date]]:
    """An input request's or a task's steps."""
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


def relative_day(day: date, today: date, lang: str) -> str:
    """`vandaag`, `morgen`, `over 5 dagen`, `gisteren`, `3 dagen geleden`: calendar days, as people say it."""
    days = (day - today).days
    key = {0: "day_today", 1: "day_tomorrow", 2: "day_after_tomorrow", -1: "day_yesterday",
           -2: "day_before_yesterday"}.get(days, "day_in" if days > 0 else "day_ago")
    return t(lang, key, days=abs(days))


def deadline_sentence(deadline: date, today: date, lang: str, *, dated: bool = True) -> str:
    """`Vandaag is de deadline`, `De deadline is morgen (wo 25 nov 2026)`, `De deadline was
    gisteren (ma 23 nov 2026)`: true on whatever day the reminder goes out. Without the date
    (`dated=False`) where it stands next to it already, as in a subject line."""
    if deadline == today:
        return t(lang, "deadline_is_today")
    sentence = t(lang, "deadline_is" if deadline > today else "deadline_was", when=relative_day(deadline, today, lang))
    return f"{sentence} ({fmt_date(deadline, lang)})" if dated else sentence
