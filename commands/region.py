"""`regio`, `contact` and `contacten`: the region's members and trajectories at a glance, and its
registry of the people it asks for input."""
from __future__ import annotations

from commands.registry import subcommand
from domain.outcome import Outcome, Reply, Section
from domain.texts import fmt_date, person, t
from outputs.matrix import matrix_png
from reports.region import region_line, region_overview
from reports.risk import thresholds_of
from reports.status import bullets, region_of
from tracking import contacts, regions
from tracking.context import Context, current_trajectory


@subcommand("regio")
def regio(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """The region's members, its trajectories at a glance and the adoption matrix as a picture;
    `regio gemeenten: +X -Y`: change the members."""
    lang = ctx.actor.language
    if fields.get("gemeenten"):
        return Outcome(reply=_members_changed(lang, regions.change_members(ctx, fields["gemeenten"])))
    overview = region_overview(ctx.session, ctx.actor, current_trajectory(ctx), ctx.today, thresholds_of(ctx.settings))
    region, members = overview.region, overview.members
    lines = [t(lang, "region_overview", region=region.name, count=len(members), names=", ".join(m.name for m in members)),
             Section(t(lang, "region_trajectories", count=len(overview.rows)),
                     [region_line(row, lang) for row in overview.rows], limit=None),
             t(lang, "files_comment", what=t(lang, "matrix_what"), title=f"{t(lang, 'by_regio')} {region.name}",
               date=fmt_date(ctx.today, lang))]
    codes = [t(lang, "region_codes", codes=", ".join(f"{m.name} {m.cbs_code}" for m in members if m.cbs_code))
             ] if any(m.cbs_code for m in members) else []
    return Outcome(reply=Reply(lines, context=codes), files=[matrix_png(overview.matrix, region.name, ctx.today, lang)])


def _members_changed(lang: str, changed: regions.MembersChanged) -> Reply:
    changes = [t(lang, "region_added", names=", ".join(changed.added))] if changed.added else []
    changes += [t(lang, "region_removed", names=", ".join(changed.removed))] if changed.removed else []
    lines = [t(lang, "ok_region_changed", region=changed.region.name, changes="; ".join(changes),
               count=len(changed.members), names=", ".join(m.name for m in changed.members))]
    if changed.open_decisions:
        lines.append(t(lang, "region_open_decisions", count=changed.open_decisions))
    return Reply(lines)


def _where(contact, municipalities: dict[int, str]) -> str:
    return municipalities.get(contact.municipality_id) or contact.organisation or "?"


def _reach(contact, lang: str) -> str:
    ways = [t(lang, "reach_mail")] if contact.email else []
    ways += [t(lang, "reach_slack")] if contact.slack_user else []
    return " + ".join(ways)


@subcommand("contact")
def contact(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    change = contacts.save_contact(ctx, text, fields)
    saved = change.contact
    region, members = region_of(ctx.session, current_trajectory(ctx))
    if change.removed:
        return Outcome(reply=Reply([t(lang, "ok_contact_removed", name=saved.name, region=region.name)]))
    key = "ok_contact_added" if change.created else "ok_contact_updated"
    return Outcome(reply=Reply([t(lang, key, name=saved.name, region=region.name, role=saved.role,
                                  where=_where(saved, {m.id: m.name for m in members}), reach=_reach(saved, lang),
                                  fields=", ".join(change.changed))]))


@subcommand("contacten")
def contacten(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang, cmd = ctx.actor.language, ctx.settings.slash_command
    found, municipalities = contacts.registry(ctx, fields)
    region, _ = region_of(ctx.session, current_trajectory(ctx))
    head = t(lang, "contacts_title", region=region.name, count=len(found))
    if not found:
        return Outcome(reply=Reply([head, t(lang, "contacts_none", cmd=cmd)]))
    lines = [t(lang, "contact_line", name=c.name, role=c.role, where=_where(c, municipalities),
               reach=" ".join(filter(None, [c.email, person(c.slack_user, None) if c.slack_user else None])))
             for c in found]
    return Outcome(reply=Reply([head, bullets(lines, str, lang)]))
