"""Slack listeners, grouped by kind; each module registers its own. They stay thin: ack, build
the actor, call a use case from `service`, render the answer."""
from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, views
from service.runtime import Runtime


def register(app: App, rt: Runtime) -> None:
    for module in (commands, actions, views, events):
        module.register(app, rt)
