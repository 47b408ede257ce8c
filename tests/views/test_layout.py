"""views/layout.py: whatever the content, a message fits Slack (50 blocks, 3,000 characters a
section, our 10,000 of block text) and a view too (100 blocks, 250 kB); a section is never split
inside a mention or an escaped character; a list that was shortened says so, with a count and the
command that shows everything."""
from __future__ import annotations

import json
import re

from hypothesis import given, settings, strategies as st

from domain.outcome import Item, Reply, Section
from tests.fake_slack import message_problem, view_problem
from views.layout import (
    MESSAGE_BLOCKS,
    MESSAGE_TEXT,
    SECTION_TEXT,
    VIEW_BLOCKS,
    VIEW_BYTES,
    message_blocks,
    split_posted,
    view_blocks,
)
from views.slack_text import neutralise
from views.text import blocks_to_text

MENTION = "<@U0123ABCDEF|fatima>"


def dicts(blocks) -> list[dict]:
    return [block.to_dict() for block in blocks]  # slack_sdk checks every block's own limits here


def text_of(blocks: list[dict]) -> int:
    return sum(len(b.get("text", {}).get("text", "")) + sum(len(e.get("text", "")) for e in b.get("elements", []))
               for b in blocks)


def balanced(piece: str) -> bool:
    """No half mention and no half entity: every `<` closes in this piece, every `&` is a whole entity."""
    return (re.sub(r"<[^<>]*>", "", piece).count("<") == 0 and re.sub(r"<[^<>]*>", "", piece).count(">") == 0
            and all(m.group(0) in ("&amp;", "&lt;", "&gt;") for m in re.finditer(r"&[a-z]*;?", piece)))


def test_a_split_near_the_limit_never_lands_inside_a_mention_or_an_entity():
    for offset in range(-30, 5):
        text = "x" * (SECTION_TEXT + offset) + MENTION + " en B&W " * 3
        pieces = split_posted(neutralise(text))
        assert all(len(p) <= SECTION_TEXT and balanced(p) for p in pieces), offset
        assert MENTION in "".join(pieces)
        text = "a" * (SECTION_TEXT - 2 + offset % 4) + "&" * 10
        assert all(len(p) <= SECTION_TEXT and balanced(p) for p in split_posted(neutralise(text)))


words = st.lists(st.sampled_from(["Tiel", "B&W", "<b>", MENTION, "<#C0JEUGD|jeugd>", "regel\n", "&", "€ 1.000",
                                  "x" * 200, "ë"]), max_size=400)


@settings(max_examples=150, deadline=None)
@given(words)
def test_any_text_is_split_into_whole_pieces_that_fit(parts):
    posted = neutralise(" ".join(parts))
    pieces = split_posted(posted)
    assert all(len(piece) <= SECTION_TEXT and balanced(piece) for piece in pieces)
    assert "".join(pieces).replace("\n", "").replace(" ", "") == posted.replace("\n", "").replace(" ", "")


def big_reply(reason: int = 2000, n: int = 60) -> Reply:
    decisions = [f"*B{i}* " + "Besluit over tarieven & voorwaarden " * 4 + f"· afgewezen door Tiel ({'r' * reason})"
                 for i in range(n)]
    cases = [f"*U{i}* " + "Crisisplek & wachtlijst " * 80 for i in range(4)]
    return Reply(["*Status van Jeugd & Wmo 2027*", "🔴 rood · 40 dagen te laat",
                  Section("*Besluiten*", decisions, more="export", urgency=1),
                  Section("*Taken*", [f"*T{i}* taak" for i in range(300)], more="export"),
                  Section("*Urgente signalen*", cases, urgency=2),
                  Section("*Leeg*", [])],
                 context=["Contracten eindigen wo 31 mrt 2027 · coördinator <@U0ANNE>"])


def test_a_reply_that_would_not_fit_is_summarised_with_counts_and_where_to_see_all():
    blocks = dicts(message_blocks(big_reply(), "nl", "/inkoop"))
    assert len(blocks) <= MESSAGE_BLOCKS and text_of(blocks) <= MESSAGE_TEXT
    assert message_problem({"blocks": blocks}) is None
    text = blocks_to_text(blocks)
    for title in ("Status van Jeugd & Wmo 2027", "Besluiten", "Taken", "Urgente signalen", "Leeg"):
        assert title in text  # no section is lost
    assert re.search(r"… en nog \d+: /inkoop export toont ze allemaal", text)  # the decisions and tasks say what is left
    assert "U3" in text  # the most urgent section keeps its items
    assert "\n  geen" in text or "geen" in text


def test_a_reply_that_fits_is_shown_whole():
    reply = Reply(["Kop", Section("*Besluiten*", ["B1 één", "B2 twee"], more="export")])
    text = blocks_to_text(dicts(message_blocks(reply)))
    assert text == "Kop\nBesluiten\n• B1 één\n• B2 twee"


def test_a_list_past_its_readable_length_says_how_many_more():
    reply = Reply(["Kop", Section("*Taken*", [f"T{i}" for i in range(20)], more="export")])
    text = blocks_to_text(dicts(message_blocks(reply, "en", "/inkoop")))
    assert "• T11" in text and "T12" not in text and "… and 8 more: /inkoop export shows them all" in text


def test_app_home_with_hundreds_of_items_keeps_every_section():
    tasks = [Item(f"*T{i}* " + "Productcodes & berichtenverkeer inrichten " * 4, "home_done", "Klaar", str(i))
             for i in range(300)]
    cases = [Item("*U1* " + "wachtlijst " * 180, "urgent_ack", "Oppakken", "1")]
    sections = [Section("*Input*", [Item(f"*I{i}* vraag " * 30, "home_received", "Ontvangen", str(i))
                                    for i in range(40)], more="status", limit=None),
                Section("*Jouw taken*", tasks, more="status", limit=None),
                Section("*Signalen*", cases, limit=None), Section("*Trajecten*", [Item("Jeugd 2027")], limit=None)]
    blocks = dicts(view_blocks([], sections, "nl", "/inkoop"))
    assert len(blocks) <= VIEW_BLOCKS and len(json.dumps({"type": "home", "blocks": blocks}).encode()) <= VIEW_BYTES
    assert view_problem({"type": "home", "blocks": blocks}) is None
    text = blocks_to_text(blocks)
    assert all(title in text for title in ("Input", "Jouw taken", "Signalen", "Trajecten", "U1", "Jeugd 2027"))
    assert re.search(r"… en nog \d+: /inkoop status toont ze allemaal", text)
    assert sum(1 for b in blocks if b.get("accessory", {}).get("action_id") == "home_done") >= 20
