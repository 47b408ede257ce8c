"""What a command produces, before any rendering: the answer for the user and the notices that
must reach a channel. Views turn these into Block Kit (Slack) or plain text (console)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Item:
    """One entry of a list; with a button when it has an action (App Home)."""
    text: str
    action: str | None = None  # the button's action id
    label: str | None = None
    value: str | None = None


LIST_LIMIT = 12  # items a list shows at most: an answer must stay readable in one screen


@dataclass
class Section:
    """A list in an answer: a title and its items, the most urgent first. Where the answer would not
    fit in Slack, the layout (views/layout.py) shows fewer and shorter items, the least urgent
    sections first, and says how many more there are and which command shows them all."""
    title: str
    items: list[str | Item]
    more: str | None = None       # the subcommand that shows everything (`export`: a file), if any
    urgency: int = 0              # a more urgent section keeps its items longer
    limit: int | None = LIST_LIMIT  # at most this many, to stay readable (None: as many as fit)
    empty: str | None = None      # what an empty list says (None: the layout's "none")
    marker: str = "• "            # before each item ("" for items that number themselves)


@dataclass
class Reply:
    lines: list[str | Section]            # mrkdwn paragraphs and lists; the first is the headline
    context: list[str] = field(default_factory=list)
    error: bool = False


@dataclass
class Notice:
    kind: str        # urgent_new, urgent_changed, input_asked, input_moved, input_answered, input_withdrawn, task_assigned
    item_id: int
    item_ids: tuple[int, ...] = ()  # more items of the same kind told in the same message (tasks given at once)


@dataclass
class FileOut:
    """A file for the user (export, timeline): Slack gets it in a direct message, the console on disk."""
    name: str
    content: bytes
    title: str
    alt: str = ""    # a picture described in words, for screen readers (Slack's alt text)


@dataclass
class Outcome:
    reply: Reply | None = None
    modal: str | None = None              # a creating subcommand without arguments opens its form
    notices: list[Notice] = field(default_factory=list)
    files: list[FileOut] = field(default_factory=list)
