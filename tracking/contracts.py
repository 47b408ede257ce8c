"""A trajectory's contracts (percelen): their ends, extension options, extensions and transition
arrangements (PRODUCT.md "Meeting calendars and contracts"). The earliest end nothing covers is the
continuity deadline; a contract with an extension option left gets the regional decision
`Verlengen <naam>?`, due six calendar months before its current end, kept in step as the end moves."""
from __future__ import annotations

import json
from datetime import date

from sqlmodel import Session, select

from domain.contracts import (
    Contract,
    ExtensionOption,
    extend,
    extension_decision,
    read_extension_option,
    read_providers,
    with_transition,
)
from domain.dates import read_date
from domain.errors import CommandError
from domain.permissions import require_coordinator
from domain.text_input import fold
from store import queries
from store.models import Adoption, Decision, Trajectory, TrajectoryContract
from tracking.context import Context, current_trajectory, require


def _day(ctx: Context, text: str, key: str, example: str) -> date:
    """A contract's end as typed, read forwards like a deadline; a Sunday end is no slip (contracts
    often end on the last day of a month), so no working-day warning."""
    reading = read_date(text, ctx.today, work=ctx.work)
    if not reading.ok:
        raise CommandError(reading.problem, field=key, example=example, **reading.params)
    return reading.value


def as_contract(row: TrajectoryContract) -> Contract:
    """The stored row as the domain's value."""
    option = ExtensionOption(row.option_count, row.option_months) if row.option_count else None
    return Contract(row.name, row.end, option, tuple(date.fromisoformat(d) for d in json.loads(row.extensions or "[]")),
                    row.transition_until, tuple(json.loads(row.providers or "[]")))


def contracts_of(session: Session, trajectory_id: int) -> list[TrajectoryContract]:
    return list(session.exec(select(TrajectoryContract).where(TrajectoryContract.trajectory_id == trajectory_id)
                             .order_by(TrajectoryContract.end, TrajectoryContract.name)))


def by_name(session: Session, trajectory_id: int, name: str) -> TrajectoryContract | None:
    wanted = fold(name)
    return next((row for row in contracts_of(session, trajectory_id) if fold(row.name) == wanted), None)


def _named(ctx: Context, trajectory: Trajectory, name: str, example: str) -> TrajectoryContract:
    if not name.strip():
        raise CommandError("err_contract_name_missing", field="title", example=example)
    row = by_name(ctx.session, trajectory.id, name)
    if row is None:
        known = ", ".join(r.name for r in contracts_of(ctx.session, trajectory.id)) or "—"
        raise CommandError("err_contract_unknown", field="title", example=example, name=name.strip(), known=known)
    return row


def _store(row: TrajectoryContract, contract: Contract) -> None:
    row.name, row.end = contract.name, contract.end
    row.option_count = contract.option.count if contract.option else 0
    row.option_months = contract.option.months if contract.option else 0
    row.extensions = json.dumps([d.isoformat() for d in contract.extensions])
    row.transition_until = contract.transition_until
    row.providers = json.dumps(list(contract.providers))


def save_contract(ctx: Context, text: str, fields: dict[str, str]) -> tuple[TrajectoryContract, bool]:
    """`contract <naam> einde: … [verlenging: 2x 12 maanden] [aanbieders: …]`: add one, or change the
    fields given of an existing one. (row, created)."""
    example = "ex_contract"
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    name = text.strip()
    if not name:
        raise CommandError("err_contract_name_missing", field="title", example=example)
    row = by_name(ctx.session, trajectory.id, name)
    created = row is None
    if created:
        end = _day(ctx, require(fields, "einde", example), "einde", example)
        row = TrajectoryContract(team_id=ctx.actor.team_id, trajectory_id=trajectory.id, name=name, end=end,
                                 created_by=ctx.actor.user_id, created_at=ctx.now)
        contract = Contract(name, end)
    else:
        contract = as_contract(row)
        if not fields:
            raise CommandError("err_contract_nothing", example=example, name=row.name)
        if fields.get("einde"):
            new_end = _day(ctx, fields["einde"], "einde", example)
            if contract.extensions and new_end >= min(contract.extensions):
                raise CommandError("err_contract_end_after_extension", field="einde", example=example,
                                   name=row.name, end=new_end, extended=min(contract.extensions))
            contract = Contract(contract.name, new_end, contract.option, contract.extensions, contract.transition_until,
                                contract.providers)
    if "verlenging" in fields:
        option = read_extension_option(fields["verlenging"])
        contract = Contract(contract.name, contract.end, option, contract.extensions, contract.transition_until,
                            contract.providers)
    if fields.get("aanbieders"):
        contract = Contract(contract.name, contract.end, contract.option, contract.extensions,
                            contract.transition_until, read_providers(fields["aanbieders"]))
    old = None if created else _summary(as_contract(row))
    _store(row, contract)
    ctx.session.add(row)
    ctx.session.flush()
    ctx.audit("contract toegevoegd" if created else "contract gewijzigd", trajectory, item=row.name, old=old,
              new=_summary(contract))
    keep_extension_decision(ctx, trajectory, row)
    return row, created


