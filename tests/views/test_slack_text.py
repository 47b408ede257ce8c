"""What the bot posts is never a broadcast or a hidden link (views/slack_text.py), and stored text
reads back as typed (core/text_input.py)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from domain.text_input import clean, escape_plain, to_plain
from views.slack_text import WORD_JOINER, neutralise

J = WORD_JOINER
TABLE = [
    ("urgent <!channel> wachtlijst <!here> <!everyone>", f"urgent @{J}channel wachtlijst @{J}here @{J}everyone"),
    ("voor <!subteam^S0123|@jeugdteam>", f"voor @{J}jeugdteam"),
    ("voor <!subteam^S0123>", f"voor @{J}groep"),
    ("op <!date^1700000000^{date}|14 nov 2023>", "op 14 nov 2023"),
    ("<https://evil.example|klik hier>", "klik hier (https://evil.example)"),
    ("<https://regio.nl>", "https://regio.nl"),
    ("<mailto:a@b.nl|a@b.nl>", "a@b.nl"), ("<http://regio.nl|regio.nl>", "regio.nl"),
    ("<https://evil.example|https://regio.nl>", "https://regio.nl (https://evil.example)"),
    ("vraag <@U012ABC|anne> en <@W0XYZ>", "vraag <@U012ABC|anne> en <@W0XYZ>"),
    ("in <#C0123|jeugd>", "in <#C0123|jeugd>"),
    ("a &lt;b&gt; &amp; c", "a &lt;b&gt; &amp; c"),
    # typed as bare words (a form, the answer page, a plan file): the same joiner (issue 21)
    ("@here @channel @everyone", f"@{J}here @{J}channel @{J}everyone"),
    ("(@Here) *@CHANNEL* _@everyone_ @@here", f"(@{J}Here) *@{J}CHANNEL* _@{J}everyone_ @@{J}here"),
    ("jan@here.nl, info@channel.nl en 2@here", "jan@here.nl, info@channel.nl en 2@here"),
    ("@hereafter @channels @everyones", "@hereafter @channels @everyones"),
    ("<@U0ABC|@here> zegt @here", f"<@U0ABC|@here> zegt @{J}here"),
]


@pytest.mark.parametrize("stored,posted", TABLE)
def test_neutralise(stored, posted):
    assert neutralise(stored) == posted


def test_raw_text_from_a_form_is_stored_as_text():
    assert escape_plain("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"
    assert neutralise(escape_plain("<!channel> <@U123>")) == "&lt;!channel&gt; &lt;@U123&gt;"
    assert to_plain(escape_plain("<!channel> & <@U123>")) == "<!channel> & <@U123>"


def test_plain_reading():
    assert to_plain("<@U1|anne> in <#C1|jeugd>: <!here> <https://x.nl|site> &lt;b&gt;") == "@anne in #jeugd: @here site (https://x.nl) <b>"


def test_clean_keeps_what_was_typed_but_no_controls():
    assert clean("  Tarieven\x00 2027\r\nregel 2\u00a0en\ttab\u200b ") == "Tarieven 2027\nregel 2 en tab"


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_posted_text_never_broadcasts_and_keeps_real_mentions(raw):
    stored = escape_plain(raw) + " <@U0ABC|anne> " + raw  # raw as a command might carry it, and a real mention
    posted = neutralise(stored)
    assert "<!" not in posted and "<@U0ABC|anne>" in posted
    assert not re.search(r"(?<![^\W_])@(here|channel|everyone)(?![^\W_])", re.sub(r"<@[^>]*>", "", posted), re.I)
    assert neutralise(posted) == posted  # idempotent
    assert "<!" not in neutralise(escape_plain(raw)) and "<@" not in neutralise(escape_plain(raw))
    to_plain(stored)  # never raises


def test_a_stray_bracket_is_escaped_so_it_cannot_pair_with_a_later_one():
    assert neutralise("<! <@U0ABC|anne> here>") == "&lt;! <@U0ABC|anne> here&gt;"
