"""Slack listeners, grouped by kind; each module registers its own. They stay thin: ack, build
the actor, call a use case from `service`, render the answer."""
from __future__ import annotations

from slack_bolt import App

from handlers import actions, commands, events, guard, shortcuts, views
from handlers.budget import Budget
from service.runtime import Runtime


def register(app: App, rt: Runtime) -> None:
    guard.register(app, rt.settings.signing_secret)
    budget = Budget(rt.settings.web_threads, rt.answer_budget)
    for module in (commands, views, actions, shortcuts, events):
        module.register(app, rt, budget)
