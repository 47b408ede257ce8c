"""Buttons: Oppakken / Opgelost on an urgent case (in the channel or App Home), Ontvangen / Klaar
in App Home, Antwoorden on a question's DM."""
from __future__ import annotations

import time

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from domain.texts import t
from handlers.actor import actor_for
from handlers.budget import Budget
from handlers.events import publish_home
from service.home import press_home
from handlers.trigger import open_view
from service.interactions import Answer, answer_form, press_urgent
from service.runtime import Runtime
from views.messages import ANSWER_BUTTON

BUTTONS = {"urgent_ack": "ack", "urgent_resolve": "resolve"}


def register(app: App, rt: Runtime, budget: Budget) -> None:
    def on_urgent_button(ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient,
                         context: BoltContext) -> None:
        ack()  # the pressed post is updated through the outbox; a problem comes as an ephemeral answer
        channel = (body.get("channel") or {}).get("id", "")
        actor = actor_for(rt, client, context, user_id=body["user"]["id"], channel_id=channel)
        budget.later(lambda: _answer(rt, body, client, context, respond, press_urgent(
            rt, actor, int(action["value"]), BUTTONS[action["action_id"]], request_key=action_key(body, action))))

    def on_home_button(ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient,
                       context: BoltContext) -> None:
        ack()
        actor = actor_for(rt, client, context, user_id=body["user"]["id"], channel_id="")
        budget.later(lambda: _answer(rt, body, client, context, respond, press_home(
            rt, actor, action["action_id"], int(action["value"]), request_key=action_key(body, action))))

    def on_answer_button(ack: Ack, body: dict, action: dict, client: WebClient, context: BoltContext) -> None:
        """Antwoorden on a question's DM: its form opens while the trigger lives."""
        received = time.monotonic()
        ack()
        actor = actor_for(rt, client, context, user_id=body["user"]["id"], channel_id="")
        budget.now(lambda: _open_answer_form(rt, actor, body, client, received, int(action["value"])))

    app.action(ANSWER_BUTTON)(on_answer_button)
    for action_id in BUTTONS:
        app.action(action_id)(on_urgent_button)
    for action_id in ("home_received", "home_done"):
        app.action(action_id)(on_home_button)


def action_key(body: dict, action: dict) -> str | None:
    """A press is recognised by its trigger; without one there is nothing to recognise a retry by."""
    trigger = body.get("trigger_id")
    return f"action:{trigger}:{action['action_id']}" if trigger else None


def _answer(rt: Runtime, body: dict, client: WebClient, context: BoltContext, respond: Respond, answer) -> None:
    """Pressed in App Home: show the new state there (and a problem by DM). In a channel: an
    ephemeral answer when something was wrong; the post itself is updated through the outbox."""
    if (body.get("container") or {}).get("type") == "view":
        user = body["user"]["id"]
        if answer is not None:
            client.chat_postMessage(channel=user, text=answer.text, blocks=answer.blocks)
        publish_home(rt, client, context, user)
    elif answer is not None:
        respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral", replace_original=False)


def _open_answer_form(rt: Runtime, actor, body: dict, client: WebClient, received: float, request_id: int) -> None:
    form = answer_form(rt, actor, request_id)
    if isinstance(form, Answer):  # nothing to answer (any more): said in the DM
        client.chat_postMessage(channel=actor.user_id, text=form.text, blocks=form.blocks)
    elif not open_view(client, body["trigger_id"], form, received):
        client.chat_postMessage(channel=actor.user_id, text=t(actor.language or rt.settings.language, "err_form_not_opened"))
