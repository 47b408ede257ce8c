"""Group requests as a working tool: the per-recipient view (`input I5`), the answers file, and
answers given in Slack."""

TEXTS: dict[str, tuple[str, str]] = {
    "input_view_title": ("*{ref}* {question}", "*{ref}* {question}"),
    "input_view_asked": ("Gevraagd van {who} door {requester} · deadline {deadline}.",
                         "Asked of {who} by {requester} · due {deadline}."),
    "input_view_counts": ("Beantwoord: {answered} · niet van toepassing: {declined} · zonder tekst genoteerd: {marked} · "
                          "open: {open} · mail onbestelbaar: {undeliverable}.",
                          "Answered: {answered} · not applicable: {declined} · noted without text: {marked} · "
                          "open: {open} · mail undeliverable: {undeliverable}."),
    "input_view_open": ("*Nog open* ({n})", "*Still open* ({n})"),
    "input_view_answered": ("*Beantwoord* ({n})", "*Answered* ({n})"),
    "input_view_declined": ("*Niet van toepassing of genoteerd zonder tekst* ({n})", "*Not applicable or noted without text* ({n})"),
    "input_view_file": ("Alle antwoorden volledig, om in een memo te plakken: {name}.",
                        "Every answer in full, to paste into a memo: {name}."),
    "recipient_line": ("{name} · {where} · {reach} · {state}", "{name} · {where} · {reach} · {state}"),
    "recipient_nowhere": ("gemeente of organisatie onbekend", "municipality or organisation unknown"),
    "reach_none": ("niet bereikbaar (herinneringen naar de vrager)", "not reachable (reminders go to the asker)"),
    "state_answered": ("beantwoord op {date}: _{start}_", "answered on {date}: _{start}_"),
    "state_amended": ("beantwoord op {date}, aangepast: _{start}_", "answered on {date}, amended: _{start}_"),
    "state_declined": ("niet van toepassing ({date})", "not applicable ({date})"),
    "state_marked": ("als ontvangen genoteerd op {date}, zonder tekst", "noted as received on {date}, without text"),
    "state_open": ("open", "open"),
    "state_reminded": ("herinnerd {n}×", "reminded {n}×"),
    "state_undeliverable": ("mail onbestelbaar", "mail undeliverable"),
    "ok_answer_stored": ("Je antwoord is bewaard en wordt in het kanaal geplaatst.",
                         "Your answer is stored and will be posted in the channel."),
    # The answers file (Markdown: it pastes into a memo as it is, and reads as plain text too).
    "memo_asked": ("Gevraagd van {who} door {requester} op {asked}; deadline {deadline}.",
                   "Asked of {who} by {requester} on {asked}; due {deadline}."),
    "memo_trajectory": ("Inkooptraject {title}, regio {region}.", "Procurement trajectory {title}, region {region}."),
    "memo_state": ("Stand op {date}: {answered} van {total} hebben gereageerd ({texts} met een antwoord, {declined} niet "
                   "van toepassing, {marked} zonder tekst genoteerd); {open} nog open.",
                   "As of {date}: {answered} of {total} responded ({texts} with an answer, {declined} not applicable, "
                   "{marked} noted without text); {open} still open."),
    "memo_answers": ("Antwoorden", "Answers"),
    "memo_answer_meta": ("beantwoord op {date} via {via}", "answered on {date} by {via}"),
    "memo_amended": (", aangepast", ", amended"),
    "memo_declined": ("Niet van toepassing of zonder tekst genoteerd", "Not applicable or noted without text"),
    "memo_open": ("Nog open", "Still open"),
    "memo_none": ("Nog geen antwoorden.", "No answers yet."),
    "via_pagina": ("de antwoordpagina", "the answer page"),
    "via_slack": ("Slack", "Slack"),
    "via_handmatig": ("de vrager", "the asker"),
    "answers_title": ("Antwoorden op {ref}", "Answers to {ref}"),
    "export_answers_header": ("ref;vraag;ontvanger;gemeente of organisatie;bereikt via;stand;ontvangen op;herinneringen;"
                              "mail onbestelbaar;antwoord",
                              "ref;question;recipient;municipality or organisation;reached by;state;received on;reminders;"
                              "mail undeliverable;answer"),
    "export_yes": ("ja", "yes"),
    "export_answers_title": ("Antwoorden per ontvanger", "Answers per recipient"),
    "state_word_answered": ("beantwoord", "answered"),
    "state_word_declined": ("niet van toepassing", "not applicable"),
    "state_word_marked": ("genoteerd zonder tekst", "noted without text"),
    "state_word_open": ("open", "open"),
}
