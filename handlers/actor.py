"""Who a Slack request comes from, and whether they are an admin (asked of Slack only when a
command needs it)."""
from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from core.errors import Unavailable

from core.permissions import Actor
from service.runtime import Runtime

log = logging.getLogger(__name__)


def _workspace_admin(client: WebClient, user_id: str) -> bool:
    try:
        user = client.users_info(user=user_id)["user"]
    except (SlackApiError, SlackClientError, OSError) as error:
        # Not knowing is not the same as "no": say that Slack could not be asked.
        log.warning("users.info failed for %s: %s", user_id, type(error).__name__)
        raise Unavailable("err_admin_unknown") from None
    return bool(user.get("is_admin") or user.get("is_owner"))


def actor_for(rt: Runtime, client: WebClient, *, team_id: str, user_id: str, channel_id: str,
              language: str | None = None) -> Actor:
    return Actor(team_id=team_id, user_id=user_id, channel_id=channel_id,
                 language=language or rt.settings.language,
                 admin_check=lambda: user_id in rt.settings.admins or _workspace_admin(client, user_id))


def team_of(body: dict) -> str:
    return body.get("team_id") or (body.get("team") or {}).get("id") or (body.get("user") or {}).get("team_id", "")
