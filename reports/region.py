"""`regio`: every trajectory of this channel's region at a glance, and the adoption matrix
(member municipalities against open and recent decisions). A trajectory in a private channel is
shown only to that channel's members: the actor says which channels it may see."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from domain.forecast import Forecast, Thresholds
from domain.permissions import Actor
from domain.texts import fmt_date, t
from reports.risk import buffer_text, forecast_trajectory, level_label
from store import queries
from store.models import Adoption, Decision, Municipality, Region, Trajectory

RECENT_DAYS = 60     # a decision taken this recently still belongs in the matrix
MATRIX_COLUMNS = 16  # the most decisions one picture stays readable with


@dataclass
class TrajectoryRow:
    trajectory: Trajectory
    forecast: Forecast
    next_deadline: tuple[str, date] | None  # the nearest open item due today or later
    open_cases: int


@dataclass
class Cell:
    state: str           # vastgesteld, vastgesteld_laat, afgewezen, te_laat, open, nvt (not asked of this row)
    on: date | None = None
    days_late: int = 0   # past the deadline: adopted this late, or still open or rejected this long after it


@dataclass
class Matrix:
    rows: list[str]                    # member names, then the region itself when it decides anything
    columns: list[tuple[Decision, str]]  # (decision, its trajectory's title)
    cells: list[list[Cell]]            # [row][column]
    left_out: int                      # decisions not drawn (beyond MATRIX_COLUMNS)


@dataclass
class RegionOverview:
    region: Region
    members: list[Municipality]
    rows: list[TrajectoryRow]
    matrix: Matrix | None


def _next_deadline(result: Forecast) -> tuple[str, date] | None:
    items = [(f.decision.ref, f.decision.deadline) for f in result.pending]
    items += [(r.ref, r.deadline) for r in result.inputs]
    items += [(f.task.ref, f.task.deadline) for f in result.tasks]
    upcoming = [item for item in items if item[1] >= result.today]
    return min(upcoming, key=lambda item: item[1]) if upcoming else None


def visible_trajectories(session: Session, actor: Actor, region_id: int) -> list[Trajectory]:
    """The region's trajectories this person may see: the channel they ask from always, others
    when the actor may see that channel (a private channel only for its members)."""
    return [tr for tr in queries.trajectories_in_region(session, actor.team_id, region_id)
            if tr.channel_id == actor.channel_id or actor.can_see(tr.channel_id)]


def region_overview(session: Session, actor: Actor, trajectory: Trajectory, today: date,
                    thresholds: Thresholds, *, with_matrix: bool = True) -> RegionOverview:
    region, members = queries.region_with_members(session, trajectory.region_id)
    rows, columns = [], []
    for shown in visible_trajectories(session, actor, region.id):
        data = queries.trajectory_data(session, shown)
        result = forecast_trajectory(session, shown, today, thresholds, data)
        rows.append(TrajectoryRow(shown, result, _next_deadline(result), len(data.cases)))
        columns += [(d, shown.title) for d in data.decisions
                    if not d.taken_on or d.taken_on >= today - timedelta(days=RECENT_DAYS)]
    return RegionOverview(region, members, rows,
                          adoption_matrix(session, members, columns, today) if with_matrix else None)


def adoption_matrix(session: Session, members: list[Municipality], columns: list[tuple[Decision, str]],
                    today: date) -> Matrix:
    # Open decisions first, the most urgent leftmost; then those taken lately.
    columns.sort(key=lambda c: (c[0].taken_on is not None, c[0].deadline, c[0].id))
    left_out = max(0, len(columns) - MATRIX_COLUMNS)
    columns = columns[:MATRIX_COLUMNS]
    adoptions = queries.adoptions_by_decision(session, [d.id for d, _ in columns])
    regional = any(d.decided_by == "regio" for d, _ in columns)
    keys: list[int | None] = [m.id for m in members] + ([None] if regional else [])
    cells = [[_cell(decision, adoptions.get(decision.id, []), key, today) for decision, _ in columns] for key in keys]
    return Matrix([m.name for m in members] + ([""] if regional else []), columns, cells, left_out)


def _cell(decision: Decision, adoptions: list[Adoption], member_id: int | None, today: date) -> Cell:
    if (decision.decided_by == "regio") != (member_id is None):
        return Cell("nvt")
    adoption = next((a for a in adoptions if a.municipality_id == member_id), None)
    if adoption is not None and adoption.outcome == "vastgesteld":
        late = (adoption.on_date - decision.deadline).days
        return Cell("vastgesteld_laat", adoption.on_date, late) if late > 0 else Cell("vastgesteld", adoption.on_date)
    if adoption is not None:  # a rejection is late only once the deadline has passed
        return Cell("afgewezen", adoption.on_date, max(0, (today - decision.deadline).days))
    if decision.taken_on:  # taken before this member joined
        return Cell("nvt")
    if decision.deadline < today:
        return Cell("te_laat", decision.deadline, (today - decision.deadline).days)
    return Cell("open", decision.deadline)


def region_line(row: TrajectoryRow, lang: str) -> str:
    """One trajectory of the region: level, channel, buffer, what is due next, what is late, cases."""
    result = row.forecast
    parts = [t(lang, "region_trajectory", level=level_label(result.level, lang), title=row.trajectory.title,
               channel=f"<#{row.trajectory.channel_id}>", verdict=buffer_text(result, lang),
               next=t(lang, "region_next", ref=row.next_deadline[0], date=fmt_date(row.next_deadline[1], lang))
               if row.next_deadline else t(lang, "region_no_next"))]
    if result.overdue:
        parts.append(t(lang, "region_overdue", count=len(result.overdue)))
    rejected = sum(1 for f in result.pending if f.rejections and not f.past_deadline(result.today))
    if rejected:
        parts.append(t(lang, "region_rejected", count=rejected))
    if row.open_cases:
        parts.append(t(lang, "region_cases", count=row.open_cases))
    return " · ".join(parts)
