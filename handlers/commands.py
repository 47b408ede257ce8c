"""The slash command (`/inkoop` by default)."""
from __future__ import annotations

import logging
import time

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from domain.text_input import from_slack
from domain.texts import t
from handlers.actor import actor_for
from handlers.budget import Budget
from handlers.trigger import open_view
from service.interactions import Answer, run_command
from service.runtime import Runtime
from views.layout import MESSAGE_BLOCKS
from views.messages import context

log = logging.getLogger(__name__)


def register(app: App, rt: Runtime, budget: Budget) -> None:
    @app.command(rt.settings.slash_command)
    def inkoop(ack: Ack, body: dict, respond: Respond, client: WebClient, context: BoltContext) -> None:
        received = time.monotonic()  # the trigger of a form to open lives 3 s from here
        actor = actor_for(rt, client, context, user_id=body["user_id"], channel_id=body["channel_id"])
        trigger = body.get("trigger_id")
        key = f"command:{trigger}" if trigger else None  # no id: nothing to recognise a retry by
        text = from_slack(body.get("text") or "")  # Slack escapes what was typed: read it as typed, once, here
        on_time, work = budget.run(lambda: run_command(rt, actor, text, request_key=key))
        if not on_time:
            ack()  # Slack must hear from us now; the answer follows by response_url
            budget.later(lambda: follow_up(work.result(), actor, body, respond, client, received))
            return
        answer = work.result()
        if answer.modal is not None:
            ack()
            budget.now(follow_up, answer, actor, body, respond, client, received)  # the trigger is ticking
        elif answer.duplicate or answer.files:
            ack()
            budget.later(follow_up, answer, actor, body, respond, client, received)
        else:
            ack(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def follow_up(answer: Answer, actor, body: dict, respond: Respond, client: WebClient, received: float) -> None:
    """What cannot travel in the ack: a form to open, files to send, or a late answer."""
    if answer.duplicate:
        return
    if answer.modal is not None:
        if not open_view(client, body["trigger_id"], answer.modal, received):  # the trigger expired, or Slack is busy
            respond(text=t(actor.language, "err_form_not_opened"), response_type="ephemeral")
    elif answer.files:  # the answer here, the files in a direct message
        note = send_files(client, actor.user_id, answer, actor.language)
        blocks = answer.blocks[:MESSAGE_BLOCKS - 1] + [block.to_dict() for block in context([note])]
        respond(text=f"{answer.text}\n{note}", blocks=blocks, response_type="ephemeral")
    else:
        respond(text=answer.text, blocks=answer.blocks, response_type="ephemeral")


def send_files(client: WebClient, user_id: str, answer: Answer, lang: str) -> str:
    """Files go to the user's direct messages: a file in a channel would be shown to everyone."""
    try:
        channel = client.conversations_open(users=user_id)["channel"]["id"]
        client.files_upload_v2(channel=channel, initial_comment=answer.text, file_uploads=[
            {"content": f.content, "filename": f.name, "title": f.title, **({"alt_txt": f.alt} if f.alt else {})}
            for f in answer.files])  # a picture carries its alt text
    except (SlackApiError, SlackClientError) as error:
        log.warning("file upload failed: %s", type(error).__name__)
        return t(lang, "files_failed")
    return t(lang, "files_sent", names=", ".join(f.name for f in answer.files))
