"""Changing a trajectory once it runs (`traject contracteinde: 31-3-2027 reden: contracten
verlengd`): its contract end, go-live, implementation lead time and title, by its coordinator or
an admin, each change audited with old value, new value and reason. The remedy for a red forecast
(contracts extended, go-live moved, implementation shortened) is recorded where the forecast reads it."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.errors import CommandError
from domain.permissions import require_coordinator
from store.models import Trajectory
from tracking.context import Context, current_trajectory, deadline, require
from tracking.regions import read_weeks

EDITABLE = ("contracteinde", "start", "implementatie", "titel")
FIXED = ("regio", "gemeenten", "domein")  # what a running trajectory keeps (members change with `regio`)


@dataclass
class Change:
    field: str       # contracteinde, start, implementatie or titel
    old: date | int | str
    new: date | int | str
    followed: bool = False  # go-live moved with the contract end (it was the day after it)


@dataclass
class Changed:
    trajectory: Trajectory
    changes: list[Change]
    reason: str


def change_trajectory(ctx: Context, text: str, fields: dict[str, str]) -> Changed:
    example = "ex_traject_wijzig"
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    if text or any(fields.get(key) for key in ("regio", "gemeenten")):
        # A title and a region: someone setting up a second trajectory in this channel.
        raise CommandError("err_channel_taken_edit", example=example, title=trajectory.title,
                           cmd=ctx.settings.slash_command)
    if fields.get("domein"):
        raise CommandError("err_traject_fixed", field="domein", example=example, key="domein")
    if not any(fields.get(key) for key in EDITABLE):
        raise CommandError("err_traject_nothing", example=example)
    reason = require(fields, "reden", example)
    wanted: dict[str, date | int | str] = {}
    if fields.get("titel"):
        wanted["titel"] = fields["titel"].strip()
    if fields.get("contracteinde"):
        wanted["contracteinde"] = deadline(ctx, fields["contracteinde"], "contracteinde", example)
    if fields.get("start"):
        wanted["start"] = deadline(ctx, fields["start"], "start", example)
    if fields.get("implementatie"):
        wanted["implementatie"] = read_weeks(fields["implementatie"], example)
    changes = [Change(key, _value(trajectory, key), value) for key, value in wanted.items()
               if value != _value(trajectory, key)]
    end = next((c for c in changes if c.field == "contracteinde"), None)
    if end is not None and "start" not in wanted and trajectory.go_live == end.old + timedelta(days=1):
        # The go-live was the default, the day after contract end: it stays the day after.
        changes.append(Change("start", trajectory.go_live, end.new + timedelta(days=1), followed=True))
    if not changes:
        raise CommandError("err_traject_unchanged", example=example,
                           fields=", ".join(f"{key}:" for key in wanted))
    item = trajectory.title
    for change in changes:
        _apply(trajectory, change)
        ctx.audit("traject gewijzigd", trajectory, item=item, field_name=change.field, old=change.old,
                  new=f"{change.new} ({reason})")
    ctx.session.add(trajectory)
    ctx.session.flush()
    if trajectory.go_live > trajectory.contract_end + timedelta(days=1):
        ctx.warn("warn_care_gap", contract_end=trajectory.contract_end, go_live=trajectory.go_live,
                 days=(trajectory.go_live - trajectory.contract_end).days - 1)
    return Changed(trajectory, changes, reason)


_COLUMNS = {"contracteinde": "contract_end", "start": "go_live", "implementatie": "lead_weeks", "titel": "title"}


def _value(trajectory: Trajectory, key: str):
    return getattr(trajectory, _COLUMNS[key])


def _apply(trajectory: Trajectory, change: Change) -> None:
    setattr(trajectory, _COLUMNS[change.field], change.new)
