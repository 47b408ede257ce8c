"""A region and its member municipalities, checked against the official list (PRODUCT.md,
"Concepts"), and the trajectories set up in it. Members change only explicitly: `regio gemeenten: +Neder-Betuwe -Buren`, by the
coordinator or an admin, audited; a `traject` naming a different member list for an existing
region is refused, naming the difference. A municipality that leaves keeps its history."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from domain.domains import DOMAINS
from domain.errors import CommandError
from domain.municipalities import LIST_VALID_FROM, Official, official
from domain.names import split_names
from domain.permissions import require_admin, require_bot_in_channel, require_coordinator
from store import queries
from store.models import Municipality, Region, Trajectory
from tracking.context import Context, choose, current_trajectory, deadline, require, same_municipality


def create_trajectory(ctx: Context, title: str, fields: dict[str, str]) -> Trajectory:
    """In a channel without one (`traject` where one runs changes it: tracking/trajectories.py)."""
    require_admin(ctx.actor)
    example = "ex_traject"
    title = title or (fields.get("titel") or "").strip()
    if not title:
        raise CommandError("err_missing_title", field="title", example=example)
    region_name = require(fields, "regio", example)
    contract_end = deadline(ctx, require(fields, "contracteinde", example), "contracteinde", example)
    go_live = contract_end + timedelta(days=1)
    if fields.get("start"):
        go_live = deadline(ctx, fields["start"], "start", example)
    lead_weeks = read_weeks(fields["implementatie"], example) if fields.get("implementatie") else 12
    domain = choose(DOMAINS, fields["domein"], "domein", example) if fields.get("domein") else "beide"
    region = region_for_trajectory(ctx, region_name, fields.get("gemeenten", ""), example)
    require_bot_in_channel(ctx.actor)  # the last check, as it may join the channel (a refusal rolls all back)
    trajectory = Trajectory(team_id=ctx.actor.team_id, channel_id=ctx.actor.channel_id, title=title,
                            region_id=region.id, domain=domain, contract_end=contract_end,
                            go_live=go_live, lead_weeks=lead_weeks, coordinator_id=ctx.actor.user_id,
                            coordinator_name=ctx.actor.display_name(), coordinator_email=ctx.actor.email_lookup(),
                            created_at=ctx.now)
    ctx.session.add(trajectory)
    ctx.session.flush()
    ctx.audit("traject aangemaakt", trajectory, item=title, new=f"{region.name}, contracteinde {contract_end}")
    return trajectory


def read_weeks(value: str, example: str) -> int:
    """`implementatie: 12` or `16 weken`: 1 to 104 weeks."""
    found = re.fullmatch(r"(\d{1,3})\s*(?:weken|week|weeks|wk|w)?", value.strip().lower())
    if not found or not 1 <= int(found.group(1)) <= 104:
        raise CommandError("err_weeks", field="implementatie", example=example, value=value)
    return int(found.group(1))


def official_names(value: str, example: str, field: str = "gemeenten") -> list[Official]:
    """The municipalities a typed list names, each one official; a mistake is named with a
    suggestion, nothing is guessed."""
    chosen: list[Official] = []
    for name in split_names(value):
        found = official().find(name)
        if len(found) > 1:
            raise CommandError("err_municipality_ambiguous", field=field, example=example, name=name,
                               options=" of ".join(o.name for o in found))
        if not found:
            near = official().suggest(name)
            raise CommandError("err_municipality_near" if near else "err_municipality_unknown", field=field,
                               example=example, name=name, suggestion=near.name if near else "",
                               since=LIST_VALID_FROM)
        if found[0] not in chosen:
            chosen.append(found[0])
    return chosen


def region_for_trajectory(ctx: Context, region_name: str, typed_members: str, example: str) -> Region:
    """The region a new trajectory belongs to: an existing one as it is (a different member list
    is refused, naming the difference), or a new one with its official members."""
    region = queries.region_by_name(ctx.session, ctx.actor.team_id, region_name)
    wanted = official_names(typed_members, example) if typed_members.strip() else []
    if region is not None:
        if wanted:
            current = {m.name for m in queries.municipalities(ctx.session, region.id)}
            names = {o.name for o in wanted}
            if names != current:
                raise CommandError("err_region_differs", field="gemeenten", example="ex_regio", region=region.name,
                                   count=len(current), missing=", ".join(sorted(current - names)) or "-",
                                   extra=", ".join(sorted(names - current)) or "-")
        return region
    if not wanted:
        raise CommandError("err_new_region_needs_members", field="gemeenten", example=example, region=region_name)
    region = Region(team_id=ctx.actor.team_id, name=region_name.strip())
    ctx.session.add(region)
    ctx.session.flush()
    ctx.audit("regio aangemaakt", None, item=region.name, new=region.name)
    for municipality in wanted:
        _join(ctx, region, municipality)
    return region


def _join(ctx: Context, region: Region, municipality: Official) -> None:
    former = next((m for m in queries.municipalities(ctx.session, region.id, former=True)
                   if m.name == municipality.name), None)
    if former is not None:  # back after leaving: the same row, so its history counts again
        former.left_at, former.cbs_code = None, municipality.code
        ctx.session.add(former)
    else:
        ctx.session.add(Municipality(region_id=region.id, name=municipality.name, cbs_code=municipality.code))
    ctx.audit("gemeente toegevoegd", None, item=region.name, field_name="gemeenten", new=municipality.name)


@dataclass
class MembersChanged:
    region: Region
    added: list[str]
    removed: list[str]
    members: list[Municipality]
    open_decisions: int


def change_members(ctx: Context, value: str) -> MembersChanged:
    """`regio gemeenten: +Neder-Betuwe -Buren`."""
    example = "ex2_regio"
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    region, members = queries.region_with_members(ctx.session, trajectory.region_id)
    pieces = re.split(r"(?:^|(?<=[\s,;]))([+-])(?=\s*\S)", value.strip())
    if pieces[0].strip() or len(pieces) < 3:
        raise CommandError("err_region_change_form", field="gemeenten", example=example)
    added, removed = [], []
    for sign, names in zip(pieces[1::2], pieces[2::2]):
        if sign == "+":
            for municipality in official_names(names, example):
                if any(m.name == municipality.name for m in members):
                    raise CommandError("err_already_member", field="gemeenten", example=example,
                                       name=municipality.name, region=region.name)
                _join(ctx, region, municipality)
                added.append(municipality.name)
        else:
            for name in split_names(names, tuple(m.name for m in members)):
                member = next((m for m in members if same_municipality(m.name, name)), None)
                if member is None:
                    raise CommandError("err_not_member", field="gemeenten", example=example, names=name,
                                       members=", ".join(m.name for m in members))
                member.left_at = ctx.now
                ctx.session.add(member)
                ctx.audit("gemeente verwijderd", None, item=region.name, field_name="gemeenten", old=member.name)
                removed.append(member.name)
    ctx.session.flush()
    now_members = queries.municipalities(ctx.session, region.id)
    if not now_members:
        raise CommandError("err_region_empty", field="gemeenten", example=example, region=region.name)
    open_decisions = sum(1 for d in queries.trajectory_data(ctx.session, trajectory).decisions if not d.taken_on)
    return MembersChanged(region, added, removed, now_members, open_decisions)
