"""Events: App Home opened."""
from __future__ import annotations

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from handlers.actor import actor_for
from handlers.budget import Budget
from service.home import home_for
from service.runtime import Runtime


def publish_home(rt: Runtime, client: WebClient, context: BoltContext, user_id: str) -> None:
    actor = actor_for(rt, client, context, user_id=user_id, channel_id="")
    client.views_publish(user_id=user_id, view=home_for(rt, actor))


def register(app: App, rt: Runtime, budget: Budget) -> None:
    @app.event("app_home_opened")
    def on_home_opened(ack, event: dict, client: WebClient, context: BoltContext) -> None:  # noqa: ANN001
        ack()
        if event.get("tab", "home") == "home":
            budget.later(publish_home, rt, client, context, event["user"])
