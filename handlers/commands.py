"""The slash command (`/inkoop` by default)."""
from __future__ import annotations

import logging

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from core.texts import t

from handlers.actor import actor_for, team_of
from service.interactions import Answer, run_command
from service.runtime import Runtime

log = logging.getLogger(__name__)


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
        elif answer.files:
            respond(text=send_files(client, actor.user_id, answer, actor.language), response_type="ephemeral")
        else:
            respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def send_files(client: WebClient, user_id: str, answer: Answer, lang: str) -> str:
    """Files go to the user's direct messages: a file in a channel would be shown to everyone."""
    try:
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(channel=channel, initial_comment=answer.text, file_uploads=[
            {"content": f.content, "filename": f.name, "title": f.title} for f in answer.files])
    except (SlackApiError, SlackClientError):
        log.exception("file upload failed")
        return t(lang, "files_failed")
    return t(lang, "files_sent", names=", ".join(f.name for f in answer.files))
