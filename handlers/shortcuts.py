"""Shortcuts: "Meld als urgent" on any message (manifest.yml, callback_id `meld_urgent`)."""
from __future__ import annotations

import logging

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from handlers.actor import actor_for
from handlers.budget import Budget
from service.runtime import Runtime
from service.shortcuts import urgent_form_for_message

log = logging.getLogger(__name__)


def permalink(client: WebClient, channel: str, ts: str) -> str | None:
    """The message's link, for the case's channel post; the form opens without it when Slack is slow."""
    try:
        return client.chat_getPermalink(channel=channel, message_ts=ts)["permalink"]
    except (SlackApiError, SlackClientError, KeyError) as error:
        log.warning("chat.getPermalink failed: %s", type(error).__name__)
        return None


def register(app: App, rt: Runtime, budget: Budget) -> None:
    @app.shortcut("meld_urgent")
    def on_flag_message(ack: Ack, body: dict, client: WebClient, context: BoltContext) -> None:
        ack()  # the HTTP answer leaves when this returns; the form opens right after
        budget.later(open_urgent_form, rt, client, context, body)


def open_urgent_form(rt: Runtime, client: WebClient, context: BoltContext, body: dict) -> None:
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id", "")
    actor = actor_for(rt, client, context, user_id=body["user"]["id"], channel_id=channel)
    link = permalink(client, channel, message.get("ts", "")) if channel and message.get("ts") else None
    view = urgent_form_for_message(rt, actor, message.get("text") or "", message.get("user"), link)
    try:
        client.views_open(trigger_id=body["trigger_id"], view=view)
    except (SlackApiError, SlackClientError) as error:  # the trigger expired: Slack shows its own error
        log.warning("views.open for the urgent shortcut failed: %s", type(error).__name__)
