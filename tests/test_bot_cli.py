"""`python bot.py` as an operator runs it."""
from __future__ import annotations

import os
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


def test_demo_then_console_session(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/demo.sqlite3"}
    assert run("demo", env=env).returncode == 0
    assert "staat er al" in run("demo", env=env).stdout
    session = "status\nvastgesteld B2 gemeenten: Maasdriel\nurgent Wachtlijst ambulant ernst: middel\n:knop U2 oppakken\n"
    result = run("console", env=env, stdin=session)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Jeugdhulp Rivierenland 2027" in out and "B2 vastgesteld door Maasdriel" in out
    assert "[bericht in C_JEUGD]" in out and "Urgent signaal (middel)" in out
    assert "Opgepakt door @U_ANNE" in out
