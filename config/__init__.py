"""Settings read from the environment (and `.env`), shared by every mode of the bot."""
from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class SettingsError(ValueError):
    """One or more settings cannot be used: each problem names its variable, what it holds and
    what it should hold."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


class _Reader:
    """Reads variables (empty means unset) and collects every bad one, so the operator mends
    them all at once instead of one traceback at a time."""

    def __init__(self, env: dict[str, str]):
        self.env = env
        self.problems: list[str] = []

    def text(self, key: str, default: str = "") -> str:
        return (self.env.get(key) or "").strip() or default

    def _bad(self, key: str, value: str, expected: str) -> None:
        shown = re.sub(r"//[^@/\s]*@", "//…@", value)  # a URL's password never reaches a terminal or log
        self.problems.append(f"{key}={shown!r}: verwacht {expected}")

    def integer(self, key: str, default: int, low: int, high: int, example: int | None = None) -> int:
        value = self.text(key)
        if not value:
            return default
        if not re.fullmatch(r"\d+", value) or not low <= int(value) <= high:
            self._bad(key, value, f"een getal van {low} tot en met {high}, bijv. {key}={example or default}")
            return default
        return int(value)

    def choice(self, key: str, default: str, options: tuple[str, ...]) -> str:
        value = self.text(key, default).lower()
        if value not in options:
            self._bad(key, value, " of ".join(options) + f", bijv. {key}={default}")
            return default
        return value

    def flag(self, key: str, default: bool) -> bool:
        value = self.text(key).lower()
        if not value:
            return default
        if value in {"1", "true", "yes", "ja", "on", "aan"}:
            return True
        if value in {"0", "false", "no", "nee", "off", "uit"}:
            return False
        self._bad(key, value, f"true of false, bijv. {key}=false")
        return default

    def clock(self, key: str, default: time) -> time:
        value = self.text(key)
        match = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", value) if value else None
        if not value:
            return default
        if not match or int(match.group(1)) > 23 or int(match.group(2) or 0) > 59:
            self._bad(key, value, f"een tijd als UU:MM, bijv. {key}={default.strftime('%H:%M')}")
            return default
        return time(int(match.group(1)), int(match.group(2) or 0))

    def zone(self, key: str, default: str) -> str:
        value = self.text(key, default)
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            self._bad(key, value, f"een tijdzone als Europe/Amsterdam, bijv. {key}={default}")
            return default
        return value

    def token(self, key: str, minimum: int) -> str:
        """A secret someone must send in a header: at least `minimum` characters a header carries
        unchanged (letters, digits, - . _ ~ + /). Never shown back, not even in the error."""
        value = self.text(key)
        if value and not (len(value) >= minimum and re.fullmatch(r"[A-Za-z0-9\-._~+/]+=*", value)):
            self.problems.append(f"{key}: verwacht minstens {minimum} tekens (letters, cijfers, - . _ ~ + /), "
                                 f"bijv. de uitvoer van `openssl rand -hex 32`")
            return ""
        return value

    def url(self, key: str, default: str, schemes: tuple[str, ...], example: str) -> str:
        value = self.text(key, default)
        if value and not re.match(rf"^({'|'.join(schemes)})://[^\s/]+", value):
            self._bad(key, value, f"een adres dat begint met {' of '.join(s + '://' for s in schemes)}, bijv. {key}={example}")
            return default
        return value


def _split(value: str) -> frozenset[str]:
    return frozenset(v.strip() for v in value.replace(";", ",").split(",") if v.strip())


def _local_secret() -> str:
    """Without a configured secret (the local console) the links of this process's mails work
    while it runs; a server sets ANSWER_SECRET or has its signing secret."""
    global _LOCAL_SECRET
    if not _LOCAL_SECRET:
        _LOCAL_SECRET = secrets.token_hex(32)
    return _LOCAL_SECRET


_LOCAL_SECRET = ""


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
    rejection_cycle_days: int = 28  # a rejected adoption is expected this long after the rejection (no meeting calendar)
    smtp_url: str = ""           # smtp://user:pass@host:587 (STARTTLS); empty: mails become .eml files
    mail_from: str = "Regiowacht <regiowacht@localhost>"
    mail_dir: str = "out/mail"
    public_url: str = ""         # where the answer page is reached; empty: http://127.0.0.1:PORT
    answer_secret: str = ""      # derives the answer links; default: the signing secret
    metrics_token: str = ""      # /metrics answers only a scrape with this bearer token; empty: /metrics is off
    plan_dir: str = ""           # the `plan` templates; empty: data/plans
    web_threads: int = 4   # per web worker; also each process's database pool
    web_workers: int = 2   # measured on 2 cores (benchmarks/answer_latency.py): 2 x 4 answers fastest
    log_format: str = "plain"  # or "json": one JSON object per line, for a log shipper
    papers_lead_days: int = 14  # a proposal's papers go out this long before the meeting that decides it
    feed_allow_private: bool = False  # meeting calendar feeds on a private network (an intranet) may be read
    first_scan_after: int = 5  # seconds from start to the first risk scan (then every 15 minutes)

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        """The settings of `env` (default: the environment); SettingsError names every bad one."""
        read = _Reader(dict(os.environ if env is None else env))
        settings = cls(
            bot_token=read.text("SLACK_BOT_TOKEN"),
            signing_secret=read.text("SLACK_SIGNING_SECRET"),
            app_token=read.text("SLACK_APP_TOKEN"),
            client_id=read.text("SLACK_CLIENT_ID"),
            client_secret=read.text("SLACK_CLIENT_SECRET"),
            api_url=read.url("SLACK_API_URL", cls.api_url, ("https", "http"), cls.api_url),
            database_url=read.text("DATABASE_URL", cls.database_url),
            port=read.integer("PORT", cls.port, 1, 65535),
            timezone=read.zone("BOT_TIMEZONE", cls.timezone),
            language=read.choice("BOT_LANGUAGE", cls.language, ("nl", "en")),
            digest_time=read.clock("DIGEST_TIME", cls.digest_time),
            admins=_split(read.text("BOT_ADMINS")),
            slash_command=read.text("SLASH_COMMAND", cls.slash_command),
            retention_days=read.integer("RETENTION_DAYS", cls.retention_days, 1, 3650),
            good_friday_is_holiday=read.flag("GOOD_FRIDAY_HOLIDAY", False),
            risk_green_days=read.integer("RISK_GREEN_DAYS", cls.risk_green_days, 0, 365),
            risk_red_contract_days=read.integer("RISK_RED_CONTRACT_DAYS", cls.risk_red_contract_days, 0, 365),
            rejection_cycle_days=read.integer("REJECTION_CYCLE_DAYS", cls.rejection_cycle_days, 1, 365),
            web_threads=read.integer("WEB_THREADS", cls.web_threads, 1, 64),
            web_workers=read.integer("WEB_WORKERS", cls.web_workers, 1, 64),
            smtp_url=read.url("SMTP_URL", "", ("smtp", "smtps"), "smtp://gebruiker:wachtwoord@mail.example.nl:587"),
            mail_from=read.text("MAIL_FROM", cls.mail_from),
            mail_dir=read.text("MAIL_DIR", cls.mail_dir),
            public_url=read.url("PUBLIC_URL", "", ("https", "http"), "https://regiowacht.example.nl").rstrip("/"),
            plan_dir=read.text("PLAN_DIR"),
            log_format=read.choice("LOG_FORMAT", cls.log_format, ("plain", "json")),
            papers_lead_days=read.integer("PAPERS_LEAD_DAYS", cls.papers_lead_days, 0, 90),
            feed_allow_private=read.flag("FEED_ALLOW_PRIVATE", False),
            first_scan_after=read.integer("FIRST_SCAN_AFTER", cls.first_scan_after, 0, 900),
            answer_secret=read.text("ANSWER_SECRET") or read.text("SLACK_SIGNING_SECRET") or _local_secret(),
            metrics_token=read.token("METRICS_TOKEN", 16),
        )
        if read.problems:
            raise SettingsError(read.problems)
        return settings

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
