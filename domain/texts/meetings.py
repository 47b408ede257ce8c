"""Meeting calendars and contracts (percelen): `vergaderingen`, `contract`, `verlengd`,
`overgangsregeling`, and what the forecast says of them."""

TEXTS: dict[str, tuple[str, str]] = {
    # -- vergaderingen ------------------------------------------------------------------------------
    "body_raad": ("raad", "council (raad)"),
    "body_college": ("college", "executive board (college)"),
    "body_regio": ("regionaal bestuur", "regional board"),
    "the_body_raad": ("de raad", "the council"),
    "the_body_college": ("het college", "the executive board"),
    "the_body_regio": ("het regionaal bestuur", "the regional board"),
    "meetings_region_board": ("het regionaal bestuur", "the regional board"),
    "ok_meetings": ("Vergaderdata van *{owner}* vastgelegd:", "Meeting days of *{owner}* recorded:"),
    "ok_meetings_body": ("• {body}: {count:dag} ({source}). Vanaf vandaag: {days}",
                         "• {body}: {count:dag} ({source}). From today: {days}"),
    "ok_meetings_cleared": ("• {body}: geen vergaderdata meer; de voorspelling rekent hier weer met de gemiddelde vertraging.",
                            "• {body}: no meeting days any more; the forecast uses the average lateness here again."),
    "meetings_typed": ("getypt", "typed"),
    "meetings_from_feed": ("uit de agenda-feed {url}, elke dag opnieuw gelezen", "from the calendar feed {url}, read again daily"),
    "meetings_none": ("geen", "none"),
    "meetings_more": ("en nog {count}", "and {count} more"),
    "meetings_title": ("Vergaderdata van *{owner}*", "Meeting days of *{owner}*"),
    "meetings_region_title": ("Vergaderdata in deze regio: {count} van {total} gemeenten hebben er een. Eerstvolgende vergadering:",
                              "Meeting calendars in this region: {count} of {total} municipalities have one. Next meeting:"),
    "meetings_unknown": ("onbekend: de voorspelling rekent met de gemiddelde vertraging",
                         "unknown: the forecast uses the average lateness"),
    "meetings_how": ("Vastleggen: `{cmd} vergaderingen Tiel raad: 17-12-2026, 28-01-2027 college: https://…/college.ics`; "
                     "het regionaal bestuur: `{cmd} vergaderingen regio: …`; weghalen: `raad: geen`.",
                     "Record: `{cmd} meetings Tiel council: 17-12-2026, 28-01-2027 board: https://…/college.ics`; "
                     "the regional board: `{cmd} meetings region: …`; remove: `council: geen`."),
    "warn_meetings_past": ("{body}: {days} ligt al achter ons. Een tikfout in het jaar? Dan opnieuw, met het goede jaar.",
                           "{body}: {days} has already passed. A slip in the year? Then again, with the right year."),
    "warn_meetings_none_ahead": ("{body}: de feed heeft geen vergadering vanaf vandaag; klopt het adres?",
                                 "{body}: the feed holds no meeting from today on; is the address right?"),
    "err_meetings_wrong_body": ("Een gemeente heeft een `raad:` en een `college:`; `{key}:` hoort bij het regionaal bestuur: "
                                "`vergaderingen regio: …`.",
                                "A municipality has a `council:` and a `board:`; `{key}:` belongs to the regional board: "
                                "`meetings region: …`."),
    "err_meetings_needs_municipality": ("`{key}:` hoort bij een gemeente: schrijf haar naam na `vergaderingen` "
                                        "(het regionaal bestuur heeft alleen `regio:`).",
                                        "`{key}:` belongs to a municipality: write its name after `meetings` "
                                        "(the regional board only has `region:`)."),
    "err_meetings_unreadable": ("Dit lees ik niet als vergaderdag van de {body}: {entries}. Schrijf elke dag met jaartal "
                                "(17-12-2026 of 17 december 2026), gescheiden door komma's. Er is niets opgeslagen.",
                                "I can't read this as a meeting day of the {body}: {entries}. Write each day with its year "
                                "(17-12-2026 or 17 December 2026), separated by commas. Nothing was stored."),
    "meeting_list_empty": ("Na `{body}:` staan geen data. Schrijf de vergaderdagen, een agenda-adres (https://…) of `geen`.",
                           "No days after `{body}:`. Write the meeting days, a calendar address (https://…) or `geen`."),
    "meeting_date_no_year": ("`{text}` heeft geen jaartal; schrijf het erbij, bijv. {suggestion}.",
                             "`{text}` has no year; add it, e.g. {suggestion}."),
    "meeting_date_not_a_day": ("`{text}` is geen vergaderdag; schrijf de dag zelf, met jaartal.",
                               "`{text}` is not a meeting day; write the day itself, with its year."),
    # -- feeds ----------------------------------------------------------------------------------------
    "feed_error": ("De agenda op {host} kon ik niet lezen.", "I could not read the calendar at {host}."),
    "feed_not_http": ("Een agenda-adres begint met https:// (of http://), niet met `{scheme}:`. Bij `webcal://` werkt "
                      "meestal hetzelfde adres met https://.",
                      "A calendar address starts with https:// (or http://), not `{scheme}:`. For `webcal://` the same "
                      "address with https:// usually works."),
    "feed_redirect_not_http": ("De agenda op {host} stuurt door naar een `{scheme}:`-adres; dat volg ik niet. Vraag het "
                               "https-adres van de agenda op.",
                               "The calendar at {host} redirects to a `{scheme}:` address; I don't follow that. Ask for "
                               "the calendar's https address."),
    "feed_bad_url_no_host": ("Dat agenda-adres heeft geen server: schrijf het hele adres, https://…",
                             "That calendar address has no server: write the whole address, https://…"),
    "feed_bad_url_credentials": ("Een agenda-adres met gebruikersnaam en wachtwoord erin neem ik niet aan: zo komt het "
                                 "wachtwoord in Slack te staan. Vraag een openbaar of persoonlijk feed-adres op.",
                                 "I don't take a calendar address with a user name and password in it: that puts the "
                                 "password in Slack. Ask for a public or personal feed address."),
    "feed_bad_url_too_long": ("Dat agenda-adres is langer dan {limit} tekens.", "That calendar address is longer than {limit} characters."),
    "feed_bad_url_invalid": ("Dat is geen bruikbaar agenda-adres.", "That is not a usable calendar address."),
    "feed_too_many_redirects": ("De agenda op {host} stuurt meer dan {limit} keer door; ik geef het op.",
                                "The calendar at {host} redirects more than {limit} times; I give up."),
    "feed_private_address": ("{host} is een intern adres; agenda's lees ik alleen van internet "
                             "(de beheerder kan FEED_ALLOW_PRIVATE aanzetten).",
                             "{host} is an internal address; I only read calendars from the internet "
                             "(the operator can set FEED_ALLOW_PRIVATE)."),
    "feed_unreachable_dns": ("De server {host} bestaat niet (of is nu onvindbaar). Klopt het adres?",
                             "The server {host} does not exist (or cannot be found now). Is the address right?"),
    "feed_unreachable_refused": ("{host} weigert de verbinding. Probeer het later nog eens, of vraag het adres na.",
                                 "{host} refuses the connection. Try again later, or check the address."),
    "feed_unreachable_timeout": ("{host} antwoordt niet op tijd. Probeer het later nog eens.",
                                 "{host} does not answer in time. Try again later."),
    "feed_unreachable_tls": ("De beveiligde verbinding met {host} mislukt (certificaat).",
                             "The secure connection with {host} fails (certificate)."),
    "feed_unreachable_network": ("{host} is nu niet bereikbaar. Probeer het later nog eens.",
                                 "{host} cannot be reached now. Try again later."),
    "feed_unreachable_protocol": ("{host} antwoordt niet als een webserver.", "{host} does not answer like a web server."),
    "feed_http_status": ("{host} antwoordt met foutcode {status}. Klopt het adres?",
                         "{host} answers with error code {status}. Is the address right?"),
    "feed_too_big": ("De agenda op {host} is groter dan {limit} bytes; dat is geen vergaderagenda.",
                     "The calendar at {host} is larger than {limit} bytes; that is not a meeting calendar."),
    "feed_too_slow": ("{host} deed er langer dan {seconds} seconden over; ik geef het op.",
                      "{host} took longer than {seconds} seconds; I give up."),
    "feed_not_icalendar": ("Op dat adres staat geen agenda (iCalendar, .ics) maar iets anders, bijvoorbeeld een webpagina.",
                           "That address holds no calendar (iCalendar, .ics) but something else, such as a web page."),
    "feed_broken": ("De agenda op {host} is beschadigd: {detail}", "The calendar at {host} is broken: {detail}"),
    "feed_too_many_events": ("De agenda op {host} heeft meer dan {limit} afspraken; dat is geen vergaderagenda.",
                             "The calendar at {host} has more than {limit} events; that is not a meeting calendar."),
    "feed_failed_dm": ("De vergaderagenda van *{owner}* ({body}) lees ik sinds {since} niet meer: {why} "
                       "Ik reken verder met de laatst gelezen data ({read_on}). Nieuw adres: `{cmd} vergaderingen {name} {key}: https://…`.",
                       "I can no longer read the meeting calendar of *{owner}* ({body}) since {since}: {why} "
                       "I go on with the days last read ({read_on}). New address: `{cmd} meetings {name} {key}: https://…`."),
    "feed_recovered_dm": ("De vergaderagenda van *{owner}* ({body}) is weer te lezen.",
                          "The meeting calendar of *{owner}* ({body}) can be read again."),
    # -- the forecast -----------------------------------------------------------------------------------
    "explain_meeting_planned": ("{name}: de vergadering van {body} op {meeting} is de laatste vóór de deadline, en de "
                                "stukken halen die nog → {ref} verwacht {expected}",
                                "{name}: the meeting of {body} on {meeting} is the last before the deadline, and the "
                                "papers still make it → {ref} expected {expected}"),
    "explain_meeting_first": ("{name}: de eerste vergadering van {body} die de stukken nog halen ({days:dag} vooraf) is "
                              "op {meeting} → {ref} verwacht {expected}",
                              "{name}: the first meeting of {body} the papers can still reach ({days:dag} ahead) is "
                              "on {meeting} → {ref} expected {expected}"),
    "explain_meetings": ("wacht op {body}: {meetings}", "waits for {body}: {meetings}"),
    "explain_no_calendar": ("zonder vergaderdata (gemiddelde vertraging): {names}",
                            "without meeting days (average lateness): {names}"),
    "warn_meeting_after_deadline": ("{ref} · {name}: eerstvolgende {body} die het nog haalt is op {meeting}, na de "
                                    "deadline {deadline}",
                                    "{ref} · {name}: the next {body} that can still take it is on {meeting}, after the "
                                    "deadline {deadline}"),
    "meeting_of_raad": ("raad", "council meeting"),
    "meeting_of_college": ("collegevergadering", "executive board meeting"),
    "meeting_of_regio": ("vergadering van het regionaal bestuur", "regional board meeting"),
    "risk_reason_uncovered": ("Zonder dekking voordat de nieuwe afspraken klaar zijn ({ready}): {contracts}.",
                              "Uncovered before the new arrangement is ready ({ready}): {contracts}."),
    "uncovered_contract": ("*{name}* (gedekt tot {date})", "*{name}* (covered until {date})"),
    "proposal_day": ("{name} {date} (vergadert {meeting})", "{name} {date} (meets {meeting})"),
    "proposal_passed": ("⚠️ al voorbij", "⚠️ passed"),
    "proposal_days": ("Voorstel uiterlijk bij {body}: {days}", "Proposal with {body} by: {days}"),
    "proposal_cannot": ("haalt de deadline {deadline} met geen enkele vergadering: {names}",
                        "no meeting makes the deadline {deadline}: {names}"),
    "proposal_unknown": ("zonder vergaderdata: {names}", "without meeting days: {names}"),
    "proposal_warning": ("{ref} {title}: het voorstel moet uiterlijk {date} bij {body} van {name} liggen (vergadering "
                         "{meeting}).",
                         "{ref} {title}: the proposal must be with {body} of {name} by {date} (meeting {meeting})."),
    "digest_proposals": ("*Voorstellen die nu de deur uit moeten*", "*Proposals that must go out now*"),
    "digest_meetings_late": ("*Vergaderingen na de deadline*", "*Meetings after the deadline*"),
    "region_proposals": ("*Wanneer een voorstel er moet liggen*", "*When a proposal must be there*"),
    # -- contracts --------------------------------------------------------------------------------------
    "contract_until": ("{name} tot {date}", "{name} until {date}"),
    "status_contracts": ("Contracten: {contracts} (`{cmd} contract` toont ze)", "Contracts: {contracts} (`{cmd} contract` shows them)"),
    "contract_end": ("einde {date}", "ends {date}"),
    "contract_extended": ("verlengd tot {date}", "extended to {date}"),
    "contract_transition": ("overgangsregeling tot {date}", "transition arrangement to {date}"),
    "contract_option": ("verlenging {count}x {months} maanden ({left} over)", "extension {count}x {months} months ({left} left)"),
    "contracts_none": ("*{title}* heeft geen contracten (percelen) vastgelegd: de continuïteitsdeadline is het contracteinde "
                       "van het traject, {date}. Leg ze vast met `{cmd} contract <naam> einde: <datum>`.",
                       "*{title}* has no contracts (lots) recorded: the continuity deadline is the trajectory's contract "
                       "end, {date}. Record them with `{cmd} contract <name> end: <date>`."),
    "contracts_title": ("Contracten van *{title}* ({count})", "Contracts of *{title}* ({count})"),
    "contracts_deadline": ("Continuïteitsdeadline: {date}, *{name}* ({how}).", "Continuity deadline: {date}, *{name}* ({how})."),
    "covered_einde": ("contracteinde", "contract end"),
    "covered_verlengd": ("na verlenging", "after extension"),
    "covered_overgangsregeling": ("overgangsregeling voor cliënten in zorg", "transition arrangement for clients in care"),
    "covered_contracteinde": ("contracteinde van het traject", "the trajectory's contract end"),
    "ok_contract_added": ("Contract vastgelegd: {line}", "Contract recorded: {line}"),
    "ok_contract_changed": ("Contract bijgewerkt: {line}", "Contract updated: {line}"),
    "ok_verlengd": ("*{name}* verlengd: einde {old} → {new}.", "*{name}* extended: end {old} → {new}."),
    "ok_overgangsregeling": ("*{name}*: overgangsregeling voor cliënten in zorg tot {date}.",
                             "*{name}*: transition arrangement for clients in care until {date}."),
    "warn_extension_decision": ("{ref} *{title}* (regio) staat klaar met deadline {date}: zes maanden voor het einde moet de "
                                "regio zeggen of ze verlengt.",
                                "{ref} *{title}* (region) is ready with deadline {date}: six months before the end the "
                                "region must say whether it extends."),
    "warn_extension_decision_late": ("{ref} *{title}* (regio) staat klaar, maar de deadline, {date} (zes maanden voor het "
                                     "einde), is al voorbij: dit besluit is nu te laat.",
                                     "{ref} *{title}* (region) is ready, but its deadline, {date} (six months before the "
                                     "end), has passed: this decision is late now."),
    "warn_extension_decision_moved": ("De deadline van {ref} *{title}* schuift mee met het einde: {old} → {date}.",
                                      "The deadline of {ref} *{title}* moves with the end: {old} → {date}."),
    "warn_extension_answered": ("Daarmee is {ref} *{title}* genomen (door de regio, vandaag).",
                                "That takes {ref} *{title}* (by the region, today)."),
    "err_contract_name_missing": ("Schrijf de naam van het contract (perceel) direct na de opdracht.",
                                  "Write the contract's (lot's) name right after the command."),
    "err_contract_unknown": ("Ik ken geen contract `{name}` in dit traject. Bekend: {known}.",
                             "I know no contract `{name}` in this trajectory. Known: {known}."),
    "err_contract_nothing": ("*{name}* bestaat al; geef `einde:`, `verlenging:` of `aanbieders:` om iets te veranderen.",
                             "*{name}* exists already; give `end:`, `extension:` or `providers:` to change something."),
    "err_contract_end_after_extension": ("*{name}* is al verlengd tot na {extended}; een nieuw einde {end} kan niet later "
                                         "liggen dan die verlenging.",
                                         "*{name}* was already extended beyond {extended}; a new end {end} cannot be later "
                                         "than that extension."),
    "contract_option_empty": ("Na `verlenging:` staat niets; schrijf bijv. `2x 12 maanden`, of `geen`.",
                              "Nothing after `extension:`; write e.g. `2x 12 maanden`, or `geen`."),
    "contract_option_count_missing": ("`{text}`: hoe vaak? Schrijf het aantal erbij, bijv. `1x {months} maanden` of "
                                      "`2x 12 maanden`.",
                                      "`{text}`: how many times? Add the count, e.g. `1x {months} maanden` or "
                                      "`2x 12 maanden`."),
    "contract_option_unequal": ("`{text}`: verlengingen van ongelijke lengte kan ik niet volgen; schrijf ze als aantal maal "
                                "een even lange termijn (bijv. `3x 12 maanden`).",
                                "`{text}`: extensions of unequal length I can't follow; write them as a count of equal "
                                "terms (e.g. `3x 12 maanden`)."),
    "contract_option_unit": ("`{text}`: een verlenging gaat in maanden of jaren.", "`{text}`: an extension is in months or years."),
    "contract_option_out_of_range": ("`{text}`: {count} keer {months} maanden lijkt een tikfout (ten hoogste 10 keer, "
                                     "60 maanden per keer).",
                                     "`{text}`: {count} times {months} months looks like a slip (at most 10 times, "
                                     "60 months each)."),
    "contract_option_unreadable": ("`{text}` lees ik niet als verlengingsoptie; schrijf bijv. `2x 12 maanden` of `geen`.",
                                   "I can't read `{text}` as an extension option; write e.g. `2x 12 maanden` or `geen`."),
    "contract_extension_not_later": ("*{contract}* loopt al tot {end}; een verlenging tot {to} verlengt niets.",
                                     "*{contract}* already runs until {end}; an extension to {to} extends nothing."),
    "contract_extension_beyond_option": ("*{contract}* kan volgens de optie ({count}x {months} maanden, {left} over) tot "
                                         "uiterlijk {latest}; {to} is een nieuwe aanbesteding, geen verlenging.",
                                         "*{contract}* can, by its option ({count}x {months} months, {left} left), run to "
                                         "{latest} at the latest; {to} is a new procurement, not an extension."),
    "contract_transition_not_later": ("*{contract}* loopt al tot {end}; een overgangsregeling tot {until} dekt niets extra.",
                                      "*{contract}* already runs until {end}; a transition arrangement to {until} covers "
                                      "nothing more."),
    # -- help ---------------------------------------------------------------------------------------------
    "help_vergaderingen": ("de vergaderdata van de raad en het college van een gemeente, of van het regionaal bestuur: "
                           "getypt of uit een agenda-feed; de voorspelling rekent dan met de eerste vergadering die "
                           "nog kan",
                           "the meeting days of a municipality's council and executive board, or of the regional board: "
                           "typed or from a calendar feed; the forecast then uses the first meeting still possible"),
    "fields_vergaderingen": ("• gemeente (of `regio`): direct na `vergaderingen`; zonder velden zie je wat bekend is\n"
                             "• `raad:` en `college:` data met jaartal, gescheiden door komma's, of een agenda-adres "
                             "(https://….ics), of `geen`\n"
                             "• `regio:` hetzelfde, voor het regionaal bestuur",
                             "• municipality (or `region`): right after `meetings`; without fields you see what is known\n"
                             "• `council:` and `board:` days with their year, separated by commas, or a calendar address "
                             "(https://….ics), or `geen`\n"
                             "• `region:` the same, for the regional board"),
    "ex_vergaderingen": ("`{cmd} vergaderingen Tiel raad: 17-12-2026, 28-01-2027, 25-02-2027`",
                         "`{cmd} meetings Tiel council: 17-12-2026, 28-01-2027, 25-02-2027`"),
    "ex2_vergaderingen": ("`{cmd} vergaderingen Culemborg college: https://culemborg.bestuurlijkeinformatie.nl/college.ics`",
                          "`{cmd} meetings Culemborg board: https://culemborg.bestuurlijkeinformatie.nl/college.ics`"),
    "help_contract": ("een contract (perceel) van dit traject: einde, verlengingsoptie en aanbieders; zonder naam: "
                      "de lijst met de continuïteitsdeadline",
                      "a contract (lot) of this trajectory: end, extension option and providers; without a name: "
                      "the list with the continuity deadline"),
    "fields_contract": ("• naam: direct na `contract`\n"
                        "• `einde:` (verplicht bij een nieuw contract) de laatste dag\n"
                        "• `verlenging:` de optie, bijv. `2x 12 maanden` of `geen`\n"
                        "• `aanbieders:` namen, gescheiden door komma's",
                        "• name: right after `contract`\n"
                        "• `end:` (required for a new contract) the last day\n"
                        "• `extension:` the option, e.g. `2x 12 maanden` or `geen`\n"
                        "• `providers:` names, separated by commas"),
    "ex_contract": ("`{cmd} contract Ambulante jeugdhulp einde: 31-12-2027 verlenging: 2x 12 maanden`",
                    "`{cmd} contract Outpatient youth care end: 31-12-2027 extension: 2x 12 maanden`"),
    "ex2_contract": ("`{cmd} contract Verblijf einde: 30-06-2027 aanbieders: Pluryn, Lindenhout`",
                     "`{cmd} contract Residential care end: 30-06-2027 providers: Pluryn, Lindenhout`"),
    "help_verlengd": ("leg vast dat een contract is verlengd", "record that a contract was extended"),
    "fields_verlengd": ("• contract: direct na `verlengd`\n• `tot:` (verplicht) het nieuwe einde",
                        "• contract: right after `extended`\n• `until:` (required) the new end"),
    "ex_verlengd": ("`{cmd} verlengd Ambulante jeugdhulp tot: 31-12-2028`", "`{cmd} extended Outpatient youth care until: 31-12-2028`"),
    "ex2_verlengd": ("`{cmd} verlengd Verblijf tot: 30-06-2028`", "`{cmd} extended Residential care until: 30-06-2028`"),
    "help_overgangsregeling": ("leg een overgangsregeling vast: cliënten in zorg blijven gedekt tot die dag",
                               "record a transition arrangement: clients in care stay covered until that day"),
    "fields_overgangsregeling": ("• contract: direct na `overgangsregeling`\n• `tot:` (verplicht) de laatste dag",
                                 "• contract: right after `transition`\n• `until:` (required) the last day"),
    "ex_overgangsregeling": ("`{cmd} overgangsregeling Verblijf tot: 31-12-2027`",
                             "`{cmd} transition Residential care until: 31-12-2027`"),
    "ex2_overgangsregeling": ("`{cmd} overgangsregeling Ambulante jeugdhulp tot: 31-03-2028`",
                              "`{cmd} transition Outpatient youth care until: 31-03-2028`"),
}
