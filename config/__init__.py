"""Settings read from the environment (and `.env`), shared by every mode of the bot."""
from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import time


def _split(value: str) -> frozenset[str]:
    return frozenset(v.strip() for v in value.replace(";", ",").split(",") if v.strip())


def _time(value: str) -> time:
    hours, _, minutes = value.strip().partition(":")
    return time(int(hours), int(minutes or 0))


def _local_secret() -> str:
    """Without a configured secret (the local console) the links of this process's mails work
    while it runs; a server sets ANSWER_SECRET or has its signing secret."""
    global _LOCAL_SECRET
    if not _LOCAL_SECRET:
        _LOCAL_SECRET = secrets.token_hex(32)
    return _LOCAL_SECRET


_LOCAL_SECRET = ""


def _bool(value: str) -> bool:
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


@dataclass(frozen=True)
class Settings:
    bot_token: str = ""
    signing_secret: str = ""
    app_token: str = ""
    client_id: str = ""      # with client_secret and no bot token: installed by OAuth in many workspaces
    client_secret: str = ""
    api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///regiowacht.sqlite3"
    port: int = 3000
    timezone: str = "Europe/Amsterdam"
    language: str = "nl"
    digest_time: time = time(8, 30)
    admins: frozenset[str] = field(default_factory=frozenset)
    slash_command: str = "/inkoop"
    retention_days: int = 90
    good_friday_is_holiday: bool = False
    risk_green_days: int = 14
    risk_red_contract_days: int = 30
    smtp_url: str = ""           # smtp://user:pass@host:587 (STARTTLS); empty: mails become .eml files
    mail_from: str = "Regiowacht <regiowacht@localhost>"
    mail_dir: str = "out/mail"
    public_url: str = ""         # where the answer page is reached; empty: http://127.0.0.1:PORT
    answer_secret: str = ""      # derives the answer links; default: the signing secret
    plan_dir: str = ""           # the `plan` templates; empty: data/plans
    web_threads: int = 4   # per web worker; also each process's database pool
    web_workers: int = 2   # measured on 2 cores (benchmarks/answer_latency.py): 2 x 4 answers fastest
    log_format: str = "plain"  # or "json": one JSON object per line, for a log shipper

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        get = lambda key, default: env.get(key) or default  # noqa: E731 - empty means unset
        return cls(
            bot_token=get("SLACK_BOT_TOKEN", ""),
            signing_secret=get("SLACK_SIGNING_SECRET", ""),
            app_token=get("SLACK_APP_TOKEN", ""),
            client_id=get("SLACK_CLIENT_ID", ""),
            client_secret=get("SLACK_CLIENT_SECRET", ""),
            api_url=get("SLACK_API_URL", cls.api_url),
            database_url=get("DATABASE_URL", cls.database_url),
            port=int(get("PORT", cls.port)),
            timezone=get("BOT_TIMEZONE", cls.timezone),
            language=get("BOT_LANGUAGE", cls.language).lower()[:2],
            digest_time=_time(get("DIGEST_TIME", "08:30")),
            admins=_split(get("BOT_ADMINS", "")),
            slash_command=get("SLASH_COMMAND", cls.slash_command),
            retention_days=int(get("RETENTION_DAYS", cls.retention_days)),
            good_friday_is_holiday=_bool(get("GOOD_FRIDAY_HOLIDAY", "false")),
            risk_green_days=int(get("RISK_GREEN_DAYS", cls.risk_green_days)),
            risk_red_contract_days=int(get("RISK_RED_CONTRACT_DAYS", cls.risk_red_contract_days)),
            web_threads=int(get("WEB_THREADS", cls.web_threads)),
            web_workers=int(get("WEB_WORKERS", cls.web_workers)),
            smtp_url=get("SMTP_URL", ""),
            mail_from=get("MAIL_FROM", cls.mail_from),
            mail_dir=get("MAIL_DIR", cls.mail_dir),
            public_url=get("PUBLIC_URL", "").rstrip("/"),
            plan_dir=get("PLAN_DIR", ""),
            log_format=get("LOG_FORMAT", cls.log_format).strip().lower(),
            answer_secret=get("ANSWER_SECRET", "") or get("SLACK_SIGNING_SECRET", "") or _local_secret(),
        )

    @property
    def answer_base(self) -> str:
        return self.public_url or f"http://127.0.0.1:{self.port}"

    @property
    def oauth(self) -> bool:
        """Several workspaces, each installed through /slack/install; SLACK_BOT_TOKEN set means one."""
        return bool(self.client_id and self.client_secret and not self.bot_token)

    def missing_slack_credentials(self) -> list[str]:
        """Socket Mode needs the bot and app tokens; HTTP needs the bot token and signing secret;
        OAuth (several workspaces, HTTP only) needs the client id, client secret and signing secret."""
        if self.oauth:
            return [] if self.signing_secret else ["SLACK_SIGNING_SECRET"]
        needed = [("SLACK_BOT_TOKEN", self.bot_token)]
        if not self.app_token:
            needed.append(("SLACK_SIGNING_SECRET", self.signing_secret))
        return [name for name, value in needed if not value]
