"""Who a Slack request comes from, whether they are an admin, which channels they may see, and
whether the bot can post where they are (each asked of Slack only when a command needs it, and
what Slack says about a channel remembered a few minutes)."""
from __future__ import annotations

import logging

from slack_bolt import BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from domain.errors import Unavailable
from domain.permissions import Actor
from service.channel_facts import ChannelFacts
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

    def email(self) -> str | None:
        """Their work address, for Reply-To; Slack gives it only with the optional users:read.email."""
        try:
            return (self.get().get("profile") or {}).get("email") or None
        except Unavailable:
            return None


def channel_info(client: WebClient, facts: ChannelFacts, team: str, channel_id: str) -> dict | None:
    """conversations.info, remembered; None when Slack says the bot cannot see such a channel (a
    private one it is not in). A failure to ask raises, and is not remembered."""
    def ask() -> dict | None:
        try:
            return client.conversations_info(channel=channel_id)["channel"]
        except SlackApiError as error:
            if error.response.get("error") == "channel_not_found":
                return None
            raise
    return facts.get((team, "info", channel_id), ask)


class _ChannelAccess:
    """May this user see a channel's trajectory? Public channels: yes. A private channel (or a
    direct message) only when they are in it; when Slack cannot say, no."""

    def __init__(self, client: WebClient, facts: ChannelFacts, team: str, user_id: str):
        self.client, self.facts, self.team, self.user_id = client, facts, team, user_id

    def __call__(self, channel_id: str) -> bool:
        try:
            channel = channel_info(self.client, self.facts, self.team, channel_id)
            if channel is None:
                return False
            if not (channel.get("is_private") or channel.get("is_im") or channel.get("is_mpim")):
                return True
            members = self.facts.get((self.team, "members", channel_id), lambda: frozenset(
                member for page in self.client.conversations_members(channel=channel_id, limit=1000)
                for member in page.get("members", [])))
            return self.user_id in members
        except (SlackApiError, SlackClientError, OSError, KeyError) as error:
            log.warning("channel access unknown for %s: %s", channel_id, type(error).__name__)
            return False


class _BotPresence:
    """Can the bot post in the channel a command came from? In a public channel it joins (so it
    can also read back its own posts after a crash); a private channel or a conversation it is not
    in must invite it first."""

    def __init__(self, client: WebClient, facts: ChannelFacts, team: str, channel_id: str):
        self.client, self.facts, self.team, self.channel_id = client, facts, team, channel_id

    def __call__(self) -> str:
        try:
            channel = channel_info(self.client, self.facts, self.team, self.channel_id)
        except (SlackApiError, SlackClientError, OSError, KeyError) as error:
            log.warning("bot presence unknown for %s: %s", self.channel_id, type(error).__name__)
            return "unknown"
        if channel is None:
            return "invite"
        if channel.get("is_archived"):
            return "archived"
        if channel.get("is_im") or channel.get("is_member"):
            return "ok"
        if channel.get("is_private") or channel.get("is_mpim"):
            return "invite"
        try:
            self.client.conversations_join(channel=self.channel_id)
        except SlackApiError as error:
            if error.response.get("error") != "missing_scope":
                log.warning("conversations.join failed for %s: %s", self.channel_id, error.response.get("error"))
                return "unknown"
            # Installed before channels:join: chat:write.public still lets it post here.
            log.warning("conversations.join needs channels:join; posting in %s without joining", self.channel_id)
            return "ok"
        except (SlackClientError, OSError) as error:
            log.warning("conversations.join failed for %s: %s", self.channel_id, type(error).__name__)
            return "unknown"
        self.facts.put((self.team, "info", self.channel_id), {**channel, "is_member": True})
        return "ok"


def actor_for(rt: Runtime, client: WebClient, context: BoltContext, *, user_id: str, channel_id: str,
              language: str | None = None) -> Actor:
    """The person behind a request, in the workspace Bolt resolved for it (in a shared channel:
    the installation that received it; for a modal: the team that installed it). The runtime moves
    them to the workspace that owns the channel's trajectory, when that is another one."""
    slack_user = _SlackUser(client, user_id)
    # An org-wide install (Enterprise Grid) is one workspace to Regiowacht, keyed by the org's id.
    team = context.enterprise_id if context.is_enterprise_install else context.team_id
    team = team or context.enterprise_id or ""
    actor = Actor(team_id=team, user_id=user_id, channel_id=channel_id,
                  language=language or rt.settings.language, name_lookup=slack_user.name,
                  email_lookup=slack_user.email,
                  channel_check=_ChannelAccess(client, rt.channels, team, user_id),
                  presence_check=_BotPresence(client, rt.channels, team, channel_id))
    actor.admin_check = lambda: user_id in rt.settings.admins or slack_user.is_admin_of(actor.team_id)
    return actor
