"""Decisions and each municipality's adoption or rejection of them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.errors import CommandError
from domain.names import split_names
from domain.permissions import require_coordinator
from domain.text_input import fold
from domain.texts import fmt_date
from store import queries
from store.models import Adoption, Decision, Municipality
from tracking.context import (
    ALL_WORDS,
    DECIDERS,
    Context,
    choose,
    current_trajectory,
    deadline,
    own_item,
    require,
    same_municipality,
)


def add_decision(ctx: Context, title: str, fields: dict[str, str]) -> Decision:
    example = "ex_besluit"
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    if not title:
        raise CommandError("err_missing_title", field="title", example=example)
    due = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    decided_by = choose(DECIDERS, fields["door"], "door", example) if fields.get("door") else "college"
    if due > trajectory.contract_end:  # stored as typed, but the forecast will turn red at once
        ctx.warn("warn_after_contract_end", date=due, contract_end=trajectory.contract_end)
    same = next((d for d in queries.open_decisions(ctx.session, trajectory.id) if fold(d.title) == fold(title)), None)
    if same is not None:  # typed twice? both are kept; say so, so the second can be undone
        ctx.warn("warn_same_title", ref=same.ref, title=same.title, date=same.deadline)
    decision = Decision(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "B"),
                        trajectory_id=trajectory.id, title=title, deadline=due, decided_by=decided_by,
                        created_by=ctx.actor.user_id, created_at=ctx.now)
    ctx.session.add(decision)
    ctx.audit("besluit aangemaakt", trajectory, item=decision.ref, new=f"{title} ({decided_by}, {due})")
    return decision


def _named_municipalities(members: list[Municipality], value: str, example: str) -> list[Municipality]:
    if value.strip().lower() in ALL_WORDS:
        return members
    chosen, unknown = [], []
    for name in split_names(value, tuple(m.name for m in members)):
        municipality = next((m for m in members if same_municipality(m.name, name)), None)
        (chosen if municipality else unknown).append(municipality or name)
    if unknown:
        raise CommandError("err_not_member", field="gemeenten", example=example,
                           names=", ".join(unknown), members=", ".join(m.name for m in members))
    return chosen


@dataclass
class Recorded:
    decision: Decision
    names: list[str | None]  # the municipalities just recorded; None for the region itself
    on: date
    remaining: list[str]     # municipalities that have not adopted it (yet), rejections included


def _record(ctx: Context, ref: str, fields: dict[str, str], outcome: str, example: str) -> Recorded:
    trajectory = current_trajectory(ctx)
    decision = own_item(ctx, trajectory, ref, "B", example)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    on = deadline(ctx, fields["op"], "op", example, past=True) if fields.get("op") else ctx.today
    members = queries.municipalities(ctx.session, trajectory.region_id)
    if decision.decided_by == "regio":
        if fields.get("gemeenten"):
            raise CommandError("err_regional_no_municipalities", field="gemeenten", example=example,
                               ref=decision.ref)
        targets: list[Municipality | None] = [None]
    else:
        targets = _named_municipalities(members, require(fields, "gemeenten", example), example)
    existing = {a.municipality_id: a for a in queries.adoptions_by_decision(ctx.session, [decision.id])[decision.id]}
    unchanged: list[tuple[str, Adoption]] = []
    for municipality in targets:
        key = municipality.id if municipality else None
        name = municipality.name if municipality else "regio"
        adoption = existing.get(key)
        if adoption is not None and adoption.outcome == outcome and (not fields.get("op") or adoption.on_date == on):
            unchanged.append((name, adoption))  # recorded before: say so, change nothing
            continue
        old = f"{adoption.outcome} {adoption.on_date}" if adoption else None
        if adoption is not None and adoption.outcome == outcome:
            action = "datum gecorrigeerd"
        elif adoption is not None:
            if on < adoption.on_date:  # a revised verdict cannot predate the one it replaces
                raise CommandError(f"err_{outcome}_before_{adoption.outcome}", field="op", example=example,
                                   name=name, ref=decision.ref, date=adoption.on_date, on=on)
            action = outcome
            ctx.warn(f"warn_was_{adoption.outcome}", name=municipality.name if municipality else "", ref=decision.ref,
                     date=adoption.on_date)
        else:
            action = outcome
        if adoption is None:
            adoption = Adoption(decision_id=decision.id, municipality_id=key, outcome=outcome, on_date=on,
                                recorded_by=ctx.actor.user_id)
            existing[key] = adoption
        if action == "datum gecorrigeerd":
            ctx.warn("warn_date_corrected", name=municipality.name if municipality else "", ref=decision.ref,
                     old=adoption.on_date, new=on)
        adoption.outcome, adoption.on_date, adoption.reason = outcome, on, fields.get("reden")
        adoption.recorded_by, adoption.recorded_at = ctx.actor.user_id, ctx.now
        ctx.session.add(adoption)
        ctx.audit(action, trajectory, item=decision.ref, field_name=name, old=old,
                  new=f"{outcome} {on}" + (f" ({fields['reden']})" if fields.get("reden") else ""))
    if unchanged and len(unchanged) == len(targets):
        raise CommandError(f"err_already_{outcome}", example="ex_status", ref=decision.ref,
                           names=", ".join(f"{name} ({fmt_date(a.on_date, ctx.actor.language)})" for name, a in unchanged))
    for name, adoption in unchanged:
        ctx.warn(f"warn_already_{outcome}", name=name, ref=decision.ref, date=adoption.on_date)
    needed = [None] if decision.decided_by == "regio" else [m.id for m in members]
    adopted = [existing[k].on_date for k in needed if k in existing and existing[k].outcome == "vastgesteld"]
    taken_on = max(adopted) if len(adopted) == len(needed) else None
    adopted_ids = {k for k in needed if k in existing and existing[k].outcome == "vastgesteld"}
    remaining = [m.name for m in members if m.id not in adopted_ids] if decision.decided_by != "regio" else []
    if taken_on != decision.taken_on:
        ctx.audit("besluit genomen" if taken_on else "besluit heropend", trajectory, item=decision.ref,
                  field_name="genomen", old=decision.taken_on, new=taken_on)
        decision.taken_on = taken_on
    ctx.session.add(decision)
    recorded = [m for m in targets if (m.name if m else "regio") not in {name for name, _ in unchanged}]
    return Recorded(decision, [m.name if m else None for m in recorded], on, remaining)


def adopt(ctx: Context, ref: str, fields: dict[str, str]) -> Recorded:
    return _record(ctx, ref, fields, "vastgesteld", "ex_vastgesteld")


def reject(ctx: Context, ref: str, fields: dict[str, str]) -> Recorded:
    return _record(ctx, ref, fields, "afgewezen", "ex_afgewezen")


