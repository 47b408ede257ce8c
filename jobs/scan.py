"""The risk scan and what runs with it: alerts when a trajectory's level rises, reminders for
input requests, escalation of unacknowledged urgent cases, and purging old resolved cases."""
from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlmodel import delete, select

from delivery.outbox import MAIL
from domain.forecast import rises
from domain.reminders import adoption_steps, due_step, input_steps
from domain.requests import asked_of
from domain.texts import fmt_date, person, t
from domain.workdays import WorkCalendar, add_working_hours, in_working_hours
from jobs.runner import JobRun, Message
from reports.risk import blockers, buffer_text, forecast_trajectory, thresholds_of
from service.metrics import timed_job
from store import queries
from store.models import Decision, InputPart, InputRequest, ProcessedRequest, Trajectory, UrgentCase
from domain.outcome import Reply, Section
from views.messages import reply_blocks, sections

ESCALATE_AFTER_HOURS = {"hoog": 4, "middel": 8}  # working hours; 8 is one working day


def run_scan(run: JobRun) -> list[str]:
    with timed_job("scan"):
        for name, step in (("risk", scan_risk), ("reminders", send_reminders), ("chase", chase_adoptions),
                           ("escalate", escalate), ("purge", purge)):
            with timed_job(f"scan_{name}"):  # which step a slow scan spends its time in
                step(run)
        return run.finish()


def scan_risk(run: JobRun) -> None:
    """One alert when the level rises; none while it stays; again when it rises further."""
    rt = run.rt
    lang, cmd = rt.settings.language, rt.settings.slash_command
    for trajectory_id in run.trajectory_ids():
        with run.step(f"risk of trajectory {trajectory_id}") as session:
            trajectory = session.get(Trajectory, trajectory_id)
            result = forecast_trajectory(session, trajectory, rt.today(), thresholds_of(rt.settings),
                                         history=run.history(session, trajectory.team_id))
            if result.level == (trajectory.risk_level or "groen"):
                continue
            if rises(trajectory.risk_level, result.level):
                icon = {"oranje": "🟠", "rood": "🔴"}[result.level]
                head = t(lang, "alert_title", icon=icon, title=trajectory.title, level=t(lang, f"level_{result.level}"),
                         verdict=buffer_text(result, lang), coordinator=person(trajectory.coordinator_id, None))
                who = blockers(result, lang)
                alert = Reply([head] + ([Section("", who, more="risico", limit=None)] if who else []),
                              context=[t(lang, "alert_more", cmd=cmd)])
                blocks = reply_blocks(alert, lang, cmd)
                key = f"alert:{trajectory.id}:{trajectory.risk_changes + 1}:{result.level}"
                run.send(session, Message(key, trajectory.team_id, trajectory.channel_id, head, blocks,
                                          trajectory_id=trajectory.id))
            queries.audit(session, at=rt.now(), team_id=trajectory.team_id, actor=queries.SYSTEM_ACTOR, action="risiconiveau",
                          trajectory_id=trajectory.id, field_name="niveau", old=trajectory.risk_level or "groen",
                          new=result.level)
            trajectory.risk_level, trajectory.risk_changes = result.level, trajectory.risk_changes + 1
            session.add(trajectory)


def _in_working_hours(run: JobRun, what: str) -> bool:
    rt = run.rt
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    if in_working_hours(work, rt.now().astimezone(ZoneInfo(rt.settings.timezone))):
        return True
    # Nobody gets a DM or a mail in the evening, the weekend or on a holiday.
    run.notes.append(f"{what} alleen op werkdagen tussen 09:00 en 17:00: nu overgeslagen.")
    return False


