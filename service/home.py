"""App Home: the view of what waits for someone, and its buttons."""
from __future__ import annotations

from commands.replies import choose_language
from domain.permissions import Actor
from reports.home import coordinator_regions, waiting_for
from reports.risk import thresholds_of
from service.interactions import Answer, press_item_button
from service.runtime import Runtime
from store.db import session_scope
from store.models import InputRequest, Task
from tracking import inputs, tasks
from views.home import home_view


def home_for(rt: Runtime, actor: Actor):
    with session_scope(rt.engine, readonly=True) as session:
        ctx = rt.context(session, actor)
        lang = choose_language(ctx, None)
        thresholds = thresholds_of(rt.settings)
        sections = waiting_for(session, actor.team_id, actor.user_id, ctx.today, lang, thresholds, rt.settings.slash_command)
        sections += coordinator_regions(session, actor, ctx.today, lang, thresholds, rt.settings.slash_command)
    return home_view(sections, lang, rt.settings.slash_command)


def press_home(rt: Runtime, actor: Actor, action: str, item_id: int, request_key: str | None = None) -> Answer | None:
    """Ontvangen / Klaar from App Home."""
    table, complete = {"home_received": (InputRequest, inputs.receive_input),
                       "home_done": (Task, tasks.complete_task)}[action]
    return press_item_button(rt, actor, table, item_id, lambda ctx, trajectory, item: complete(ctx, item.ref),
                             request_key)
