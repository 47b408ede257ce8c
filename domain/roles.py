"""The roles of a region's contact registry (PRODUCT.md "People outside Slack" and "Acting on what
it shows"): the people asked for input (wethouder, beleid, contractmanager, aanbieder, cliënt,
overig) and the implementation roles a plan task is owned by (projectleider, functioneel beheer,
juridisch, toegang, communicatie, financiën). One list, so a plan task's role is always a role a
contact can have. Stored without accents (`client`, `financien`); shown as Dutch people write them."""
from __future__ import annotations

from domain.text_input import fold

# Stored value -> (Dutch, English) as shown.
LABELS: dict[str, tuple[str, str]] = {
    "wethouder": ("wethouder", "alderman"),
    "beleid": ("beleid", "policy"),
    "contractmanager": ("contractmanager", "contract manager"),
    "aanbieder": ("aanbieder", "provider"),
    "client": ("cliënt", "client"),
    "overig": ("overig", "other"),
    "projectleider": ("projectleider", "project lead"),
    "functioneel beheer": ("functioneel beheer", "application management"),
    "juridisch": ("juridisch", "legal"),
    "toegang": ("toegang", "access team"),
    "communicatie": ("communicatie", "communications"),
    "financien": ("financiën", "finance"),
}
# Stored value -> (Dutch, English) as a person in that role is named in a sentence ("als beleidsmedewerker").
PROSE: dict[str, tuple[str, str]] = {
    "beleid": ("beleidsmedewerker", "policy officer"),
    "client": ("vertegenwoordiger van cliënten", "client representative"),
    "overig": ("contactpersoon", "contact"),
    "functioneel beheer": ("functioneel beheerder", "application manager"),
    "juridisch": ("jurist", "legal adviser"),
    "toegang": ("medewerker toegang", "access team member"),
    "communicatie": ("communicatieadviseur", "communications adviser"),
    "financien": ("contactpersoon voor financiën", "finance contact"),
}
PLAN_ROLES = ("projectleider", "functioneel beheer", "juridisch", "toegang", "communicatie", "financien")

# How people write them (folded: case and accents do not count), in Dutch and English.
_WORDS = {
    "wethouder": "wethouder", "alderman": "wethouder",
    "beleid": "beleid", "beleidsmedewerker": "beleid", "policy": "beleid",
    "contractmanager": "contractmanager", "contract manager": "contractmanager", "contractmanagement": "contractmanager",
    "inkoper": "contractmanager", "inkoop": "contractmanager",
    "aanbieder": "aanbieder", "zorgaanbieder": "aanbieder", "provider": "aanbieder",
    "client": "client", "clientenraad": "client",
    "overig": "overig", "other": "overig",
    "projectleider": "projectleider", "projectmanager": "projectleider", "project lead": "projectleider",
    "project leader": "projectleider",
    "functioneel beheer": "functioneel beheer", "functioneel beheerder": "functioneel beheer",
    "application management": "functioneel beheer",
    "juridisch": "juridisch", "jurist": "juridisch", "juridische zaken": "juridisch", "legal": "juridisch",
    "toegang": "toegang", "access": "toegang", "access team": "toegang",
    "communicatie": "communicatie", "communicatieadviseur": "communicatie", "communications": "communicatie",
    "financien": "financien", "financieel": "financien", "finance": "financien",
}


def read_role(text: str) -> str | None:
    """The registry role a typed word names (`Financiën`, `jurist`, `alderman`), or None."""
    return _WORDS.get(fold(text))


def role_label(role: str | None, lang: str) -> str:
    """`financiën`, `cliënt`; an unknown stored word as it is."""
    if not role:
        return ""
    dutch, english = LABELS.get(role, (role, role))
    return english if lang == "en" else dutch


def role_prose(role: str | None, lang: str) -> str:
    """The role as a person in it is called in a sentence: `als beleidsmedewerker`, `als aanbieder`."""
    if role in PROSE:
        dutch, english = PROSE[role]
        return english if lang == "en" else dutch
    return role_label(role, lang)


def role_choices(lang: str) -> str:
    return ", ".join(role_label(role, lang) for role in LABELS)
