"""`plan jeugd|wmo`: the standard implementation tasks of an iJw / iWmo go-live, from the
templates in data/plans/ (one per domain, edited by a region without touching code). Each task is
due its template's number of weeks before go-live, on the working day at or before that date;
running `plan` again adds only what is missing."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from domain.datafiles import DATA, DataFileError, read_rows
from domain.errors import CommandError
from domain.permissions import require_coordinator
from domain.privacy import contains_bsn
from domain.roles import LABELS, read_role, role_choices, role_label
from domain.text_input import TITLE_LIMIT, as_typed, clean, fold
from store import queries
from store.models import Task, Trajectory
from tracking.context import Context, current_trajectory, own_item

PLAN_DIR = DATA / "plans"
DOMAINS = ("jeugd", "wmo")
DOMAIN_WORDS = {"jeugd": "jeugd", "jeugdwet": "jeugd", "ijw": "jeugd", "youth": "jeugd",
                "wmo": "wmo", "iwmo": "wmo"}
# A template's owner is a role of the registry (domain/roles.py: `financiën`, `juridisch`, …, and
# the older words `contractmanagement` and `inkoop`); a typo in the file is caught at start.
ROLES = tuple(LABELS)
FIELDS = ("titel", "weken_voor_livegang", "rol", "standaard")
MAX_WEEKS = 104
_WEEKS = re.compile(r"[0-9]{1,4}")  # ASCII digits only: "²" and "٣" are digits to str.isdigit, not to int()
_URL = re.compile(r"https://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")  # RFC 3986's characters, nothing else


@dataclass(frozen=True)
class Template:
    title: str
    weeks: int   # due this many weeks before go-live
    role: str    # the registry role that owns it (stored form: `financien`)
    link: str    # the standard it concerns, or ""


@dataclass
class Planned:
    domain: str
    created: list[Task] = field(default_factory=list)
    existing: list[Task] = field(default_factory=list)
    overdue: list[tuple[Task, date]] = field(default_factory=list)  # created late: (task, standard date)
    owners: dict[str, list] = field(default_factory=dict)  # each role of the new tasks -> its contacts in the registry


def _shown(value: str) -> str:
    """A value from the file as an error message shows it: what cannot be seen (a NUL, a direction
    override) written as its code, and no more than 60 characters."""
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in value[:60])
    return shown + ("…" if len(value) > 60 else "")


def load_plan(path: Path) -> list[Template]:
    """One domain's template, checked row by row; a broken row names its file, line and field.
    A title is read as typed text: cleaned like a command's (control and direction characters
    out), checked for length and a BSN, and stored as typed (`<2027>` and `B&W` read back as
    written; a look-alike mention is made inert)."""
    templates: list[Template] = []
    seen: dict[str, int] = {}
    for line, row in read_rows(path, FIELDS):
        where = f"{path.name}, regel {line}"
        title = clean(row["titel"])
        if not title:
            raise DataFileError(f"{where}, veld titel: leeg")
        if len(title) > TITLE_LIMIT:
            raise DataFileError(f"{where}, veld titel: {len(title)} tekens, hooguit {TITLE_LIMIT}")
        if contains_bsn(title):
            raise DataFileError(f"{where}, veld titel: bevat een nummer dat een BSN kan zijn")
        if fold(title) in seen:
            raise DataFileError(f"{where}, veld titel: staat al op regel {seen[fold(title)]}")
        seen[fold(title)] = line
        weeks = row["weken_voor_livegang"]
        if not _WEEKS.fullmatch(weeks) or int(weeks) > MAX_WEEKS:
            raise DataFileError(f"{where}, veld weken_voor_livegang: '{_shown(weeks)}' is geen aantal weken van 0 tot "
                                f"{MAX_WEEKS} (in cijfers, bijv. 12)")
        role = read_role(row["rol"]) if row["rol"] == clean(row["rol"]) else None  # a hidden character is no role
        if role is None:
            raise DataFileError(f"{where}, veld rol: '{_shown(row['rol'])}' is geen van: {role_choices('nl')}")
        if row["standaard"] and not _URL.fullmatch(row["standaard"]):
            raise DataFileError(f"{where}, veld standaard: '{_shown(row['standaard'])}' is geen https-adres "
                                "(of laat het leeg)")
        templates.append(Template(as_typed(title), int(weeks), role, row["standaard"]))
    if not templates:
        raise DataFileError(f"{path.name}: geen taken")
    return templates


def load_plans(folder: Path = PLAN_DIR) -> dict[str, list[Template]]:
    return {domain: load_plan(folder / f"{domain}.csv") for domain in DOMAINS}


@lru_cache(maxsize=4)
def standard_plans(folder: str = "") -> dict[str, list[Template]]:
    """The templates in PLAN_DIR (default data/plans), read once and checked when the bot starts."""
    return load_plans(Path(folder) if folder else PLAN_DIR)


def due_date(go_live: date, weeks: int, work) -> date:
    """`weeks` before go-live, on that day when people work there, else the working day before."""
    day = go_live - timedelta(weeks=weeks)
    return day if work.is_working_day(day) else work.add(day, -1)


def _domain(trajectory: Trajectory, text: str) -> str:
    word = text.strip().lower()
    if not word:
        if trajectory.domain in DOMAINS:
            return trajectory.domain
        raise CommandError("err_plan_which", example="ex_plan")
    domain = DOMAIN_WORDS.get(word)
    if domain is None:
        raise CommandError("err_plan_domain", field="title", example="ex_plan", value=text.strip())
    if trajectory.domain not in (domain, "beide"):
        raise CommandError("err_plan_other_domain", field="title", example="ex_plan", domain=domain,
                           trajectory_domain=trajectory.domain)
    return domain


def create_plan(ctx: Context, text: str, fields: dict[str, str]) -> Planned:
    trajectory = current_trajectory(ctx)
    require_coordinator(ctx.actor, trajectory.coordinator_id)
    domain = _domain(trajectory, text)
    if trajectory.go_live <= ctx.today:
        raise CommandError("err_plan_live", example="ex_taak", go_live=trajectory.go_live)
    after = own_item(ctx, trajectory, fields["na"], "B", "ex_plan", "na") if fields.get("na") else None
    first_day = ctx.today if ctx.work.is_working_day(ctx.today) else ctx.work.add(ctx.today, 1)
    existing = {fold(task.title): task for task in queries.tasks_of(ctx.session, trajectory.id)}
    planned = Planned(domain)
    for template in standard_plans(ctx.settings.plan_dir)[domain]:
        if fold(template.title) in existing:
            if existing[fold(template.title)].withdrawn_at is None:  # one withdrawn is not made again, nor listed
                planned.existing.append(existing[fold(template.title)])
            continue
        standard = due_date(trajectory.go_live, template.weeks, ctx.work)
        due = max(standard, first_day)  # a plan made late: what is already due is due now, and said so
        task = Task(team_id=ctx.actor.team_id, ref=queries.next_ref(ctx.session, ctx.actor.team_id, "T"),
                    trajectory_id=trajectory.id, title=template.title, owner_name=role_label(template.role, "nl"),
                    owner_role=template.role, deadline=due,
                    after_decision_id=after.id if after else None, created_by=ctx.actor.user_id,
                    created_at=ctx.now)
        ctx.session.add(task)
        ctx.audit("taak aangemaakt", trajectory, item=task.ref, new=f"{task.title} ({task.owner_name}, {due}; plan {domain})")
        planned.created.append(task)
        if standard < due:
            planned.overdue.append((task, standard))
    # Who each role's tasks go to: its one contact; none or several leave them to assign.
    planned.owners = {role: queries.contacts_with_role(ctx.session, trajectory.region_id, role)
                      for role in dict.fromkeys(task.owner_role for task in planned.created)}
    if after is not None and not after.taken_on:
        early = [task for task in planned.created if task.deadline < after.deadline]
        if early:
            ctx.warn("warn_plan_before_decision", count=len(early), decision=after.ref,
                     decision_deadline=after.deadline)
    return planned
