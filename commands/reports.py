"""`status`, `risico`, `digest`, `tijdlijn` and `export`: the trajectory read back, in words,
pictures and files."""
from __future__ import annotations

from commands.grammar import INPUT_REF
from commands.inputs import show_request
from commands.registry import subcommand
from domain.errors import CommandError
from domain.outcome import Outcome, Reply
from domain.texts import fmt_date, t
from outputs.export import answers_csv, audit_csv, deadlines_ics, decisions_csv
from outputs.timeline import timeline_png
from reports.digest import trajectory_digest
from reports.risk import forecast_trajectory, risk_reply, thresholds_of
from reports.status import LISTS, status_reply
from store import queries
from tracking.context import Context, current_trajectory


@subcommand("status")
def status(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """`status`, or one list whole: `status taken`, `status besluiten 2`; `status I5`: one request's recipients."""
    if INPUT_REF.fullmatch(text.strip()):
        return show_request(ctx, text)
    words = text.lower().split()
    page = int(words.pop()) if len(words) > 1 and words[-1].isdigit() and len(words[-1]) <= 3 else 1
    only = LISTS.get(" ".join(words)) if words else None
    if words and only is None:
        raise CommandError("err_status_list", example="ex2_status", value=text[:40])
    return Outcome(reply=status_reply(ctx.session, current_trajectory(ctx), ctx.actor.language, ctx.today,
                                      thresholds_of(ctx.settings), ctx.settings.slash_command, only, page))


@subcommand("risico")
def risico(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    thresholds = thresholds_of(ctx.settings)
    result = forecast_trajectory(ctx.session, current_trajectory(ctx), ctx.today, thresholds)
    return Outcome(reply=risk_reply(result, thresholds, ctx.actor.language))


@subcommand("digest")
def digest(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    """Today's digest, only for the one who asks; the daily post is the schedule's."""
    return Outcome(reply=trajectory_digest(ctx.session, current_trajectory(ctx), ctx.today, ctx.now,
                                           ctx.actor.language, ctx.settings))


@subcommand("tijdlijn")
def tijdlijn(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    trajectory = current_trajectory(ctx)
    result = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds_of(ctx.settings))
    return _files(ctx, trajectory, "timeline_what", [timeline_png(result, ctx.actor.language)])


@subcommand("export")
def export(ctx: Context, text: str, fields: dict[str, str]) -> Outcome:
    lang = ctx.actor.language
    trajectory = current_trajectory(ctx)
    data = queries.trajectory_data(ctx.session, trajectory)
    result = forecast_trajectory(ctx.session, trajectory, ctx.today, thresholds_of(ctx.settings), data)
    return _files(ctx, trajectory, "export_what", [
        decisions_csv(ctx.session, data, lang), answers_csv(ctx.session, trajectory, lang, ctx.settings.timezone),
        audit_csv(ctx.session, trajectory, lang, ctx.settings.timezone),
        deadlines_ics(data, result, lang, ctx.now)])


def _files(ctx: Context, trajectory, what: str, files: list) -> Outcome:
    lang = ctx.actor.language
    comment = t(lang, "files_comment", what=t(lang, what), title=trajectory.title, date=fmt_date(ctx.today, lang))
    return Outcome(reply=Reply([comment]), files=files)
