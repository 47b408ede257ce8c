"""App Home, forms and help."""

TEXTS: dict[str, tuple[str, str]] = {
    "home_title": ("*Wat op je wacht in Regiowacht*", "*What waits for you in Regiowacht*"),
    "home_inputs": ("*Input die van jou gevraagd is*", "*Input asked of you*"),
    "home_tasks": ("*Jouw taken*", "*Your tasks*"),
    "home_cases": ("*Urgente signalen*", "*Urgent cases*"),
    "home_trajectories": ("*Jouw trajecten*", "*Your trajectories*"),
    "home_region": ("*Regio {region}*: alle trajecten (de adoptiematrix: `{cmd} regio` in een kanaal van de regio)",
                    "*Region {region}*: every trajectory (the adoption matrix: `{cmd} region` in one of the region's channels)"),
    "home_nothing": ("Niets op dit moment.", "Nothing right now."),
    "home_trajectory": ("{level} *{title}* ({channel}) · {verdict}", "{level} *{title}* ({channel}) · {verdict}"),
    "modal_submit": ("Opslaan", "Save"),
    "modal_cancel": ("Annuleren", "Cancel"),
    "modal_close": ("Sluiten", "Close"),
    "modal_saving": ("Bezig met opslaan", "Saving"),
    "modal_saved": ("Opgeslagen", "Saved"),
    "saving_text": ("Even geduld: Regiowacht slaat dit op. Dit venster laat zo zien wat er is vastgelegd.",
                    "One moment: Regiowacht is saving this. This window will show what was recorded."),
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
    "field_rol": ("Rol: wethouder, beleid, aanbieder, client of overig (een groep zegt het zelf)",
                  "Role: wethouder, beleid, aanbieder, client or overig (a group says it itself)"),
    "field_voor": ("Voor besluit (bijv. B3, optioneel)", "For decision (e.g. B3, optional)"),
    "field_eigenaar": ("Eigenaar (naam)", "Owner (name)"),
    "field_eigenaar_user": ("…of kies een collega in Slack", "…or pick a colleague in Slack"),
    "field_na": ("Pas na besluit (bijv. B3, optioneel)", "Only after decision (e.g. B3, optional)"),
    "field_ernst": ("Ernst", "Severity"),
    "urgent_from_message": ("Vanuit het bericht van {who}: het signaal in het kanaal linkt ernaar. Pas de tekst gerust aan.",
                            "From the message by {who}: the case in the channel links to it. Feel free to edit the text."),
    "shortcut_bsn": ("Het bericht bevat een nummer dat een BSN kan zijn, dus het formulier is leeg gelaten: Regiowacht slaat geen BSN op. "
                     "Beschrijf de situatie met een zaaknummer, bijvoorbeeld: Jeugdige zonder plek na 1 januari, zaak 2026-0412.",
                     "The message holds a number that may be a BSN, so the form was left empty: Regiowacht stores no BSN. "
                     "Describe the situation with a case reference, for example: Young person without placement after 1 January, case 2026-0412."),
    "shortcut_cut": ("Het bericht is langer dan {limit} tekens; alleen het begin staat in het formulier.",
                     "The message is longer than {limit} characters; only its start is in the form."),
    "shortcut_no_trajectory": ("In dit kanaal loopt geen inkooptraject, dus hier kan geen urgent signaal worden gemeld. "
                               "Gebruik *Meld als urgent* in het kanaal van een traject, of koppel dit kanaal eerst met `{cmd} traject`.",
                               "No procurement trajectory runs in this channel, so no urgent case can be flagged here. "
                               "Use *Flag as urgent* in a trajectory's channel, or first link this channel with `{cmd} project`."),
    "placeholder_deadline": ("bijv. 15 januari, volgende week vrijdag, over 10 werkdagen", "e.g. 15 January, next week Friday, in 10 working days"),
    "help_title": ("*Regiowacht* houdt de regionale inkoop van jeugdhulp en Wmo in beweging. Opdrachten:",
                   "*Regiowacht* keeps the regional procurement of youth care and Wmo moving. Commands:"),
    "help_body": (
        "`traject` titel `regio:` `gemeenten:` `contracteinde:` [`start:` `implementatie:` `domein:`] — koppel dit kanaal aan een traject\n"
        "`besluit` titel `deadline:` [`door:` college/raad/regio] — nieuw besluit\n"
        "`vastgesteld` B-nr `gemeenten:` [`op:`] · `afgewezen` B-nr `gemeente:` [`reden:`]\n"
        "`input` vraag `van:` `rol:` `deadline:` [`voor:` B-nr] · `ontvangen` I-nr(s) [notitie]\n"
        "`taak` titel `eigenaar:` `deadline:` [`na:` B-nr] · `klaar` T-nr(s) [notitie] · `toewijzen` T-nr(s) `aan:`\n"
        "`urgent` omschrijving [`ernst:` hoog/middel/laag] · `opgepakt` / `opgelost` U-nr(s) [notitie]\n"
        "`uitstel` nr `deadline:` `reden:` · `intrekken` nr `reden:` · `traject` (instellingen; wijzigen met `reden:`)\n"
        "`status` [taken/besluiten/input/signalen] · `risico` · `digest` · `tijdlijn` · `export` · `datum` tekst · `taal` nl/en\n"
        "`contact` naam `rol:` `e-mail:` · `contacten` [rol/gemeente] · `plan` jeugd/wmo [`na:` B-nr] — standaard implementatietaken · `regio`\n"
        "Zonder velden opent `traject`, `besluit`, `input`, `taak` en `urgent` een formulier. Meer over één opdracht: `help besluit` of `besluit help`.",
        "`project` title `region:` `municipalities:` `contract-end:` [`go-live:` `implementation:` `domain:`] — link this channel to a trajectory\n"
        "`decision` title `due:` [`by:` college/raad/regio] — new decision\n"
        "`adopted` B-ref `municipalities:` [`on:`] · `rejected` B-ref `municipality:` [`reason:`]\n"
        "`input` question `from:` `role:` `due:` [`for:` B-ref] · `received` I-ref(s) [note]\n"
        "`task` title `owner:` `due:` [`after:` B-ref] · `done` T-ref(s) [note] · `assign` T-ref(s) `to:`\n"
        "`urgent` description [`severity:` hoog/middel/laag] · `ack` / `resolved` U-ref(s) [note]\n"
        "`postpone` ref `due:` `reason:` · `withdraw` ref `reason:` · `project` (settings; change with `reason:`)\n"
        "`status` [tasks/decisions/inputs/cases] · `risk` · `digest` · `timeline` · `export` · `date` text · `language` nl/en\n"
        "`contact` name `role:` `email:` · `contacts` [role/municipality] · `plan` jeugd/wmo [`after:` B-ref] — standard implementation tasks · `region`\n"
        "Without fields, `project`, `decision`, `input`, `task` and `urgent` open a form. More on one command: `help decision` or `decision help`."),
    "help_examples": ("Voorbeelden:", "Examples:"),
    "help_privacy": ("Schrijf nooit een BSN of andere persoonsgegevens van inwoners: gebruik een zaaknummer.",
                     "Never write a BSN or other personal data of residents: use a case reference."),
}
