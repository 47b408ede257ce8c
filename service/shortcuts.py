""""Meld als urgent" on any message: the urgent form, prefilled with the message's text and
linked to it. The BSN guard reads the message before anything of it reaches the form."""
from __future__ import annotations

from slack_sdk.models.views import View

from commands.replies import choose_language
from domain.permissions import Actor
from domain.privacy import contains_bsn
from domain.text_input import TEXT_LIMIT, clean, slack_to_plain
from domain.texts import person, t
from service.runtime import Runtime
from service.sealing import seal
from store import queries
from store.db import reconnecting, session_scope
from views.modals import form_modal, notice_modal


def _prefill(message_text: str, lang: str) -> tuple[str, str | None]:
    """The message as plain text for the form (as its author typed it: Slack's escaping read), and
    what the form must say about it."""
    text = clean(slack_to_plain(message_text)).strip()
    if contains_bsn(text):
        return "", t(lang, "shortcut_bsn")
    if len(text) > TEXT_LIMIT:
        cut = text[:TEXT_LIMIT - 1].rsplit(" ", 1)[0]
        return cut + "…", t(lang, "shortcut_cut", limit=TEXT_LIMIT)
    return text, None


def urgent_form_for_message(rt: Runtime, actor: Actor, message_text: str, author: str | None, link: str | None) -> View:
    def read() -> tuple[bool, str]:
        with session_scope(rt.engine, readonly=True) as session:
            ctx = rt.context(session, actor)
            lang = choose_language(ctx, None)
            return queries.trajectory_for_channel(session, actor.team_id, actor.channel_id) is not None, lang
    linked, lang = reconnecting(read)
    actor.language = lang
    if not linked:
        return notice_modal("modal_urgent", lang, t(lang, "shortcut_no_trajectory", cmd=rt.settings.slash_command))
    text, problem = _prefill(message_text, lang)
    metadata = seal({"channel": actor.channel_id, "lang": lang, "link": link or ""}, rt.settings.signing_secret)
    intro = t(lang, "urgent_from_message", who=person(author, None)) if author else None
    return form_modal("urgent", lang, metadata, values={"title": text}, problem=problem, intro=intro)
