"""What status, risk, the digest, App Home and the region overview state (issue 17: only what is
true): rejections and the revised proposal they need, group input named as a group, the digest's
summary of changes, what waits for whom, and the words for roles."""

# Role codes as the registry and the plan store them, as people write them.
TEXTS: dict[str, tuple[str, str]] = {
    # A rejection before the deadline is not late: it needs a revised proposal.
    "rejected_revise": ("afgewezen door {rejections} · herzien voorstel nodig",
                        "rejected by {rejections} · a revised proposal is needed"),
    "rejection_region": ("de regio", "the region"),
    "rejection_reason": ("{rejection} ({reason})", "{rejection} ({reason})"),
    # An input request as the forecast names it: a group is a group, with its tracker.
    "input_of_group": ("{ref} van de {group}, {answered}/{total} geantwoord",
                       "{ref} from the {group}, {answered}/{total} answered"),
    "input_of_person": ("{ref} van {who}", "{ref} from {who}"),
    "input_due_after_decision": ("⚠️ deadline {ref} ({input_deadline}) valt na die van {decision} ({decision_deadline})",
                                 "⚠️ {ref} is due {input_deadline}, after {decision} ({decision_deadline})"),
    "warn_input_after_decision": ("De deadline van {ref} ({input_deadline}) valt na die van {decision} ({decision_deadline}), "
                                  "dat erop wacht: zo kan {decision} niet op tijd worden genomen. Kies een eerdere deadline "
                                  "(`uitstel {ref} deadline: …`) of schuif {decision} op.",
                                  "{ref} is due {input_deadline}, after {decision} ({decision_deadline}), which waits for it: "
                                  "{decision} cannot be taken on time that way. Choose an earlier deadline "
                                  "(`postpone {ref} due: …`) or move {decision}."),
    "risk_waits_for_input": ("wacht op {input}", "waits for {input}"),
    "risk_pending_with": ("nog bij {names}", "still with {names}"),
    # `risico`, step by step.
    "explain_overdue": ("{ref} is over de deadline ({deadline}) → verwacht {expected}",
                        "{ref} is past its deadline ({deadline}) → expected {expected}"),
    "explain_revision": ("{rejection}: een herzien voorstel is op zijn vroegst een besluitcyclus ({days:dag}) later vastgesteld → {ref} verwacht {expected}",
                         "{rejection}: a revised proposal is adopted one decision cycle ({days:dag}) later at the earliest → {ref} expected {expected}"),
    "explain_revision_meeting": ("{rejection}: een herzien voorstel kan op zijn vroegst naar de {body} van {meeting} → {ref} verwacht {expected}",
                                 "{rejection}: a revised proposal can go to the {body} of {meeting} at the earliest → {ref} expected {expected}"),
    "explain_rejection": ("{name} wees {ref} af op {date}", "{name} rejected {ref} on {date}"),
    "explain_input_wait": ("{decision} wacht op {input}: verwacht {expected} → {decision} niet vóór {expected}",
                           "{decision} waits for {input}: expected {expected} → {decision} not before {expected}"),
    "explain_input_late_one": ("gemiddeld {late:dag} te laat", "{late:dag} late on average"),
    "explain_input_late_group": ("de traagste nog open ontvanger gemiddeld {late:dag} te laat",
                                 "the slowest recipient still to answer {late:dag} late on average"),
    # The digest: "since the last digest", one short line per item.
    "change_adopted": ("vastgesteld door {names}", "adopted by {names}"),
    "change_rejected": ("afgewezen door {names}", "rejected by {names}"),
    "change_corrected": ("datum gecorrigeerd voor {names}", "date corrected for {names}"),
    "change_answered": ("beantwoord door {names}", "answered by {names}"),
    "change_declined": ("afgemeld door {names}", "declined by {names}"),
    "change_acked": ("opgepakt door {names}", "acknowledged by {names}"),
    "change_resolved": ("opgelost door {names}", "resolved by {names}"),
    "change_postponed": ("uitgesteld tot {date}", "postponed to {date}"),
    "change_advanced": ("vervroegd naar {date}", "brought forward to {date}"),
    "change_decision_created": ("nieuw besluit", "new decision"),
    "change_input_created": ("nieuw inputverzoek", "new input request"),
    "change_task_created": ("nieuwe taak", "new task"),
    "change_case_created": ("nieuw urgent signaal", "new urgent case"),
    "change_taken": ("besluit genomen", "decision taken"),
    "change_reopened": ("besluit heropend", "decision reopened"),
    "change_complete": ("compleet", "complete"),
    "change_done": ("klaar", "done"),
    "change_escalated": ("geëscaleerd", "escalated"),
    "change_level": ("risico {old} → {new}", "risk {old} → {new}"),
    "change_item": ("{ref} {what}", "{ref} {what}"),
    "digest_changes_more": ("… en nog {count} (alles in het auditlog: `{cmd} export`)",
                            "… and {count} more (all in the audit log: `{cmd} export`)"),
    # App Home: what waits for this person.
    "home_waiting": ("*Input, taken en urgente signalen*", "*Input, tasks and urgent cases*"),
    "home_input": ("*{ref}* {question} · {trajectory} · deadline {deadline}",
                   "*{ref}* {question} · {trajectory} · due {deadline}"),
    "home_task": ("*{ref}* {title} · {trajectory} · deadline {deadline}", "*{ref}* {title} · {trajectory} · due {deadline}"),
    "home_task_chase": ("*{ref}* {title} · {owner} · {trajectory} · deadline {deadline}",
                        "*{ref}* {title} · {owner} · {trajectory} · due {deadline}"),
    "home_task_unowned": ("*{ref}* {title} · {owner}, niet in Slack · {trajectory} · deadline {deadline} · geef hem aan iemand: `{cmd} toewijzen {ref} aan: @naam`",
                          "*{ref}* {title} · {owner}, not in Slack · {trajectory} · due {deadline} · give it to someone: `{cmd} assign {ref} to: @name`"),
    "home_input_chase": ("*{ref}* {question} · {who} · {trajectory} · deadline {deadline}",
                         "*{ref}* {question} · {who} · {trajectory} · due {deadline}"),
    "home_overdue": ("⚠️ te laat", "⚠️ overdue"),
    "home_case_flagged": ("jij meldde het", "you flagged it"),
    "home_case_picked_up": ("jij pakte het op", "you picked it up"),
    "home_case_waiting": ("wacht op oppakken in jouw traject", "waiting to be picked up in your trajectory"),
    "home_to_chase": ("*Te laat in trajecten die jij coördineert*", "*Overdue in trajectories you coordinate*"),
    # `regio`
    "region_rejected": ("✕ {count} afgewezen (herzien voorstel nodig)", "✕ {count} rejected (revised proposal needed)"),
    "matrix_vastgesteld_laat": ("vastgesteld", "adopted"),
    "matrix_late_days": ("{days:dag} te laat", "{days:dag} late"),
    "matrix_legend_vastgesteld_laat": ("te laat vastgesteld", "adopted late"),
    # Pictures, described for those who cannot see them (alt text).
    "alt_timeline": ("Tijdlijn van {title}: risico {level}, verwacht klaar {ready}, contracten eindigen {contract_end}. {items}",
                     "Timeline of {title}: risk {level}, expected ready {ready}, contracts end {contract_end}. {items}"),
    "alt_timeline_item": ("{ref} deadline {deadline}, verwacht {expected}", "{ref} due {deadline}, expected {expected}"),
    "alt_matrix": ("Adoptiematrix van regio {region}, {count:gemeente}. {items}",
                   "Adoption matrix of region {region}, {count:gemeente}. {items}"),
    "alt_matrix_item": ("{ref}: {adopted} vastgesteld ({adopted_late} na de deadline), {rejected} afgewezen, {open} open, {late} te laat",
                        "{ref}: {adopted} adopted ({adopted_late} after the deadline), {rejected} rejected, {open} open, {late} late"),
    "timeline_implementation": ("Implementatie ({weeks:week}) na {ref}", "Implementation ({weeks:week}) after {ref}"),
    "timeline_implementation_now": ("Implementatie ({weeks:week}), nog geen besluiten", "Implementation ({weeks:week}), no decisions yet"),
}
