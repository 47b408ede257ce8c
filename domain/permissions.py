"""Who may do what. Checks raise PermissionDenied; they never reveal another channel's data."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from domain.errors import PermissionDenied, Unavailable


@dataclass
class Actor:
    """The person a command runs for, in the workspace and channel it came from."""
    team_id: str
    user_id: str
    channel_id: str
    language: str = "nl"
    admin_check: Callable[[], bool] = field(default=lambda: False, repr=False)
    name_lookup: Callable[[], str | None] = field(default=lambda: None, repr=False)
    email_lookup: Callable[[], str | None] = field(default=lambda: None, repr=False)
    channel_check: Callable[[str], bool] = field(default=lambda channel: True, repr=False)
    # Can the bot post in this person's channel (joining it when it may)? "ok", "invite" (a private
    # channel or conversation it is not in), "archived", or "unknown" (Slack could not say).
    presence_check: Callable[[], str] = field(default=lambda: "ok", repr=False)
    _admin: bool | None = field(default=None, repr=False)
    _seen: dict[str, bool] = field(default_factory=dict, repr=False)

    def is_admin(self) -> bool:
        if self._admin is None:  # asked lazily: in Slack it costs a users.info call
            self._admin = bool(self.admin_check())
        return self._admin

    def can_see(self, channel_id: str) -> bool:
        """Whether this person may see that channel (in Slack: a member when it is private)."""
        if channel_id not in self._seen:
            self._seen[channel_id] = bool(self.channel_check(channel_id))
        return self._seen[channel_id]

    def display_name(self) -> str:
        """How mails and the answer page name this person (their Slack name, else their id)."""
        return self.name_lookup() or self.user_id


def require_bot_in_channel(actor: Actor) -> None:
    """Before anything is made that the bot will post about in this channel."""
    presence = actor.presence_check()
    if presence == "invite":  # a direct conversation between people cannot take a bot at all
        raise PermissionDenied("perm_not_in_conversation" if actor.channel_id[:1] == "D" else "perm_invite_bot")
    if presence == "archived":
        raise PermissionDenied("perm_channel_archived")
    if presence != "ok":
        raise Unavailable("err_presence_unknown")


def require_admin(actor: Actor) -> None:
    if not actor.is_admin():
        raise PermissionDenied("perm_setup")


def require_coordinator(actor: Actor, coordinator_id: str) -> None:
    if actor.user_id != coordinator_id and not actor.is_admin():
        raise PermissionDenied("perm_coordinator")


def require_involved(actor: Actor, coordinator_id: str, *people: str | None) -> None:
    """Own items: the people named on it, the trajectory's coordinator, or an admin."""
    if actor.user_id in people or actor.user_id == coordinator_id:
        return
    if not actor.is_admin():
        raise PermissionDenied("perm_own_items")
