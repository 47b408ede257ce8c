"""A region's member municipalities, checked against the official list."""

TEXTS: dict[str, tuple[str, str]] = {
    "err_municipality_unknown": ("{name} staat niet in de lijst van Nederlandse gemeenten (indeling sinds {since}). Schrijf de officiële naam.",
                                 "{name} is not in the list of Dutch municipalities (division since {since}). Write the official name."),
    "err_municipality_near": ("{name} staat niet in de lijst van Nederlandse gemeenten. Bedoel je {suggestion}?",
                              "{name} is not in the list of Dutch municipalities. Do you mean {suggestion}?"),
    "err_municipality_ambiguous": ("Er is meer dan één gemeente {name}: {options}. Welke bedoel je?",
                                   "There is more than one municipality called {name}: {options}. Which one do you mean?"),
    "err_region_differs": ("Regio {region} bestaat al, met {count:gemeente}. Jouw lijst wijkt af (ontbreekt: {missing}; extra: {extra}). "
                           "Laat `gemeenten:` weg om de regio te nemen zoals hij is, of wijzig eerst de deelnemers met `regio gemeenten: +… -…`.",
                           "Region {region} exists already, with {count:gemeente}. Your list differs (missing: {missing}; extra: {extra}). "
                           "Leave out `municipalities:` to use the region as it is, or first change its members with `region municipalities: +… -…`."),
    "err_region_change_form": ("Zet voor elke gemeente een + (erbij) of een - (eruit).", "Put a + (add) or - (remove) before each municipality."),
    "err_already_member": ("{name} hoort al bij regio {region}.", "{name} already belongs to region {region}."),
    "err_region_empty": ("Regio {region} kan niet zonder gemeenten.", "Region {region} cannot be without municipalities."),
    "ok_region_changed": ("Regio *{region}*: {changes}. Nu {count:gemeente}: {names}.",
                          "Region *{region}*: {changes}. Now {count:gemeente}: {names}."),
    "region_added": ("{names} erbij", "{names} added"),
    "region_removed": ("{names} eruit (de vastgestelde besluiten blijven bewaard)", "{names} removed (their adoptions are kept)"),
    "region_open_decisions": ("Open besluiten ({count}) gaan nu uit van deze deelnemers.", "Open decisions ({count}) now count these members."),
    "region_overview": ("*Regio {region}* · {count:gemeente}: {names}", "*Region {region}* · {count:gemeente}: {names}"),
    "region_codes": ("CBS-codes: {codes}", "CBS codes: {codes}"),
}
