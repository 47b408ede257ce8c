"""A region's registry of contacts: the people it asks for input in their professional role
(wethouders, policy staff, contract managers, providers, client councils) and the people who own
the implementation roles of a plan (domain/roles.py). Only what is needed to reach them: name,
role, municipality or organisation, e-mail, and optionally their Slack user."""
from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import select

from domain.domains import DOMAINS, fits
from domain.errors import CommandError
from domain.mail_text import BadAddress, header_unsafe, mail_address
from domain.names import read_person, split_names
from domain.permissions import require_coordinator
from domain.roles import read_role, role_choices
from domain.text_input import fold
from store import queries
from store.models import Contact, Municipality, Trajectory
from tracking.context import Context, choose, current_trajectory, require, same_municipality

# `van: aanbieders`: every provider of the region; `wethouders` / `beleid`: that role in every member municipality.
GROUPS = {"aanbieders": "aanbieder", "providers": "aanbieder", "alle aanbieders": "aanbieder",
          "wethouders": "wethouder", "aldermen": "wethouder", "beleid": "beleid", "beleidsmedewerkers": "beleid",
          "policy": "beleid"}
PER_MUNICIPALITY = {"wethouder", "beleid"}
REMOVE_WORDS = ("weg", "verwijderen", "verwijder", "remove", "delete")
_MAILTO = re.compile(r"^<mailto:([^|>]+)(?:\|[^>]*)?>$")


def read_email(value: str) -> str:
    """An address as typed, or as Slack sends it (`<mailto:a@b.nl|a@b.nl>`)."""
    value = value.strip()
    match = _MAILTO.match(value)
    if match:
        value = match.group(1)
    try:
        return mail_address(value)
    except BadAddress:
        raise CommandError("err_email", field="e-mail", example="ex_contact", value=value) from None


@dataclass
class ContactChange:
    contact: Contact
    created: bool
    changed: tuple[str, ...] = ()  # the fields given


def _region_and_members(ctx: Context):
    trajectory = current_trajectory(ctx)
    return trajectory, queries.municipalities(ctx.session, trajectory.region_id)


def by_name(ctx: Context, region_id: int, name: str) -> Contact | None:
    wanted = fold(name)
    for contact in ctx.session.exec(select(Contact).where(Contact.region_id == region_id)):
        if fold(contact.name) == wanted:
            return contact
    return None


def removal(text: str, fields: dict[str, str]) -> str | None:
    """The name in `contact <naam> weg` (tracking/leaving.py removes it), or None."""
    words = text.strip().rsplit(" ", 1)
    if len(words) == 2 and words[1].lower() in REMOVE_WORDS and not fields:
        return words[0].strip()
    return None


