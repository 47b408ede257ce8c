"""`regio`, `contact` and `contacten`: the region's members and trajectories at a glance, and its
registry of the people it asks for input."""
from __future__ import annotations

from commands.registry import subcommand
from domain.domains import BOTH
from domain.outcome import Outcome, Reply, Section
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from outputs.matrix import matrix_png
from reports.proposals import proposal_days, proposal_words
from reports.region import region_line, region_overview
from reports.risk import thresholds_of
from reports.status import region_of
from tracking import contacts, leaving, regions
from tracking.context import Context, current_trajectory
from tracking.meetings import region_calendars


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
    proposals = _proposals(ctx, overview)
    if proposals:
        lines.insert(2, Section(t(lang, "region_proposals"), proposals, urgency=1))
    codes = [t(lang, "region_codes", codes=", ".join(f"{m.name} {m.cbs_code}" for m in members if m.cbs_code))
             ] if any(m.cbs_code for m in members) else []
    return Outcome(reply=Reply(lines, context=codes), files=[matrix_png(overview.matrix, region.name, ctx.today, lang)])


def _proposals(ctx: Context, overview) -> list[str]:
    """Per open decision of the region's trajectories: when its proposal must be with each
    municipality's college or raad to make the deadline (only where meeting calendars are known)."""
    calendars = region_calendars(ctx.session, overview.region.id)
    if not calendars.any:
        return []
    lang, thresholds, lines = ctx.actor.language, thresholds_of(ctx.settings), []
    for row in overview.rows:
        for item in row.forecast.pending:
            if item.past_deadline(ctx.today):  # overdue already: the digest and status say so
                continue
            waiting = set(item.holders)
            adopted = {m.id for m in overview.members if m.name not in waiting}
            words = proposal_words(proposal_days(item.decision, overview.members, adopted, calendars, thresholds),
                                   ctx.today, lang)
            if words:
                lines.append(f"*{item.decision.ref}* {item.decision.title}: {words}")
    return lines


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


def _role(contact, lang: str) -> str:
    """`beleid`, or `beleid (wmo)` for a contact of one domain only."""
    label = role_label(contact.role, lang)
    return label if contact.domain == BOTH else f"{label} ({contact.domain})"


def _reach(contact, lang: str) -> str:
    ways = [t(lang, "reach_mail")] if contact.email else []
    ways += [t(lang, "reach_slack")] if contact.slack_user else []
    return " + ".join(ways)


@subcommand("contact")
def contact(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    name = contacts.removal(text, fields)
    if name is not None:
        return Outcome(reply=_removed(ctx, leaving.remove_contact(ctx, name)))
    change = contacts.save_contact(ctx, text, fields)
    saved = change.contact
    region, members = region_of(ctx.session, current_trajectory(ctx))
    key = "ok_contact_added" if change.created else "ok_contact_updated"
    return Outcome(reply=Reply([t(lang, key, name=saved.name, region=region.name, role=_role(saved, lang),
                                  where=_where(saved, {m.id: m.name for m in members}), reach=_reach(saved, lang),
                                  fields=", ".join(change.changed))]))


def _removed(ctx: Context, left: leaving.Left) -> Reply:
    """What the removal leaves: each open request and chase it no longer reaches, and how the
    trackers count from now on."""
    lang, cmd = ctx.actor.language, ctx.settings.slash_command
    region, _ = region_of(ctx.session, current_trajectory(ctx))
    items = []
    for ref, remaining, complete in left.groups:
        shown = t(lang, "tracker", answered=remaining.answered, total=remaining.total)
        key = "left_group_complete" if complete else "left_group" if remaining.total else "left_group_empty"
        items.append(t(lang, key, ref=ref, tracker=shown, cmd=cmd))
    if left.alone:
        items.append(t(lang, "left_alone", refs=", ".join(left.alone), name=left.name))
    chases: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for chase in left.chases:
        chases.setdefault((chase.municipality, tuple(chase.instead)), []).append(chase.ref)
    for (municipality, instead), refs in chases.items():
        items.append(t(lang, "left_chase_instead", refs=", ".join(refs), municipality=municipality,
                       names=", ".join(instead)) if instead else
                     t(lang, "left_chase_nobody", refs=", ".join(refs), municipality=municipality))
    if left.tasks:
        items.append(t(lang, "left_tasks", refs=", ".join(left.tasks), cmd=cmd))
    if left.in_slack:
        items.append(t(lang, "left_in_slack", refs=", ".join(left.in_slack), name=left.name))
    head = t(lang, "ok_contact_removed", name=left.name, region=region.name)
    if not items:
        return Reply([head, t(lang, "left_nothing", name=left.name)])
    return Reply([head, Section(t(lang, "left_title", name=left.name), items)])


CONTACTS_PAGE = 40  # lines a page: about 4,000 characters, well inside one Slack message


@subcommand("contacten")
def contacten(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """Every contact, page by page (`contacten 2`), never cut without saying how to see the rest."""
    lang, cmd = ctx.actor.language, ctx.settings.slash_command
    found = contacts.registry(ctx, text, fields)
    region, _ = region_of(ctx.session, current_trajectory(ctx))
    head = t(lang, "contacts_title", region=region.name, count=len(found.contacts))
    filtered = " · ".join(filter(None, [found.role_field, found.wanted]))
    if filtered:
        head += f" · {filtered}"
    if not found.contacts:
        return Outcome(reply=Reply([head, t(lang, "contacts_none", cmd=cmd)]))
    pages = -(-len(found.contacts) // CONTACTS_PAGE)
    page = min(found.page, pages)
    shown = found.contacts[(page - 1) * CONTACTS_PAGE:page * CONTACTS_PAGE]
    lines = [t(lang, "contact_line", name=c.name, role=_role(c, lang), where=_where(c, found.municipalities),
               reach=" ".join(filter(None, [c.email, person(c.slack_user, None) if c.slack_user else None])))
             for c in shown]
    reply = [head, "\n".join(f"• {line}" for line in lines)]
    if pages > 1:
        following = " ".join(filter(None, [cmd, "contacten", found.wanted, str(page % pages + 1),
                                           f"rol: {found.role_field}" if found.role_field else ""]))
        reply.append(t(lang, "contacts_page", page=page, pages=pages, first=(page - 1) * CONTACTS_PAGE + 1,
                       last=(page - 1) * CONTACTS_PAGE + len(shown), next=following))
    return Outcome(reply=Reply(reply))
