"""The slash command (`/inkoop` by default)."""
from __future__ import annotations

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from handlers.actor import actor_for, team_of
from service.interactions import run_command
from service.runtime import Runtime


def register(app: App, rt: Runtime) -> None:
    @app.command(rt.settings.slash_command)
    def inkoop(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()  # within Slack's 3 seconds; the work follows
        actor = actor_for(rt, client, team_id=team_of(body), user_id=body["user_id"], channel_id=body["channel_id"])
        answer = run_command(rt, actor, body.get("text", ""), request_key=f"command:{body.get('trigger_id')}")
        if answer.duplicate:
            return
        if answer.modal is not None:
            client.views_open(trigger_id=body["trigger_id"], view=answer.modal)
        else:
            respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")
