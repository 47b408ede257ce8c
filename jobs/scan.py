"""The risk scan and what runs with it: alerts when a trajectory's level rises, reminders for
input requests and tasks, escalation of unacknowledged urgent cases, and purging old resolved
(or withdrawn) cases. Withdrawn items get no reminder, chase or escalation."""
from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import case as sql_case, or_, update  # `case` names an urgent case here
from sqlmodel import delete, select

from delivery.outbox import GIVE_UP_AFTER, MAIL
from domain.domains import chased
from domain.forecast import rises
from domain.outcome import Reply, Section
from domain.reminders import adoption_steps, deadline_sentence, due_step, relative_day, reminder_steps
from domain.requests import asked_of
from domain.roles import role_label
from domain.texts import fmt_date, person, t
from domain.workdays import WorkCalendar, add_working_hours, in_working_hours
from jobs.calendars import refresh_calendars
from jobs.runner import JobRun, Message
from reports.risk import BLOCKER_LINES, blockers, buffer_text, forecast_trajectory, thresholds_of
from service.metrics import timed_job
from store import queries
from store.models import (Decision, InputPart, InputRequest, Outbox, ProcessedRequest, Region, Task, Trajectory,
                          UrgentCase)
from views.messages import reply_blocks, sections

ESCALATE_AFTER_HOURS = {"hoog": 4, "middel": 8}  # working hours; 8 is one working day
WIPED = "{}"  # the payload of a finished outbox row after the retention period: nothing of what it said
OUTBOX_KEYS_KEPT = timedelta(days=365)  # a wiped row's key (no second send) and ts (updates of its post)


