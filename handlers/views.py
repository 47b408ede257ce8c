"""Form (modal) submissions. Slack shows field errors only in the ack's response, so validation
and storage run before the ack, within a budget: a slow database turns the form into "saving…",
and the form then shows what was stored, or comes back filled in with the problem on top."""
from __future__ import annotations

import hashlib
import json
import logging
import re

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from domain.texts import t
from handlers.actor import actor_for
from handlers.budget import Budget
from service.interactions import Answer, run_form
from service.runtime import Runtime
from service.sealing import unseal
from views.modals import form_modal, notice_modal, read_submission, saved_modal

log = logging.getLogger(__name__)


def submission_key(view: dict) -> str:
    """The same submission delivered twice has the same view and the same values; a corrected
    one (after an error) has other values, so it is not mistaken for a retry."""
    values = json.dumps(view["state"]["values"], sort_keys=True, ensure_ascii=False)
    return f"view:{view.get('id')}:{hashlib.sha256(values.encode()).hexdigest()[:32]}"


def register(app: App, rt: Runtime, budget: Budget) -> None:
    @app.view(re.compile(r"^form_"))
    def on_form(ack: Ack, body: dict, view: dict, client: WebClient, context: BoltContext) -> None:
        name = view["callback_id"].removeprefix("form_")
        meta = unseal(view.get("private_metadata") or "", rt.settings.signing_secret) or {}
        lang = meta.get("lang") or rt.settings.language
        actor = actor_for(rt, client, context, user_id=body["user"]["id"],
                          channel_id=meta.get("channel", ""), language=lang)
        title, fields = read_submission(name, view["state"]["values"])
        if name == "urgent" and meta.get("link"):  # opened by "Meld als urgent": the message it came from
            fields["bericht"] = meta["link"]
        if name == "ontvangen":  # opened by Antwoorden on a question's DM: `ontvangen <ref> <antwoord>`
            title = f"{meta.get('ref', '')} {title}"
        on_time, work = budget.run(lambda: run_form(rt, actor, name, title, fields, submission_key(view)))
        if not on_time:
            ack(response_action="update", view=notice_modal("modal_saving", lang, t(lang, "saving_text")))
            budget.later(lambda: _finish_late(work.result(), client, actor, view, name, lang, {"title": title, **fields}))
            return
        answer = work.result()
        if answer.errors:
            ack(response_action="errors", errors=answer.errors)
            return
        ack()
        if not answer.duplicate:
            budget.later(confirm, client, actor, answer)


def _finish_late(answer: Answer, client: WebClient, actor, view: dict, name: str, lang: str, typed: dict) -> None:
    """The form now says "saving…": show what was stored, or the form again with the problem."""
    if answer.duplicate:
        return
    if not answer.errors:
        confirm(client, actor, answer)
    if answer.errors:
        new = form_modal(name, lang, view.get("private_metadata") or "", values=typed,
                         problem=" ".join(answer.errors.values()))
    else:
        new = saved_modal(lang, answer.blocks)
    try:
        client.views_update(view_id=view["id"], view=new)
    except (SlackApiError, SlackClientError) as error:  # the user closed it meanwhile
        log.warning("views.update after a slow form failed: %s", type(error).__name__)


def confirm(client: WebClient, actor, answer: Answer) -> None:
    try:
        client.chat_postEphemeral(channel=actor.channel_id, user=actor.user_id, text=answer.text, blocks=answer.blocks)
    except SlackApiError:  # e.g. the bot is not in that channel: the confirmation comes by DM
        client.chat_postMessage(channel=actor.user_id, text=answer.text, blocks=answer.blocks)
