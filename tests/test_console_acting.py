"""The console as the issue's coordinator used it: the buttons under tasks and input requests, and
switching users without losing who is an admin."""
from __future__ import annotations

from tests.conftest import free_port
from tests.test_bot_cli import DAY, run


def test_console_buttons_for_tasks_and_inputs_and_admins_remembered(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3", "MAIL_DIR": str(tmp_path / "mail"), "PORT": str(free_port())}
    assert run("demo", "--today", DAY, env=env).returncode == 0
    session = (":knop T9 klaar\n:knop T1 klaar\n:knop T1 oppakken\n:knop I4 ontvangen\n"
               ":gebruiker U_KEES\n:gebruiker U_ANNE\nbesluit Extra deadline: 15-1-2027\nstatus taken\n")
    result = run("console", "--today", DAY, env=env, stdin=session)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    step = {line: out.split(f"> {line}\n")[1].split("\n> ")[0] for line in session.splitlines()}
    assert step[":knop T9 klaar"].strip() == "Ik vind T9 niet."
    assert step[":knop T1 klaar"].strip() == "T1: klaar."
    assert "Onder T1 zit geen knop 'oppakken': typ `:knop T1 klaar`." in step[":knop T1 oppakken"]
    assert step[":knop I4 ontvangen"].strip() == "I4: ontvangen."
    assert "(geen beheerder)" in step[":gebruiker U_KEES"]
    assert step[":gebruiker U_ANNE"].strip() == "Je bent nu U_ANNE in kanaal C_JEUGD (beheerder)."
    assert "B5 Extra" in step["besluit Extra deadline: 15-1-2027"]  # an admin again, as she started
    assert "T1 " not in step["status taken"] and "T2 Berichtenverkeer" in step["status taken"]
