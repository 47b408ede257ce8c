"""Messages in Block Kit, built with slack_sdk's models and laid out by views/layout.py, so every
one fits in Slack."""
from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement

from domain.outcome import Reply
from domain.texts import fmt_moment, person, t
from store.models import Trajectory, UrgentCase
from views.layout import context_block, headline, message_blocks, notification, paragraph_blocks


def sections(lines: list[str]) -> list[Block]:
    """Paragraphs as sections, each split where Slack needs it."""
    return [block for line in lines for block in paragraph_blocks(line)]


def context(lines: list[str]) -> list[Block]:
    return context_block(lines)


def reply_blocks(reply: Reply, lang: str = "nl", cmd: str = "/inkoop") -> list[Block]:
    """A command's answer or a job's post, summarised where it would not fit."""
    return message_blocks(reply, lang, cmd)


def fallback_text(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be shown, as posted."""
    return notification(reply)


def headline_text(reply: Reply) -> str:
    """The notification text before it is posted: for the outbox, which makes it safe itself."""
    return headline(reply)


def urgent_message(case: UrgentCase, trajectory: Trajectory, lang: str, timezone: str) -> tuple[str, list[Block]]:
    """The channel post for an urgent case, with Oppakken / Opgelost while it is open."""
    when = lambda moment: fmt_moment(moment, lang, timezone)  # noqa: E731
    text = t(lang, "urgent_post", ref=case.ref, severity=t(lang, f"sev_{case.severity}"),
             who=person(case.flagged_by, None), text=case.description or t(lang, "urgent_purged"))
    blocks: list[Block] = paragraph_blocks("🚨 " + text)
    state = [t(lang, "urgent_source", link=case.source_link)] if case.source_link else []
    if case.acked_at:
        state.append(t(lang, "urgent_acked", who=person(case.acked_by, None), when=when(case.acked_at)))
    if case.resolved_at:
        state.append(t(lang, "urgent_resolved", who=person(case.resolved_by, None), when=when(case.resolved_at)))
    if case.note:
        state.append(t(lang, "urgent_note", note=case.note))
    if case.withdrawn_at:
        state.append(t(lang, "urgent_withdrawn", who=person(case.withdrawn_by, None), when=when(case.withdrawn_at)))
        return text, blocks + context(state)  # no call to act, no buttons
    if not case.acked_at:
        blocks += paragraph_blocks(t(lang, "urgent_attention", coordinator=person(trajectory.coordinator_id, None)))
    blocks += context_block(state)
    if not case.resolved_at:
        buttons = []
        if not case.acked_at:
            buttons.append(ButtonElement(text=t(lang, "btn_ack"), action_id="urgent_ack", value=str(case.id),
                                         style="primary"))
        buttons.append(ButtonElement(text=t(lang, "btn_resolve"), action_id="urgent_resolve", value=str(case.id)))
        blocks.append(ActionsBlock(block_id=f"urgent_{case.id}", elements=buttons))
    return text, blocks


ANSWER_BUTTON = "input_answer"  # the "Antwoorden" button on the question's DM


def question_dm(text: str, request_id: int, lang: str) -> list[Block]:
    """The question in a recipient's DM, with a button that opens a small form for the answer."""
    return sections([text]) + [ActionsBlock(elements=[ButtonElement(
        action_id=ANSWER_BUTTON, text=t(lang, "button_answer"), value=str(request_id), style="primary")])]
