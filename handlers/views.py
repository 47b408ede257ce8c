"""Form (modal) submissions. Validation runs before the ack, because Slack shows field errors
only in the ack's response; it is one short transaction."""
from __future__ import annotations

import json
import re

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers.actor import actor_for, team_of
from service.interactions import run_form
from service.runtime import Runtime
from views.modals import read_submission


def register(app: App, rt: Runtime) -> None:
    @app.view(re.compile(r"^form_"))
    def on_form(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        name = view["callback_id"].removeprefix("form_")
        meta = json.loads(view.get("private_metadata") or "{}")
        actor = actor_for(rt, client, team_id=team_of(body), user_id=body["user"]["id"],
                          channel_id=meta.get("channel", ""), language=meta.get("lang"))
        title, fields = read_submission(name, view["state"]["values"])
        answer = run_form(rt, actor, name, title, fields)
        if answer.errors:
            ack(response_action="errors", errors=answer.errors)
            return
        ack()
        try:
            client.chat_postEphemeral(channel=actor.channel_id, user=actor.user_id, text=answer.text,
                                      blocks=answer.blocks)
        except SlackApiError:  # e.g. the bot is not in that channel: the confirmation comes by DM
            client.chat_postMessage(channel=actor.user_id, text=answer.text, blocks=answer.blocks)
