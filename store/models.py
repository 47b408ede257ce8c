"""The tables. Dates are calendar dates in the bot's timezone; timestamps are aware UTC."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Optional

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Region(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("team_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str = Field(index=True)
    name: str


class Municipality(SQLModel, table=True):
    """A member of a region. One that leaves keeps its row (and its adoptions and lateness
    history) with `left_at` set; it no longer counts for decisions."""
    __table_args__ = (UniqueConstraint("region_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    name: str
    cbs_code: Optional[str] = None  # GM0297 etc., from data/gemeenten.csv
    left_at: Optional[datetime] = None


class Trajectory(SQLModel, table=True):
    # A shared channel's trajectory is found by its channel alone, from any workspace (Slack Connect).
    __table_args__ = (UniqueConstraint("team_id", "channel_id"), Index("ix_trajectory_channel", "channel_id"))
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str = Field(index=True)
    channel_id: str
    title: str
    region_id: int = Field(foreign_key="region.id")
    domain: str = "jeugd"  # jeugd, wmo or beide
    contract_end: date
    go_live: date
    lead_weeks: int = 12
    coordinator_id: str
    coordinator_name: Optional[str] = None  # how mails name the coordinator
    coordinator_email: Optional[str] = None  # Reply-To of mails, from Slack's profile (users:read.email)
    risk_level: Optional[str] = None  # the level at the last risk scan
    risk_changes: int = 0  # how often the level changed: keys each alert, so a rise alerts once
    last_digest_at: Optional[datetime] = None
    created_at: datetime = Field(default_factory=utcnow)


class TrackedItem(SQLModel):
    """What every item people refer to by a short reference (B12, I7, T3, U2) has: its workspace,
    its reference (unique per workspace) and its trajectory. An item entered by mistake is
    withdrawn (`intrekken`), never deleted: every view and average leaves it out, the audit log
    keeps it with its reason, and its reference is never handed out again."""
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str
    ref: str
    trajectory_id: int = Field(foreign_key="trajectory.id", index=True)
    withdrawn_at: Optional[datetime] = None
    withdrawn_by: Optional[str] = None


class Decision(TrackedItem, table=True):
    __table_args__ = (UniqueConstraint("team_id", "ref"),)
    title: str
    deadline: date
    decided_by: str = "college"  # college, raad or regio
    created_by: str
    postponements: int = 0
    taken_on: Optional[date] = None  # set once every adoption needed is in
    created_at: datetime = Field(default_factory=utcnow)
    # `Verlengen <contract>?`: decides a contract's extension; tracked like any decision, but the new
    # arrangement's readiness does not wait for it.
    contract_id: Optional[int] = Field(default=None, foreign_key="trajectorycontract.id")


class Adoption(SQLModel, table=True):
    """One municipality's (or, for a regional decision, the region's) latest verdict on a decision."""
    __table_args__ = (UniqueConstraint("decision_id", "municipality_id"),
                      Index("ix_adoption_municipality", "municipality_id", "outcome", "decision_id", "on_date"))
    id: Optional[int] = Field(default=None, primary_key=True)
    decision_id: int = Field(foreign_key="decision.id", index=True)
    municipality_id: Optional[int] = Field(default=None, foreign_key="municipality.id")
    outcome: str  # vastgesteld or afgewezen
    on_date: date
    reason: Optional[str] = None
    recorded_by: str
    recorded_at: datetime = Field(default_factory=utcnow)


class InputRequest(TrackedItem, table=True):
    __table_args__ = (UniqueConstraint("team_id", "ref"),
                      Index("ix_inputrequest_stakeholder", "team_id", "stakeholder_user", "received_on", "deadline"))
    question: str
    stakeholder_user: Optional[str] = None  # Slack user id, when the stakeholder is in Slack
    stakeholder_name: str  # display name, or the outsider's name
    role: str
    deadline: date
    decision_id: Optional[int] = Field(default=None, foreign_key="decision.id")
    requested_by: str
    requested_by_name: Optional[str] = None  # how mails and the answer page name who asks
    group_name: Optional[str] = None  # aanbieders, wethouders or beleid: asked of a group
    received_on: Optional[date] = None  # every part answered, or the whole marked received
    postponements: int = 0
    created_at: datetime = Field(default_factory=utcnow)


class Contact(SQLModel, table=True):
    """Someone a region asks for input, in their professional role: only what is needed to reach
    them. Removing a contact deletes the row; the parts of requests it answered keep just the name,
    its open parts of group requests go (tracking/contacts.py)."""
    __table_args__ = (UniqueConstraint("region_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str = Field(index=True)
    region_id: int = Field(foreign_key="region.id", index=True)
    name: str
    role: str  # wethouder, beleid, contractmanager, aanbieder, client, overig
    municipality_id: Optional[int] = Field(default=None, foreign_key="municipality.id")
    organisation: Optional[str] = None
    email: Optional[str] = None
    slack_user: Optional[str] = None
    # jeugd, wmo or beide: which trajectories' group requests and chases reach them (domain/domains.py)
    domain: str = "beide"
    created_at: datetime = Field(default_factory=utcnow)


class InputPart(SQLModel, table=True):
    """One recipient of an input request: a group request has one per contact. Its personal
    answer link is stored only as a hash of the token."""
    __table_args__ = (Index("ix_inputpart_stakeholder", "stakeholder_key", "received_on"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="inputrequest.id", index=True)
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    slack_user: Optional[str] = None
    name: str
    stakeholder_key: str  # the Slack user, or the lower-cased name: whose lateness history this adds to
    received_on: Optional[date] = None
    declined: bool = False  # "wij reageren niet / niet van toepassing"
    answered_via: Optional[str] = None  # slack, pagina, handmatig
    token_hash: Optional[str] = Field(default=None, unique=True)
    affiliation: Optional[str] = None  # the municipality or organisation asked, kept when the contact goes
    answer: Optional[str] = Field(default=None, sa_column=Column(Text))  # the newest answer, as typed
    answered_at: Optional[datetime] = None
    version: int = 0  # answers stored so far: a write counts only if nobody else's came in between


class Task(TrackedItem, table=True):
    """Owned by a Slack user, a registered contact (reached by mail), a registry role (a plan task:
    reminders go to the region's one contact of that role), or just a name."""
    __table_args__ = (UniqueConstraint("team_id", "ref"),)
    title: str
    owner_user: Optional[str] = None
    owner_name: str
    owner_contact_id: Optional[int] = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    owner_role: Optional[str] = None
    deadline: date
    after_decision_id: Optional[int] = Field(default=None, foreign_key="decision.id")
    created_by: str
    done_on: Optional[date] = None
    postponements: int = 0
    # The reminder step at which the coordinator was last asked to give this role task an owner
    # (its role had no single contact): one list a day, each task on it once per step.
    unowned_step: Optional[str] = None
    created_at: datetime = Field(default_factory=utcnow)


class UrgentCase(TrackedItem, table=True):
    __table_args__ = (UniqueConstraint("team_id", "ref"),)
    description: Optional[str] = Field(default=None, sa_column=Column(Text))  # None once purged
    severity: str = "middel"
    flagged_by: str
    flagged_at: datetime = Field(default_factory=utcnow)
    acked_by: Optional[str] = None
    acked_at: Optional[datetime] = None
    resolved_by: Optional[str] = None
    resolved_at: Optional[datetime] = None
    escalated_at: Optional[datetime] = None
    purged_at: Optional[datetime] = None
    note: Optional[str] = Field(default=None, sa_column=Column(Text))  # `opgelost U2 <notitie>`: the latest; purged too
    source_link: Optional[str] = Field(default=None, sa_column=Column(Text))  # the message it was flagged from


class AuditLog(SQLModel, table=True):
    __table_args__ = (Index("ix_auditlog_trajectory_at", "trajectory_id", "at"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str = Field(index=True)
    trajectory_id: Optional[int] = Field(default=None, foreign_key="trajectory.id")
    at: datetime = Field(default_factory=utcnow)
    actor: str
    action: str
    item: Optional[str] = None  # reference such as B3, or the trajectory
    field_name: Optional[str] = None
    old_value: Optional[str] = None
    new_value: Optional[str] = None


class RefCounter(SQLModel, table=True):
    """Last reference number handed out per workspace and kind (B, I, T, U)."""
    team_id: str = Field(primary_key=True)
    kind: str = Field(primary_key=True)
    value: int = 0


class DataVersion(SQLModel, table=True):
    """A team's data version: raised in the transaction of every audited change, so a remembered
    read answer (`status`, `risico`) is known to be current when the version has not moved."""
    team_id: str = Field(primary_key=True)
    version: int = 0


class UserSetting(SQLModel, table=True):
    team_id: str = Field(primary_key=True)
    user_id: str = Field(primary_key=True)
    language: str


class ProcessedRequest(SQLModel, table=True):
    """Slack request ids already handled, so a retried delivery changes nothing twice."""
    key: str = Field(primary_key=True)
    at: datetime = Field(default_factory=utcnow)


GIVE_UP_AFTER = 12  # failed attempts of an outbox row; the row stays, with its error, for an operator (and `input I5`) to see


class Outbox(SQLModel, table=True):
    """Every message the bot sends, stored under a unique key before it is sent."""
    id: Optional[int] = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    team_id: str
    trajectory_id: Optional[int] = None  # what it is about: whose coordinator hears when it cannot be delivered
    method: str = "chat.postMessage"
    channel: str
    payload: str = Field(sa_column=Column(Text, nullable=False))  # JSON: text, blocks, ts
    created_at: datetime = Field(default_factory=utcnow)
    attempts: int = 0       # failed sends
    claims: int = 0         # times a sender took it; more claims than failures: a sender died mid-send
    next_attempt_at: datetime = Field(default_factory=utcnow, index=True)
    claimed_until: Optional[datetime] = None
    sent_at: Optional[datetime] = Field(default=None, index=True)
    ts: Optional[str] = None
    last_error: Optional[str] = None


class BodyCalendar(SQLModel, table=True):
    """The meeting days of one deciding body: a member municipality's raad or college, or the
    region's own board (regio). Typed, or read from an iCalendar feed whose last good reading is
    kept when a later read fails."""
    __table_args__ = (UniqueConstraint("region_id", "scope", "body"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str
    region_id: int = Field(foreign_key="region.id", index=True)
    municipality_id: Optional[int] = Field(default=None, foreign_key="municipality.id")  # None: the region's board
    scope: str  # `gemeente:<id>` or `regio`: one calendar per body, also where the municipality is NULL
    body: str   # raad, college or regio
    dates: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list of ISO days
    feed_url: Optional[str] = Field(default=None, sa_column=Column(Text))
    read_on: Optional[date] = None        # the day of the last good reading of the feed
    checked_on: Optional[date] = None     # the day the feed was last tried: once a day is enough
    failing_since: Optional[date] = None  # the feed fails since this day (the last good days stay in use)
    failure_told: bool = False            # the coordinator has been told about this run of failures
    updated_by: str
    updated_at: datetime = Field(default_factory=utcnow)


class TrajectoryContract(SQLModel, table=True):
    """A contract (perceel) of a trajectory: its end, its extension option, the extensions and the
    transition arrangement recorded, its providers. The earliest end nothing covers is the
    trajectory's continuity deadline."""
    __table_args__ = (UniqueConstraint("trajectory_id", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: str
    trajectory_id: int = Field(foreign_key="trajectory.id", index=True)
    name: str
    end: date
    option_count: int = 0            # `verlenging: 2x 12 maanden`: 2 ...
    option_months: int = 0           # ... of 12 months; 0 and 0: no option
    extensions: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list of ISO days, as recorded
    transition_until: Optional[date] = None
    providers: str = Field(default="[]", sa_column=Column(Text, nullable=False))   # JSON list of names
    created_by: str
    created_at: datetime = Field(default_factory=utcnow)


class AnswerTry(SQLModel, table=True):
    """Posts to one answer link in the current window, kept in the database so every process
    counts the same tries; a link unused for a window is deleted (a guessed link is forgotten)."""
    link: str = Field(primary_key=True)  # a hash of the link's token, never the token
    window_start: datetime = Field(index=True)
    tries: int = 1
