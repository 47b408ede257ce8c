"""Regiowacht: the one entry point. `python bot.py --help` lists the modes."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

from dotenv import load_dotenv

from config import Settings, SettingsError
from domain.dates import warm_up
from wiring.logs import configure as configure_logging

log = logging.getLogger("regiowacht")


def run_bot(settings: Settings) -> int:
    missing = settings.missing_slack_credentials()
    if missing:
        python = local_python()
        print("Regiowacht kan niet met Slack verbinden: " + " en ".join(missing)
              + (" ontbreekt" if len(missing) == 1 else " ontbreken") + ".\n"
              "Zet ze in .env (zie .env.example en README), of probeer het lokaal zonder Slack:\n"
              f"  ./run.sh   (of: {python} bot.py demo && {python} bot.py console)", file=sys.stderr)
        return 2
    from wiring.web import metrics_directory, serve_http, wsgi_app
    metrics_directory()  # before anything imports prometheus_client
    from wiring.runtime import freeze_startup_heap, open_runtime
    from wiring.slack import build_app, make_client
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
    scheduler = start_schedule(rt)
    freeze_startup_heap()
    master = os.getpid()
    try:
        if settings.app_token:
            return serve_socket_mode(settings, rt, app)
        log.info("Regiowacht over HTTP on port %s at /slack/events", settings.port)
        serve_http(settings, rt, wsgi_app(app, rt))
    finally:
        if os.getpid() == master:  # gunicorn's forked workers leave through here too; the schedule is not theirs
            scheduler.shutdown(wait=False)  # a running pass stops at its next message; the rest waits in the outbox
    return 0


def serve_socket_mode(settings: Settings, rt, app) -> int:
    """Slack's events over Socket Mode's connection, in this (gunicorn's master) process; beside it
    the same web server as in HTTP mode, without /slack/events: the answer page of mailed links,
    /health and /metrics (PRODUCT.md, Slack as it really is)."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    from wiring.web import serve_http, wsgi_app
    socket_mode = SocketModeHandler(app, settings.app_token)
    try:
        socket_mode.connect()  # before the web workers fork: they do not inherit a half-made connection
    except Exception as error:  # noqa: BLE001 - whatever Slack answered, the operator needs the reason
        print(f"Regiowacht kan Socket Mode niet openen via {settings.api_url}: {error}\n"
              "Controleer SLACK_APP_TOKEN (xapp-…, met de scope connections:write).", file=sys.stderr)
        return 3
    log.info("Regiowacht in Socket Mode; the answer page, /health and /metrics on port %s", settings.port)
    master = os.getpid()
    try:
        serve_http(settings, rt, wsgi_app(None, rt))
    finally:
        # Only the master closes it: a forked worker inherited the connection's locks as its threads
        # held them, and closing would wait on them for ever.
        if os.getpid() == master:
            socket_mode.close()
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
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print("Regiowacht kan niet starten; deze instellingen kloppen niet (in .env of de omgeving):\n"
              + "\n".join(f"  {problem}" for problem in error.problems), file=sys.stderr)
        return 2
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
    from wiring.runtime import open_runtime
    if args.mode == "migrate":
        open_runtime(settings)
        print("Database bijgewerkt.")
        return 0
    if args.mode == "console":
        from console import ConsolePrinter, run_console
        from wiring.web import wsgi_app
        rt = open_runtime(settings, client=ConsolePrinter(sys.stdout), clock=fixed_clock(args.today), channel_interval=0)
        return run_console(rt, team=args.team, user=args.user, channel=args.channel, admin=not args.not_admin,
                           answer_page=wsgi_app(None, rt))
    if args.mode == "demo":
        from service.demo import load_demo
        rt = open_runtime(settings, clock=fixed_clock(args.today))
        print(load_demo(rt, args.team))
        return 0
    from jobs.run import run_job
    from wiring.runtime import job_runtime
    if not args.dry_run and settings.missing_slack_credentials():
        print("Zonder " + ", ".join(settings.missing_slack_credentials()) + " kan ik niets versturen; probeer --dry-run.",
              file=sys.stderr)
        return 2
    return run_job(job_runtime(settings, dry_run=args.dry_run, clock=fixed_clock(args.today)), args.mode,
                   dry_run=args.dry_run)


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
