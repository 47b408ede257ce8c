"""Messages in Block Kit, built with slack_sdk's models so Slack's limits are checked here."""
from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, ContextBlock, SectionBlock

from domain.outcome import Reply
from domain.texts import fmt_moment, person, t
from store.models import Trajectory, UrgentCase
from views.slack_text import mrkdwn, neutralise

SECTION_LIMIT = 3000  # characters in one section's text
CONTEXT_LIMIT = 10    # elements in one context block


def _chunks(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split long mrkdwn on line breaks so every piece fits in one section."""
    pieces, current = [], ""
    for line in text.split("\n"):
        while len(line) > limit:
            pieces.append(line[:limit])
            line = line[limit:]
        if current and len(current) + 1 + len(line) > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        pieces.append(current)
    return pieces


def sections(lines: list[str]) -> list[Block]:
    return [SectionBlock(text=mrkdwn(chunk)) for line in lines for chunk in _chunks(line)]


def context(lines: list[str]) -> list[Block]:
    if not lines:
        return []
    return [ContextBlock(elements=[mrkdwn(chunk) for line in lines[:CONTEXT_LIMIT]
                                   for chunk in _chunks(line, 2000)][:CONTEXT_LIMIT])]


def reply_blocks(reply: Reply) -> list[Block]:
    head, *rest = reply.lines
    blocks = sections([("⚠️ " if reply.error else "") + head])
    if rest:
        blocks += sections(rest)
    return blocks + context(reply.context)


def fallback_text(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be shown."""
    return neutralise(reply.lines[0])[:3000]


def urgent_message(case: UrgentCase, trajectory: Trajectory, lang: str, timezone: str) -> tuple[str, list[Block]]:
    """The channel post for an urgent case, with Oppakken / Opgelost while it is open."""
    when = lambda moment: fmt_moment(moment, lang, timezone)  # noqa: E731
    text = t(lang, "urgent_post", ref=case.ref, severity=t(lang, f"sev_{case.severity}"),
             who=person(case.flagged_by, None), text=case.description or t(lang, "urgent_purged"))
    blocks: list[Block] = [SectionBlock(text=mrkdwn(("🚨 " + text)[:SECTION_LIMIT]))]
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
        blocks.append(SectionBlock(text=mrkdwn(t(lang, "urgent_attention",
                                                 coordinator=person(trajectory.coordinator_id, None)))))
    blocks += context(state)
    if not case.resolved_at:
        buttons = []
        if not case.acked_at:
            buttons.append(ButtonElement(text=t(lang, "btn_ack"), action_id="urgent_ack", value=str(case.id),
                                         style="primary"))
        buttons.append(ButtonElement(text=t(lang, "btn_resolve"), action_id="urgent_resolve", value=str(case.id)))
        blocks.append(ActionsBlock(block_id=f"urgent_{case.id}", elements=buttons))
    return text, blocks
