"""`traject`: link this channel to a new trajectory of a region; where one runs, show its settings
(`traject`) or change them (`traject contracteinde: … reden: …`), with the new risk level."""
from __future__ import annotations

from datetime import date

from commands.registry import subcommand
from commands.replies import risk_now
from domain.outcome import Outcome, Reply
from domain.texts import count, fmt_date, person, t
from reports.risk import buffer_text, forecast_trajectory, level_label, thresholds_of
from reports.status import region_of
from tracking import regions, trajectories
from tracking.context import Context, current_trajectory, has_trajectory


@subcommand("traject")
def traject(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    if has_trajectory(ctx):
        if not text and not fields:
            return Outcome(reply=_settings(ctx))
        return Outcome(reply=_changed(ctx, text, fields))
    lang = ctx.actor.language
    trajectory = regions.create_trajectory(ctx, text, fields)
    region, members = region_of(ctx.session, trajectory)
    return Outcome(reply=Reply([t(lang, "ok_traject", title=trajectory.title, region=region.name, count=len(members),
                                  contract_end=fmt_date(trajectory.contract_end, lang),
                                  go_live=fmt_date(trajectory.go_live, lang), weeks=trajectory.lead_weeks,
                                  domain=trajectory.domain)]))


def _settings(ctx: Context) -> Reply:
    lang, cmd = ctx.actor.language, ctx.settings.slash_command
    trajectory = current_trajectory(ctx)
    region, members = region_of(ctx.session, trajectory)
    result = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds_of(ctx.settings))
    return Reply([t(lang, "traject_settings", title=trajectory.title, region=region.name,
                    municipalities=count(lang, len(members), "gemeente"), domain=trajectory.domain,
                    contract_end=fmt_date(trajectory.contract_end, lang), go_live=fmt_date(trajectory.go_live, lang),
                    weeks=count(lang, trajectory.lead_weeks, "week"),
                    coordinator=person(trajectory.coordinator_id, trajectory.coordinator_name)),
                  t(lang, "traject_settings_risk", level=level_label(result.level, lang), verdict=buffer_text(result, lang),
                    ready=fmt_date(result.ready, lang))],
                 context=[t(lang, "traject_settings_change", cmd=cmd)])


def _shown(value, lang: str) -> str:
    if isinstance(value, date):
        return fmt_date(value, lang)
    if isinstance(value, int):
        return count(lang, value, "week")
    return value


def _changed(ctx: Context, text: str, fields: dict[str, str]) -> Reply:
    lang = ctx.actor.language
    thresholds = thresholds_of(ctx.settings)
    trajectory = current_trajectory(ctx)
    before = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds)
    changed = trajectories.change_trajectory(ctx, text, fields)
    after = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds)
    lines = "\n".join("• " + t(lang, "traject_change_followed" if change.followed else "traject_change",
                               field=t(lang, f"traject_field_{change.field}"), old=_shown(change.old, lang),
                               new=_shown(change.new, lang))
                      for change in changed.changes)
    return Reply([t(lang, "ok_traject_changed", title=trajectory.title, reason=changed.reason), lines,
                  risk_now(before, after, lang)])
