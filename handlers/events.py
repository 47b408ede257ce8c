"""Events: App Home opened."""
from __future__ import annotations

import time

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from delivery.slack import retry_after
from handlers.actor import actor_for
from handlers.budget import Budget
from service.home import home_for
from service.runtime import Runtime

HOME_WAIT = 30.0  # seconds a follow-up waits for Slack's rate limit before App Home stays as it was


def publish_home(rt: Runtime, client: WebClient, context: BoltContext, user_id: str) -> None:
    """Runs as a follow-up: a 429 is waited out here (within reason), never on an answer's time."""
    actor = actor_for(rt, client, context, user_id=user_id, channel_id="")
    view = home_for(rt, actor)
    try:
        client.views_publish(user_id=user_id, view=view)
    except SlackApiError as error:
        wait = retry_after(error.response.headers) if error.response.status_code == 429 else None
        if wait is None or wait > HOME_WAIT:
            raise
        time.sleep(wait)
        client.views_publish(user_id=user_id, view=view)


def register(app: App, rt: Runtime, budget: Budget) -> None:
    @app.event("app_home_opened")
    def on_home_opened(ack, event: dict, client: WebClient, context: BoltContext) -> None:  # noqa: ANN001
        ack()
        if event.get("tab", "home") == "home":
            budget.later(publish_home, rt, client, context, event["user"])
