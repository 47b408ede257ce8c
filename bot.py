"""Regiowacht: the one entry point. `python bot.py --help` lists the modes."""
from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import sys
import tempfile
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from dotenv import load_dotenv

from config import Settings
from domain.dates import warm_up
from wiring.logs import configure as configure_logging

log = logging.getLogger("regiowacht")


def make_client(settings: Settings):
    """A WebClient on SLACK_API_URL that waits out 429s (Retry-After) and retries 5xx and
    connection errors before a message falls back to the outbox."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import (
        ConnectionErrorRetryHandler,
        RateLimitErrorRetryHandler,
        ServerErrorRetryHandler,
    )
    return WebClient(token=settings.bot_token or None, base_url=settings.api_url,
                     retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2),
                                     RateLimitErrorRetryHandler(max_retry_count=2),
                                     ServerErrorRetryHandler(max_retry_count=2)])


def build_app(rt, client):
    """The Bolt app with every listener registered."""
    from slack_bolt import App

    import handlers
    # The HTTP reply leaves as soon as a listener returns; listeners hand slow work to the pool
    # (handlers/budget.py), so nobody waits for Bolt's polling of the ack.
    settings = rt.settings
    oauth = None
    if settings.oauth:  # several workspaces: Bolt's install flow, with our database as its stores
        from slack_bolt.oauth.oauth_settings import OAuthSettings

        from installations import BOT_SCOPES, installation_store, state_store
        oauth = OAuthSettings(client_id=settings.client_id, client_secret=settings.client_secret, scopes=list(BOT_SCOPES),
                              installation_store=installation_store(rt.engine, settings), state_store=state_store(rt.engine),
                              install_path="/slack/install", redirect_uri_path="/slack/oauth_redirect",
                              redirect_uri=f"{settings.public_url}/slack/oauth_redirect" if settings.public_url else None)
    app = App(client=client, signing_secret=settings.signing_secret, process_before_response=True,
              oauth_settings=oauth, installation_store_bot_only=True if oauth else None)
    if oauth:
        app.enable_token_revocation_listeners()  # app_uninstalled, tokens_revoked: the tokens go

    @app.error
    def on_error(error, body, logger):  # noqa: ANN001 - Bolt's signature
        logger.exception("unhandled error for %s", (body or {}).get("type"), exc_info=error)

    handlers.register(app, rt)
    return app


def wsgi_app(app, rt):
    """Slack events at /slack/events, the answer page at /antwoord/<token>, the health check at
    /health and Prometheus metrics at /metrics."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from answer_page import AnswerPage
    from handlers.guard import http_guard
    from service import metrics
    from service.health import Health
    signing_secret = rt.settings.signing_secret
    slack = http_guard(SlackRequestHandler(app, path="/slack/events"), signing_secret) if app is not None else None
    answer_page = AnswerPage(rt)
    health = Health(rt.engine)

    def application(environ, start_response):
        path = environ.get("PATH_INFO") or ""
        if path == "/health":
            return health(environ, start_response)
        if path == "/metrics":
            body, content_type = metrics.exposition(rt)
            start_response("200 OK", [("Content-Type", content_type)])
            return [body]
        if path.startswith("/antwoord/"):
            return answer_page(environ, start_response)
        if slack is None:  # the console serves only the answer page
            start_response("404 Not Found", [("Content-Type", "text/plain")])
            return [b"not found"]
        return slack(environ, start_response)
    return application


def serve_http(settings: Settings, rt, application) -> None:
    """Gunicorn in-process. The schedule stays in this (the master) process with its connections;
    each forked web worker drops the inherited pool and opens its own."""
    from gunicorn.app.base import BaseApplication

    from service.metrics import process_exited
    from store.db import after_fork
    from wiring.logs import gunicorn_logger

    def post_fork(server, worker):  # noqa: ANN001 - gunicorn's hook signature
        if rt is not None:
            after_fork(rt.engine)

    def child_exit(server, worker):  # noqa: ANN001 - gunicorn's hook signature
        process_exited(worker.pid)

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"0.0.0.0:{settings.port}", "workers": settings.web_workers,
                               "threads": settings.web_threads, "worker_class": "gthread", "timeout": 60,
                               "accesslog": "-", "logger_class": gunicorn_logger(), "post_fork": post_fork,
                               "child_exit": child_exit}.items():
                self.cfg.set(key, value)

        def load(self):
            return application

    Server().run()


