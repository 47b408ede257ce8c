"""Buttons: Oppakken / Opgelost on an urgent case."""
from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from handlers.actor import actor_for, team_of
from service.interactions import press_urgent
from service.runtime import Runtime

BUTTONS = {"urgent_ack": "ack", "urgent_resolve": "resolve"}


def register(app: App, rt: Runtime) -> None:
    def on_urgent_button(ack: Ack, body: dict, action: dict, respond: Respond, client: WebClient) -> None:
        ack()
        channel = (body.get("channel") or {}).get("id", "")
        actor = actor_for(rt, client, team_id=team_of(body), user_id=body["user"]["id"], channel_id=channel)
        answer = press_urgent(rt, actor, int(action["value"]), BUTTONS[action["action_id"]],
                              request_key=f"action:{body.get('trigger_id')}:{action['action_id']}")
        if answer is not None:
            respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral", replace_original=False)

    for action_id in BUTTONS:
        app.action(action_id)(on_urgent_button)
