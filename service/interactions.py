"""Commands, form submissions and button presses, from whichever front end they come."""
from __future__ import annotations

import logging
from dataclasses import dataclass, field

from slack_sdk.models.views import View
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from commands import run as command
from commands.grammar import BY_WORD, reads_only
from commands.replies import choose_language, describe_error
from domain.errors import RegiowachtError
from domain.outcome import FileOut, Notice, Outcome, Reply
from domain.permissions import Actor
from domain.text_input import to_plain
from domain.texts import fmt_date, t
from service import notices
from service.metrics import timed_command
from service.runtime import Runtime
from service.sealing import seal
from store.db import reconnecting, session_scope
from store.models import InputPart, InputRequest, ProcessedRequest, Trajectory, UrgentCase
from tracking import urgent
from tracking.context import Context
from views.messages import fallback_text, reply_blocks
from views.modals import error_block, form_modal
from views.text import stored_to_text

log = logging.getLogger(__name__)


@dataclass
class Answer:
    """What to show the user who asked: an ephemeral message, or a form to open. Its blocks are
    Block Kit as Slack's JSON (built and checked with slack_sdk's models, serialised once)."""
    text: str = ""
    blocks: list[dict] = field(default_factory=list)
    modal: View | None = None
    errors: dict[str, str] | None = None  # form errors by block id
    duplicate: bool = False               # a retried request that was handled before
    error: bool = False                   # the answer says what was wrong; nothing was stored
    files: list[FileOut] = field(default_factory=list)  # for the user, by direct message


def _answer(rt: Runtime, actor: Actor, reply: Reply) -> Answer:
    """The reply as Slack gets it: laid out to fit, in the actor's language."""
    blocks = reply_blocks(reply, actor.language or rt.settings.language, rt.settings.slash_command)
    return Answer(text=fallback_text(reply), blocks=[block.to_dict() for block in blocks], error=reply.error)


def _internal_error(rt: Runtime, actor: Actor) -> Answer:
    return _answer(rt, actor, Reply([t(actor.language or rt.settings.language, "err_internal")], error=True))


def _log_failure(what: str, error: Exception) -> None:
    """One line for an outage (the database or Slack away); a traceback only for a bug. Never
    the message of a database error: it can quote what the user typed."""
    if isinstance(error, DBAPIError):
        log.error("%s failed: database %s (%s)", what, type(error.orig).__name__, getattr(error.orig, "sqlstate", ""))
    else:
        log.exception("%s failed", what)


def _duplicate(rt: Runtime, request_key: str | None) -> bool:
    """After a failure: did a concurrent delivery of the same Slack request get there first?"""
    if not request_key:
        return False
    try:
        with session_scope(rt.engine) as session:
            return session.get(ProcessedRequest, request_key) is not None
    except Exception:  # noqa: BLE001 - the database is away: not a known duplicate
        return False


def _seen(session: Session, request_key: str | None, now) -> bool:
    """Record a Slack request id; True when it was handled before (a retry)."""
    if not request_key:
        return False
    if session.get(ProcessedRequest, request_key) is not None:
        return True
    session.add(ProcessedRequest(key=request_key, at=now))
    return False


def _commit_outcome(rt: Runtime, actor: Actor, work, request_key: str | None = None) -> tuple[Outcome | None, list[str]]:
    """Run `work(ctx)` in one transaction; an error reply rolls everything back. When the commit's
    reply is lost with the connection, the retry finds the request recorded: the commit went
    through, and the answer is the one this very attempt computed, not an empty "seen before"."""
    computed: list[tuple[Outcome, list[str]]] = []

    def transaction() -> tuple[Outcome | None, list[str]]:
        with session_scope(rt.engine) as session:
            if _seen(session, request_key, rt.now()):
                return computed[-1] if computed else (None, [])
            outcome = work(rt.context(session, actor))
            if outcome.reply is not None and outcome.reply.error or outcome.modal:
                session.rollback()
                return outcome, []
            computed.append((outcome, notices.queue(rt, session, outcome.notices)))
            return computed[-1]
    return reconnecting(transaction)


def run_command(rt: Runtime, actor: Actor, text: str, request_key: str | None = None) -> Answer:
    with timed_command(command_word(text)):
        return _run_command(rt, actor, text, request_key)