def send_reminders(run: JobRun) -> None:
    """Each recipient still to answer hears it in their own way: a DM, or a mail with their link;
    for recipients Regiowacht cannot reach, the requester hears it, in one message per step."""
    rt = run.rt
    if not _in_working_hours(run, "Herinneringen"):
        return
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    today, lang, cmd = rt.today(), rt.settings.language, rt.settings.slash_command
    with run.step("open input requests") as session:
        open_ids = list(session.exec(select(InputRequest.id).where(InputRequest.received_on.is_(None))
                                     .order_by(InputRequest.id)))
    for request_id in open_ids:
        with run.step(f"reminder for input {request_id}") as session:
            request = session.get(InputRequest, request_id)
            step = due_step(input_steps(request.deadline, work), today)
            if step is None:
                continue
            # A postponed request is reminded again for its new deadline.
            sent_as = f"{step}@{request.deadline.isoformat()}" if request.postponements else step
            trajectory = session.get(Trajectory, request.trajectory_id)
            parts = list(session.exec(select(InputPart).where(InputPart.request_id == request.id)
                                      .order_by(InputPart.id)))
            waiting = [part for part in parts if not part.received_on]
            single = len(parts) == 1  # keys as before parts existed: nothing is sent twice after an upgrade
            facts = dict(ref=request.ref, question=request.question, title=trajectory.title, cmd=cmd,
                         deadline=fmt_date(request.deadline, lang), requester=person(request.requested_by, None),
                         channel=f"<#{trajectory.channel_id}>", days=max(0, work.between(request.deadline, today)))
            if step == "chase":
                text = t(lang, "remind_chase", who=asked_of(request, parts, lang) if request.group_name
                         else ", ".join(person(p.slack_user, p.name) for p in waiting), **facts)
                run.send(session, Message(f"remind:{request.id}:{sent_as}", request.team_id, trajectory.coordinator_id,
                                          text, sections([text]), trajectory_id=trajectory.id))
                continue
            unreachable = []
            for part in waiting:
                if part.slack_user:
                    text = t(lang, f"remind_{'overdue' if step.startswith('overdue') else step}", **facts)
                    key = f"remind:{request.id}:{sent_as}" if single else f"remind:{request.id}:{part.id}:{sent_as}"
                    run.send(session, Message(key, request.team_id, part.slack_user, text, sections([text]),
                                              trajectory_id=trajectory.id))
                elif part.token_hash and part.contact_id:
                    run.send(session, Message(f"mail:{sent_as}:{part.id}", request.team_id, f"mail:{part.contact_id}", "",
                                              method=MAIL, extra={"kind": "input", "step": step, "part_id": part.id},
                                              trajectory_id=trajectory.id))
                else:
                    unreachable.append(part.name)
            if unreachable:
                text = t(lang, "remind_outsider", who=", ".join(unreachable), **facts)
                key = f"remind:{request.id}:{sent_as}" if single else f"remind:{request.id}:requester:{sent_as}"
                run.send(session, Message(key, request.team_id, request.requested_by, text, sections([text]),
                                          trajectory_id=trajectory.id))


def chase_adoptions(run: JobRun) -> None:
    """A municipality's adoption past its deadline is chased at its policy contact (beleid):
    every 2 working days, 3 times at most, by DM or mail."""
    rt = run.rt
    if not _in_working_hours(run, "Navragen van besluiten"):
        return
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    today, lang = rt.today(), rt.settings.language
    with run.step("decisions past their deadline") as session:
        late = list(session.exec(select(Decision.id).where(Decision.taken_on.is_(None), Decision.deadline < today,
                                                           Decision.decided_by != "regio").order_by(Decision.id)))
    for decision_id in late:
        with run.step(f"chase of decision {decision_id}") as session:
            decision = session.get(Decision, decision_id)
            step = due_step(adoption_steps(decision.deadline, work), today)
            if step is None:
                continue
            trajectory = session.get(Trajectory, decision.trajectory_id)
            adopted = {a.municipality_id for a in queries.adoptions_by_decision(session, [decision.id])[decision.id]
                       if a.outcome == "vastgesteld"}
            contacts = queries.policy_contacts(session, trajectory.region_id)
            for municipality in queries.municipalities(session, trajectory.region_id):
                contact = contacts.get(municipality.id)
                if municipality.id in adopted or contact is None:
                    continue
                key = f"chase:{decision.id}:{municipality.id}:{step}"
                if contact.slack_user:
                    text = t(lang, "chase_dm", ref=decision.ref, title=decision.title, municipality=municipality.name,
                             deadline=fmt_date(decision.deadline, lang), trajectory=trajectory.title,
                             coordinator=person(trajectory.coordinator_id, None))
                    run.send(session, Message(key, decision.team_id, contact.slack_user, text, sections([text]),
                                              trajectory_id=trajectory.id))
                elif contact.email:
                    run.send(session, Message(key, decision.team_id, f"mail:{contact.id}", "", method=MAIL, extra={
                        "kind": "chase", "decision_id": decision.id, "municipality_id": municipality.id,
                        "contact_id": contact.id, "step": step}, trajectory_id=trajectory.id))


