"""The App Home tab."""
from __future__ import annotations

from slack_sdk.models.blocks import Block, ButtonElement, DividerBlock, SectionBlock
from slack_sdk.models.views import View

from domain.texts import t
from reports.home import HomeSection
from views.slack_text import mrkdwn

HOME_BLOCK_LIMIT = 100  # Slack's limit for one view


def home_view(sections: list[HomeSection], lang: str) -> View:
    blocks: list[Block] = [SectionBlock(text=mrkdwn(t(lang, "home_title")))]
    for section in sections:
        blocks += [DividerBlock(), SectionBlock(text=mrkdwn(section.title))]
        if not section.items:
            blocks.append(SectionBlock(text=mrkdwn(f"_{t(lang, 'home_nothing')}_")))
        for item in section.items:
            accessory = (ButtonElement(text=item.label, action_id=item.action, value=item.value)
                         if item.action else None)
            blocks.append(SectionBlock(text=mrkdwn(item.text[:3000]), accessory=accessory))
    return View(type="home", blocks=blocks[:HOME_BLOCK_LIMIT])