def save_contact(ctx: Context, text: str, fields: dict[str, str]) -> ContactChange:
    """`contact <naam> rol: … gemeente:|organisatie: … e-mail: … [slack: @x] [domein: wmo]`: add
    or update. The coordinator (or an admin) keeps the registry."""
    example = "ex_contact"
    trajectory, members = _region_and_members(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    name = text.strip()
    if not name:
        raise CommandError("err_missing_title", field="title", example=example)
    if "<" in name:  # a mention, channel or link is no name: a colleague goes after `slack:`
        raise CommandError("err_contact_name_mention", field="title", example=example)
    if header_unsafe(name):  # the name stands in the To: line of every mail to this person
        raise CommandError("err_contact_name_header", field="title", example=example)
    contact = by_name(ctx, trajectory.region_id, name)
    created = contact is None
    if created:
        contact = Contact(team_id=ctx.actor.team_id, region_id=trajectory.region_id, name=name,
                          role=registry_role(ctx, require(fields, "rol", example), example))
    elif fields.get("rol"):
        contact.role = registry_role(ctx, fields["rol"], example)
    changed = ["rol"] if fields.get("rol") else []
    if fields.get("gemeente"):
        contact.municipality_id = _member(members, fields["gemeente"], example).id
        contact.organisation = None
        changed.append("gemeente")
    if fields.get("organisatie"):
        contact.organisation, contact.municipality_id = fields["organisatie"].strip(), None
        changed.append("organisatie")
    if fields.get("e-mail"):
        contact.email = read_email(fields["e-mail"])
        changed.append("e-mail")
    if fields.get("slack"):
        person = read_person(fields["slack"])
        if person.user_id is None:
            raise CommandError("err_not_a_mention", field="slack", example=example, value=fields["slack"])
        contact.slack_user = person.user_id
        changed.append("slack")
    if fields.get("domein"):
        contact.domain = choose(DOMAINS, fields["domein"], "domein", "ex2_contact")
        changed.append("domein")
    if contact.role in PER_MUNICIPALITY and contact.municipality_id is None:
        raise CommandError("err_contact_needs_municipality", field="gemeente", example=example, role=contact.role)
    if contact.municipality_id is None and not contact.organisation:
        raise CommandError("err_contact_needs_organisation", field="organisatie", example=example)
    if not contact.email and not contact.slack_user:
        raise CommandError("err_contact_unreachable", field="e-mail", example=example)
    if not created and not changed:
        raise CommandError("err_contact_nothing", example=example, name=contact.name)
    ctx.session.add(contact)
    ctx.session.flush()
    # The audit log says which fields changed, not the address itself: removing a contact must
    # leave no copy of their e-mail behind.
    ctx.audit("contact toegevoegd" if created else "contact bijgewerkt", trajectory, item=contact.name,
              field_name=", ".join(changed) or None, new=contact.role)
    return ContactChange(contact, created, changed=tuple(changed))


def registry_role(ctx: Context, value: str, example: str) -> str:
    role = read_role(value)
    if role is None:
        raise CommandError("err_choice", field="rol", example=example, key="rol", value=value.strip(),
                           options=role_choices(ctx.actor.language))
    return role


def _member(members: list[Municipality], value: str, example: str) -> Municipality:
    names = split_names(value, tuple(m.name for m in members))
    found = [m for m in members if len(names) == 1 and same_municipality(m.name, names[0])]
    if not found:
        raise CommandError("err_not_member", field="gemeente", example=example, names=value.strip(),
                           members=", ".join(m.name for m in members))
    return found[0]


@dataclass
class Registry:
    contacts: list[Contact]
    municipalities: dict[int, str]  # member id -> name
    wanted: str                     # the filter typed as text (`wethouder`, `Leiden`), "" for none
    role_field: str                 # the `rol:` typed, "" for none
    page: int


_PAGE = re.compile(r"(?:^|\s)(?:pagina|page|p\.?)?\s*(\d{1,3})$", re.IGNORECASE)


def registry(ctx: Context, text: str, fields: dict[str, str]) -> Registry:
    """`contacten`, `contacten wethouder`, `contacten Leiden`, `contacten wmo`, `contacten rol: juridisch`,
    `contacten 2` (the second page): the region's contacts, narrowed by a role, a domain (those a
    trajectory of it reaches), a member municipality or an organisation. A word it cannot read is
    said, never ignored."""
    trajectory, members = _region_and_members(ctx)
    text = text.strip()
    page_match = _PAGE.search(text)
    page = int(page_match.group(1)) if page_match else 1
    wanted = text[:page_match.start()].strip() if page_match else text
    contacts = queries.contacts_of(ctx.session, trajectory.region_id)
    if fields.get("rol"):
        role = registry_role(ctx, fields["rol"], "ex_contacten")
        contacts = [c for c in contacts if c.role == role]
    if wanted:
        role = read_role(wanted) or GROUPS.get(fold(wanted))
        member = next((m for m in members if same_municipality(m.name, wanted)), None)
        domain = DOMAINS.get(wanted.lower())
        if role is not None:
            contacts = [c for c in contacts if c.role == role]
        elif domain is not None:  # `contacten wmo`: whom a Wmo trajectory reaches
            contacts = [c for c in contacts if fits(c.domain, domain)]
        elif member is not None:
            contacts = [c for c in contacts if c.municipality_id == member.id]
        elif any(fold(wanted) in fold(c.organisation or "") for c in contacts):
            contacts = [c for c in contacts if fold(wanted) in fold(c.organisation or "")]
        else:
            raise CommandError("err_contacts_filter", field="title", example="ex_contacten", value=wanted[:60],
                               roles=role_choices(ctx.actor.language))
    contacts.sort(key=lambda c: (c.role, fold(c.name)))
    return Registry(contacts, {m.id: m.name for m in members}, wanted, (fields.get("rol") or "").strip(), max(page, 1))


@dataclass(frozen=True)
class Recipient:
    """Someone an input request goes to: a registered contact, a Slack user, or just a name."""
    name: str
    slack_user: str | None = None
    contact: Contact | None = None

    @property
    def reachable(self) -> bool:
        return bool(self.slack_user or (self.contact and self.contact.email))


def recipients(ctx: Context, trajectory: Trajectory, value: str, example: str) -> tuple[list[Recipient], str | None]:
    """Who `van:` names: a group of the registry (its contacts for the trajectory's domain), a
    real Slack mention, a registered name, or the name of an outsider. Broadcasts and channels
    are not people. Returns (recipients, group)."""
    value = value.strip()
    if value.startswith(("<!", "<#")):
        raise CommandError("err_not_a_person", field="van", example=example)
    group = GROUPS.get(fold(value))
    if group:
        return _group(ctx, trajectory, group), group
    person = read_person(value)
    contacts = list(ctx.session.exec(select(Contact).where(Contact.region_id == trajectory.region_id)))
    if person.user_id:
        contact = next((c for c in contacts if c.slack_user == person.user_id), None)
        return [Recipient(contact.name if contact else person.name, person.user_id, contact)], None
    contact = next((c for c in contacts if fold(c.name) == fold(person.name)), None)
    if contact is not None:
        return [Recipient(contact.name, contact.slack_user, contact)], None
    return [Recipient(person.name)], None


def _group(ctx: Context, trajectory: Trajectory, role: str) -> list[Recipient]:
    """Every contact of the role whose domain fits the trajectory's; for wethouders and beleid,
    those of the member municipalities, naming the members that have none."""
    contacts = queries.contacts_with_role(ctx.session, trajectory.region_id, role)
    if role in PER_MUNICIPALITY:
        members = queries.municipalities(ctx.session, trajectory.region_id)
        member_ids = {m.id for m in members}
        contacts = [c for c in contacts if c.municipality_id in member_ids]
    other_domain = [c for c in contacts if not fits(c.domain, trajectory.domain)]
    contacts = [c for c in contacts if fits(c.domain, trajectory.domain)]
    if not contacts and other_domain:
        raise CommandError("err_group_other_domain", field="van", example="ex2_contact", role=role,
                           domain=trajectory.domain, count=len(other_domain))
    if not contacts:
        raise CommandError("err_group_empty", field="van", example="ex_contact", role=role)
    if role in PER_MUNICIPALITY:
        covered = {c.municipality_id for c in contacts}
        missing = [m.name for m in members if m.id not in covered]
        if missing:
            ctx.warn("warn_group_missing", role=role, names=", ".join(missing), domain=trajectory.domain)
    return [Recipient(c.name, c.slack_user, c) for c in contacts]
