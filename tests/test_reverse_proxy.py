"""The reverse proxy of compose.yaml (deploy/nginx.conf). Docker does not run here, so the compose
file is read for its wiring, and the nginx configuration runs in a real nginx (Debian's, when
installed) in front of `python bot.py`: slow clients and an oversized body stop at nginx, while
Slack's commands and /health pass within Slack's 3 seconds."""
from __future__ import annotations

import getpass
import os
import shutil
import subprocess
import time
from pathlib import Path
from urllib.request import urlopen

import pytest
import yaml

from tests.conftest import free_port
from tests.fake_slack import FakeSlack
from tests.test_live_service import ROOT, demo_env, start_bot
from tests.test_slow_clients import SLACK_WINDOW, SlowClient, command, huge_request, timed

CONFIG = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
needs_nginx = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx-light)")


def test_compose_publishes_only_the_proxy_and_the_proxy_reaches_the_bot_on_its_port():
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())
    services = compose["services"]
    assert "ports" not in services["bot"] and "ports" not in services["db"]
    assert services["proxy"]["ports"] == ["3000:8080"]
    assert services["proxy"]["image"].startswith("nginx:")
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in services["proxy"]["volumes"]
    config = CONFIG.read_text()
    port = services["bot"]["environment"]["PORT"]
    assert f"set $bot http://bot:{port};" in config and "listen 8080;" in config
    assert services["bot"]["expose"] == [port]


def wrapped(directory: Path, listen: int, bot_port: int) -> Path:
    """deploy/nginx.conf as the nginx image includes it (inside `http`), here on `listen` in front of
    the bot on `bot_port` instead of the container `bot`; everything else as shipped."""
    site = CONFIG.read_text()
    assert site.count("listen 8080;") == 1 and site.count("http://bot:3000") == 1
    site = site.replace("listen 8080;", f"listen 127.0.0.1:{listen};").replace("http://bot:3000", f"http://127.0.0.1:{bot_port}")
    (directory / "site.conf").write_text(site)
    main = directory / "nginx.conf"
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    main.write_text(f"""{user}
daemon off;
worker_processes 1;
pid {directory}/nginx.pid;
error_log stderr warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {directory}/body;
    proxy_temp_path {directory}/proxy;
    fastcgi_temp_path {directory}/fastcgi;
    uwsgi_temp_path {directory}/uwsgi;
    scgi_temp_path {directory}/scgi;
    include {directory}/site.conf;
}}
""")
    return main


@needs_nginx
def test_the_shipped_configuration_is_valid_nginx(tmp_path):
    main = wrapped(tmp_path, free_port(), free_port())
    checked = subprocess.run([NGINX, "-t", "-q", "-e", "stderr", "-p", str(tmp_path), "-c", str(main)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr


@needs_nginx
def test_slow_clients_stop_at_nginx_while_slack_and_health_pass(database_url, tmp_path):
    slack = FakeSlack().start()
    output: list[str] = []
    bot, bot_port = start_bot(demo_env(database_url, slack), output)
    port = free_port()
    nginx = subprocess.Popen([NGINX, "-e", "stderr", "-p", str(tmp_path), "-c", str(wrapped(tmp_path, port, bot_port))],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(50):
            try:
                urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        slow = [SlowClient(port, slow_headers=n % 2 == 0) for n in range(24)]
        for client in slow:
            client.start()
        time.sleep(1.5)
        for n in range(1, 6):
            text, took = timed(lambda: command("http", port, slack, None, n))
            assert "Jeugdhulp Rivierenland 2027" in text and took < SLACK_WINDOW, (text, took)
            status, took = timed(lambda: urlopen(f"http://127.0.0.1:{port}/health", timeout=SLACK_WINDOW).status)
            assert status == 200 and took < SLACK_WINDOW
        assert huge_request(port, mib=120) == b"HTTP/1.1 413 Request Entity Too Large"  # nginx's words
        for client in slow:
            client.join(timeout=30)
        # nginx cut off the slow headers after 10 s and holds the slow bodies (its timeout is per
        # read, and they keep sending) until they give up; none of them reached the bot.
        assert {client.answer for client in slow if client.slow_headers} == {b""}
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        bot.terminate()
        bot.wait(timeout=30)
        slack.stop()
    log = "".join(output)
    assert "Traceback" not in log
    # Only whole requests reached the bot: the five commands, no slow or oversized one (a 401, 408, 413).
    reached = [line for line in log.splitlines() if "gunicorn.access" in line and "/slack/events" in line]
    assert len(reached) == 5 and all("status=200" in line for line in reached), reached
