"""The web application (Slack's events, the answer page, /health, /metrics) and the server that runs
it: gunicorn, with the schedule in its master process, in HTTP mode and beside Socket Mode (then
without Slack's events)."""
from __future__ import annotations

import atexit
import hmac
import os
import shutil
import tempfile

from config import Settings


def refuse_body(environ, limit: int) -> str | None:
    """The status that refuses this request's body before a byte of it is read, or None."""
    if environ.get("HTTP_TRANSFER_ENCODING"):  # no length up front: Slack and browsers always send one
        return "411 Length Required"
    length = environ.get("CONTENT_LENGTH") or "0"
    if not (length.isascii() and length.isdigit()):
        return "400 Bad Request"
    if int(length) > limit:
        return "413 Content Too Large"
    return None


def metrics_allowed(environ, token: str) -> bool:
    """A scrape that carries `Authorization: Bearer <METRICS_TOKEN>` (compared in constant time)."""
    scheme, _, given = (environ.get("HTTP_AUTHORIZATION") or "").partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def _plain(start_response, status: str, text: str, headers: tuple = ()) -> list[bytes]:
    body = text.encode()
    start_response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body))), *headers])
    return [body]


def wsgi_app(app, rt):
    """Slack events at /slack/events (when `app` is given: HTTP mode), the answer page at
    /antwoord/<token>, the health check at /health and Prometheus metrics at /metrics (with
    METRICS_TOKEN as a bearer token; off without one). A body larger than its path takes is refused
    (413) before it is read."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from answer_page import MAX_BODY as ANSWER_BODY_LIMIT
    from answer_page import PREFIX, AnswerPage
    from handlers.guard import http_guard
    from service import metrics
    from service.health import Health
    from wiring.buffering_worker import BODY_LIMIT
    signing_secret = rt.settings.signing_secret
    token = rt.settings.metrics_token
    slack = http_guard(SlackRequestHandler(app, path="/slack/events"), signing_secret) if app is not None else None
    answer_page = AnswerPage(rt)
    health = Health(rt.engine)

    def body_limit(path: str) -> int:
        """Slack's requests are a few kB (a message shortcut on a very long message some 100 kB);
        the answer page's form a few kB; the other paths take no body."""
        if path == "/slack/events":
            return BODY_LIMIT
        return ANSWER_BODY_LIMIT if path.startswith(PREFIX) else 0

    def application(environ, start_response):
        path = environ.get("PATH_INFO") or ""
        refusal = refuse_body(environ, body_limit(path))
        if refusal:
            return _plain(start_response, refusal, refusal[4:].lower())
        if path == "/health":
            return health(environ, start_response)
        if path == "/metrics":
            if not token:
                return _plain(start_response, "403 Forbidden", "/metrics staat uit: zet METRICS_TOKEN (zie README, Production)")
            if not metrics_allowed(environ, token):
                return _plain(start_response, "401 Unauthorized", "unauthorized",
                              (("WWW-Authenticate", 'Bearer realm="regiowacht"'),))
            body, content_type = metrics.exposition(rt)
            start_response("200 OK", [("Content-Type", content_type)])
            return [body]
        if path.startswith(PREFIX):
            return answer_page(environ, start_response)
        if slack is None:  # Socket Mode and the console: no Slack events over HTTP
            return _plain(start_response, "404 Not Found", "not found")
        return slack(environ, start_response)
    return application


def serve_http(settings: Settings, rt, application) -> None:
    """Gunicorn in-process. The schedule (and in Socket Mode the Slack connection) stays in this,
    the master, process with its connections; each forked web worker drops the inherited pool and
    opens its own. Its workers read each request whole before a thread takes it
    (wiring/buffering_worker.py), one request per connection, so slow clients hold no thread."""
    from gunicorn.app.base import BaseApplication

    from service.metrics import process_exited
    from store.db import after_fork
    from wiring.buffering_worker import BufferingWorker
    from wiring.logs import gunicorn_logger

    def post_fork(server, worker):  # noqa: ANN001 - gunicorn's hook signature
        if rt is not None:
            after_fork(rt.engine)

    def child_exit(server, worker):  # noqa: ANN001 - gunicorn's hook signature
        process_exited(worker.pid)

    class Server(BaseApplication):
        def load_config(self):
            for key, value in {"bind": f"0.0.0.0:{settings.port}", "workers": settings.web_workers,
                               "threads": settings.web_threads, "worker_class": BufferingWorker, "timeout": 60,
                               "keepalive": 0, "limit_request_line": 4094, "limit_request_fields": 50,
                               "limit_request_field_size": 8190, "accesslog": "-", "logger_class": gunicorn_logger(),
                               # No control socket (~/.gunicorn/gunicorn.ctl): nothing to share between
                               # instances on one host, and no local way in to the running server.
                               "control_socket_disable": True,
                               "post_fork": post_fork, "child_exit": child_exit}.items():
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
