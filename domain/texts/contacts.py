"""The contact registry, group requests and their trackers, and answers from outside Slack."""

TEXTS: dict[str, tuple[str, str]] = {
    "ok_contact_added": ("*{name}* staat in het register van {region}: {role}, {where}. Bereikbaar via {reach}.",
                         "*{name}* is in the registry of {region}: {role}, {where}. Reached by {reach}."),
    "ok_contact_updated": ("*{name}* bijgewerkt ({fields}): {role}, {where}. Bereikbaar via {reach}.",
                           "*{name}* updated ({fields}): {role}, {where}. Reached by {reach}."),
    "ok_contact_removed": ("*{name}* is uit het register van {region} verwijderd, met e-mailadres en Slack-koppeling.",
                           "*{name}* was removed from the registry of {region}, with e-mail address and Slack link."),
    "left_title": ("*Wat {name} achterlaat*", "*What {name} leaves*"),
    "left_nothing": ("Er stond geen open vraag, navraag of taak op naam van {name}.",
                     "No open request, chase or task was in the name of {name}."),
    "left_group": ("*{ref}*: niet meer gevraagd, herinnerd of meegeteld; nu {tracker}",
                   "*{ref}*: no longer asked, reminded or counted; now {tracker}"),
    "left_group_complete": ("*{ref}*: niet meer gevraagd of meegeteld; daarmee compleet ({tracker})",
                            "*{ref}*: no longer asked or counted; complete now ({tracker})"),
    "left_group_empty": ("*{ref}*: niemand meer gevraagd; trek het in met `{cmd} intrekken {ref} reden: …` of vraag opnieuw",
                         "*{ref}*: nobody left to ask; withdraw it with `{cmd} withdraw {ref} reason: …` or ask again"),
    "left_alone": ("*{refs}*: alleen aan {name} gevraagd; blijft open op naam, de link in de e-mail werkt niet meer en "
                   "de herinneringen gaan naar wie het vroeg",
                   "*{refs}*: asked of {name} alone; stays open by name, the link in the e-mail no longer works and "
                   "the reminders go to whoever asked"),
    "left_chase_instead": ("*{refs}*: een late vaststelling door {municipality} wordt voortaan nagevraagd bij {names}",
                           "*{refs}*: a late adoption by {municipality} is chased at {names} from now on"),
    "left_chase_nobody": ("*{refs}*: een late vaststelling door {municipality} wordt niet meer nagevraagd: er is geen "
                          "ander beleidscontact voor dit domein (het dagoverzicht noemt {municipality})",
                          "*{refs}*: a late adoption by {municipality} is no longer chased: there is no other policy "
                          "contact for this domain (the digest names {municipality})"),
    "left_tasks": ("*{refs}*: herinneringen gaan nu naar wie de taak maakte; een nieuwe eigenaar: `{cmd} toewijzen …`",
                   "*{refs}*: reminders now go to whoever made the task; a new owner: `{cmd} assign …`"),
    "left_in_slack": ("*{refs}*: gevraagd of gegeven in Slack; blijft zo, want Slack bereikt {name} nog",
                      "*{refs}*: asked or given in Slack; stays so, as Slack still reaches {name}"),
    "reach_mail": ("e-mail", "e-mail"),
    "reach_slack": ("Slack", "Slack"),
    "contacts_title": ("*Contacten van regio {region}* ({count:contact})", "*Contacts of region {region}* ({count:contact})"),
    "contacts_none": ("Nog niemand in het register. Voeg iemand toe met `{cmd} contact …`.",
                      "Nobody in the registry yet. Add someone with `{cmd} contact …`."),
    "contact_line": ("{name} · {role} · {where} · {reach}", "{name} · {role} · {where} · {reach}"),
    "err_email": ("`{value}` is geen e-mailadres dat Regiowacht kan mailen (alleen gewone letters vóór de @).",
                  "`{value}` is not an e-mail address Regiowacht can mail (plain letters only before the @)."),
    "err_not_a_mention": ("`slack:` verwacht een @vermelding van een collega, niet `{value}`.",
                          "`slack:` expects an @mention of a colleague, not `{value}`."),
    "err_contact_needs_municipality": ("Een contact met rol {role} hoort bij een gemeente van de regio: geef `gemeente:`.",
                                       "A contact with role {role} belongs to a municipality of the region: give `municipality:`."),
    "err_contact_needs_organisation": ("Geef `gemeente:` of `organisatie:`: waar werkt deze persoon?",
                                       "Give `municipality:` or `organisation:`: where does this person work?"),
    "err_contact_unreachable": ("Zo kan Regiowacht deze persoon niet bereiken: geef `e-mail:` of `slack:`.",
                                "Regiowacht cannot reach this person like this: give `email:` or `slack:`."),
    "err_contact_nothing": ("Er staat niets te wijzigen bij {name}. Verwijderen: `contact {name} weg`.",
                            "There is nothing to change for {name}. To remove: `contact {name} weg`."),
    "err_contact_unknown": ("{name} staat niet in het register van deze regio.", "{name} is not in this region's registry."),
    "err_not_a_person": ("`van:` moet een persoon zijn: een @vermelding, een naam uit het register, of een groep: aanbieders, wethouders of beleid.",
                         "`from:` must be a person: an @mention, a name from the registry, or a group: aanbieders, wethouders or beleid."),
    "err_group_empty": ("Er staat nog niemand met rol {role} in het register van deze regio. Voeg contacten toe met `contact …`.",
                        "Nobody with role {role} is in this region's registry yet. Add contacts with `contact …`."),
    "warn_group_missing": ("Geen contact met rol {role} voor {domain} in het register voor: {names}. Zij krijgen deze vraag niet.",
                           "No contact with role {role} for {domain} in the registry for: {names}. They do not get this question."),
    "err_group_other_domain": ("In het register staat niemand met rol {role} voor {domain}, het domein van dit traject "
                               "({count:contact} alleen voor het andere domein). Geef een contact `domein: {domain}` of `domein: beide`.",
                               "Nobody with role {role} for {domain}, this trajectory's domain, is in the registry "
                               "({count:contact} only for the other domain). Give a contact `domain: {domain}` or `domain: beide`."),
    "err_not_a_recipient": ("{name} is geen ontvanger van {ref}. Ontvangers zijn onder meer: {names}.",
                            "{name} is not a recipient of {ref}. Recipients include: {names}."),
    "err_answer_whose": ("{ref} is nog open bij: {names}. Tekst na {ref} is het antwoord van één "
                         "ontvanger: zet erachter van wie, met `van:`. De hele vraag sluit je met `ontvangen {ref}` "
                         "zonder tekst; er is niets opgeslagen.",
                         "{ref} is still open with: {names}. Text after {ref} is one recipient's answer: "
                         "add whose, with `from:`. To close the whole request, type `received {ref}` without text; "
                         "nothing was stored."),
    "err_part_already": ("{name} heeft {ref} al beantwoord op {date}.", "{name} already answered {ref} on {date}."),
    "tracker": ("{answered}/{total} geantwoord", "{answered}/{total} answered"),
    "asked_of_group": ("de {group} ({tracker})", "the {group} ({tracker})"),
    "ok_input_group": ("*{ref}* input gevraagd van de {group} ({tracker}), deadline {deadline}.",
                       "*{ref}* input requested from the {group} ({tracker}), due {deadline}."),
    "ok_input_delivery": ("Bezorgd via Slack: {slack} · per e-mail: {mail}.", "Delivered by Slack: {slack} · by e-mail: {mail}."),
    "ok_input_unreachable": ("Geen Slack of e-mail bekend voor {names}, dus de herinneringen gaan naar jou.",
                             "No Slack or e-mail known for {names}, so the reminders come to you."),
    "ok_ontvangen_part": ("*{ref}*: antwoord van {names} genoteerd ({tracker}).", "*{ref}*: answer from {names} noted ({tracker})."),
    "group_aanbieder": ("aanbieders", "providers"),
    "group_wethouder": ("wethouders", "aldermen"),
    "group_beleid": ("beleidsmedewerkers", "policy staff"),
    "err_contact_name_header": ("Schrijf de naam op één regel, als gewone tekst: geen regelovergang en geen gecodeerde tekst zoals `=?utf-8?…?=`.",
                                "Write the name on one line, as plain text: no line break and no encoded text such as `=?utf-8?…?=`."),
    "err_contact_name_mention": ("Schrijf de naam van de persoon zelf; een Slack-collega zet je achter `slack:`.",
                                 "Write the person's own name; a Slack colleague goes after `slack:`."),
    "moved_dm": ("De deadline van *{ref}* ({title}) is verschoven naar *{deadline}*: {question}",
                 "The deadline of *{ref}* ({title}) moved to *{deadline}*: {question}"),
    "ok_moved_told": ("Wie nog moet antwoorden, krijgt de nieuwe deadline via Slack of e-mail.",
                      "Whoever still owes an answer gets the new deadline by Slack or e-mail."),
    "ask_dm": ("{requester} vraagt je om input voor *{title}* (*{ref}*):\n{question}\nDeadline: {deadline}. Als je het hebt aangeleverd: `{cmd} ontvangen {ref}` in {channel}.",
               "{requester} asks you for input for *{title}* (*{ref}*):\n{question}\nDue: {deadline}. Once delivered: `{cmd} received {ref}` in {channel}."),
    "answer_post": ("📨 *{ref}* antwoord van {name} ({tracker}): {text}", "📨 *{ref}* answer from {name} ({tracker}): {text}"),
    "answer_post_amended": ("📨 *{ref}* aangepast antwoord van {name} ({tracker}): {text}",
                            "📨 *{ref}* amended answer from {name} ({tracker}): {text}"),
    "answer_post_declined_amended": ("📨 *{ref}*: {name} reageert toch niet of vindt het niet van toepassing ({tracker}).",
                                     "📨 *{ref}*: {name} will not respond after all, or finds it not applicable ({tracker})."),
    "answer_post_declined": ("📨 *{ref}*: {name} reageert niet of vindt het niet van toepassing ({tracker}).",
                             "📨 *{ref}*: {name} will not respond or finds it not applicable ({tracker})."),
    "mail_refused": ("De e-mail aan {name} over {ref} ({question}) is geweigerd door de mailserver: {reason}. Controleer het adres met `{cmd} contacten`.",
                     "The e-mail to {name} about {ref} ({question}) was refused by the mail server: {reason}. Check the address with `{cmd} contacts`."),
    "coordinator_unnamed": ("de coördinator van inkooptraject {title}", "the coordinator of trajectory {title}"),
    "mail_not_mailable": ("De e-mail aan {name} over {ref} ({question}) kan niet worden verstuurd: {reason}. Regiowacht probeert het niet opnieuw. Zet het juiste adres in het register, bijvoorbeeld `{cmd} contact {name} e-mail: naam@organisatie.nl`.",
                          "The e-mail to {name} about {ref} ({question}) cannot be sent: {reason}. Regiowacht will not try again. Put the right address in the registry, e.g. `{cmd} contact {name} email: name@organisation.nl`."),
    "mail_content_refused": ("De mailserver weigert de e-mail aan {name} over {ref} ({question}): {reason}. Het adres is niet het probleem; vraag de beheerder van Regiowacht ernaar.",
                             "The mail server refuses the e-mail to {name} about {ref} ({question}): {reason}. The address is not the problem; ask whoever runs Regiowacht."),
    "chase_dm": ("Besluit *{ref}* {title} is nog niet vastgesteld door {municipality}; de deadline was {deadline}. Het inkooptraject *{trajectory}* wacht erop. Wil je laten weten wanneer het besluit valt, of het doorgeven aan {coordinator}?",
                 "Decision *{ref}* {title} has not been adopted by {municipality} yet; it was due {deadline}. The trajectory *{trajectory}* waits for it. Could you say when it will be taken, or tell {coordinator}?"),
    "change_dropped": ("niet meer gevraagd (uit het register): {names}", "no longer asked (left the registry): {names}"),
    "digest_chase": ("beleid: {name}", "policy: {name}"),
    "digest_no_policy": ("*Geen beleidscontact voor {domain}, dus niet nagevraagd*: `{cmd} contact <naam> rol: beleid "
                         "gemeente: … domein: {domain}`",
                         "*No policy contact for {domain}, so not chased*: `{cmd} contact <name> role: beleid "
                         "municipality: … domain: {domain}`"),
    # -- help -----------------------------------------------------------------------------------
    "help_contact": ("zet iemand in het register van de regio, werk het bij of haal het weg (coördinator)",
                     "put someone in the region's registry, update or remove them (coordinator)"),
    "fields_contact": (
        "• naam: direct na `contact`; `contact <naam> weg` verwijdert\n"
        "• `rol:` wethouder, beleid, contractmanager, aanbieder, client of overig\n"
        "• `gemeente:` (voor wethouder en beleid) of `organisatie:`\n"
        "• `e-mail:` en/of `slack:` @collega: hoe Regiowacht hem of haar bereikt\n"
        "• `domein:` jeugd, wmo of beide (standaard beide): voor welke trajecten groepsvragen en navragen hem of haar bereiken",
        "• name: right after `contact`; `contact <name> weg` removes\n"
        "• `role:` wethouder, beleid, contractmanager, aanbieder, client or overig\n"
        "• `municipality:` (for wethouder and beleid) or `organisation:`\n"
        "• `email:` and/or `slack:` @colleague: how Regiowacht reaches them\n"
        "• `domain:` jeugd, wmo or beide (default beide): which trajectories' group requests and chases reach them"),
    "ex_contact": ("`{cmd} contact Stichting Lindenhout rol: aanbieder organisatie: Lindenhout e-mail: inkoop@lindenhout.nl`",
                   "`{cmd} contact Stichting Lindenhout role: aanbieder organisation: Lindenhout email: inkoop@lindenhout.nl`"),
    "ex2_contact": ("`{cmd} contact Piet de Vries rol: beleid gemeente: Tiel e-mail: p.devries@tiel.nl domein: wmo`",
                    "`{cmd} contact Piet de Vries role: beleid municipality: Tiel email: p.devries@tiel.nl domain: wmo`"),
    "help_contacten": ("het register van de regio, eventueel per rol", "the region's registry, optionally by role"),
    "fields_contacten": ("• direct na `contacten`: een rol, gemeente, organisatie of domein (alleen die), en een paginanummer\n"
                         "• `rol:` alleen deze rol",
                         "• right after `contacts`: a role, municipality, organisation or domain (only those), and a page number\n"
                         "• `role:` only this role"),
    "ex_contacten": ("`{cmd} contacten`", "`{cmd} contacts`"),
    "ex2_contacten": ("`{cmd} contacten wethouder`", "`{cmd} contacts alderman`"),
}
