"""Every message exists in Dutch and English, with the same placeholders."""
from __future__ import annotations

import re
import string

from domain.texts import TEXTS, fmt_date, t
from datetime import date


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, versions in TEXTS.items():
        assert len(versions) == 2 and all(v.strip() for v in versions), key
        nl, en = versions
        assert _fields(nl) == _fields(en), key


def test_every_key_used_in_the_code_exists():
    import pathlib
    root = pathlib.Path(__file__).resolve().parents[2]
    used = set()
    sources = [path for path in root.glob("**/*.py")
               if path.relative_to(root).parts[0] not in ("tests", "benchmarks", ".venv", "store")]
    for path in sources:
        source = path.read_text()
        used |= set(re.findall(r'\bt\([^,()]+,\s*"([a-z_]+)"', source))
        used |= set(re.findall(r'(?:Error|Denied|_Refusal)\("([a-z_]+)"', source))
        used |= set(re.findall(r'(?:example|problem)="([a-z_]+)"', source))
        used |= set(re.findall(r'FormField\("[a-z]+", "([a-z_]+)"', source))
    missing = {key for key in used if key not in TEXTS}
    assert len(used) > 60 and not missing


def test_dates_show_weekday_in_the_users_language():
    assert fmt_date(date(2026, 12, 1), "nl") == "di 1 dec 2026"
    assert fmt_date(date(2026, 12, 1), "en") == "Tue 1 Dec 2026"
    assert t("en", "ok_klaar", ref="T3") == "*T3* done. Well done!"


def test_every_key_built_from_a_value_exists_for_every_value():
    """Keys made with f-strings (`f"level_{level}"`) are invisible to the search above: list their
    families and the values each takes, and check every combination."""
    from tracking.contacts import GROUPS
    from domain.forecast import LEVELS
    from commands.grammar import SPECS
    from tracking.context import DECIDERS, SEVERITIES
    from views.modals import FORMS
    families = {
        "help_{}": [s.name for s in SPECS], "ex_{}": [s.name for s in SPECS], "ex2_{}": [s.name for s in SPECS],
        "by_{}": set(DECIDERS.values()), "sev_{}": set(SEVERITIES.values()), "level_{}": LEVELS,
        "ok_{}": ["vastgesteld", "afgewezen", "opgepakt", "opgelost"], "modal_{}": list(FORMS),
        "err_already_{}": ["vastgesteld", "afgewezen", "received_on", "done_on", "taken_on"],
        "warn_already_{}": ["vastgesteld", "afgewezen"], "warn_was_{}": ["vastgesteld", "afgewezen"],
        "field_{}_user": [f.key for form in FORMS.values() for f in form if f.person],
        "{}_what": ["timeline", "export"], "group_{}": set(GROUPS.values()),
    }
    missing = [family.format(value) for family, values in families.items() for value in values
               if family.format(value) not in TEXTS]
    assert missing == []
    with_fields = [s.name for s in SPECS if s.keys or s.title]
    assert [name for name in with_fields if f"fields_{name}" not in TEXTS] == []


def test_counts_take_the_right_plural():
    from domain.texts import count
    assert [count("nl", n, "gemeente") for n in (0, 1, 8)] == ["0 gemeenten", "1 gemeente", "8 gemeenten"]
    assert [count("en", n, "signaal") for n in (1, 2)] == ["1 urgent case", "2 urgent cases"]
    assert count("nl", 1, "taak") == "1 taak" and count("nl", 3, "bericht") == "3 berichten"
