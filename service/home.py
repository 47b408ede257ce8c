"""App Home: the view of what waits for someone, and its buttons."""
from __future__ import annotations

from core import commands, tracking
from core.errors import RegiowachtError
from core.forecast import thresholds_of
from core.home import waiting_for
from core.outcome import Outcome
from core.permissions import Actor
from service.interactions import Answer, run_in_transaction
from service.runtime import Runtime
from store.db import session_scope
from store.models import InputRequest, Task, Trajectory
from views.home import home_view


def home_for(rt: Runtime, actor: Actor):
    with session_scope(rt.engine) as session:
        ctx = rt.context(session, actor)
        lang = commands.choose_language(ctx, None)
        sections = waiting_for(session, actor.team_id, actor.user_id, ctx.today, lang, thresholds_of(rt.settings))
    return home_view(sections, lang)


def press_home(rt: Runtime, actor: Actor, action: str, item_id: int, request_key: str | None = None) -> Answer | None:
    """Ontvangen / Klaar from App Home: the same rules as the command in the item's own channel."""
    table = {"home_received": InputRequest, "home_done": Task}[action]

    def work(ctx: tracking.Context) -> Outcome:
        ctx.actor.language = commands.choose_language(ctx, None)
        item = ctx.session.get(table, item_id)
        try:
            if item is None or item.team_id != actor.team_id:
                raise RegiowachtError("err_unknown_ref", ref="?")
            ctx.actor.channel_id = ctx.session.get(Trajectory, item.trajectory_id).channel_id
            (tracking.receive_input if table is InputRequest else tracking.complete_task)(ctx, item.ref)
        except RegiowachtError as error:
            return Outcome(reply=commands.describe_error(error, ctx.actor.language, rt.settings.slash_command))
        return Outcome()

    return run_in_transaction(rt, actor, work, request_key)
