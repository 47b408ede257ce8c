"""The one place that makes a message or a view fit in Slack. Slack refuses a message of more than
50 blocks, a section of more than 3,000 characters, and (undocumented; Slack's maintainers in
bolt-js #2509 and #2867) about 12,000 characters of block text in one message; a view takes 100
blocks and 250 kB. What is refused reaches nobody, so everything the bot posts is laid out here:

- text is split into sections of at most 3,000 characters, at a line break or a space, and never
  inside a mention or an escaped character (`&amp;`);
- when a message or view would not fit, long items are shortened (with "…"), and then the lists
  (domain.outcome.Section) of the least urgent sections show fewer items, each list keeping its
  title and a line that says how many more there are and which command shows them all. Nothing
  is cut without saying so.

Lengths are measured on the text as posted (escaped), which is what Slack counts."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass

from slack_sdk.models.blocks import Block, ButtonElement, ContextBlock, DividerBlock, MarkdownTextObject, SectionBlock

from domain.outcome import Item, Reply, Section
from domain.texts import t
from views.slack_text import neutralise

MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
SECTION_TEXT = 3000
CONTEXT_TEXT, CONTEXT_ELEMENTS = 2000, 10
MESSAGE_TEXT = 10_000   # our budget of block text per message: under Slack's ~12,000, with room for the blocks
VIEW_BYTES = 240_000    # our budget per view: under Slack's 250 kB, with room for the view's own fields
ITEM_TEXT = 500         # an item longer than this is shortened when the whole would not fit
FLOOR = 3               # items every list keeps before a more urgent list gives up any

_ATOM = re.compile(r"<[^<>]*>|&(?:amp|lt|gt);")  # what a piece never ends inside of


def _atoms_before(text: str, limit: int) -> list[tuple[int, int]]:
    spans = []
    for match in _ATOM.finditer(text):
        if match.start() >= limit:
            break
        spans.append(match.span())
    return spans


def _cut_point(text: str, limit: int, prefer: str = "\n ") -> int:
    """Where to end a piece of at most `limit` characters: after the last line break (or space)
    in its second half, else at the last place that is not inside an entity."""
    spans = _atoms_before(text, limit)
    inside = lambda p: any(start < p < end for start, end in spans)  # noqa: E731
    for mark in prefer:
        at = text.rfind(mark, limit // 2, limit + 1)
        while at > 0 and inside(at):
            at = text.rfind(mark, limit // 2, at)
        if at > 0:
            return at
    at = limit
    while at > 0 and inside(at):
        at -= 1
    return at or limit


def split_posted(text: str, limit: int = SECTION_TEXT) -> list[str]:
    """Posted (escaped) mrkdwn in pieces of at most `limit` characters."""
    pieces = []
    while len(text) > limit:
        at = _cut_point(text, limit)
        pieces.append(text[:at].rstrip())
        text = text[at:].lstrip("\n ")
    return pieces + [text] if text or not pieces else pieces


def shorten(posted: str, limit: int) -> str:
    """Posted mrkdwn of at most `limit` characters; when shortened it ends in "…"."""
    if len(posted) <= limit:
        return posted
    at = _cut_point(posted, limit - 1, prefer=" ")
    return posted[:at].rstrip() + "…"


def posted(stored: str, limit: int = SECTION_TEXT) -> MarkdownTextObject:
    """One mrkdwn text of at most `limit` characters as posted (shortened with "…" if need be)."""
    return MarkdownTextObject(text=shorten(neutralise(stored), limit))


def paragraph_blocks(stored: str) -> list[Block]:
    """A text of any length as the sections it needs."""
    return [SectionBlock(text=MarkdownTextObject(text=piece)) for piece in split_posted(neutralise(stored))]


def context_block(lines: list[str]) -> list[Block]:
    if not lines:
        return []
    elements = [MarkdownTextObject(text=piece) for line in lines
                for piece in split_posted(neutralise(line), CONTEXT_TEXT)][:CONTEXT_ELEMENTS]
    return [ContextBlock(elements=elements)]


@dataclass
class _List:
    """A Section as it is being fitted: how many of its items show, and whether long ones are shortened."""
    section: Section
    items: list[str]  # posted (escaped) item texts
    shown: int
    short: bool = False

    def texts(self) -> list[str]:
        return [shorten(text, ITEM_TEXT) if self.short else text for text in self.items[:self.shown]]

    def cut(self) -> bool:
        return self.shown < len(self.items) or (self.short and any(len(x) > ITEM_TEXT for x in self.items[:self.shown]))


def _lists(sections: list[Section]) -> list[_List]:
    return [_List(s, [neutralise(i.text if isinstance(i, Item) else i) for i in s.items],
                  min(len(s.items), s.limit) if s.limit is not None else len(s.items)) for s in sections]


def _more_line(entry: _List, lang: str, cmd: str) -> str | None:
    """What a list left out, and where everything is: posted text."""
    hidden = len(entry.items) - entry.shown
    if not entry.cut():
        return None
    where = f"`{cmd} {entry.section.more}`" if entry.section.more else None
    if hidden:
        key = "layout_more_where" if where else "layout_more"
        return neutralise(t(lang, key, count=hidden, where=where or ""))
    return neutralise(t(lang, "layout_shortened_where" if where else "layout_shortened", where=where or ""))


def _empty_line(section: Section, lang: str) -> str:
    return neutralise(f"_{section.empty or t(lang, 'layout_none')}_")


def _shrink(lists: list[_List]) -> bool:
    """Show one item fewer in the list that can best spare it: above the floor first, the least
    urgent, then the longest. False when nothing is left to take."""
    for floor in (FLOOR, 0):
        spare = [(-entry.section.urgency, entry.shown, i) for i, entry in enumerate(lists) if entry.shown > floor]
        if spare:
            lists[max(spare)[2]].shown -= 1
            return True
    return False


def _fit(render, measure, fits, lists: list[_List]):
    """Render; while it does not fit, shorten long items, then show fewer of them."""
    result = render()
    if fits(measure(result)):
        return result
    for entry in lists:
        entry.short = True
    result = render()
    while not fits(measure(result)) and _shrink(lists):
        result = render()
    return result


# -- messages -------------------------------------------------------------------------------------
def _pack(lines: list[str]) -> list[str]:
    """Posted lines joined into as few sections as they fit in."""
    texts, current = [], ""
    for line in lines:
        for piece in split_posted(line):
            if current and len(current) + 1 + len(piece) > SECTION_TEXT:
                texts.append(current)
                current = piece
            else:
                current = f"{current}\n{piece}" if current else piece
    return texts + [current] if current else texts


def message_blocks(reply: Reply, lang: str = "nl", cmd: str = "/inkoop") -> list[Block]:
    """A reply as the blocks of one message, within Slack's limits."""
    parts = list(reply.lines)
    if reply.error and parts and isinstance(parts[0], str):
        parts[0] = "⚠️ " + parts[0]
    lists = _lists([part for part in parts if isinstance(part, Section)])
    by_section = {id(entry.section): entry for entry in lists}
    paragraphs = {i: neutralise(part) for i, part in enumerate(parts) if isinstance(part, str)}
    context = [neutralise(line) for line in reply.context]

    def render() -> list[str]:
        texts = []
        for i, part in enumerate(parts):
            if isinstance(part, str):
                texts += split_posted(paragraphs[i])
                continue
            entry = by_section[id(part)]
            lines = [neutralise(part.title)] if part.title else []
            lines += [part.marker + text for text in entry.texts()] or ([_empty_line(part, lang)] if not entry.items else [])
            more = _more_line(entry, lang, cmd)
            texts += _pack(lines + ([more] if more else []))
        return texts

    def measure(texts: list[str]) -> tuple[int, int]:
        elements = [piece for line in context for piece in split_posted(line, CONTEXT_TEXT)][:CONTEXT_ELEMENTS]
        return len(texts) + (1 if elements else 0), sum(map(len, texts)) + sum(map(len, elements))

    def fits(size: tuple[int, int]) -> bool:
        return size[0] <= MESSAGE_BLOCKS and size[1] <= MESSAGE_TEXT

    texts = _fit(render, measure, fits, lists)
    while not fits(measure(texts)) and paragraphs:
        # Even the lists at their least do not fit: the longest paragraph is shortened.
        longest = max(paragraphs, key=lambda i: len(paragraphs[i]))
        if len(paragraphs[longest]) <= ITEM_TEXT:
            break
        paragraphs[longest] = shorten(paragraphs[longest], max(ITEM_TEXT, len(paragraphs[longest]) // 2))
        texts = render()
    texts = texts[:MESSAGE_BLOCKS - (1 if context else 0)]
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=text)) for text in texts]
    if context:
        elements = [piece for line in context for piece in split_posted(line, CONTEXT_TEXT)][:CONTEXT_ELEMENTS]
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=e) for e in elements]))
    return blocks