def metrics_directory() -> None:
    """Where gunicorn's processes keep their metrics for /metrics to add up (service/metrics.py).
    prometheus_client picks its storage when first imported, so this runs before anything imports
    it. A directory the operator chose is emptied, as prometheus_client requires; else a new one is
    made and removed when the bot stops."""
    path = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if path:
        os.makedirs(path, exist_ok=True)
        for name in os.listdir(path):
            if name.endswith(".db"):
                os.remove(os.path.join(path, name))
        return
    path = tempfile.mkdtemp(prefix="regiowacht-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = path
    master = os.getpid()
    # Forked workers inherit this hook; only the process that made the directory removes it.
    atexit.register(lambda: os.getpid() == master and shutil.rmtree(path, ignore_errors=True))


def run_bot(settings: Settings) -> int:
    missing = settings.missing_slack_credentials()
    if missing:
        python = local_python()
        print("Regiowacht kan niet met Slack verbinden: " + " en ".join(missing)
              + (" ontbreekt" if len(missing) == 1 else " ontbreken") + ".\n"
              "Zet ze in .env (zie .env.example en README), of probeer het lokaal zonder Slack:\n"
              f"  ./run.sh   (of: {python} bot.py demo && {python} bot.py console)", file=sys.stderr)
        return 2
    if not settings.app_token:
        metrics_directory()
    from service.runtime import open_runtime
    warm_up()  # the first command must not pay for compiling the date grammar
    client = make_client(settings)
    rt = open_runtime(settings, client)
    try:
        app = build_app(rt, client)  # Bolt checks the token with auth.test here
    except Exception as error:  # noqa: BLE001 - whatever Slack answered, the operator needs the reason
        print(f"Regiowacht kan Slack niet gebruiken via {settings.api_url}: {error}\n"
              "Controleer SLACK_BOT_TOKEN en de netwerkverbinding.", file=sys.stderr)
        return 3
    from jobs.schedule import start_schedule
    from service.runtime import freeze_startup_heap
    scheduler = start_schedule(rt)
    freeze_startup_heap()
    try:
        if settings.app_token:
            from slack_bolt.adapter.socket_mode import SocketModeHandler
            log.info("Regiowacht in Socket Mode")
            SocketModeHandler(app, settings.app_token).start()
        else:
            log.info("Regiowacht over HTTP on port %s at /slack/events", settings.port)
            serve_http(settings, rt, wsgi_app(app, rt))
    finally:
        scheduler.shutdown(wait=False)
    return 0


def local_python() -> str:
    """The interpreter that has Regiowacht's packages, as the operator would type it."""
    try:
        return os.path.relpath(sys.executable)
    except ValueError:  # another drive on Windows
        return sys.executable


def iso_day(text: str) -> date:
    """`--today` as argparse reads it: a bad value is one line with the expected form, no traceback."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum in de vorm JJJJ-MM-DD, bijv. 2026-11-25") from None


def fixed_clock(today: date | None):
    """`--today YYYY-MM-DD`: the local console and the jobs as if it were that day, at 09:00."""
    if not today:
        return None
    moment = datetime.combine(today, time(9, 0), ZoneInfo(Settings.from_env().timezone))
    return lambda: moment.astimezone(timezone.utc)


def parse_date_cli(settings: Settings, today: date | None, phrases: list[str]) -> int:
    from commands.replies import describe_error
    from domain.dates import read_date
    from domain.errors import CommandError
    from domain.workdays import WorkCalendar
    day = today or datetime.now(ZoneInfo(settings.timezone)).date()
    work = WorkCalendar(settings.good_friday_is_holiday)
    for phrase in phrases:
        reading = read_date(phrase, day, work=work)
        if reading.ok:
            print(reading.value.isoformat())
        else:
            question = describe_error(CommandError(reading.problem, **reading.params), settings.language, "")
            print("? " + question.lines[0].replace("`", ""))
    return 0


def main(argv: list[str] | None = None) -> int:
    load_dotenv()
    settings = Settings.from_env()
    configure_logging(settings.log_format)
    parser = argparse.ArgumentParser(prog="bot.py", description="Regiowacht, the Slack bot for regional procurement.")
    sub = parser.add_subparsers(dest="mode")
    console = sub.add_parser("console", help="type /inkoop commands locally, without Slack")
    console.add_argument("--user", default="U_ANNE")
    console.add_argument("--channel", default="C_JEUGD")
    console.add_argument("--team", default="T_LOCAL")
    console.add_argument("--not-admin", action="store_true", help="act as a user without admin rights")
    console.add_argument("--today", type=iso_day, help="pretend it is this day (YYYY-MM-DD)")
    demo = sub.add_parser("demo", help="load the example region Rivierenland")
    demo.add_argument("--team", default="T_LOCAL")
    demo.add_argument("--today", type=iso_day, help="load it as if it were this day (YYYY-MM-DD)")
    sub.add_parser("migrate", help="bring the database schema up to date")
    parse_date = sub.add_parser("parse-date", help="show how the bot reads deadline phrases")
    parse_date.add_argument("--today", type=iso_day, help="YYYY-MM-DD (default: today)")
    parse_date.add_argument("phrases", nargs="+")
    for name in ("digest", "scan"):
        job = sub.add_parser(name, help=f"run the {name} job once, now")
        job.add_argument("--dry-run", action="store_true", help="print instead of sending")
        job.add_argument("--today", type=iso_day, help="run as if it were this day (YYYY-MM-DD)")
    args = parser.parse_args(argv)

    if args.mode is None:
        return run_bot(settings)
    if args.mode == "parse-date":
        return parse_date_cli(settings, args.today, args.phrases)
    logging.getLogger().setLevel(logging.WARNING)
    from service.runtime import open_runtime
    if args.mode == "migrate":
        open_runtime(settings)
        print("Database bijgewerkt.")
        return 0
    if args.mode == "console":
        from console import run_console
        return run_console(settings, team=args.team, user=args.user, channel=args.channel,
                           admin=not args.not_admin, clock=fixed_clock(args.today))
    if args.mode == "demo":
        from service.demo import load_demo
        rt = open_runtime(settings, clock=fixed_clock(args.today))
        print(load_demo(rt, args.team))
        return 0
    from jobs.run import run_job
    return run_job(settings, args.mode, dry_run=args.dry_run, clock=fixed_clock(args.today))


if __name__ == "__main__":
    from domain.datafiles import DataFileError
    try:
        sys.exit(main())
    except DataFileError as error:  # a region edited a data file: name the row to mend
        print(f"Regiowacht kan niet starten: {error}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:  # Ctrl-C: stop quietly, as any command-line tool does
        print(file=sys.stderr)
        sys.exit(130)
