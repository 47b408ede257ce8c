"""A region's own plan files (PLAN_DIR) as a hostile probe wrote them (issue 21, item 13): a row
that cannot be read stops the start naming file, line and field, never a traceback; titles are read
as typed text: control and direction characters out (a NUL once failed on PostgreSQL), and `<2027>`,
`B&W` and `@here` read back as written, never as markup or a broadcast."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from store.models import Task
from tests.conftest import SlackBot, listen, make_settings, message_text
from tests.test_bot_cli import run

HEADER = "titel;weken_voor_livegang;rol;standaard\n"
TRAJECT = "traject Jeugdhulp 2028 regio: Rivierenland gemeenten: Tiel, Buren contracteinde: 31-12-2027 domein: jeugd"


def write_plans(folder, rows: str) -> None:
    (folder / "jeugd.csv").write_text(HEADER + rows, encoding="utf-8")
    (folder / "wmo.csv").write_text(HEADER + "Wmo-taak;2;beleid;\n", encoding="utf-8")


CASES = [
    ("Tarieven vaststellen;\u00b2;beleid;\n", "jeugd.csv, regel 2, veld weken_voor_livegang: '\u00b2' is geen aantal weken"),
    ("Tarieven vaststellen;\u0663;beleid;\n", "jeugd.csv, regel 2, veld weken_voor_livegang: '\u0663' is geen aantal weken"),
    ("Tarieven vaststellen;12;beleid\x00;\n", "jeugd.csv, regel 2, veld rol: 'beleid\\u0000' is geen van"),
    ("Tarieven vaststellen;12;beleid;https://x.nl/\u202e\n", "jeugd.csv, regel 2, veld standaard: 'https://x.nl/\\u202e'"),
    ("A" * 200_000 + ";12;beleid;\n", "jeugd.csv, regel 2: geen leesbare CSV-regel"),
    ("\x00\u202e\u200b;12;beleid;\n", "jeugd.csv, regel 2, veld titel: leeg"),
    ("Dossier 123/456/782 omzetten;12;beleid;\n", "jeugd.csv, regel 2, veld titel: bevat een nummer dat een BSN kan zijn"),
]


@pytest.mark.parametrize("rows,problem", CASES, ids=["superscript weeks", "Arabic-Indic weeks", "NUL in the role",
                                                     "a direction override in the link", "a 200 kB title",
                                                     "a title of invisible characters", "a BSN with slashes"])
def test_a_row_that_cannot_be_used_stops_the_start_naming_file_line_and_field(tmp_path, rows, problem):
    write_plans(tmp_path, rows)
    result = run("migrate", env={"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "PLAN_DIR": str(tmp_path)})
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert f"Regiowacht kan niet starten: {problem}" in result.stderr
    assert "\x00" not in result.stderr and "\u202e" not in result.stderr


ROWS = ("Tarieven <2027> vaststellen;30;beleid;\n"
        "Besluit B&W over @here en <!channel>;20;beleid;\n"
        "Go\x00/no-go \u202elivegang;1;projectleider;\n"
        "  Consulenten\tinformeren\u200b ;2;toegang;\n")


@pytest.fixture
def own_plans(slack, database_url, clock, tmp_path):
    write_plans(tmp_path, ROWS)
    bot = SlackBot(slack, make_settings(slack, database_url, PLAN_DIR=str(tmp_path), MAIL_DIR=str(tmp_path)), clock,
                   server=listen())
    yield bot
    bot.close()


def test_titles_are_cleaned_stored_and_shown_as_written(own_plans, slack):
    own_plans.say(TRAJECT, user="U_ADMIN")
    call = own_plans.command("plan jeugd", user="U_ADMIN")
    posted = "\n".join(block["text"]["text"] for block in call.body["blocks"])
    shown = message_text(call.body)
    assert "Plan jeugd: 4 nieuwe taken" in shown
    for title in ("Tarieven <2027> vaststellen", "Besluit B&W over @here en <!channel>", "Go/no-go livegang",
                  "Consulenten informeren"):
        assert title in shown.replace("\u2060", "")
    # In Slack: escaped as Slack's own text is, the broadcasts inert, nothing that reverses text.
    assert "Tarieven &lt;2027&gt; vaststellen" in posted and "B&amp;W over @\u2060here en &lt;\u2060!channel&gt;" in posted
    assert "\u202e" not in posted and "\\x00" not in posted and "<!channel>" not in posted
    with own_plans.session() as session:
        stored = [row[0] for row in session.execute(text("SELECT title FROM task ORDER BY id"))]
    # Stored as typed; a typed broadcast look-alike is made inert (an invisible joiner after its `<`).
    assert stored == ["Tarieven <2027> vaststellen", "Besluit B&W over @here en <\u2060!channel>",
                      "Go/no-go livegang", "Consulenten informeren"]
    # Running it again finds every one of them: nothing added twice.
    assert "alle 4 taken stonden er al" in own_plans.say("plan jeugd", user="U_ADMIN")
    assert len(own_plans.all(Task)) == 4
    status = own_plans.say("status", user="U_ADMIN")
    assert "Tarieven <2027> vaststellen" in status and "Besluit B&W over @here en <!channel>" in status.replace("\u2060", "")
