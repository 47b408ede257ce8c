"""Shortcuts: "Meld als urgent" on any message (manifest.yml, callback_id `meld_urgent`)."""
from __future__ import annotations

import logging
import time

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.webhook import WebhookClient

from domain.texts import t
from handlers.actor import actor_for
from handlers.budget import Budget
from handlers.trigger import open_view
from service.runtime import Runtime
from service.shortcuts import urgent_form_for_message
from views.slack_text import neutralise

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
        received = time.monotonic()  # the trigger lives 3 s from here
        ack()  # the HTTP answer leaves when this returns; the form opens right after, never behind follow-ups
        budget.now(open_urgent_form, rt, client, context, body, received)


def open_urgent_form(rt: Runtime, client: WebClient, context: BoltContext, body: dict, received: float) -> None:
    message, channel = body.get("message") or {}, (body.get("channel") or {}).get("id", "")
    actor = actor_for(rt, client, context, user_id=body["user"]["id"], channel_id=channel)
    link = permalink(client, channel, message.get("ts", "")) if channel and message.get("ts") else None
    view = urgent_form_for_message(rt, actor, message.get("text") or "", message.get("user"), link)
    if not open_view(client, body["trigger_id"], view, received):
        tell_form_not_opened(rt, client, body, actor.language)


def tell_form_not_opened(rt: Runtime, client: WebClient, body: dict, lang: str) -> None:
    """Slack shows nothing when a shortcut's form does not open: the person hears it from us."""
    text = neutralise(t(lang, "err_shortcut_form_not_opened", cmd=rt.settings.slash_command))
    try:
        if body.get("response_url"):
            WebhookClient(body["response_url"]).send(text=text, response_type="ephemeral", replace_original=False)
        else:
            client.chat_postEphemeral(channel=(body.get("channel") or {}).get("id", ""), user=body["user"]["id"],
                                      text=text)
    except (SlackApiError, SlackClientError, OSError) as error:
        log.warning("could not say the form did not open: %s", type(error).__name__)
