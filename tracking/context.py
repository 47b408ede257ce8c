"""The tracking loop: trajectories, decisions and adoptions, input requests, tasks, urgent cases.
Every change writes its audit row in the same transaction. Nothing here knows about Slack."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
from sqlmodel import Session

from config import Settings
from domain.dates import read_date
from domain.errors import CommandError
from commands.grammar import read_person, split_names
from domain.municipalities import fold
from domain.permissions import Actor, require_coordinator, require_involved
from domain.texts import fmt_date, person, t
from domain.workdays import WorkCalendar
from store import queries
from store.models import (Adoption, Decision, InputRequest, Municipality, Task, Trajectory,
                          UrgentCase)

DOMAINS = {"jeugd": "jeugd", "youth": "jeugd", "jeugdwet": "jeugd", "wmo": "wmo", "beide": "beide",
           "both": "beide", "jeugd en wmo": "beide", "jeugd/wmo": "beide", "wmo en jeugd": "beide"}
DECIDERS = {"college": "college", "b&w": "college", "board": "college", "raad": "raad",
            "gemeenteraad": "raad", "council": "raad", "regio": "regio", "region": "regio",
            "regional": "regio"}
ROLES = {"wethouder": "wethouder", "alderman": "wethouder", "beleid": "beleid",
         "beleidsmedewerker": "beleid", "policy": "beleid", "aanbieder": "aanbieder",
         "zorgaanbieder": "aanbieder", "provider": "aanbieder", "client": "client", "cliënt": "client",
         "clientenraad": "client", "cliëntenraad": "client", "overig": "overig", "other": "overig"}
SEVERITIES = {"hoog": "hoog", "high": "hoog", "middel": "middel", "medium": "middel",
              "midden": "middel", "laag": "laag", "low": "laag"}
ALL_WORDS = {"alle", "allemaal", "all", "iedereen"}
DATE_FIELD_WORDS = {"received_on": "ontvangen op", "done_on": "klaar op"}  # the audit log speaks Dutch
_REF = re.compile(r"^#?([BITU])\s?(\d{1,6})$", re.IGNORECASE)
SOURCE_LINK = re.compile(r"^https://[^\s<>|]{1,500}$")  # a Slack permalink, sealed into the form by the bot


@dataclass
class Context:
    """Everything one command needs: its transaction, who asks, and what day it is."""
    session: Session
    actor: Actor
    settings: Settings
    now: datetime  # aware UTC
    today: date    # in the bot's timezone
    notes: list[tuple[str, dict]] = field(default_factory=list)  # warnings shown under the answer

    @property
    def work(self) -> WorkCalendar:
        return WorkCalendar(self.settings.good_friday_is_holiday)

    def warn(self, key: str, **params) -> None:
        """Something the user should know about what was stored, e.g. a deadline on a Sunday."""
        self.notes.append((key, params))

    def audit(self, action: str, trajectory: Trajectory | None, item: str | None = None,
              field_name: str | None = None, old=None, new=None) -> None:
        queries.audit(self.session, at=self.now, team_id=self.actor.team_id, actor=self.actor.user_id, action=action,
                      trajectory_id=trajectory.id if trajectory else None, item=item,
                      field_name=field_name, old=old, new=new)


def same_municipality(member_name: str, typed: str) -> bool:
    """`Laren` is the member Laren (NH.); case, accents and punctuation do not count."""
    return fold(typed) in (fold(member_name), fold(re.sub(r"\s*\([A-Za-z]+\.\)$", "", member_name)))


def require(fields: dict[str, str], key: str, example: str) -> str:
    value = (fields.get(key) or "").strip()
    if not value:
        raise CommandError("err_missing_field", field=key, example=example, key=key)
    return value


def deadline(ctx: Context, text: str, key: str, example: str, *, past: bool = False) -> date:
    reading = read_date(text, ctx.today, work=ctx.work, past=past)
    if not reading.ok:
        raise CommandError(reading.problem, field=key, example=example, **reading.params)
    if not past and not ctx.work.is_working_day(reading.value):
        # Kept as written, but nobody should be surprised by a deadline on a Sunday or Christmas.
        ctx.warn("warn_day_off", date=reading.value, reason=day_off_reason(reading.value, ctx.actor.language),
                 before=ctx.work.add(reading.value, -1))
    return reading.value


def day_off_reason(day: date, lang: str) -> str:
    """Why nobody works that day: the weekend, or the holiday by its name."""
    if day.weekday() >= 5:
        return t(lang, "day_off_weekend")
    names = holidays.NL(years=day.year, language="en_US" if lang == "en" else "nl")
    name = names.get(day) or ("Liberation Day" if lang == "en" else "Bevrijdingsdag")  # 5 May: off every year (CAO)
    return t(lang, "day_off_holiday", name=name)


def choose(table: dict[str, str], value: str, key: str, example: str) -> str:
    chosen = table.get(value.strip().lower())
    if chosen is None:
        options = ", ".join(sorted(set(table.values())))
        raise CommandError("err_choice", field=key, example=example, key=key, value=value, options=options)
    return chosen


def current_trajectory(ctx: Context) -> Trajectory:
    trajectory = queries.trajectory_for_channel(ctx.session, ctx.actor.team_id, ctx.actor.channel_id)
    if trajectory is None:
        raise CommandError("err_no_trajectory", example="ex_traject")
    return trajectory


def own_item(ctx: Context, trajectory: Trajectory, ref: str, kinds: str, example: str, field: str = "ref"):
    """The item a reference names, if it belongs to this channel's trajectory. An item of another
    trajectory gets the same answer as one that does not exist: nothing about it is revealed."""
    match = _REF.match(ref.strip())
    if not match or match.group(1).upper() not in kinds:
        sample = {"B": "B3", "I": "I7", "T": "T3", "U": "U2"}[kinds[0]]
        raise CommandError("err_bad_ref" if ref.strip() else "err_no_ref", field=field, example=example,
                           ref=ref.strip()[:40], kinds="/".join(kinds), sample=sample)
    normalized = f"{match.group(1).upper()}{int(match.group(2))}"
    item = queries.item_by_ref(ctx.session, ctx.actor.team_id, normalized)
    if item is None or item.trajectory_id != trajectory.id:
        raise CommandError("err_unknown_ref", field=field, example=example, ref=normalized)
    return item


# -- decisions --------------------------------------------------------------------------------

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


# -- tasks (input requests: core/inputs.py) -------------------------------------------------

def _complete(ctx: Context, ref: str, kind: str, example: str, date_field: str, action: str, owners):
    """Mark an own item done (a task) today: its people, the coordinator or an admin."""
    trajectory = current_trajectory(ctx)
    item = own_item(ctx, trajectory, ref, kind, example)
    require_involved(ctx.actor, trajectory.coordinator_id, *owners(item))
    if getattr(item, date_field):
        raise CommandError(f"err_already_{date_field}", example="ex_status", ref=item.ref,
                           date=getattr(item, date_field))
    setattr(item, date_field, ctx.today)
    ctx.session.add(item)
    ctx.audit(action, trajectory, item=item.ref, field_name=DATE_FIELD_WORDS[date_field], new=ctx.today)
    return item


def add_task(ctx: Context, title: str, fields: dict[str, str]) -> Task:
    example = "ex_taak"
    trajectory = current_trajectory(ctx)
    if not title:
        raise CommandError("err_missing_title", field="title", example=example)
    owner = read_person(require(fields, "eigenaar", example))
    if owner.user_id is None and owner.name.startswith(("<!", "<#")):  # a broadcast or a channel is nobody
        raise CommandError("err_not_a_person_owner", field="eigenaar", example=example)
    due = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    after = own_item(ctx, trajectory, fields["na"], "B", example, "na") if fields.get("na") else None
    if after is not None and not after.taken_on and due < after.deadline:
        ctx.warn("warn_task_before_decision", decision=after.ref, decision_deadline=after.deadline, deadline=due)
    task = Task(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "T"),
                trajectory_id=trajectory.id, title=title, owner_user=owner.user_id, owner_name=owner.name,
                deadline=due, after_decision_id=after.id if after else None, created_by=ctx.actor.user_id,
                created_at=ctx.now)
    ctx.session.add(task)
    ctx.audit("taak aangemaakt", trajectory, item=task.ref, new=f"{title} ({owner.name}, {due})")
    return task


def complete_task(ctx: Context, ref: str) -> Task:
    return _complete(ctx, ref, "T", "ex_klaar", "done_on", "taak klaar", lambda task: (task.owner_user, task.created_by))


# -- urgent cases -----------------------------------------------------------------------------

def flag_urgent(ctx: Context, description: str, fields: dict[str, str]) -> UrgentCase:
    example = "ex_urgent"
    trajectory = current_trajectory(ctx)
    if not description:
        raise CommandError("err_missing_title", field="title", example=example)
    severity = choose(SEVERITIES, fields["ernst"], "ernst", example) if fields.get("ernst") else "middel"
    link = fields.get("bericht") or ""
    case = UrgentCase(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "U"),
                      trajectory_id=trajectory.id, description=description, severity=severity,
                      flagged_by=ctx.actor.user_id, flagged_at=ctx.now,
                      source_link=link if SOURCE_LINK.match(link) else None)
    ctx.session.add(case)
    ctx.session.flush()
    # The audit log keeps that a case existed, never its text (it may be purged later).
    ctx.audit("signaal gemeld", trajectory, item=case.ref, field_name="ernst", new=severity)
    return case


def urgent_by_ref(ctx: Context, ref: str) -> tuple[Trajectory, UrgentCase]:
    trajectory = current_trajectory(ctx)
    return trajectory, own_item(ctx, trajectory, ref, "U", "ex_opgepakt")


def _already_handled(ctx: Context, case: UrgentCase) -> None:
    """`U4 is al opgepakt door @anne (24-11 10:12)`: what is true, not just that it is done."""
    zone = ctx.settings.timezone
    if case.resolved_at:
        raise CommandError("err_already_resolved", example="ex_status", ref=case.ref,
                           who=person(case.resolved_by, None), when=local_moment(case.resolved_at, zone))
    raise CommandError("err_already_acked", example="ex_opgelost", ref=case.ref, who=person(case.acked_by, None),
                       when=local_moment(case.acked_at, zone))


def local_moment(moment: datetime, zone: str) -> str:
    return moment.astimezone(ZoneInfo(zone)).strftime("%d-%m %H:%M")


def acknowledge(ctx: Context, trajectory: Trajectory, case: UrgentCase) -> UrgentCase:
    if case.resolved_at or case.acked_at:
        _already_handled(ctx, case)
    case.acked_by, case.acked_at = ctx.actor.user_id, ctx.now
    ctx.session.add(case)
    ctx.audit("signaal opgepakt", trajectory, item=case.ref, field_name="opgepakt", new=ctx.actor.user_id)
    return case


def resolve(ctx: Context, trajectory: Trajectory, case: UrgentCase) -> UrgentCase:
    if case.resolved_at:
        _already_handled(ctx, case)
    if not case.acked_at:
        case.acked_by, case.acked_at = ctx.actor.user_id, ctx.now
    case.resolved_by, case.resolved_at = ctx.actor.user_id, ctx.now
    ctx.session.add(case)
    ctx.audit("signaal opgelost", trajectory, item=case.ref, field_name="opgelost", new=ctx.actor.user_id)
    return case


# -- postponement -----------------------------------------------------------------------------

def postpone(ctx: Context, ref: str, fields: dict[str, str]):
    example = "ex_uitstel"
    trajectory = current_trajectory(ctx)
    item = own_item(ctx, trajectory, ref, "BIT", example)
    if isinstance(item, Decision):
        require_coordinator(ctx.actor, trajectory.coordinator_id)
    elif isinstance(item, InputRequest):
        require_involved(ctx.actor, trajectory.coordinator_id, item.requested_by, item.stakeholder_user)
    else:
        require_involved(ctx.actor, trajectory.coordinator_id, item.owner_user, item.created_by)
    for date_field in ("taken_on", "received_on", "done_on"):
        if getattr(item, date_field, None):
            raise CommandError(f"err_already_{date_field}", example="ex_status", ref=item.ref,
                               date=getattr(item, date_field))
    new = deadline(ctx, require(fields, "deadline", example), "deadline", example)
    reason = require(fields, "reden", example)
    if new == item.deadline:
        raise CommandError("err_same_deadline", field="deadline", example=example, date=new)
    old = item.deadline
    item.deadline = new
    later = new > old  # only a later deadline is a postponement; an earlier one is just a change
    if later:
        item.postponements += 1
    ctx.session.add(item)
    ctx.audit("uitstel" if later else "deadline vervroegd", trajectory, item=item.ref, field_name="deadline", old=old,
              new=f"{new} ({reason})")
    return item, old
