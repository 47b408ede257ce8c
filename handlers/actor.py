"""Who a Slack request comes from, and whether they are an admin (asked of Slack only when a
command needs it)."""
from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from domain.errors import Unavailable
from domain.permissions import Actor
from service.runtime import Runtime

log = logging.getLogger(__name__)


class _SlackUser:
    """users.info for one request, asked at most once and only when a command needs it."""

    def __init__(self, client: WebClient, user_id: str):
        self.client, self.user_id = client, user_id
        self._user: dict | None = None

    def get(self) -> dict:
        if self._user is None:
            try:
                self._user = self.client.users_info(user=self.user_id)["user"]
            except (SlackApiError, SlackClientError, OSError) as error:
                # Not knowing is not the same as "no": say that Slack could not be asked.
                log.warning("users.info failed for %s: %s", self.user_id, type(error).__name__)
                raise Unavailable("err_admin_unknown") from None
        return self._user

    def is_admin_of(self, team_id: str) -> bool:
        """An admin or owner of that workspace; an admin of another workspace in a shared
        channel is not an admin there."""
        user = self.get()
        return bool(user.get("is_admin") or user.get("is_owner")) and user.get("team_id", team_id) == team_id

    def name(self) -> str | None:
        """The name mails and the answer page show for this person; None when Slack is away."""
        try:
            user = self.get()
        except Unavailable:
            return None
        profile = user.get("profile") or {}
        return profile.get("real_name") or user.get("real_name") or profile.get("display_name") or None


class _ChannelAccess:
    """May this user see a channel's trajectory? Public channels: yes. A private channel (or a
    direct message) only when they are in it; when Slack cannot say, no."""

    def __init__(self, client: WebClient, user_id: str):
        self.client, self.user_id = client, user_id

    def __call__(self, channel_id: str) -> bool:
        try:
            channel = self.client.conversations_info(channel=channel_id)["channel"]
            if not (channel.get("is_private") or channel.get("is_im") or channel.get("is_mpim")):
                return True
            return any(self.user_id in page.get("members", [])
                       for page in self.client.conversations_members(channel=channel_id, limit=1000))
        except (SlackApiError, SlackClientError, OSError, KeyError) as error:
            log.warning("channel access unknown for %s: %s", channel_id, type(error).__name__)
            return False


def actor_for(rt: Runtime, client: WebClient, context: BoltContext, *, user_id: str, channel_id: str,
              language: str | None = None) -> Actor:
    """The person behind a request, in the workspace Bolt resolved for it (in a shared channel:
    the installation that received it; for a modal: the team that installed it). The runtime moves
    them to the workspace that owns the channel's trajectory, when that is another one."""
    slack_user = _SlackUser(client, user_id)
    # An org-wide install (Enterprise Grid) is one workspace to Regiowacht, keyed by the org's id.
    team = context.enterprise_id if context.is_enterprise_install else context.team_id
    actor = Actor(team_id=team or context.enterprise_id or "", user_id=user_id, channel_id=channel_id,
                  language=language or rt.settings.language, name_lookup=slack_user.name,
                  channel_check=_ChannelAccess(client, user_id))
    actor.admin_check = lambda: user_id in rt.settings.admins or slack_user.is_admin_of(actor.team_id)
    return actor