def _until(ctx: Context, text: str, fields: dict[str, str], example: str):
    """The trajectory, the named contract and its `tot:` day: what `verlengd` and `overgangsregeling` share."""
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    row = _named(ctx, trajectory, text, example)
    return trajectory, row, _day(ctx, require(fields, "tot", example), "tot", example)


def extend_contract(ctx: Context, text: str, fields: dict[str, str]) -> tuple[TrajectoryContract, date]:
    """`verlengd <contract> tot: <datum>`. (row, the end before)."""
    trajectory, row, until = _until(ctx, text, fields, "ex_verlengd")
    before = as_contract(row)
    _store(row, extend(before, until))
    ctx.session.add(row)
    ctx.audit("contract verlengd", trajectory, item=row.name, field_name="einde", old=before.current_end, new=until)
    _answered(ctx, trajectory, row)
    keep_extension_decision(ctx, trajectory, row)
    return row, before.current_end


def transition_contract(ctx: Context, text: str, fields: dict[str, str]) -> TrajectoryContract:
    """`overgangsregeling <contract> tot: <datum>`: clients in care stay covered until then."""
    trajectory, row, until = _until(ctx, text, fields, "ex_overgangsregeling")
    before = as_contract(row)
    _store(row, with_transition(before, until))
    ctx.session.add(row)
    ctx.audit("overgangsregeling", trajectory, item=row.name, field_name="tot", old=before.transition_until, new=until)
    return row


def extension_decision_of(session: Session, row: TrajectoryContract) -> Decision | None:
    """The contract's latest `Verlengen <naam>?` decision."""
    return session.exec(select(Decision).where(Decision.contract_id == row.id).order_by(Decision.id.desc())).first()


def _answered(ctx: Context, trajectory: Trajectory, row: TrajectoryContract) -> None:
    """Recording an extension answers the open `Verlengen <naam>?`: the region decided to extend."""
    decision = extension_decision_of(ctx.session, row)
    if decision is None or decision.taken_on:
        return
    ctx.session.add(Adoption(decision_id=decision.id, municipality_id=None, outcome="vastgesteld", on_date=ctx.today,
                             recorded_by=ctx.actor.user_id, recorded_at=ctx.now))
    decision.taken_on = ctx.today
    ctx.session.add(decision)
    ctx.audit("besluit genomen", trajectory, item=decision.ref, field_name="genomen", new=ctx.today)
    ctx.warn("warn_extension_answered", ref=decision.ref, title=decision.title)


def keep_extension_decision(ctx: Context, trajectory: Trajectory, row: TrajectoryContract) -> Decision | None:
    """The contract's `Verlengen <naam>?` decision follows its current end: made when an option is
    left, its deadline moved when the end moves, and left alone once taken (a taken decision is
    history; the next extension gets a new one)."""
    wanted = extension_decision(as_contract(row), ctx.work)
    current = extension_decision_of(ctx.session, row)
    if current is not None and not current.taken_on:
        if wanted is None or current.deadline == wanted.deadline:
            return current
        old, current.deadline = current.deadline, wanted.deadline
        ctx.session.add(current)
        ctx.audit("deadline verplaatst", trajectory, item=current.ref, field_name="deadline", old=old,
                  new=f"{wanted.deadline} (einde {row.name} verschoven)")
        ctx.warn("warn_extension_decision_moved", ref=current.ref, title=current.title, old=old, date=wanted.deadline)
        return current
    if wanted is None:
        return None
    if current is not None and current.taken_on and current.deadline == wanted.deadline:
        return current  # this end's extension was decided already
    decision = Decision(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "B"),
                        trajectory_id=trajectory.id, title=wanted.title, deadline=wanted.deadline,
                        decided_by=wanted.decided_by, created_by=ctx.actor.user_id, created_at=ctx.now,
                        contract_id=row.id)
    ctx.session.add(decision)
    ctx.session.flush()
    ctx.audit("besluit aangemaakt", trajectory, item=decision.ref,
              new=f"{decision.title} ({decision.decided_by}, {decision.deadline})")
    ctx.warn("warn_extension_decision_late" if decision.deadline < ctx.today else "warn_extension_decision",
             ref=decision.ref, title=decision.title, date=decision.deadline)
    return decision


def _summary(contract: Contract) -> str:
    parts = [f"einde {contract.end.isoformat()}"]
    if contract.option:
        parts.append(f"verlenging {contract.option.count}x {contract.option.months} maanden")
    if contract.extensions:
        parts.append(f"verlengd tot {contract.current_end.isoformat()}")
    if contract.transition_until:
        parts.append(f"overgangsregeling tot {contract.transition_until.isoformat()}")
    return ", ".join(parts)
