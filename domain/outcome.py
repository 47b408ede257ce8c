"""What a command produces, before any rendering: the answer for the user and the notices that
must reach a channel. Views turn these into Block Kit (Slack) or plain text (console)."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Reply:
    lines: list[str]                      # mrkdwn paragraphs; the first is the headline
    context: list[str] = field(default_factory=list)
    error: bool = False


@dataclass
class Notice:
    kind: str        # urgent_new, urgent_changed, input_asked, input_moved, input_answered, input_withdrawn, task_assigned
    item_id: int
    text: str | None = None  # what was answered, for input_answered
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
