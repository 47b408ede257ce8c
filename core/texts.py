"""Every sentence the bot says, in Dutch and English. `t(lang, key, **params)` picks and fills one;
a test fails when a key lacks a language or the two versions take different parameters."""
from __future__ import annotations

from datetime import date

LANGUAGES = ("nl", "en")
_WEEKDAYS = {"nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
             "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")}
_WEEKDAYS_LONG = {"nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
                  "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")}
_MONTHS = {"nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
           "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")}


def fmt_date(day: date, lang: str, *, weekday: bool = True, year: bool = True) -> str:
    """`di 1 dec 2026` / `Tue 1 Dec 2026`: the weekday makes a misread date obvious."""
    lang = lang if lang in LANGUAGES else "nl"
    parts = [_WEEKDAYS[lang][day.weekday()]] if weekday else []
    parts += [str(day.day), _MONTHS[lang][day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def person(user_id: str | None, name: str | None) -> str:
    """A Slack user as a mention, anyone else by name."""
    return f"<@{user_id}>" if user_id else (name or "?")


def weekday_name(index: int, lang: str) -> str:
    return _WEEKDAYS_LONG[lang if lang in LANGUAGES else "nl"][index]


TEXTS: dict[str, tuple[str, str]] = {
    # -- errors ------------------------------------------------------------------------------
    "err_unknown_subcommand": ("Ik ken `{word}` niet als opdracht.", "I don't know `{word}` as a command."),
    "err_duplicate_field": ("Het veld `{key}:` staat er twee keer in.", "The field `{key}:` appears twice."),
    "err_field_not_here": ("Het veld `{key}:` hoort niet bij `{command}`.",
                           "The field `{key}:` does not belong to `{command}`."),
    "err_missing_field": ("Het veld `{key}:` ontbreekt.", "The field `{key}:` is missing."),
    "err_missing_title": ("Er ontbreekt een omschrijving: schrijf die direct na de opdracht.",
                          "A description is missing: write it right after the command."),
    "err_choice": ("`{value}` is geen geldige waarde voor `{key}:`. Kies uit: {options}.",
                   "`{value}` is not a valid value for `{key}:`. Choose from: {options}."),
    "err_no_trajectory": ("Dit kanaal is nog niet gekoppeld aan een inkooptraject.",
                          "This channel is not linked to a procurement trajectory yet."),
    "err_bad_ref": ("`{ref}` is geen geldige verwijzing; verwacht wordt {kinds} met een nummer, zoals B3.",
                    "`{ref}` is not a valid reference; expected {kinds} with a number, such as B3."),
    "err_unknown_ref": ("Ik vind `{ref}` niet in het traject van dit kanaal.",
                        "I can't find `{ref}` in this channel's trajectory."),
    "err_channel_taken": ("Dit kanaal hoort al bij het traject *{title}*. Eén traject per kanaal: maak een nieuw kanaal aan.",
                          "This channel already belongs to the trajectory *{title}*. One trajectory per channel: create a new channel."),
    "err_weeks": ("`{value}` is geen aantal weken (1 tot 104).", "`{value}` is not a number of weeks (1 to 104)."),
    "err_new_region_needs_members": ("Regio *{region}* is nieuw: noem de deelnemende gemeenten met `gemeenten:`.",
                                     "Region *{region}* is new: list its member municipalities with `municipalities:`."),
    "err_not_member": ("Geen gemeente van deze regio: {names}. Deelnemers: {members}.",
                       "Not a municipality of this region: {names}. Members: {members}."),
    "err_regional_no_municipalities": ("{ref} is een regionaal besluit: laat `gemeente:` weg.",
                                       "{ref} is a regional decision: leave out `municipality:`."),
    "err_already": ("{ref} is al afgerond.", "{ref} is already completed."),
    "err_same_deadline": ("De deadline is al {date}.", "The deadline already is {date}."),
    "err_bsn": ("Dit bericht lijkt een burgerservicenummer (BSN) te bevatten. Regiowacht bewaart geen persoonsgegevens van inwoners: "
                "er is niets opgeslagen en het nummer wordt niet herhaald. Verwijs naar de casus met een zaaknummer uit je eigen systeem.",
                "This message seems to contain a citizen service number (BSN). Regiowacht keeps no personal data about residents: "
                "nothing was stored and the number is not repeated. Refer to the case by a case reference from your own system."),
    "err_internal": ("Er ging iets mis aan onze kant; er is niets opgeslagen. Probeer het zo nog eens.",
                     "Something went wrong on our side; nothing was stored. Please try again shortly."),
    "err_modal_gone": ("Dit formulier hoort bij een kanaal zonder traject.", "This form belongs to a channel without a trajectory."),
    "err_language": ("Kies `nl` of `en`.", "Choose `nl` or `en`."),
    "err_no_date": ("Schrijf een datum achter `datum`.", "Write a date after `date`."),
    # -- deadlines ------------------------------------------------------------------------------
    "date_empty": ("Er staat geen datum.", "There is no date."),
    "date_vague": ("`{text}` noemt geen dag. Welke datum bedoel je precies?",
                   "`{text}` does not name a day. Which date do you mean exactly?"),
    "date_unknown": ("Ik lees `{text}` niet als datum. Welke datum bedoel je precies?",
                     "I can't read `{text}` as a date. Which date do you mean exactly?"),
    "date_impossible": ("`{text}` bestaat niet als datum. Welke datum bedoel je?",
                        "`{text}` is not a real date. Which date do you mean?"),
    "date_past": ("`{text}` is {date}: dat ligt in het verleden. Welke datum in de toekomst bedoel je?",
                  "`{text}` is {date}: that is in the past. Which future date do you mean?"),
    "date_future": ("`{text}` is {date}: dat ligt in de toekomst. Op welke dag gebeurde het?",
                    "`{text}` is {date}: that is in the future. On which day did it happen?"),
    "date_weekday_mismatch": ("{date} valt niet op een {weekday}. Welke datum bedoel je?",
                              "{date} is not a {weekday}. Which date do you mean?"),
    "date_ambiguous": ("`{text}` kan {first} zijn of {second}. Schrijf `aanstaande …` of `volgende week …`, of de datum.",
                       "`{text}` could be {first} or {second}. Write `this coming …` or `next week …`, or the date."),
    "date_hint": ("Schrijf bijvoorbeeld `15 januari`, `15-01-2027`, `volgende week vrijdag`, `over 10 werkdagen` of `eind maart`.",
                  "Write for example `15 January`, `15-01-2027`, `next week Friday`, `in 10 working days` or `end of March`."),
    # -- permissions -----------------------------------------------------------------------------
    "perm_setup": ("Een traject opzetten mag alleen een workspace-beheerder of iemand uit BOT_ADMINS.",
                   "Only a workspace admin or someone in BOT_ADMINS may set up a trajectory."),
    "perm_coordinator": ("Alleen de coördinator van dit traject of een beheerder mag besluiten beheren.",
                         "Only this trajectory's coordinator or an admin may manage decisions."),
    "perm_own_items": ("Dit mag alleen wie het item heeft aangemaakt of eigenaar is, de coördinator of een beheerder.",
                       "Only whoever created or owns the item, the coordinator or an admin may do this."),
    # -- examples --------------------------------------------------------------------------------
    "example": ("Zo werkt het:", "For example:"),
    "ex_help": ("`{cmd} help`", "`{cmd} help`"),
    "ex_traject": ("`{cmd} traject Jeugdhulp 2027 regio: Rivierenland gemeenten: Tiel, Culemborg, Buren contracteinde: 31-12-2027 implementatie: 12 domein: jeugd`",
                   "`{cmd} project Youth care 2027 region: Rivierenland municipalities: Tiel, Culemborg, Buren contract-end: 31-12-2027 implementation: 12 domain: jeugd`"),
    "ex_besluit": ("`{cmd} besluit Tarieven 2027 deadline: 15 januari door: college`",
                   "`{cmd} decision Rates 2027 due: 15 January by: college`"),
    "ex_vastgesteld": ("`{cmd} vastgesteld B3 gemeenten: Tiel, Buren op: 2 december`",
                       "`{cmd} adopted B3 municipalities: Tiel, Buren on: 2 December`"),
    "ex_afgewezen": ("`{cmd} afgewezen B3 gemeente: Tiel reden: tarief te hoog`",
                     "`{cmd} rejected B3 municipality: Tiel reason: rate too high`"),
    "ex_input": ("`{cmd} input Reactie op het tarievenvoorstel van: @Jan rol: wethouder deadline: vrijdag voor: B3`",
                 "`{cmd} input Response to the rates proposal from: @Jan role: wethouder due: Friday for: B3`"),
    "ex_ontvangen": ("`{cmd} ontvangen I7`", "`{cmd} received I7`"),
    "ex_taak": ("`{cmd} taak Productcodes inrichten eigenaar: @Fatima deadline: eind januari na: B3`",
                "`{cmd} task Set up product codes owner: @Fatima due: end of January after: B3`"),
    "ex_klaar": ("`{cmd} klaar T3`", "`{cmd} done T3`"),
    "ex_urgent": ("`{cmd} urgent Jeugdige zonder plek na 1 jan, zaak 2026-0412 ernst: hoog`",
                  "`{cmd} urgent Young person without placement after 1 Jan, case 2026-0412 severity: hoog`"),
    "ex_opgepakt": ("`{cmd} opgepakt U2`", "`{cmd} ack U2`"),
    "ex_opgelost": ("`{cmd} opgelost U2`", "`{cmd} resolved U2`"),
    "ex_uitstel": ("`{cmd} uitstel B3 deadline: 29 januari reden: raadsvergadering verschoven`",
                   "`{cmd} postpone B3 due: 29 January reason: council meeting moved`"),
    "ex_status": ("`{cmd} status`", "`{cmd} status`"),
    "ex_datum": ("`{cmd} datum volgende week dinsdag`", "`{cmd} date next week Tuesday`"),
    "ex_taal": ("`{cmd} taal en`", "`{cmd} language nl`"),
    # -- answers -------------------------------------------------------------------------------
    "ok_traject": ("Kanaal gekoppeld aan *{title}* ({region}, {count} gemeenten). Contracten eindigen {contract_end}; start nieuwe afspraken {go_live}; {weeks} weken implementatie; domein {domain}. Jij bent coördinator.",
                   "Channel linked to *{title}* ({region}, {count} municipalities). Contracts end {contract_end}; new arrangement starts {go_live}; {weeks} weeks of implementation; domain {domain}. You are the coordinator."),
    "ok_besluit": ("*{ref}* {title}: deadline {deadline}, besluit door {by}.",
                   "*{ref}* {title}: due {deadline}, decided by {by}."),
    "ok_vastgesteld": ("*{ref}* vastgesteld door {names} op {date}.", "*{ref}* adopted by {names} on {date}."),
    "ok_afgewezen": ("*{ref}* afgewezen door {names} op {date}. Het besluit blijft open tot een herzien voorstel is vastgesteld.",
                     "*{ref}* rejected by {names} on {date}. The decision stays open until a revised version is adopted."),
    "ok_taken": ("Alle vaststellingen zijn binnen: {ref} is genomen.", "All adoptions are in: {ref} is taken."),
    "ok_remaining": ("Nog niet vastgesteld: {names}.", "Not yet adopted: {names}."),
    "ok_input": ("*{ref}* input gevraagd van {who} ({role}), deadline {deadline}.",
                 "*{ref}* input requested from {who} ({role}), due {deadline}."),
    "ok_input_for": ("Dit blokkeert {ref}.", "This blocks {ref}."),
    "ok_ontvangen": ("*{ref}* ontvangen. Dank!", "*{ref}* received. Thanks!"),
    "ok_taak": ("*{ref}* {title}: eigenaar {owner}, deadline {deadline}.", "*{ref}* {title}: owner {owner}, due {deadline}."),
    "ok_taak_after": ("Start pas na {ref}.", "Starts only after {ref}."),
    "ok_klaar": ("*{ref}* klaar. Goed gedaan!", "*{ref}* done. Well done!"),
    "ok_urgent": ("*{ref}* gemeld en in het kanaal geplaatst; de coördinator is gewaarschuwd.",
                  "*{ref}* flagged and posted in the channel; the coordinator has been alerted."),
    "ok_opgepakt": ("*{ref}* opgepakt door {who}.", "*{ref}* acknowledged by {who}."),
    "ok_opgelost": ("*{ref}* opgelost door {who}.", "*{ref}* resolved by {who}."),
    "ok_uitstel": ("*{ref}* verschoven van {old} naar {new} (uitstel nr. {count}).",
                   "*{ref}* moved from {old} to {new} (postponement no. {count})."),
    "ok_datum": ("`{text}` lees ik als *{date}*.", "I read `{text}` as *{date}*."),
    "ok_taal": ("Ik antwoord je voortaan in het Nederlands.", "From now on I'll answer you in English."),
    # -- urgent case post -----------------------------------------------------------------------
    "urgent_post": ("*{ref}* Urgent signaal ({severity}) van {who}: {text}", "*{ref}* Urgent case ({severity}) from {who}: {text}"),
    "urgent_attention": ("{coordinator}, graag oppakken.", "{coordinator}, please pick this up."),
    "urgent_acked": ("Opgepakt door {who} op {when}.", "Acknowledged by {who} at {when}."),
    "urgent_resolved": ("Opgelost door {who} op {when}.", "Resolved by {who} at {when}."),
    "urgent_purged": ("(tekst verwijderd na de bewaartermijn)", "(text removed after the retention period)"),
    "btn_ack": ("Oppakken", "Acknowledge"),
    "btn_resolve": ("Opgelost", "Resolved"),
    "sev_hoog": ("hoog", "high"),
    "sev_middel": ("middel", "medium"),
    "sev_laag": ("laag", "low"),
    # -- status ----------------------------------------------------------------------------------
    "status_head": ("*{title}* · {region} · domein {domain}", "*{title}* · {region} · domain {domain}"),
    "status_dates": ("Contracten eindigen {contract_end} · start {go_live} · {weeks} weken implementatie · coördinator {coordinator}",
                     "Contracts end {contract_end} · go-live {go_live} · {weeks} weeks implementation · coordinator {coordinator}"),
    "status_decisions": ("*Besluiten*", "*Decisions*"),
    "status_inputs": ("*Inputverzoeken (open)*", "*Input requests (open)*"),
    "status_tasks": ("*Taken (open)*", "*Tasks (open)*"),
    "status_urgent": ("*Urgente signalen (open)*", "*Urgent cases (open)*"),
    "status_none": ("geen", "none"),
    "status_decision": ("{ref} {title} · {by} · deadline {deadline} · {progress}", "{ref} {title} · {by} · due {deadline} · {progress}"),
    "status_progress": ("{done}/{total} vastgesteld", "{done}/{total} adopted"),
    "status_regio_pending": ("wacht op het regionale besluit", "awaiting the regional decision"),
    "status_regio_rejected": ("door de regio afgewezen", "rejected by the region"),
    "status_taken": ("genomen {date}", "taken {date}"),
    "status_missing": ("nog: {names}", "pending: {names}"),
    "status_rejected": ("afgewezen: {names}", "rejected: {names}"),
    "status_input": ("{ref} {question} · {who} ({role}) · deadline {deadline}", "{ref} {question} · {who} ({role}) · due {deadline}"),
    "status_task": ("{ref} {title} · {owner} · deadline {deadline}", "{ref} {title} · {owner} · due {deadline}"),
    "status_case": ("{ref} ({severity}) {text} · {state}", "{ref} ({severity}) {text} · {state}"),
    "status_case_open": ("nog niet opgepakt", "not acknowledged yet"),
    "status_case_acked": ("opgepakt door {who}", "acknowledged by {who}"),
    "status_overdue": ("te laat", "overdue"),
    "status_counts": ("{decisions} besluiten open · {inputs} inputverzoeken open · {tasks} taken open · {cases} signalen open",
                      "{decisions} decisions open · {inputs} input requests open · {tasks} tasks open · {cases} urgent cases open"),
    "status_more": ("… en nog {count}", "… and {count} more"),
    "by_college": ("college", "college"),
    "by_raad": ("raad", "council"),
    "by_regio": ("regio", "region"),
    # -- continuity risk ---------------------------------------------------------------------
    "level_groen": ("groen", "green"),
    "level_oranje": ("oranje", "orange"),
    "level_rood": ("rood", "red"),
    "risk_buffer": ("buffer {days} dagen", "buffer {days} days"),
    "risk_days_late": ("{days} dagen te laat", "{days} days late"),
    "risk_title": ("*Continuïteitsrisico {title}: {level}* ({verdict})", "*Continuity risk {title}: {level}* ({verdict})"),
    "risk_reason_late": ("De nieuwe afspraken zijn naar verwachting niet klaar als de contracten eindigen.",
                         "The new arrangement is not expected to be ready when the contracts end."),
    "risk_reason_contract_near": ("De contracten eindigen binnen {days} dagen en er staat nog een besluit open.",
                                  "The contracts end within {days} days and a decision is still pending."),
    "risk_reason_small_buffer": ("Er is minder dan {days} dagen buffer.", "There is less than {days} days of buffer."),
    "risk_reason_overdue": ("Te laat: {refs}.", "Overdue: {refs}."),
    "risk_reason_none": ("Op schema en niets te laat.", "On track and nothing overdue."),
    "risk_steps": ("*Zo komt de verwachting tot stand*", "*How the forecast is made*"),
    "risk_who": ("*Wie moet bewegen*", "*Who must move*"),
    "risk_holders": ("nog bij {names}", "still with {names}"),
    "risk_with": ("bij {who}", "with {who}"),
    "risk_overdue_since": ("te laat sinds {date}", "overdue since {date}"),
    "risk_waits_for": ("wacht op {ref} van {who}", "waits for {ref} from {who}"),
    "explain_municipality": ("{name} stelt besluiten gemiddeld {late} dagen na de deadline vast → {ref} verwacht {expected}",
                             "{name} adopts decisions {late} days after the deadline on average → {ref} expected {expected}"),
    "explain_decision": ("{ref} verwacht {expected}", "{ref} expected {expected}"),
    "explain_input": ("{ref} van {who} (gemiddeld {late} dagen te laat) verwacht {expected} → {decision} niet vóór {decision_expected}",
                      "{ref} from {who} ({late} days late on average) expected {expected} → {decision} not before {decision_expected}"),
    "explain_rejected": ("(afgewezen door {names}: herzien voorstel nodig)", "(rejected by {names}: a revised version is needed)"),
    "explain_implementation": ("na {ref}: {weeks} weken implementatie → klaar {ready}",
                               "after {ref}: {weeks} weeks of implementation → ready {ready}"),
    "explain_task": ("{ref} is daarna pas klaar: {ready}", "{ref} finishes later still: {ready}"),
    "explain_compare": ("klaar {ready} → contracten eindigen {contract_end}, start {go_live}: {verdict}",
                        "ready {ready} → contracts end {contract_end}, go-live {go_live}: {verdict}"),
    "status_risk": ("Risico: {level} · {verdict} · verwacht klaar {ready}", "Risk: {level} · {verdict} · expected ready {ready}"),
    # -- alerts, digest, reminders, escalation --------------------------------------------------
    "alert_title": ("{icon} *Continuïteitsrisico {title} is nu {level}* ({verdict}). {coordinator}, dit vraagt actie.",
                    "{icon} *Continuity risk of {title} is now {level}* ({verdict}). {coordinator}, this needs action."),
    "alert_more": ("Uitleg: `{cmd} risico`", "Explanation: `{cmd} risk`"),
    "digest_title": ("*Dagoverzicht {title}* · {date}", "*Daily digest {title}* · {date}"),
    "digest_quiet": ("✅ *{title}*: op schema ({verdict}). Niets te laat, niets urgent.",
                     "✅ *{title}*: on track ({verdict}). Nothing overdue, nothing urgent."),
    "digest_level": ("{level} · {verdict} · verwacht klaar {ready}", "{level} · {verdict} · expected ready {ready}"),
    "digest_overdue": ("*Te laat*", "*Overdue*"),
    "digest_due": ("*Deadline in de komende 5 werkdagen*", "*Due in the next 5 working days*"),
    "digest_adoptions": ("*Nog vast te stellen*", "*Still to adopt*"),
    "digest_urgent": ("*Open urgente signalen*", "*Open urgent cases*"),
    "digest_changes": ("*Sinds het vorige overzicht*", "*Since the last digest*"),
    "digest_no_changes": ("geen wijzigingen", "no changes"),
    "digest_item": ("{ref} {title} · {who} · {deadline}", "{ref} {title} · {who} · {deadline}"),
    "digest_adoption": ("{ref} {title}: {names}", "{ref} {title}: {names}"),
    "digest_change": ("{who} {action} {item}", "{who} {action} {item}"),
    "remind_before": ("Herinnering: {requester} vroeg je om input voor *{title}*: {ref} {question}. Deadline {deadline}. Klaar? Typ `{cmd} ontvangen {ref}` in {channel}.",
                      "Reminder: {requester} asked you for input for *{title}*: {ref} {question}. Due {deadline}. Done? Type `{cmd} received {ref}` in {channel}."),
    "remind_due": ("Vandaag is de deadline: {ref} {question} (*{title}*, gevraagd door {requester}). Typ `{cmd} ontvangen {ref}` in {channel} als het binnen is.",
                   "Due today: {ref} {question} (*{title}*, asked by {requester}). Type `{cmd} received {ref}` in {channel} once it's in."),
    "remind_overdue": ("{ref} {question} is {days} werkdagen te laat (deadline {deadline}, *{title}*). Dit houdt het traject op; kun je het vandaag aanleveren?",
                       "{ref} {question} is {days} working days overdue (due {deadline}, *{title}*). It holds up the trajectory; can you deliver today?"),
    "remind_outsider": ("Je vroeg {who} om input ({ref} {question}, *{title}*), deadline {deadline}. Wil je navragen hoe het staat?",
                        "You asked {who} for input ({ref} {question}, *{title}*), due {deadline}. Could you check how it's going?"),
    "remind_chase": ("{ref} {question} van {who} is na drie herinneringen nog niet binnen (deadline {deadline}, *{title}*). Wil je erachteraan gaan?",
                     "{ref} {question} from {who} is still not in after three reminders (due {deadline}, *{title}*). Could you chase it?"),
    "escalate_channel": ("⏰ *{ref}* ({severity}) is na {hours} werkuren nog niet opgepakt. {coordinator}, graag nu oppakken.",
                         "⏰ *{ref}* ({severity}) has not been acknowledged after {hours} working hours. {coordinator}, please pick it up now."),
    "escalate_dm": ("⏰ Urgent signaal *{ref}* ({severity}) in {channel} is na {hours} werkuren nog niet opgepakt: {text}",
                    "⏰ Urgent case *{ref}* ({severity}) in {channel} has not been acknowledged after {hours} working hours: {text}"),
    # -- files: export and timeline -------------------------------------------------------------
    "files_sent": ("{count} bestand(en) staan in je privéberichten met Regiowacht: {names}.",
                   "{count} file(s) are in your direct messages with Regiowacht: {names}."),
    "files_failed": ("Slack nam de bestanden nu niet aan; probeer het zo nog eens.",
                     "Slack did not accept the files just now; please try again shortly."),
    "files_comment": ("{what} van *{title}*, {date}", "{what} of *{title}*, {date}"),
    "export_decisions_title": ("Besluiten en vaststellingen", "Decisions and adoptions"),
    "export_audit_title": ("Auditlog", "Audit log"),
    "export_calendar_title": ("Deadlines (agenda)", "Deadlines (calendar)"),
    "export_decisions_header": ("ref;titel;door;deadline;genomen;uitstel;vastgesteld;afgewezen;nog niet",
                                "ref;title;by;deadline;taken;postponed;adopted;rejected;pending"),
    "export_audit_header": ("tijd (UTC);wie;wat;item;veld;oud;nieuw", "time (UTC);who;what;item;field;old;new"),
    "export_contract_end": ("Contracten eindigen: {title}", "Contracts end: {title}"),
    "export_go_live": ("Start nieuwe afspraken: {title}", "Go-live: {title}"),
    "export_ready": ("Verwacht klaar: {title}", "Expected ready: {title}"),
    "export_what": ("Export", "Export"),
    "timeline_what": ("Tijdlijn", "Timeline"),
    "timeline_title": ("{title} · risico {level}", "{title} · risk {level}"),
    "timeline_file_title": ("Tijdlijn {title}", "Timeline {title}"),
    "timeline_key": ("| deadline   ● verwacht (rood: later dan de deadline)", "| deadline   ● expected (red: later than the deadline)"),
    "timeline_today": ("vandaag", "today"),
    "timeline_ready": ("verwacht klaar", "expected ready"),
    "timeline_contract_end": ("contracteinde", "contract end"),
    # -- App Home -------------------------------------------------------------------------------
    "home_title": ("*Wat op je wacht in Regiowacht*", "*What waits for you in Regiowacht*"),
    "home_inputs": ("*Input die van jou gevraagd is*", "*Input asked of you*"),
    "home_tasks": ("*Jouw taken*", "*Your tasks*"),
    "home_cases": ("*Urgente signalen die jij meldde*", "*Urgent cases you flagged*"),
    "home_trajectories": ("*Jouw trajecten*", "*Your trajectories*"),
    "home_nothing": ("Niets op dit moment.", "Nothing right now."),
    "home_trajectory": ("{level} *{title}* ({channel}) · {verdict}", "{level} *{title}* ({channel}) · {verdict}"),
    "btn_received": ("Ontvangen", "Received"),
    "btn_done": ("Klaar", "Done"),
    # -- modals ----------------------------------------------------------------------------------
    "modal_submit": ("Opslaan", "Save"),
    "modal_cancel": ("Annuleren", "Cancel"),
    "modal_traject": ("Nieuw inkooptraject", "New trajectory"),
    "modal_besluit": ("Nieuw besluit", "New decision"),
    "modal_input": ("Input vragen", "Request input"),
    "modal_taak": ("Nieuwe taak", "New task"),
    "modal_urgent": ("Urgent signaal", "Urgent case"),
    "field_title": ("Titel", "Title"),
    "field_question": ("Vraag", "Question"),
    "field_description": ("Omschrijving (geen persoonsgegevens)", "Description (no personal data)"),
    "field_regio": ("Regio", "Region"),
    "field_gemeenten": ("Gemeenten (bij een nieuwe regio)", "Municipalities (for a new region)"),
    "field_contracteinde": ("Einddatum huidige contracten", "End date of current contracts"),
    "field_start": ("Start nieuwe afspraken (leeg: dag na contracteinde)", "Go-live (empty: day after contract end)"),
    "field_implementatie": ("Implementatie in weken (leeg: 12)", "Implementation in weeks (empty: 12)"),
    "field_domein": ("Domein: jeugd, wmo of beide", "Domain: jeugd, wmo or beide"),
    "field_deadline": ("Deadline", "Deadline"),
    "field_door": ("Besluit door: college, raad of regio", "Decided by: college, raad or regio"),
    "field_van": ("Van wie (naam of @collega)", "From whom (name or @colleague)"),
    "field_van_user": ("…of kies een collega in Slack", "…or pick a colleague in Slack"),
    "field_rol": ("Rol: wethouder, beleid, aanbieder, client of overig", "Role: wethouder, beleid, aanbieder, client or overig"),
    "field_voor": ("Voor besluit (bijv. B3, optioneel)", "For decision (e.g. B3, optional)"),
    "field_eigenaar": ("Eigenaar (naam)", "Owner (name)"),
    "field_eigenaar_user": ("…of kies een collega in Slack", "…or pick a colleague in Slack"),
    "field_na": ("Pas na besluit (bijv. B3, optioneel)", "Only after decision (e.g. B3, optional)"),
    "field_ernst": ("Ernst: hoog, middel of laag", "Severity: hoog, middel or laag"),
    "placeholder_deadline": ("bijv. 15 januari, volgende week vrijdag, over 10 werkdagen", "e.g. 15 January, next week Friday, in 10 working days"),
    # -- help ------------------------------------------------------------------------------------
    "help_title": ("*Regiowacht* houdt de regionale inkoop van jeugdhulp en Wmo in beweging. Opdrachten:",
                   "*Regiowacht* keeps the regional procurement of youth care and Wmo moving. Commands:"),
    "help_body": (
        "`traject` titel `regio:` `gemeenten:` `contracteinde:` [`start:` `implementatie:` `domein:`] — koppel dit kanaal aan een traject\n"
        "`besluit` titel `deadline:` [`door:` college/raad/regio] — nieuw besluit\n"
        "`vastgesteld` B-nr `gemeenten:` [`op:`] · `afgewezen` B-nr `gemeente:` [`reden:`]\n"
        "`input` vraag `van:` `rol:` `deadline:` [`voor:` B-nr] · `ontvangen` I-nr\n"
        "`taak` titel `eigenaar:` `deadline:` [`na:` B-nr] · `klaar` T-nr\n"
        "`urgent` omschrijving [`ernst:` hoog/middel/laag] · `opgepakt` / `opgelost` U-nr\n"
        "`uitstel` nr `deadline:` `reden:` · `status` · `risico` · `digest` · `tijdlijn` · `export` · `datum` tekst · `taal` nl/en\n"
        "Zonder velden opent `traject`, `besluit`, `input`, `taak` en `urgent` een formulier.",
        "`project` title `region:` `municipalities:` `contract-end:` [`go-live:` `implementation:` `domain:`] — link this channel to a trajectory\n"
        "`decision` title `due:` [`by:` college/raad/regio] — new decision\n"
        "`adopted` B-ref `municipalities:` [`on:`] · `rejected` B-ref `municipality:` [`reason:`]\n"
        "`input` question `from:` `role:` `due:` [`for:` B-ref] · `received` I-ref\n"
        "`task` title `owner:` `due:` [`after:` B-ref] · `done` T-ref\n"
        "`urgent` description [`severity:` hoog/middel/laag] · `ack` / `resolved` U-ref\n"
        "`postpone` ref `due:` `reason:` · `status` · `risk` · `digest` · `timeline` · `export` · `date` text · `language` nl/en\n"
        "Without fields, `project`, `decision`, `input`, `task` and `urgent` open a form."),
    "help_examples": ("Voorbeelden:", "Examples:"),
    "help_privacy": ("Schrijf nooit een BSN of andere persoonsgegevens van inwoners: gebruik een zaaknummer.",
                     "Never write a BSN or other personal data of residents: use a case reference."),
}


def t(lang: str, key: str, /, **params) -> str:
    nl, en = TEXTS[key]
    text = en if lang == "en" else nl
    return text.format(**params) if params else text