def _run_command(rt: Runtime, actor: Actor, text: str, request_key: str | None) -> Answer:
    readonly = reads_only(text)
    if readonly:
        request_key = None  # a retried read changes nothing anyway; spare the write
        try:
            return _read(rt, actor, text)
        except Exception as error:  # noqa: BLE001 - as below: say nothing was stored, log one line
            _log_failure("command " + command_word(text), error)
            return _internal_error(rt, actor)
    prepared = command.prepare_line(text, rt.today(), rt.settings)  # network reads, before the transaction

    def run(ctx: Context) -> Outcome:
        ctx.prepared = prepared
        return command.run_line(ctx, text)
    try:
        outcome, keys = _commit_outcome(rt, actor, run, request_key)
    except Exception as error:  # the user must hear that nothing was stored, whatever broke
        if _duplicate(rt, request_key):  # Slack's retry raced the first delivery, which won
            return Answer(duplicate=True)
        _log_failure("command " + command_word(text), error)
        return _internal_error(rt, actor)
    if outcome is None:
        return Answer(duplicate=True)
    report = rt.deliver(keys)
    if outcome.modal:
        return Answer(modal=form_modal(outcome.modal, actor.language, form_metadata(rt, actor)))
    _say_what_was_posted(outcome, keys, report, actor.language)
    answer = _answer(rt, actor, outcome.reply)
    answer.files = outcome.files
    return answer


def _read(rt: Runtime, actor: Actor, text: str) -> Answer:
    """A command that only reads: its remembered answer while the team's data has not changed,
    else computed (and remembered when it can be). One read-only transaction."""
    return reconnecting(lambda: _read_once(rt, actor, text))


def _read_once(rt: Runtime, actor: Actor, text: str) -> Answer:
    with session_scope(rt.engine, readonly=True) as session:
        ctx = rt.context(session, actor)
        key = rt.reads.key(ctx, text)
        answer = rt.reads.get(key) if key is not None else None
        if answer is not None:
            actor.language = key[3]
            return answer
        outcome = command.run_line(ctx, text)
    if outcome.modal:
        return Answer(modal=form_modal(outcome.modal, actor.language, form_metadata(rt, actor)))
    answer = _answer(rt, actor, outcome.reply)
    answer.files = outcome.files
    if key is not None and not answer.error and not answer.files:
        rt.reads.put(key, answer)
    return answer


def command_word(text: str) -> str:
    """The subcommand's name, for a log line or a metric label: free text stays out of both, and
    so does a mistyped word (it could be the start of a title)."""
    word = (text or "").strip().split(" ", 1)[0].lower()
    spec = BY_WORD.get(word or "help")
    return spec.name if spec is not None else "?"


def form_metadata(rt: Runtime, actor: Actor) -> str:
    return seal({"channel": actor.channel_id, "lang": actor.language}, rt.settings.signing_secret)


def _say_what_was_posted(outcome: Outcome, keys: list[str], report, lang: str) -> None:
    """An urgent case's answer says whether its channel post went out, or waits in the outbox."""
    if outcome.reply is None or not any(n.kind == "urgent_new" for n in outcome.notices):
        return
    refused = [report.refused[key] for key in keys if key in report.refused] if report is not None else []
    if refused:
        outcome.reply.lines.append(t(lang, "urgent_post_refused", code=refused[0]))
        return
    waiting = report is None or any(key in report.failed for key in keys)
    outcome.reply.lines.append(t(lang, "urgent_post_waiting" if waiting else "urgent_post_sent"))


def run_form(rt: Runtime, actor: Actor, name: str, title: str, fields: dict[str, str],
             request_key: str | None = None) -> Answer:
    """A submitted form. Errors come back per field, for Slack to show in the modal."""
    with timed_command(command_word(name)):  # a form is its subcommand's other front end
        return _run_form(rt, actor, name, title, fields, request_key)


