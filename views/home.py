"""The App Home tab, laid out within a view's limits (views/layout.py): a list that would not fit
shows fewer items and says how many more there are, so no section is ever lost."""
from __future__ import annotations

from slack_sdk.models.blocks import SectionBlock
from slack_sdk.models.views import View

from domain.outcome import Item, Section
from domain.texts import t
from reports.home import HomeSection
from views.layout import posted, view_blocks

HOME_LIST = 10  # lines per section: Home is a glance; `status` in the channel has the rest


def home_view(sections: list[HomeSection], lang: str, cmd: str = "/inkoop") -> View:
    lists = [Section(section.title, [Item(i.text, i.action, i.label, i.value) for i in section.items],
                     more="status", limit=HOME_LIST, empty=t(lang, "home_nothing")) for section in sections]
    head = [SectionBlock(text=posted(t(lang, "home_title")))]
    return View(type="home", blocks=view_blocks(head, lists, lang, cmd))