def run_scan(run: JobRun) -> list[str]:
    with timed_job("scan"):
        for name, step in (("calendars", refresh_calendars), ("risk", scan_risk), ("reminders", send_reminders),
                           ("tasks", send_task_reminders),
                           ("chase", chase_adoptions), ("escalate", escalate), ("purge", purge)):
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
                alert = Reply([head] + ([Section("", who, more="risico", limit=BLOCKER_LINES)] if who else []),
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
        open_ids = list(session.exec(select(InputRequest.id).where(InputRequest.received_on.is_(None),
                                                                   queries.live(InputRequest)).order_by(InputRequest.id)))
    for request_id in open_ids:
        with run.step(f"reminder for input {request_id}") as session:
            request = session.get(InputRequest, request_id)
            step = due_step(reminder_steps(request.deadline, work), today)
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
                    text = t(lang, f"remind_{'overdue' if step.startswith('overdue') else step}", **facts,
                             due=deadline_sentence(request.deadline, today, lang))
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


def send_task_reminders(run: JobRun) -> None:
    """Each open task's owner in the rhythm of input requests: a DM, or a mail for a registered
    outsider; a role task goes to the region's one contact with that role. After three overdue
    reminders the coordinator is asked to chase. Role tasks whose role has no contact or several
    are listed for the coordinator, one message per trajectory with every such task that came to a
    new step; a task reached by name only is reminded to whoever made it."""
    rt = run.rt
    if not _in_working_hours(run, "Herinneringen voor taken"):
        return
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    today, lang, cmd = rt.today(), rt.settings.language, rt.settings.slash_command
    with run.step("open tasks") as session:
        open_ids = list(session.exec(select(Task.id).where(Task.done_on.is_(None), queries.live(Task))
                                     .order_by(Task.id)))
    unowned: dict[int, list[tuple[int, str]]] = defaultdict(list)  # trajectory -> (task, step) for the coordinator
    for task_id in open_ids:
        with run.step(f"reminder for task {task_id}") as session:
            task = session.get(Task, task_id)
            step = due_step(reminder_steps(task.deadline, work), today)
            if step is None:
                continue
            sent_as = f"{step}@{task.deadline.isoformat()}" if task.postponements else step
            trajectory = session.get(Trajectory, task.trajectory_id)
            reach = queries.task_reach(session, task, trajectory.region_id)
            facts = dict(ref=task.ref, task=task.title, title=trajectory.title, cmd=cmd, channel=f"<#{trajectory.channel_id}>",
                         deadline=fmt_date(task.deadline, lang), owner=person(task.owner_user, task.owner_name),
                         due=deadline_sentence(task.deadline, today, lang), when=relative_day(task.deadline, today, lang),
                         days=max(0, work.between(task.deadline, today)))
            if step == "chase":
                text = t(lang, "task_remind_chase", **facts)
                run.send(session, Message(f"task:{task.id}:{sent_as}", task.team_id, trajectory.coordinator_id,
                                          text, sections([text])))
            elif reach.unowned:
                if task.unowned_step != sent_as:
                    unowned[trajectory.id].append((task.id, sent_as))
            elif reach.user:
                kind = "overdue" if step.startswith("overdue") else step
                text = t(lang, f"task_remind_{kind}", **facts)
                if reach.by_role:
                    region = session.get(Region, trajectory.region_id)
                    text = t(lang, "task_remind_as_role", region=region.name,
                             role=role_label(task.owner_role, lang)) + " " + text
                run.send(session, Message(f"task:{task.id}:{reach.user}:{sent_as}", task.team_id, reach.user, text,
                                          sections([text])))
            elif reach.contact is not None:
                run.send(session, Message(f"mail:task:{task.id}:{reach.contact.id}:{sent_as}", task.team_id,
                                          f"mail:{reach.contact.id}", "", method=MAIL,
                                          extra={"kind": "task", "step": step, "task_ids": [task.id],
                                                 "contact_id": reach.contact.id}))
            else:
                text = t(lang, "task_remind_creator", **facts)
                run.send(session, Message(f"task:{task.id}:creator:{sent_as}", task.team_id, task.created_by, text,
                                          sections([text])))
    for trajectory_id, steps in unowned.items():
        with run.step(f"tasks without an owner in trajectory {trajectory_id}") as session:
            _ask_for_owners(run, session, session.get(Trajectory, trajectory_id), steps, today, lang, cmd)


def _ask_for_owners(run: JobRun, session, trajectory: Trajectory, steps: list[tuple[int, str]], today, lang: str,
                    cmd: str) -> None:
    """One message to the coordinator listing the role tasks that came to a new step and still
    have no owner; each task is marked with its step, so it is on such a list once per step. The
    tasks are read again, locked, in this transaction: another instance that listed them meanwhile
    has marked them, and the key names the set, so the same list is never sent twice."""
    locked = {task.id: task for task in session.exec(select(Task).where(Task.id.in_([i for i, _ in steps]))
                                                     .with_for_update())}
    steps = [(task_id, sent_as) for task_id, sent_as in steps
             if locked[task_id].unowned_step != sent_as and not locked[task_id].done_on and not locked[task_id].withdrawn_at]
    if not steps:
        return
    region = session.get(Region, trajectory.region_id)
    lines = []
    for task_id, sent_as in steps:
        task = locked[task_id]
        contacts = queries.contacts_with_role(session, region.id, task.owner_role)
        holders = (t(lang, "tasks_unowned_many", names=", ".join(c.name for c in contacts), count=len(contacts))
                   if contacts else t(lang, "tasks_unowned_none"))
        lines.append("• " + t(lang, "tasks_unowned_line", ref=task.ref, task=task.title,
                              role=role_label(task.owner_role, lang), holders=holders,
                              deadline=fmt_date(task.deadline, lang), when=relative_day(task.deadline, today, lang)))
        task.unowned_step = sent_as
        session.add(task)
    text = t(lang, "tasks_unowned", title=trajectory.title, region=region.name, count=len(steps),
             lines="\n".join(lines), cmd=cmd, ref=locked[steps[0][0]].ref)
    digest = hashlib.sha256(",".join(f"{task}:{step}" for task, step in steps).encode()).hexdigest()[:16]
    run.send(session, Message(f"unowned:{trajectory.id}:{digest}", trajectory.team_id, trajectory.coordinator_id,
                              text, sections([text])))


def chase_adoptions(run: JobRun) -> None:
    """A municipality's adoption past its deadline is chased at its policy contact (beleid) for
    the trajectory's domain: every 2 working days, 3 times at most, by DM or mail."""
    rt = run.rt
    if not _in_working_hours(run, "Navragen van besluiten"):
        return
    work = WorkCalendar(rt.settings.good_friday_is_holiday)
    today = rt.today()
    with run.step("decisions past their deadline") as session:
        late = list(session.exec(select(Decision.id).where(Decision.taken_on.is_(None), Decision.deadline < today,
                                                           Decision.decided_by != "regio", queries.live(Decision))
                                 .order_by(Decision.id)))
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
                if municipality.id in adopted:
                    continue
                chosen = chased(contacts.get(municipality.id, []), trajectory.domain)
                for contact in chosen:
                    _chase(run, session, decision, trajectory, municipality, contact, step,
                           f"chase:{decision.id}:{municipality.id}:{step}" + (f":{contact.id}" if len(chosen) > 1 else ""))


def _chase(run: JobRun, session, decision: Decision, trajectory: Trajectory, municipality, contact, step: str,
           key: str) -> None:
    """One policy contact hears of one municipality's late adoption: a DM, or a mail."""
    lang = run.rt.settings.language
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
            queries.live(UrgentCase), UrgentCase.severity.in_(list(ESCALATE_AFTER_HOURS)))))
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
    """Resolved (or withdrawn) cases lose their text and note after the retention period; the
    audit log keeps that they existed. What was copied of them into the outbox goes with them, and
    so does every message the outbox finished with (sent or given up) longer ago than that: answers
    from the answer page, refused addresses in errors and notices. Only the key and Slack's ts
    stay a year (a later update of a post needs them); then the row goes. Slack retries come
    within minutes, so request ids older than a day are dropped."""
    rt = run.rt
    cutoff = rt.now() - timedelta(days=rt.settings.retention_days)
    with run.step("purge") as session:
        session.exec(delete(ProcessedRequest).where(ProcessedRequest.at < rt.now() - timedelta(days=1)))
        for case in session.exec(select(UrgentCase).where(
                or_(UrgentCase.resolved_at < cutoff, UrgentCase.withdrawn_at < cutoff), UrgentCase.purged_at.is_(None))):
            case.description, case.note, case.source_link, case.purged_at = None, None, None, rt.now()
            session.add(case)
            session.exec(update(Outbox).where(or_(Outbox.key == f"urgent:{case.id}",
                                                  Outbox.key.startswith(f"urgent:{case.id}:"),
                                                  Outbox.key.startswith(f"escalate:{case.id}:")))
                         .values(payload=WIPED, last_error=None,  # one never sent is not sent now
                                 attempts=sql_case((Outbox.sent_at.is_(None), GIVE_UP_AFTER), else_=Outbox.attempts)))
            queries.audit(session, at=rt.now(), team_id=case.team_id, actor=queries.SYSTEM_ACTOR, action="signaaltekst gewist",
                          trajectory_id=case.trajectory_id, item=case.ref)
        finished = or_(Outbox.sent_at.is_not(None), Outbox.attempts >= GIVE_UP_AFTER)
        session.exec(update(Outbox).where(finished, Outbox.created_at < cutoff, Outbox.payload != WIPED)
                     .values(payload=WIPED, last_error=None))
        kept_until = rt.now() - max(OUTBOX_KEYS_KEPT, timedelta(days=rt.settings.retention_days))
        session.exec(delete(Outbox).where(finished, Outbox.created_at < kept_until))