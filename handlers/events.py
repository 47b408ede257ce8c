"""Events: App Home."""
from __future__ import annotations

from slack_bolt import App

from service.runtime import Runtime


def register(app: App, rt: Runtime) -> None:
    pass