def escalate(run: JobRun) -> None:
    """Hoog unacknowledged after 4 working hours, middel after one working day: the coordinator
    hears it by DM and the channel sees it."""
    rt = run.rt
    zone = ZoneInfo(rt.settings.timezone)
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    lang = rt.settings.language
    now = rt.now()
    with run.step("open urgent cases") as session:
        ids = list(session.exec(select(UrgentCase.id).where(
            UrgentCase.acked_at.is_(None), UrgentCase.resolved_at.is_(None), UrgentCase.escalated_at.is_(None),
            UrgentCase.severity.in_(list(ESCALATE_AFTER_HOURS)))))
    for case_id in ids:
        with run.step(f"escalation of case {case_id}") as session:
            case = session.get(UrgentCase, case_id)
            hours = ESCALATE_AFTER_HOURS[case.severity]
            if now < add_working_hours(work, case.flagged_at.astimezone(zone), hours):
                continue
            trajectory = session.get(Trajectory, case.trajectory_id)
            severity = t(lang, f"sev_{case.severity}")
            channel_text = t(lang, "escalate_channel", ref=case.ref, severity=severity, hours=hours,
                             coordinator=person(trajectory.coordinator_id, None))
            dm_text = t(lang, "escalate_dm", ref=case.ref, severity=severity, hours=hours,
                        channel=f"<#{trajectory.channel_id}>", text=case.description or "")
            run.send(session, Message(f"escalate:{case.id}:channel", case.team_id, trajectory.channel_id,
                                      channel_text, sections([channel_text]), trajectory_id=trajectory.id))
            run.send(session, Message(f"escalate:{case.id}:dm", case.team_id, trajectory.coordinator_id,
                                      dm_text, sections([dm_text]), trajectory_id=trajectory.id))
            case.escalated_at = now
            session.add(case)
            queries.audit(session, at=rt.now(), team_id=case.team_id, actor=queries.SYSTEM_ACTOR, action="signaal geëscaleerd",
                          trajectory_id=trajectory.id, item=case.ref)


def purge(run: JobRun) -> None:
    """Resolved cases lose their text after the retention period; the audit log keeps that they
    existed. Slack retries come within minutes, so request ids older than a day are dropped."""
    rt = run.rt
    cutoff = rt.now() - timedelta(days=rt.settings.retention_days)
    with run.step("purge") as session:
        session.exec(delete(ProcessedRequest).where(ProcessedRequest.at < rt.now() - timedelta(days=1)))
        for case in session.exec(select(UrgentCase).where(UrgentCase.resolved_at < cutoff,
                                                          UrgentCase.purged_at.is_(None))):
            case.description, case.source_link, case.purged_at = None, None, rt.now()
            session.add(case)
            queries.audit(session, at=rt.now(), team_id=case.team_id, actor=queries.SYSTEM_ACTOR, action="signaaltekst gewist",
                          trajectory_id=case.trajectory_id, item=case.ref)
