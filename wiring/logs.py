"""The log: one line per event, on stderr. LOG_FORMAT=json writes each event as one JSON object
(time, level, logger, message, and the fields a call passes in `extra`) for a log shipper; plain
text otherwise, for a person at a terminal. A traceback stays inside its event's line.

What users typed never goes into a log call: commands are logged by their subcommand word
(service/interactions.py `command_word`), errors by their type."""
from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

# Every attribute a LogRecord has of itself; the rest came in `extra` and are the structured fields.
_RECORD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


def _fields(record: logging.LogRecord) -> dict:
    return {key: value for key, value in vars(record).items() if key not in _RECORD_ATTRIBUTES}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
                 "level": record.levelname, "logger": record.name, "message": record.getMessage(),
                 **_fields(record)}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)  # json escapes newlines: one line


class PlainFormatter(logging.Formatter):
    def __init__(self):
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extra = " ".join(f"{key}={value}" for key, value in _fields(record).items())
        return (f"{line} {extra}" if extra else line).replace("\n", "\\n")


def configure(log_format: str) -> None:
    """The root logger's one handler; every library's logger (gunicorn's too, see below) writes
    through it."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if log_format == "json" else PlainFormatter())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)  # a Python warning too is one event, not lines of its own on stderr


QUIET_WHEN_OK = {"/health", "/metrics"}  # asked every few seconds by Docker and Prometheus


def gunicorn_logger():
    """Gunicorn's logger class: its lines go through the root handler, and each request is one
    line with method, path, status and duration. The path only: no query string, and never the
    token of an answer link (whoever has it can answer)."""
    from gunicorn.glogging import Logger

    class GunicornLogger(Logger):
        def setup(self, cfg):
            super().setup(cfg)
            for log in (self.error_log, self.access_log):
                for handler in list(log.handlers):
                    log.removeHandler(handler)
                log.propagate = True

        def access(self, resp, req, environ, request_time):
            status = int(str(resp.status).split(None, 1)[0])
            path = environ.get("PATH_INFO") or ""
            if path in QUIET_WHEN_OK and status < 400:
                return
            if path.startswith("/antwoord/"):
                path = "/antwoord/…"
            millis = round(request_time.total_seconds() * 1000)
            method = environ.get("REQUEST_METHOD", "-")
            self.access_log.info("%s %s %s %sms", method, path, status, millis,
                                 extra={"method": method, "path": path, "status": status, "duration_ms": millis})

    return GunicornLogger
