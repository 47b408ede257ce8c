"""`traject`: link this channel to a new trajectory of a region."""
from __future__ import annotations

from commands.registry import subcommand
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, t
from reports.status import region_of
from tracking import regions
from tracking.context import Context


@subcommand("traject")
def traject(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    trajectory = regions.create_trajectory(ctx, text, fields)
    region, members = region_of(ctx.session, trajectory)
    return Outcome(reply=Reply([t(lang, "ok_traject", title=trajectory.title, region=region.name, count=len(members),
                                  contract_end=fmt_date(trajectory.contract_end, lang),
                                  go_live=fmt_date(trajectory.go_live, lang), weeks=trajectory.lead_weeks,
                                  domain=trajectory.domain)]))
