"""`help <subcommand>`: what each subcommand does, its fields (required ones first), and a second
example beside the one errors show (`ex_<name>` in errors.py)."""

TEXTS: dict[str, tuple[str, str]] = {
    "help_sub_title": ("*{cmd} {word}* — {summary}", "*{cmd} {word}* — {summary}"),
    "help_sub_examples": ("Voorbeelden:", "Examples:"),
    "help_sub_other": ("Alle opdrachten: `{cmd} help`", "All commands: `{cmd} help`"),
    "help_sub_no_fields": ("Geen velden.", "No fields."),
    # -- per subcommand: summary and fields -----------------------------------------------------
    "help_help": ("uitleg over alle opdrachten, of over één: `help besluit`",
                  "usage of every command, or of one: `help decision`"),
    "ex2_help": ("`{cmd} besluit help`", "`{cmd} decision help`"),
    "help_traject": ("koppel dit kanaal aan een nieuw inkooptraject (beheerders); waar er een loopt: toon of wijzig "
                     "het (coördinator of beheerder)",
                     "link this channel to a new procurement trajectory (admins); where one runs: show or change it "
                     "(coordinator or admin)"),
    "fields_traject": (
        "• titel: direct na `traject`\n"
        "• `regio:` (verplicht) de naam van de regio\n"
        "• `gemeenten:` de deelnemende gemeenten; verplicht bij een nieuwe regio\n"
        "• `contracteinde:` (verplicht) de dag waarop de huidige contracten eindigen\n"
        "• `start:` start van de nieuwe afspraken (standaard de dag na contracteinde)\n"
        "• `implementatie:` weken implementatie (standaard 12)\n"
        "• `domein:` jeugd, wmo of beide (standaard beide)\n"
        "Loopt er al een traject in dit kanaal? `traject` toont de instellingen; wijzigen met `contracteinde:`, "
        "`start:`, `implementatie:` of `titel:` en een `reden:` (vastgelegd, met het nieuwe risico).",
        "• title: right after `project`\n"
        "• `region:` (required) the region's name\n"
        "• `municipalities:` the member municipalities; required for a new region\n"
        "• `contract-end:` (required) the day the current contracts end\n"
        "• `go-live:` start of the new arrangement (default: the day after contract end)\n"
        "• `implementation:` weeks of implementation (default 12)\n"
        "• `domain:` jeugd, wmo or beide (default beide)\n"
        "A trajectory runs here already? `project` shows its settings; change them with `contract-end:`, "
        "`go-live:`, `implementation:` or `title:` and a `reason:` (recorded, with the new risk)."),
    "ex2_traject": ("`{cmd} traject Wmo begeleiding 2028 regio: Rivierenland contracteinde: eind 2027 start: 1-1-2028 domein: wmo`",
                    "`{cmd} project Wmo support 2028 region: Rivierenland contract-end: end of 2027 go-live: 1-1-2028 domain: wmo`"),
    "help_besluit": ("een nieuw besluit dat elke gemeente (of de regio) moet nemen", "a new decision every municipality (or the region) must take"),
    "fields_besluit": (
        "• titel: direct na `besluit`\n"
        "• `deadline:` (verplicht) wanneer het besluit genomen moet zijn\n"
        "• `door:` college, raad of regio (standaard college)",
        "• title: right after `decision`\n"
        "• `due:` (required) when the decision must be taken\n"
        "• `by:` college, raad or regio (default college)"),
    "ex2_besluit": ("`{cmd} besluit Mandaat inkooporganisatie deadline: eind februari door: regio`",
                    "`{cmd} decision Mandate of the procurement body due: end of February by: regio`"),
    "help_vastgesteld": ("leg vast dat gemeenten (of de regio) een besluit hebben vastgesteld",
                         "record that municipalities (or the region) adopted a decision"),
    "fields_vastgesteld": (
        "• B-nummer: direct na `vastgesteld`\n"
        "• `gemeenten:` welke gemeenten, of `alle`; weglaten bij een regiobesluit\n"
        "• `op:` de dag van vaststelling (standaard vandaag), bijv. `gisteren`, `vorige week dinsdag`, `2 december`",
        "• B-reference: right after `adopted`\n"
        "• `municipalities:` which municipalities, or `all`; leave out for a regional decision\n"
        "• `on:` the day it was adopted (default today), e.g. `yesterday`, `last Tuesday`, `2 December`"),
    "ex2_vastgesteld": ("`{cmd} vastgesteld B4 op: gisteren`", "`{cmd} adopted B4 on: yesterday`"),
    "help_afgewezen": ("leg vast dat een gemeente (of de regio) een besluit afwees; het blijft open",
                       "record that a municipality (or the region) rejected a decision; it stays open"),
    "fields_afgewezen": (
        "• B-nummer: direct na `afgewezen`\n"
        "• `gemeente:` welke gemeente; weglaten bij een regiobesluit\n"
        "• `reden:` waarom\n"
        "• `op:` de dag (standaard vandaag)",
        "• B-reference: right after `rejected`\n"
        "• `municipality:` which municipality; leave out for a regional decision\n"
        "• `reason:` why\n"
        "• `on:` the day (default today)"),
    "ex2_afgewezen": ("`{cmd} afgewezen B4 reden: eerst zienswijze raad op: vorige week donderdag`",
                      "`{cmd} rejected B4 reason: council wants a say first on: last Thursday`"),
    "help_input": ("vraag input aan een wethouder, collega, aanbieder of cliëntenraad", "ask an alderman, colleague, provider or client council for input"),
    "fields_input": (
        "• vraag: direct na `input`\n"
        "• `van:` (verplicht) een @collega, een naam uit het register, of een groep: aanbieders, wethouders, beleid "
        "(de contacten voor het domein van dit traject)\n"
        "• `rol:` wethouder, beleid, aanbieder, client of overig; verplicht behalve bij een groep, die zegt de rol zelf\n"
        "• `deadline:` (verplicht) wanneer het antwoord er moet zijn\n"
        "• `voor:` het besluit (B-nummer) dat op deze input wacht\n"
        "• `input I5` (of `I5`): wie wat antwoordde, per ontvanger, en alle antwoorden als bestand",
        "• question: right after `input`\n"
        "• `from:` (required) a @colleague, a name from the registry, or a group: aanbieders, wethouders, beleid "
        "(the contacts for this trajectory's domain)\n"
        "• `role:` wethouder, beleid, aanbieder, client or overig; required except for a group, which says the role itself\n"
        "• `due:` (required) when the answer is needed\n"
        "• `for:` the decision (B-reference) that waits for this input\n"
        "• `input I5` (or `I5`): who answered what, per recipient, and every answer as a file"),
    "ex2_input": ("`{cmd} input Ervaringen met dagbesteding van: Cliëntenraad Tiel rol: client deadline: over 10 werkdagen`",
                  "`{cmd} input Experience with day care from: Cliëntenraad Tiel role: client due: in 10 working days`"),
    "help_ontvangen": ("de gevraagde input is binnen", "the input asked for has arrived"),
    "fields_ontvangen": ("• I-nummer(s): direct na `ontvangen` (meer tegelijk mag: `I5 I6`); tekst erna is het antwoord "
                         "van één ontvanger (het komt in het kanaal); bij meer nummers een notitie\n"
                         "• `van:` één ontvanger van een groepsvraag, met zijn antwoord erachter "
                         "(`van: Marieke Bakker Katwijk stemt in`); zonder: je eigen deel, of (zonder tekst) de hele vraag",
                         "• I-reference(s): right after `received` (several at once: `I5 I6`); text after them is the "
                         "answer of one recipient (posted in the channel); with several references a note\n"
                         "• `from:` one recipient of a group request, their answer after the name "
                         "(`from: Marieke Bakker Katwijk agrees`); without: your own part, or (without text) the whole request"),
    "ex2_ontvangen": ("`{cmd} ontvangen I12 van: Stichting Lindenhout`", "`{cmd} received I12 from: Stichting Lindenhout`"),
    "ex3_ontvangen": ("`{cmd} ontvangen I12 van: Marieke Bakker Katwijk stemt in, mits de tarieven worden geïndexeerd`",
                      "`{cmd} received I12 from: Marieke Bakker Katwijk agrees, provided the rates are indexed`"),
    "help_taak": ("een implementatietaak met eigenaar en deadline", "an implementation task with an owner and a deadline"),
    "fields_taak": (
        "• titel: direct na `taak`\n"
        "• `eigenaar:` (verplicht) een @collega, een naam uit het register, een rol (juridisch, toegang, …) of een naam\n"
        "• `deadline:` (verplicht)\n"
        "• `na:` het besluit (B-nummer) waarna de taak pas kan beginnen",
        "• title: right after `task`\n"
        "• `owner:` (required) a @colleague, a name from the registry, a role (juridisch, toegang, …) or a name\n"
        "• `due:` (required)\n"
        "• `after:` the decision (B-reference) the task can only start after"),
    "ex2_taak": ("`{cmd} taak Consulenten en toegang informeren eigenaar: Kees de Vries deadline: 15 maart`",
                 "`{cmd} task Inform consultants and front office owner: Kees de Vries due: 15 March`"),
    "help_klaar": ("een taak is af (of meer tegelijk)", "a task is done (or several at once)"),
    "fields_klaar": ("• T-nummer(s): direct na `klaar` (meer tegelijk mag: `T6 T8`)\n• tekst erna: een notitie (in het auditlog)",
                     "• T-reference(s): right after `done` (several at once: `T6 T8`)\n• text after them: a note (in the audit log)"),
    "ex2_klaar": ("`{cmd} klaar T6 T8 getest met alle aanbieders`", "`{cmd} done T6 T8 tested with every provider`"),
    "help_urgent": ("meld een urgente casus (zonder persoonsgegevens); de coördinator wordt gewaarschuwd",
                    "flag an urgent case (no personal data); the coordinator is alerted"),
    "fields_urgent": (
        "• omschrijving: direct na `urgent`; gebruik een zaaknummer, nooit een BSN of naam\n"
        "• `ernst:` hoog, middel of laag (standaard middel)",
        "• description: right after `urgent`; use a case reference, never a BSN or name\n"
        "• `severity:` hoog, middel or laag (default middel)"),
    "ex2_urgent": ("`{cmd} urgent Wachtlijst ambulante hulp Culemborg loopt op ernst: middel`",
                   "`{cmd} urgent Waiting list for outpatient care in Culemborg is growing severity: middel`"),
    "help_opgepakt": ("je pakt een urgent signaal op", "you acknowledge an urgent case"),
    "fields_opgepakt": ("• U-nummer(s): direct na `opgepakt` (meer tegelijk mag: `U1 U2`)\n• tekst erna: een notitie onder het signaal",
                        "• U-reference(s): right after `ack` (several at once: `U1 U2`)\n• text after them: a note under the case"),
    "ex2_opgepakt": ("`{cmd} opgepakt U1 U2`", "`{cmd} ack U1 U2`"),
    "help_opgelost": ("een urgent signaal is opgelost", "an urgent case is resolved"),
    "fields_opgelost": ("• U-nummer(s): direct na `opgelost` (meer tegelijk mag: `U1 U2`)\n• tekst erna: een notitie onder het signaal",
                        "• U-reference(s): right after `resolved` (several at once: `U1 U2`)\n• text after them: a note under the case"),
    "ex2_opgelost": ("`{cmd} opgelost U2 Cardea neemt beide jeugdigen over`", "`{cmd} resolved U2 Cardea takes over both`"),
    "help_uitstel": ("verschuif een deadline (vastgelegd en geteld; vervroegen telt niet als uitstel)",
                     "move a deadline (recorded and counted; bringing it forward is not a postponement)"),
    "fields_uitstel": (
        "• B-, I- of T-nummer: direct na `uitstel`\n"
        "• `deadline:` (verplicht) de nieuwe deadline\n"
        "• `reden:` (verplicht) waarom",
        "• B-, I- or T-reference: right after `postpone`\n"
        "• `due:` (required) the new deadline\n"
        "• `reason:` (required) why"),
    "ex2_uitstel": ("`{cmd} uitstel T4 deadline: over 2 weken reden: testomgeving VECOZO later beschikbaar`",
                    "`{cmd} postpone T4 due: in 2 weeks reason: VECOZO test environment available later`"),
    "help_status": ("het traject in één oogopslag", "the trajectory at a glance"),
    "ex2_status": ("`{cmd} status taken`", "`{cmd} status tasks`"),
    "help_risico": ("het continuïteitsrisico, stap voor stap uitgelegd", "the continuity risk, explained step by step"),
    "ex_risico": ("`{cmd} risico`", "`{cmd} risk`"),
    "ex2_risico": ("`{cmd} risk` (Engels)", "`{cmd} risico` (Dutch)"),
    "help_digest": ("het dagoverzicht van vandaag, alleen voor jou", "today's digest, only for you"),
    "ex_digest": ("`{cmd} digest`", "`{cmd} digest`"),
    "ex2_digest": ("`{cmd} digest` (het dagelijkse bericht komt op werkdagen vanzelf)", "`{cmd} digest` (the daily post comes by itself on working days)"),
    "help_datum": ("laat zien hoe Regiowacht een datum leest", "shows how Regiowacht reads a date"),
    "fields_datum": ("• de tekst: direct na `datum`", "• the text: right after `date`"),
    "ex2_datum": ("`{cmd} datum over 10 werkdagen`", "`{cmd} date in 10 working days`"),
    "help_tijdlijn": ("een tijdlijn van het traject als afbeelding, in je privéberichten", "a timeline picture of the trajectory, in your direct messages"),
    "ex_tijdlijn": ("`{cmd} tijdlijn`", "`{cmd} timeline`"),
    "ex2_tijdlijn": ("`{cmd} timeline` (Engels)", "`{cmd} tijdlijn` (Dutch)"),
    "help_export": ("besluiten en auditlog als CSV, deadlines als agenda (ICS), in je privéberichten",
                    "decisions and audit log as CSV, deadlines as a calendar (ICS), in your direct messages"),
    "ex_export": ("`{cmd} export`", "`{cmd} export`"),
    "ex2_export": ("`{cmd} export` (open de CSV in Excel; de ICS in je agenda)", "`{cmd} export` (open the CSV in Excel, the ICS in your calendar)"),
    "help_regio": ("de regio: haar gemeenten, elk traject in één oogopslag en de adoptiematrix (gemeenten tegen besluiten) als plaatje in je privéberichten; "
                   "de coördinator wijzigt de deelnemers met `gemeenten: +X -Y`",
                   "the region: its municipalities, every trajectory at a glance and the adoption matrix (municipalities against decisions) as a picture in your direct messages; "
                   "the coordinator changes the members with `municipalities: +X -Y`"),
    "fields_regio": ("• `gemeenten:` `+Naam` voegt een gemeente toe, `-Naam` haalt er een weg (de geschiedenis blijft)",
                     "• `municipalities:` `+Name` adds a municipality, `-Name` removes one (its history stays)"),
    "ex_regio": ("`{cmd} regio`", "`{cmd} region`"),
    "ex2_regio": ("`{cmd} regio gemeenten: +Neder-Betuwe -Buren`", "`{cmd} region municipalities: +Neder-Betuwe -Buren`"),
    "help_taal": ("kies de taal van je antwoorden", "choose the language of your answers"),
    "fields_taal": ("• `nl` of `en`: direct na `taal`", "• `nl` or `en`: right after `language`"),
    "ex2_taal": ("`{cmd} taal nl`", "`{cmd} language en`"),
}
