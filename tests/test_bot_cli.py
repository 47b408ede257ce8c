"""`python bot.py` as an operator runs it."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*args, env=None, stdin=""):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    environment.update(env or {})
    return subprocess.run([sys.executable, "bot.py", *args], cwd=ROOT, env=environment, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_without_credentials_it_says_what_is_missing(tmp_path):
    result = run(env={"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3"})
    assert result.returncode != 0
    assert "SLACK_BOT_TOKEN" in result.stderr and "console" in result.stderr


def test_parse_date_prints_one_line_per_phrase():
    result = run("parse-date", "--today", "2026-11-24", "volgende week dinsdag", "zsm", "eind Q1")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2026-12-01" and lines[1].startswith("? ") and "zsm" in lines[1] and lines[2] == "2027-03-31"


DAY = "2026-11-24"  # every test here sets its own day: none depends on the day it runs


def test_demo_then_console_session(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3"}
    assert run("demo", "--today", DAY, env=env).returncode == 0
    assert "staat er al" in run("demo", "--today", DAY, env=env).stdout
    session = ("status\nvastgesteld B2 gemeenten: Maasdriel\nurgent Wachtlijst ambulant ernst: middel\n:knop U2 oppakken\n"
               ":gebruiker U_FATIMA\n:thuis\n")
    result = run("console", "--today", DAY, env=env, stdin=session)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Jeugdhulp Rivierenland 2027" in out and "B2 vastgesteld door Maasdriel" in out
    assert "[bericht in C_JEUGD]" in out and "Urgent signaal (middel)" in out
    assert "Opgepakt door @U_ANNE" in out
    assert "I4 Reactie op het mandaatvoorstel" in out.split(":thuis")[1] and "[Ontvangen]" in out


def test_a_broken_plan_file_stops_the_start_naming_line_and_field(tmp_path):
    (tmp_path / "jeugd.csv").write_text("titel;weken_voor_livegang;rol;standaard\n"
                                        "Productcodes kiezen;26;functioneel beheer;\n"
                                        "Consulenten instrueren;zes;toegang;\n", encoding="utf-8")
    (tmp_path / "wmo.csv").write_text("titel;weken_voor_livegang;rol;standaard\nA;2;beleid;\n", encoding="utf-8")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "PLAN_DIR": str(tmp_path)}
    for mode in ("console", "migrate"):
        result = run(mode, env=env)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert ("Regiowacht kan niet starten: jeugd.csv, regel 3, veld weken_voor_livegang: 'zes' is geen aantal "
                "weken van 0 tot 104") in result.stderr


def test_console_plan_then_risk_then_region(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3"}
    run("demo", "--today", DAY, env=env)
    out = run("console", "--today", "2026-11-25", env=env, stdin="plan jeugd\nregio\n").stdout
    assert "nieuwe taken" in out and "Te laat volgens de standaard" in out  # the demo goes live in March: late
    assert "Regio Rivierenland · 8 gemeenten" in out and "2 trajecten in deze regio" in out
    assert "out/adoptiematrix-rivierenland.png" in out
    # A few days on, the tasks the plan made due at once are what `risico` names.
    later = run("console", "--today", "2026-11-30", env=env, stdin="risico\n").stdout
    assert re.search(r"• T5 .+ · bij [a-z ]+ · te laat sinds wo 25 nov 2026", later.split("Wie moet bewegen")[1])


def test_digest_and_scan_dry_run_on_the_demo_print_and_keep_nothing(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3"}
    run("demo", "--today", DAY, env=env)
    first = run("digest", "--dry-run", "--today", DAY, env=env)
    assert first.returncode == 0, first.stderr
    assert "Dagoverzicht Jeugdhulp Rivierenland 2027" in first.stdout and "Te laat" in first.stdout
    assert "Wmo begeleiding en dagbesteding 2028: op schema" in first.stdout
    assert "B4 Mandaat regionale inkooporganisatie: regio" in first.stdout  # the region's own decision too
    assert "digest: 2 berichten klaar om te versturen (proefdraai: niets verstuurd)" in first.stdout
    assert "2 berichten klaar om te versturen" in run("digest", "--dry-run", "--today", DAY, env=env).stdout  # dry: nothing kept
    scan = run("scan", "--dry-run", "--today", "2026-11-25", env=env)
    assert "Continuïteitsrisico Jeugdhulp Rivierenland 2027 is nu rood" in scan.stdout
    assert "is na 4 werkuren nog niet opgepakt" in scan.stdout


def test_digest_job_sends_once_per_day_even_when_run_again(tmp_path):
    from io import StringIO

    from jobs.run import run_job
    from wiring.runtime import job_runtime
    from tests.conftest import make_settings
    from tests.fake_slack import FakeSlack
    slack = FakeSlack().start()
    try:
        settings = make_settings(slack, f"sqlite:///{tmp_path}/jobs.sqlite3")
        assert run("demo", env={"DATABASE_URL": settings.database_url}).returncode == 0
        out = StringIO()
        assert run_job(job_runtime(settings), "digest", out=out) == 0
        assert run_job(job_runtime(settings), "digest", out=out) == 0
        assert "digest: 2 berichten verstuurd, 0 al eerder verstuurd" in out.getvalue()
        assert "digest: 0 berichten verstuurd, 2 al eerder verstuurd" in out.getvalue()
        assert sorted(c.body["channel"] for c in slack.of("chat.postMessage")) == ["C_JEUGD", "C_WMO"]
    finally:
        slack.stop()


def test_python_bot_py_serves_slack_over_http_with_gunicorn(tmp_path):
    import socket
    import time
    from urllib.request import urlopen

    from tests.conftest import SECRET, SignedClient
    from tests.fake_slack import FakeSlack
    slack = FakeSlack().start()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    environment.update({"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": slack.url,
                        "DATABASE_URL": f"sqlite:///{tmp_path}/live.sqlite3", "PORT": str(port)})
    process = subprocess.Popen([sys.executable, "bot.py"], cwd=ROOT, env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                if urlopen(f"http://127.0.0.1:{port}/health", timeout=1).status == 200:
                    break
            except OSError:
                time.sleep(0.2)
        client = SignedClient(slack, f"http://127.0.0.1:{port}/slack/events")
        body = client.command_body("datum over 10 werkdagen", user="U1", channel="C1", team="T1", n=1)
        status, answer = client.exchange(body, "application/x-www-form-urlencoded")
        assert status == 200 and "lees ik als" in answer["text"]
        assert client.post(body, "application/x-www-form-urlencoded", secret="forged") == 401
    finally:
        process.terminate()
        output = process.communicate(timeout=20)[0]
        slack.stop()
    assert "Booting worker" in output or "Listening at" in output, output


def test_bad_today_is_one_line_with_the_expected_form():
    for args in (("parse-date", "--today", "25-11-2026", "morgen"), ("digest", "--today", "25-11-2026", "--dry-run")):
        result = run(*args)
        assert result.returncode == 2 and "Traceback" not in result.stderr
        assert "'25-11-2026' is geen datum in de vorm JJJJ-MM-DD, bijv. 2026-11-25" in result.stderr


def test_console_in_a_terminal_has_history_and_ends_quietly_on_ctrl_c(tmp_path):
    """Typed in a real terminal (a pty): the up arrow brings back the last line, Ctrl-C ends it."""
    import pty
    import select
    import signal
    import time
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path}/tty.sqlite3", "HOME": str(tmp_path), "TERM": "xterm"})
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "bot.py", "console"], cwd=ROOT, env=env, stdin=slave, stdout=slave,
                               stderr=slave, close_fds=True)
    os.close(slave)
    seen = b""

    def read_until(marker: bytes, timeout: float = 30) -> None:
        nonlocal seen
        deadline = time.monotonic() + timeout
        while marker not in seen and time.monotonic() < deadline:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    seen += os.read(master, 65536)
                except OSError:
                    break
        assert marker in seen, seen.decode(errors="replace")[-2000:]

    try:
        read_until(b"C_JEUGD> ")
        os.write(master, b"datum over 10 werkdagen\r")
        read_until(b"lees ik als")
        seen = b""
        os.write(master, b"\x1b[A\r")  # arrow up: the same line again
        read_until(b"lees ik als")
        seen = seen[seen.index(b"lees ik als"):]  # the prompt to wait for comes after the answer
        read_until(b"C_JEUGD> ")
        process.send_signal(signal.SIGINT)  # what Ctrl-C sends
        try:
            code = process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            # A Ctrl-C that lands just before readline waits is only seen at the next key, in any
            # Python program; a person presses it again.
            process.send_signal(signal.SIGINT)
            code = process.wait(timeout=20)
        assert code == 0
        try:
            while select.select([master], [], [], 0.5)[0]:
                seen += os.read(master, 65536)
        except OSError:
            pass
    finally:
        process.kill()
        os.close(master)
    assert b"Traceback" not in seen and b"KeyboardInterrupt" not in seen
    assert (tmp_path / ".regiowacht_history").read_text().strip().endswith("datum over 10 werkdagen")


def test_console_mail_and_answer_page(tmp_path):
    """Issue 10's console walk-through: three contacts, a question to the providers, the .eml
    files the console shows, an answer through the page it serves, the tracker in status."""
    import re
    import socket
    import threading
    import time
    from urllib.parse import urlencode
    from urllib.request import urlopen

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update({"DATABASE_URL": f"sqlite:///{tmp_path}/mail.sqlite3", "MAIL_DIR": str(tmp_path / "mail"),
                "PORT": str(port), "HOME": str(tmp_path)})
    assert run("demo", env=env).returncode == 0
    console = subprocess.Popen([sys.executable, "bot.py", "console"], cwd=ROOT, env=env, stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen: list[str] = []
    threading.Thread(target=lambda: seen.extend(console.stdout), daemon=True).start()

    def wait_for(pattern: str, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.findall(pattern, "".join(seen))
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError("".join(seen)[-3000:])

    try:
        for i, name in enumerate(("Stichting Lindenhout", "Zorggroep Betuwe", "Jeugdzorg Rivierenland"), 1):
            console.stdin.write(f"contact {name} rol: aanbieder organisatie: {name} e-mail: inkoop{i}@aanbieder.nl\n")
        console.stdin.write("input Capaciteit 2027 van: aanbieders rol: aanbieder deadline: over 10 werkdagen\n")
        console.stdin.flush()
        wait_for(r"(✉ e-mail aan[\s\S]*){3}")
        files = re.findall(r"✉ e-mail aan .*?\n\s+(\S+\.eml)", "".join(seen))
        assert len(files) == 3
        link = re.search(r"http://127\.0\.0\.1:\d+/antwoord/[0-9a-f]{40}", Path(files[0]).read_text()).group()
        assert link.startswith(f"http://127.0.0.1:{port}/")
        with urlopen(link, data=urlencode({"antwoord": "Wij hebben plek voor 8 jeugdigen.", "actie": "antwoord"}).encode(),
                     timeout=10) as response:
            assert "Dank u wel" in response.read().decode()
        wait_for(r"antwoord van .* \(1/3 geantwoord\): Wij hebben plek voor 8 jeugdigen")
        console.stdin.write("status\n")
        console.stdin.flush()
        wait_for(r"de aanbieders \(1/3 geantwoord\)")
    finally:
        console.stdin.close()
        console.wait(timeout=20)


def test_bad_settings_stop_the_start_naming_each_variable_without_a_traceback(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite3", "PORT": "abc", "DIGEST_TIME": "half negen",
           "SMTP_URL": "mail.gemeente.nl:587", "PUBLIC_URL": "ftp://inkoop:Kwartel-2027@regio.nl"}
    result = run("demo", env=env)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for expected in ("PORT='abc': verwacht een getal van 1 tot en met 65535, bijv. PORT=3000",
                     "DIGEST_TIME='half negen': verwacht een tijd als UU:MM, bijv. DIGEST_TIME=08:30",
                     "SMTP_URL='mail.gemeente.nl:587'", "PUBLIC_URL='ftp://…@regio.nl'"):
        assert expected in result.stderr
    assert "Kwartel-2027" not in result.stderr
