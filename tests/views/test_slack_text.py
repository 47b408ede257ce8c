"""Stored text is what people typed, with Slack's own mentions kept (domain/text_input.py); what
the bot posts of it shows it as typed and is never a broadcast, a hidden link or a mention nobody
made with Slack's own mention (views/slack_text.py)."""
from __future__ import annotations


import pytest
from hypothesis import given, settings, strategies as st

from domain.text_input import INERT, as_typed, clean, from_slack, to_plain, typed_length
from views.slack_text import WORD_JOINER, neutralise

J = WORD_JOINER
POSTED = [
    # (stored, posted)
    ("urgent <!channel> wachtlijst <!here> <!everyone>", f"urgent @{J}channel wachtlijst @{J}here @{J}everyone"),
    ("voor <!subteam^S0123|@jeugdteam>", f"voor @{J}jeugdteam"),
    ("voor <!subteam^S0123>", f"voor @{J}groep"),
    ("op <!date^1700000000^{date}|14 nov 2023>", "op 14 nov 2023"),
    ("vraag <@U012ABC|anne> en <@W0XYZ>", "vraag <@U012ABC|anne> en <@W0XYZ>"),
    ("in <#C0123|jeugd>", "in <#C0123|jeugd>"),
    ("B&W: jongeren < 18 jaar > 3 plekken", "B&amp;W: jongeren &lt; 18 jaar &gt; 3 plekken"),
    ("typte @here en @channel", f"typte @{J}here en @{J}channel"),
    # Typed by hand, a link or a mention is shown as typed, and is neither.
    ("<https://evil.example|klik hier>", "&lt;https://evil.example|klik hier&gt;"),
    (f"<{INERT}@U0BAAS>", f"&lt;{INERT}@U0BAAS&gt;"),
    ("&lt; getypt", "&amp;lt; getypt"),
    # typed as bare words (a form, the answer page, a plan file): the same joiner (issue 21)
    ("@here @channel @everyone", f"@{J}here @{J}channel @{J}everyone"),
    ("(@Here) *@CHANNEL* _@everyone_ @@here", f"(@{J}Here) *@{J}CHANNEL* _@{J}everyone_ @@{J}here"),
    ("jan@here.nl, info@channel.nl en 2@here", "jan@here.nl, info@channel.nl en 2@here"),
    ("@hereafter @channels @everyones", "@hereafter @channels @everyones"),
    ("<@U0ABC|@here> zegt @here", f"<@U0ABC|@here> zegt @{J}here"),
]


@pytest.mark.parametrize("stored,posted", POSTED)
def test_neutralise(stored, posted):
    assert neutralise(stored) == posted


FROM_SLACK = [
    # (as Slack delivers a command, as stored)
    ("gemeenten: Tiel &amp; Buren", "gemeenten: Tiel & Buren"),
    ("besluit Besluit B&amp;W &lt;concept&gt;", "besluit Besluit B&W <concept>"),
    ("&lt;@U0BAAS&gt; en &lt;!channel&gt;", f"<{INERT}@U0BAAS> en <{INERT}!channel>"),
    ("van: <@U012ABC|anne>", "van: <@U012ABC|anne>"),
    ("urgent <!here> nu", "urgent <!here> nu"),  # a real broadcast: the grammar turns it into words
    ("zie <https://regio.nl/a?b=1&amp;c=2>", "zie https://regio.nl/a?b=1&c=2"),
    ("e-mail: <mailto:a@regio.nl|a@regio.nl>", "e-mail: a@regio.nl"),
    ("<http://regio.nl|regio.nl>", "regio.nl"),
    ("<https://evil.example|het voorstel>", "het voorstel (https://evil.example)"),
    ("&amp;lt; letterlijk", "&lt; letterlijk"),
]


@pytest.mark.parametrize("escaped,stored", FROM_SLACK)
def test_from_slack_reads_what_was_typed(escaped, stored):
    assert from_slack(escaped) == stored


def test_plain_reading():
    assert to_plain("<@U1|anne> in <#C1|jeugd>: <!here> B&W <b>") == "@anne in #jeugd: @here B&W <b>"
    assert to_plain(from_slack("&lt;@U0BAAS&gt;")) == "<@U0BAAS>"  # the inert mark is invisible, and goes
    assert typed_length(from_slack("B&amp;W van <@U012ABC|anne>")) == len("B&W van @anne")


def test_clean_keeps_what_was_typed_but_no_controls():
    assert clean("  Tarieven\x00 2027\r\nregel 2\u00a0en\ttab\u200b ") == "Tarieven 2027\nregel 2 en tab"


typed_text = st.text(max_size=200).filter(lambda text: INERT not in text)


@settings(max_examples=400, deadline=None)
@given(typed_text)
def test_typed_text_round_trips_and_posts_as_text(raw):
    stored = as_typed(raw)
    assert to_plain(stored) == raw  # a form, a CSV, a mail shows what was typed
    escaped = raw.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert from_slack(escaped) == stored  # the same text typed in a slash command is stored alike
    posted = neutralise(stored)
    assert "<" not in posted and ">" not in posted  # no mention, broadcast or link of anyone's making


@settings(max_examples=200, deadline=None)
@given(typed_text)
def test_real_mentions_stay_and_typed_text_around_them_cannot_pair_with_them(raw):
    stored = as_typed(raw) + " <@U0ABC|anne> " + as_typed(raw)
    posted = neutralise(stored)
    assert "<@U0ABC|anne>" in posted and posted.count("<") == 1 and posted.count(">") == 1