def _run_form(rt: Runtime, actor: Actor, name: str, title: str, fields: dict[str, str],
              request_key: str | None) -> Answer:
    try:
        outcome, keys = _commit_outcome(rt, actor, lambda ctx: command.run_form(ctx, name, title, fields), request_key)
    except RegiowachtError as error:
        reply = describe_error(error, actor.language, rt.settings.slash_command)
        # Modal errors are plain text: no mrkdwn markup.
        return Answer(errors={error_block(name, error.field): stored_to_text("\n".join(reply.lines))[:2000]})
    except Exception as error:  # as with commands: the user hears that nothing was stored, whatever broke
        if _duplicate(rt, request_key):
            return Answer(duplicate=True)
        _log_failure(f"form {command_word(name)}", error)
        return Answer(errors={error_block(name, None): t(actor.language, "err_internal")})
    if outcome is None:
        return Answer(duplicate=True)
    report = rt.deliver(keys)
    _say_what_was_posted(outcome, keys, report, actor.language)
    return _answer(rt, actor, outcome.reply)


def run_in_transaction(rt: Runtime, actor: Actor, work, request_key: str | None = None) -> Answer | None:
    """A button's work in one transaction. None when all went well; else what to tell the user."""
    try:
        outcome, keys = _commit_outcome(rt, actor, work, request_key)
    except Exception as error:
        if _duplicate(rt, request_key):
            return None
        _log_failure("button", error)
        return _internal_error(rt, actor)
    rt.deliver(keys)
    if outcome is not None and outcome.reply is not None:
        return _answer(rt, actor, outcome.reply)
    return None


def press_item_button(rt: Runtime, actor: Actor, table, item_id: int, act, request_key: str | None = None,
                      notices=lambda item: []) -> Answer | None:
    """A button on an item (in a channel post or App Home): the same rules as the command, in the
    item's own channel. None when all went well; else what to tell the user."""
    def work(ctx: Context) -> Outcome:
        ctx.actor.language = choose_language(ctx, None)
        item = ctx.session.get(table, item_id)
        try:
            if item is None or item.team_id != actor.team_id:
                raise RegiowachtError("err_unknown_ref", ref="?")
            trajectory = ctx.session.get(Trajectory, item.trajectory_id)
            if actor.channel_id and actor.channel_id != trajectory.channel_id:
                # A button pressed in a channel acts only on that channel's items (App Home has none).
                raise RegiowachtError("err_unknown_ref", ref=item.ref)
            ctx.actor.channel_id = trajectory.channel_id
            act(ctx, trajectory, item)
        except RegiowachtError as error:
            return Outcome(reply=describe_error(error, ctx.actor.language, rt.settings.slash_command))
        return Outcome(notices=notices(item))

    return run_in_transaction(rt, actor, work, request_key)


def press_urgent(rt: Runtime, actor: Actor, case_id: int, action: str, request_key: str | None = None) -> Answer | None:
    """Oppakken / Opgelost on an urgent case; its channel post is then updated."""
    change = urgent.acknowledge if action == "ack" else urgent.resolve
    return press_item_button(rt, actor, UrgentCase, case_id, change, request_key,
                             notices=lambda case: [Notice("urgent_changed", case.id)])


def answer_form(rt: Runtime, actor: Actor, request_id: int) -> View | Answer:
    """The Antwoorden button on a question's DM: a small form for the answer, which then runs as
    `ontvangen <ref> <antwoord>` in the request's channel; or why there is nothing to answer."""
    def read() -> View | Answer:
        with session_scope(rt.engine, readonly=True) as session:
            lang = actor.language or rt.settings.language
            request = session.get(InputRequest, request_id)
            if request is None or request.team_id != actor.team_id or request.withdrawn_at:
                return _answer(rt, actor, Reply([t(lang, "answer_form_closed", ref=request.ref if request else "?",
                                                   why=t(lang, "answer_form_gone"))]))
            part = session.exec(select(InputPart).where(InputPart.request_id == request.id,
                                                        InputPart.slack_user == actor.user_id)).first()
            if part is not None and part.received_on:
                return _answer(rt, actor, Reply([t(lang, "answer_form_closed", ref=request.ref, why=t(
                    lang, "answer_form_done", date=fmt_date(part.received_on, lang)))]))
            trajectory = session.get(Trajectory, request.trajectory_id)
            metadata = seal({"channel": trajectory.channel_id, "lang": lang, "ref": request.ref}, rt.settings.signing_secret)
            return form_modal("ontvangen", lang, metadata, intro=t(
                lang, "answer_form_intro", ref=request.ref, title=to_plain(trajectory.title),
                question=to_plain(request.question), deadline=fmt_date(request.deadline, lang)))
    return reconnecting(read)
