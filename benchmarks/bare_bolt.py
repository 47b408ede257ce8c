"""A bare Bolt app under the same gunicorn settings as `python bot.py`: the yardstick for
benchmarks/answer_latency.py. `ANSWER=ack` answers in the ack itself; `ANSWER=respond` acks and
then posts the answer to response_url, as most Bolt apps do.

Run (normally by answer_latency.py): SLACK_API_URL=… PORT=… ANSWER=ack python benchmarks/bare_bolt.py"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from slack_bolt import App  # noqa: E402
from slack_bolt.adapter.wsgi import SlackRequestHandler  # noqa: E402
from slack_sdk import WebClient  # noqa: E402

from config import Settings  # noqa: E402
from wiring.web import serve_http  # noqa: E402


def main() -> None:
    settings = Settings.from_env()
    app = App(client=WebClient(token=settings.bot_token, base_url=settings.api_url),
              signing_secret=settings.signing_secret)
    in_ack = os.environ.get("ANSWER", "ack") == "ack"

    @app.command(settings.slash_command)
    def answer(ack, respond):
        if in_ack:
            ack(text="ok", response_type="ephemeral")
        else:
            ack()
            respond(text="ok", response_type="ephemeral")

    serve_http(settings, None, SlackRequestHandler(app, path="/slack/events"))


if __name__ == "__main__":
    main()
