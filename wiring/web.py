"""The web application (Slack's events, the answer page, /health, /metrics) and the server that runs
it: gunicorn in HTTP mode, with the schedule in its master process."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

from config import Settings


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