def headline(reply: Reply) -> str:
    """The notification text of a reply (stored form: the outbox or the caller makes it safe)."""
    return next((line for line in reply.lines if isinstance(line, str)), "")


def notification(reply: Reply) -> str:
    """The notification text Slack shows where blocks cannot be shown, as posted."""
    return shorten(neutralise(headline(reply)), SECTION_TEXT)


# -- views ------------------------------------------------------------------------------------------
def _size(block: Block) -> int:
    return len(json.dumps(block.to_dict(), ensure_ascii=False).encode())


def view_blocks(head: list[Block], sections: list[Section], lang: str = "nl", cmd: str = "/inkoop",
                max_blocks: int = VIEW_BLOCKS, max_bytes: int = VIEW_BYTES) -> list[Block]:
    """A view's blocks (App Home): `head`, then per section a divider, its title and one block per
    item (with its button), within the view's limits."""
    lists = _lists(sections)
    cache: dict[tuple[int, int, bool], tuple[Block, int]] = {}

    def item_block(li: int, ii: int, short: bool) -> tuple[Block, int]:
        key = (li, ii, short)
        if key not in cache:
            entry = lists[li]
            raw = entry.section.items[ii]
            text = entry.items[ii]
            text = shorten(text, ITEM_TEXT if short else SECTION_TEXT)
            accessory = (ButtonElement(text=raw.label, action_id=raw.action, value=raw.value)
                         if isinstance(raw, Item) and raw.action else None)
            block = SectionBlock(text=MarkdownTextObject(text=text), accessory=accessory)
            cache[key] = (block, _size(block))
        return cache[key]

    fixed = [(block, _size(block)) for block in head]

    def render() -> list[tuple[Block, int]]:
        out = list(fixed)
        for li, entry in enumerate(lists):
            out.append((DividerBlock(), 20))
            title = SectionBlock(text=MarkdownTextObject(text=shorten(neutralise(entry.section.title), SECTION_TEXT)))
            out.append((title, _size(title)))
            if not entry.items:
                empty = SectionBlock(text=MarkdownTextObject(text=_empty_line(entry.section, lang)))
                out.append((empty, _size(empty)))
            out += [item_block(li, ii, entry.short) for ii in range(entry.shown)]
            more = _more_line(entry, lang, cmd)
            if more:
                block = ContextBlock(elements=[MarkdownTextObject(text=more)])
                out.append((block, _size(block)))
        return out

    def measure(out: list[tuple[Block, int]]) -> tuple[int, int]:
        return len(out), sum(size for _, size in out)

    def fits(size: tuple[int, int]) -> bool:
        return size[0] <= max_blocks and size[1] <= max_bytes

    return [block for block, _ in _fit(render, measure, fits, lists)][:max_blocks]
