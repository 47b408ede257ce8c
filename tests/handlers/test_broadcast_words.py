"""`@here`, `@channel` and `@everyone` typed as plain words (a form, a command without Slack's
escaping, a plan file) are posted with the same joiner after the @ as a neutralised `<!here>`, so no
Slack client notifies anyone; an address like jan@here.nl stays as written (issue 21, item 14)."""
from __future__ import annotations

from jobs.digest import run_digests
from jobs.runner import JobRun
from tests.conftest import message_text
from views.slack_text import WORD_JOINER

BARE = ("@here", "@channel", "@everyone", "@Here", "_@channel_")


def posted_texts(slack) -> list[str]:
    """Every text the bot sent to Slack, as it sent it (mrkdwn, before Slack renders it)."""
    texts = []
    for call in slack.calls:
        body = call.body
        texts.append(str(body.get("text", "")))
        for block in body.get("blocks") or []:
            if isinstance(block, dict) and isinstance(block.get("text"), dict):
                texts.append(block["text"]["text"])
    return texts


def test_bare_broadcast_words_are_posted_inert_wherever_they_were_typed(trajectory, slack):
    view = trajectory.command("urgent", user="U_KWAL").body["view"]
    status, _ = trajectory.submit(view, {"title": "Typte @here en @channel in een formulier", "ernst": "laag"},
                                  user="U_KWAL")
    assert status == 200
    trajectory.say("urgent Wachtlijst @everyone _@channel_ en @Here, mail jan@here.nl ernst: hoog", user="U_KWAL")
    trajectory.say("besluit Tarieven @here deadline: 15 januari", user="U_ADMIN")
    run_digests(JobRun(trajectory.rt))
    texts = posted_texts(slack)
    shown = "\n".join(texts)
    for word in BARE:
        assert word.replace("@", "@" + WORD_JOINER) in shown
        assert not any(f" {word} " in f" {text} " or text.startswith(word) for text in texts), word
    assert "jan@here.nl" in shown  # an address is not a broadcast
    urgent = [message_text(c.body) for c in slack.of("chat.postMessage") if "formulier" in message_text(c.body)]
    assert "Typte @here en @channel in een formulier" in urgent[0]  # read as typed
