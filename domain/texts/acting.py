"""Acting on what the bot shows (PRODUCT.md): changing a running trajectory, withdrawing an item,
giving a task to someone, several references and a note at once, task reminders, reminders that
say how the deadline really stands, and long lists shown whole."""

TEXTS: dict[str, tuple[str, str]] = {
    # -- `traject` where one runs: its settings, and changing them --------------------------------
    "traject_settings": (
        "*{title}* · regio {region} ({municipalities}) · domein {domain}\n"
        "Contracteinde {contract_end} · start {go_live} · {weeks} implementatie · coördinator {coordinator}",
        "*{title}* · region {region} ({municipalities}) · domain {domain}\n"
        "Contract end {contract_end} · go-live {go_live} · {weeks} of implementation · coordinator {coordinator}"),
    "traject_settings_risk": ("Risico: {level} · {verdict} · verwacht klaar {ready}",
                              "Risk: {level} · {verdict} · expected ready {ready}"),
    "traject_settings_change": (
        "Wijzigen (coördinator of beheerder): `{cmd} traject contracteinde: 31-3-2027 reden: contracten verlengd`; "
        "ook `start:`, `implementatie:` (weken) en `titel:`.",
        "To change (coordinator or admin): `{cmd} project contract-end: 31-3-2027 reason: contracts extended`; "
        "also `go-live:`, `implementation:` (weeks) and `title:`."),
    "ok_traject_changed": ("*{title}* bijgewerkt (reden: {reason}):", "*{title}* updated (reason: {reason}):"),
    "traject_change": ("{field}: {old} → {new}", "{field}: {old} → {new}"),
    "traject_change_followed": ("{field}: {old} → {new} (de dag na het contracteinde, zoals het was)",
                                "{field}: {old} → {new} (the day after contract end, as it was)"),
    "traject_field_contracteinde": ("contracteinde", "contract end"),
    "traject_field_start": ("start", "go-live"),
    "traject_field_implementatie": ("implementatie", "implementation"),
    "traject_field_titel": ("titel", "title"),
    "risk_now": ("Risico nu: {now} (was {was})", "Risk now: {now} (was {was})"),
    "risk_now_same": ("Risico nu: {now} (onveranderd)", "Risk now: {now} (unchanged)"),
    "warn_care_gap": ("Tussen het contracteinde ({contract_end}) en de start ({go_live}) zitten {days} zonder contract.",
                      "Between contract end ({contract_end}) and go-live ({go_live}) lie {days} without a contract."),
    "err_channel_taken_edit": (
        "Dit kanaal hoort al bij het traject *{title}*: één traject per kanaal, dus een nieuw traject krijgt een nieuw "
        "kanaal. Dit traject wijzigen: `{cmd} traject contracteinde: … reden: …` (ook `start:`, `implementatie:`, "
        "`titel:`); `{cmd} traject` toont de instellingen.",
        "This channel already belongs to the trajectory *{title}*: one trajectory per channel, so a new one gets a new "
        "channel. To change this one: `{cmd} project contract-end: … reason: …` (also `go-live:`, `implementation:`, "
        "`title:`); `{cmd} project` shows its settings."),
    "err_traject_fixed": ("`{key}:` van een lopend traject verandert niet. Wijzigen kan: `contracteinde:`, `start:`, "
                          "`implementatie:` en `titel:`.",
                          "`{key}:` of a running trajectory does not change. You can change `contract-end:`, "
                          "`go-live:`, `implementation:` and `title:`."),
    "err_traject_nothing": ("Wat wil je wijzigen? Geef `contracteinde:`, `start:`, `implementatie:` of `titel:`, met een `reden:`.",
                            "What do you want to change? Give `contract-end:`, `go-live:`, `implementation:` or `title:`, "
                            "with a `reason:`."),
    "err_traject_unchanged": ("Niets gewijzigd: {fields} staat al zo.", "Nothing changed: {fields} is already so."),
    "ex_traject_wijzig": ("`{cmd} traject contracteinde: 31-3-2027 reden: contracten drie maanden verlengd`",
                          "`{cmd} project contract-end: 31-3-2027 reason: contracts extended by three months`"),
    # -- `intrekken` --------------------------------------------------------------------------------
    "help_intrekken": ("trek een besluit, inputverzoek, taak of urgent signaal in dat per vergissing is ingevoerd of "
                       "achterhaald is (wie het maakte, de coördinator of een beheerder)",
                       "withdraw a decision, input request, task or urgent case entered by mistake or overtaken "
                       "(its creator, the coordinator or an admin)"),
    "fields_intrekken": (
        "• nummer(s): direct na `intrekken` (B, I, T of U; meer tegelijk mag: `B8 B9`)\n"
        "• `reden:` (verplicht) waarom\n"
        "Het verdwijnt uit status, het overzicht, de matrix, herinneringen, de prognose en de gemiddelde vertraging; "
        "het auditlog en de export bewaren het, met de reden.",
        "• reference(s): right after `withdraw` (B, I, T or U; several at once: `B8 B9`)\n"
        "• `reason:` (required) why\n"
        "It leaves status, the digest, the matrix, reminders, the forecast and the lateness averages; the audit log "
        "and the export keep it, with the reason."),
    "ex_intrekken": ("`{cmd} intrekken B8 reden: per vergissing dubbel ingevoerd`",
                     "`{cmd} withdraw B8 reason: entered twice by mistake`"),
    "ex2_intrekken": ("`{cmd} intrekken T4 T5 reden: vervalt, de regio koopt dit niet meer in`",
                      "`{cmd} withdraw T4 T5 reason: dropped, the region no longer buys this`"),
    "ok_intrekken": ("Ingetrokken (reden: {reason}):", "Withdrawn (reason: {reason}):"),
    "ok_intrekken_gone": (
        "Het telt niet meer mee in status, het overzicht, de matrix, herinneringen, de prognose en de gemiddelde "
        "vertraging; het auditlog bewaart het.",
        "It no longer counts in status, the digest, the matrix, reminders, the forecast and the lateness averages; "
        "the audit log keeps it."),
    "ok_intrekken_waiting": ("Wachtte op dit besluit, nu nergens meer op: {refs}.",
                             "Waited for this decision, now for nothing: {refs}."),
    "withdrawn_decision": ("*{ref}* besluit {title}", "*{ref}* decision {title}"),
    "withdrawn_input": ("*{ref}* inputverzoek {title}", "*{ref}* input request {title}"),
    "withdrawn_task": ("*{ref}* taak {title}", "*{ref}* task {title}"),
    "withdrawn_case": ("*{ref}* signaal {title}", "*{ref}* urgent case {title}"),
    "withdrawn_dm": ("{who} heeft vraag {ref} ingetrokken ({question}, *{title}*): je hoeft niet meer te antwoorden.",
                     "{who} withdrew question {ref} ({question}, *{title}*): no answer is needed any more."),
    "err_withdrawn": ("{ref} is ingetrokken op {date} door {who}; er verandert niets meer aan. Het auditlog (`export`) "
                      "bewaart het.",
                      "{ref} was withdrawn on {date} by {who}; it takes no more changes. The audit log (`export`) "
                      "keeps it."),
    "err_withdraw_reason": ("Waarom trek je {refs} in? Zet een `reden:` erbij; het auditlog bewaart die.",
                            "Why do you withdraw {refs}? Add a `reason:`; the audit log keeps it."),
    "err_use_withdraw": ("{ref} weghalen gaat met `{cmd} intrekken {ref} reden: …`: het verdwijnt dan uit elk overzicht "
                         "en elk gemiddelde, en het auditlog bewaart het.",
                         "To remove {ref}: `{cmd} withdraw {ref} reason: …`; it then leaves every view and average, "
                         "and the audit log keeps it."),
    "urgent_withdrawn": ("Ingetrokken door {who} op {when}.", "Withdrawn by {who} at {when}."),
    "urgent_note": ("Notitie: {note}", "Note: {note}"),
    # -- `toewijzen` -------------------------------------------------------------------------------
    "help_toewijzen": ("geef taken aan iemand anders; de nieuwe eigenaar krijgt bericht (DM, of e-mail voor iemand uit "
                       "het register zonder Slack) en daarna herinneringen",
                       "give tasks to someone else; the new owner is told (DM, or e-mail for someone in the registry "
                       "without Slack) and reminded from then on"),
    "fields_toewijzen": (
        "• T-nummer(s): direct na `toewijzen` (meer tegelijk mag: `T5 T6`)\n"
        "• `aan:` (verplicht) een @collega, een naam uit het register (`contacten`) of een rol (juridisch, toegang, …: "
        "dan het contact met die rol)",
        "• T-reference(s): right after `assign` (several at once: `T5 T6`)\n"
        "• `to:` (required) a @colleague, a name from the registry (`contacts`) or a role (juridisch, toegang, …: "
        "then the contact with that role)"),
    "ex_toewijzen": ("`{cmd} toewijzen T5 aan: @fleur`", "`{cmd} assign T5 to: @fleur`"),
    "ex2_toewijzen": ("`{cmd} toewijzen T7 T8 aan: Fleur de Vries`", "`{cmd} assign T7 T8 to: Fleur de Vries`"),
    "ok_toewijzen": ("{refs}: nu van {owner} (was: {previous}).", "{refs}: now {owner}'s (was: {previous})."),
    "ok_toewijzen_dm": ("{owner} krijgt een DM, en daarna herinneringen: voor de deadline, op de dag en als die verstreken is.",
                        "{owner} gets a DM, and then reminders: before the deadline, on the day and once it has passed."),
    "ok_toewijzen_mail": ("{owner} krijgt een e-mail, en daarna herinneringen: voor de deadline, op de dag en als die "
                          "verstreken is.",
                          "{owner} gets an e-mail, and then reminders: before the deadline, on the day and once it has "
                          "passed."),
    "role_one_contact": ("{role}: {name} krijgt de taken en de herinneringen.",
                         "{role}: {name} gets the tasks and the reminders."),
    "role_many_contacts": ("{role}: meer contacten ({names}); geef de taken aan één van hen met `{cmd} toewijzen`, "
                           "anders krijgt de coördinator ze bij elke herinnering in een lijst.",
                           "{role}: several contacts ({names}); give the tasks to one of them with `{cmd} assign`, "
                           "else the coordinator gets them in a list at every reminder."),
    "role_no_contact": ("{role}: nog geen contact; voeg er één toe (`{cmd} contact <naam> rol: {role} …`) of gebruik "
                        "`{cmd} toewijzen`, anders krijgt de coördinator de taken bij elke herinnering in een lijst.",
                        "{role}: no contact yet; add one (`{cmd} contact <name> role: {role} …`) or use `{cmd} assign`, "
                        "else the coordinator gets the tasks in a list at every reminder."),
    "roles_no_contact": ("nog geen contact: {roles}. Voeg er per rol één toe (`{cmd} contact <naam> rol: … e-mail: …`) of "
                         "gebruik `{cmd} toewijzen`; tot dan krijgt de coördinator deze taken bij hun herinneringen in een lijst.",
                         "no contact yet: {roles}. Add one per role (`{cmd} contact <name> role: … email: …`) or use "
                         "`{cmd} assign`; until then the coordinator gets these tasks in a list at their reminders."),
    "plan_owners": ("Wie de taken krijgt:", "Who gets the tasks:"),
    "err_assign_unknown": ("`{name}` kan ik niets laten weten: noem een @collega, iemand uit het register "
                           "(`{cmd} contacten`) of een rol. Iemand van buiten Slack zet je eerst in het register: "
                           "`{cmd} contact {name} rol: … e-mail: …`.",
                           "I cannot tell `{name}` anything: name a @colleague, someone in the registry "
                           "(`{cmd} contacts`) or a role. Put someone outside Slack in the registry first: "
                           "`{cmd} contact {name} role: … email: …`."),
    "err_assign_extra": ("Na de T-nummers verwacht ik `aan:`, niet `{text}`.", "After the T-references I expect `to:`, not `{text}`."),
    "err_assign_same": ("{refs} is al van {name}.", "{refs} already belongs to {name}."),
    "err_task_exists": ("{ref} bestaat al. Een andere eigenaar geef je met `toewijzen {ref} aan: …`; een nieuwe taak "
                        "krijgt een eigen titel.",
                        "{ref} exists already. Give it another owner with `assign {ref} to: …`; a new task gets a "
                        "title of its own."),
    "task_line": ("*{ref}* {task} · deadline {deadline}", "*{ref}* {task} · due {deadline}"),
    "task_assigned_dm": ("Je bent eigenaar van {count:taak} in *{title}*:\n{lines}\nKlaar? Typ `{cmd} klaar {ref}` in "
                         "{channel}. Herinneringen volgen: voor de deadline, op de dag en als die verstreken is.",
                         "You now own {count:taak} in *{title}*:\n{lines}\nDone? Type `{cmd} done {ref}` in {channel}. "
                         "Reminders follow: before the deadline, on the day and once it has passed."),
    # -- task reminders ---------------------------------------------------------------------------
    "task_remind_as_role": ("Je staat in het contactregister van regio {region} als {role}.",
                            "You are in region {region}'s contact registry as {role}."),
    "task_remind_before": ("Herinnering: taak *{ref}* {task} (*{title}*) moet {deadline} klaar zijn ({when}). "
                           "Klaar? Typ `{cmd} klaar {ref}` in {channel}.",
                           "Reminder: task *{ref}* {task} (*{title}*) is due {deadline} ({when}). "
                           "Done? Type `{cmd} done {ref}` in {channel}."),
    "task_remind_due": ("{due}: taak *{ref}* {task} (*{title}*). Klaar? Typ `{cmd} klaar {ref}` in {channel}; "
                        "meer tijd nodig: `{cmd} uitstel {ref} deadline: … reden: …`.",
                        "{due}: task *{ref}* {task} (*{title}*). Done? Type `{cmd} done {ref}` in {channel}; "
                        "more time needed: `{cmd} postpone {ref} due: … reason: …`."),
    "task_remind_overdue": ("Taak *{ref}* {task} is {days:werkdag} over de deadline ({deadline}, *{title}*). Dit houdt "
                            "het traject op; lukt het deze week? Klaar: `{cmd} klaar {ref}` in {channel}.",
                            "Task *{ref}* {task} is {days:werkdag} past its deadline ({deadline}, *{title}*). It holds "
                            "up the trajectory; can it be done this week? Done: `{cmd} done {ref}` in {channel}."),
    "task_remind_creator": ("Taak *{ref}* {task} (*{title}*) is van {owner}, die ik niet kan bereiken (geen Slack of "
                            "e-mail in het register). {due}. Wil je navragen hoe het staat?",
                            "Task *{ref}* {task} (*{title}*) belongs to {owner}, whom I cannot reach (no Slack or e-mail "
                            "in the registry). {due}. Could you check how it's going?"),
    "task_remind_chase": ("Taak *{ref}* {task} van {owner} is {days:werkdag} na de deadline ({deadline}, *{title}*) nog "
                          "niet klaar. Wil je erachteraan gaan?",
                          "Task *{ref}* {task} of {owner} is still not done {days:werkdag} after its deadline ({deadline}, "
                          "*{title}*). Could you chase it?"),
    "tasks_unowned": ("Nog zonder eigenaar in *{title}* ({count:taak}): hun rol heeft in regio {region} geen "
                      "contact, of meer dan één.\n{lines}\nGeef ze iemand met `{cmd} toewijzen {ref} aan: @naam`, of zet "
                      "één contact met die rol in het register (`{cmd} contact …`).",
                      "Still without an owner in *{title}* ({count:taak}): their role has no contact in region {region}, "
                      "or more than one.\n{lines}\nGive them to someone with `{cmd} assign {ref} to: @name`, or put one "
                      "contact with that role in the registry (`{cmd} contact …`)."),
    "tasks_unowned_line": ("*{ref}* {task} · {role} ({holders}) · deadline {deadline} ({when})",
                           "*{ref}* {task} · {role} ({holders}) · due {deadline} ({when})"),
    "tasks_unowned_none": ("geen contact", "no contact"),
    "tasks_unowned_many": ("{count:contact}: {names}", "{count:contact}: {names}"),
    # -- how a deadline stands, on the day a reminder goes out ------------------------------------
    "day_today": ("vandaag", "today"),
    "day_tomorrow": ("morgen", "tomorrow"),
    "day_after_tomorrow": ("overmorgen", "the day after tomorrow"),
    "day_in": ("over {days:dag}", "in {days:dag}"),
    "day_yesterday": ("gisteren", "yesterday"),
    "day_before_yesterday": ("eergisteren", "the day before yesterday"),
    "day_ago": ("{days:dag} geleden", "{days:dag} ago"),
    "deadline_is_today": ("Vandaag is de deadline", "Today is the deadline"),
    "deadline_is": ("De deadline is {when}", "The deadline is {when}"),
    "deadline_was": ("De deadline was {when}", "The deadline was {when}"),
    # -- several references and a note ------------------------------------------------------------
    "ok_klaar_many": ("{refs} klaar. Goed gedaan!", "{refs} done. Well done!"),
    "ok_already_received": ("Al eerder ontvangen (niet veranderd): {refs}.", "Received before (unchanged): {refs}."),
    "ok_note": ("Notitie: {note}", "Note: {note}"),
    "err_van_one_ref": ("`van:` hoort bij één inputverzoek; je noemde {refs}. Doe ze één voor één.",
                        "`from:` belongs to one input request; you named {refs}. Do them one at a time."),
    # -- long lists, whole --------------------------------------------------------------------------
    "status_page": ("Pagina {page} van {pages} · volgende: `{next}`", "Page {page} of {pages} · next: `{next}`"),
    "fields_status": ("• optioneel één lijst, helemaal: besluiten, input, taken of signalen (en een paginanummer)",
                      "• optionally one list, whole: decisions, inputs, tasks or cases (and a page number)"),
    "err_status_list": ("`{value}` is geen lijst van status. Kies besluiten, input, taken of signalen, bijv. `status taken`.",
                        "`{value}` is not a list of status. Choose decisions, inputs, tasks or cases, e.g. `status tasks`."),
    "contacts_page": ("Contacten {first}–{last} (pagina {page} van {pages}) · volgende: `{next}`",
                      "Contacts {first}–{last} (page {page} of {pages}) · next: `{next}`"),
    "err_contacts_filter": ("`{value}` is geen rol, gemeente of organisatie in het register. Rollen: {roles}.",
                            "`{value}` is not a role, municipality or organisation in the registry. Roles: {roles}."),
}
