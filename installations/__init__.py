"""The workspaces the bot serves. With SLACK_BOT_TOKEN: that one workspace. With SLACK_CLIENT_ID
and SLACK_CLIENT_SECRET: every workspace installed through Slack's OAuth flow, its bot token kept
by slack_sdk's SQLAlchemy installation store in the bot's own database (migration 0006), rotated
when it nears expiry, and gone when the app is uninstalled or its tokens revoked. The outbox and
every job ask here for the client of a message's workspace; a workspace without one gets nothing."""
from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from typing import Callable

from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import and_, desc, or_, select
from sqlalchemy.engine import Engine

from config import Settings

log = logging.getLogger(__name__)
STATE_SECONDS = 600   # an install link works for ten minutes, once
ROTATE_MINUTES = 120  # a rotating token is renewed this long before it expires
BOT_SCOPES = ("commands", "chat:write", "chat:write.public", "im:write", "users:read", "files:write",
              "channels:history", "groups:history", "im:history", "mpim:history", "channels:read", "groups:read",
              "im:read", "mpim:read", "channels:join")


AUTHORIZATION_SECONDS = 600  # how long Bolt's check of a workspace's token (auth.test) is remembered


class RememberedAuthorizations:
    """Bolt's cache of what auth.test said about a bot token, as a mapping whose entries expire:
    without it Bolt calls auth.test on every request in OAuth mode. Keyed by token, so a rotated
    token is asked about anew, and a revoked one is never looked up (its installation is gone)."""

    def __init__(self, seconds: float = AUTHORIZATION_SECONDS, size: int = 1024):
        self._seconds, self._size = seconds, size
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, token: object) -> bool:
        with self._lock:
            entry = self._entries.get(token)  # type: ignore[arg-type]
            return entry is not None and entry[0] > time.monotonic()

    def __getitem__(self, token: str) -> object:
        with self._lock:
            return self._entries[token][1]

    def __setitem__(self, token: str, result: object) -> None:
        with self._lock:
            self._entries[token] = (time.monotonic() + self._seconds, result)
            self._entries.move_to_end(token)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)


def installation_store(engine: Engine, settings: Settings) -> SQLAlchemyInstallationStore:
    return SQLAlchemyInstallationStore(client_id=settings.client_id, engine=engine)


def state_store(engine: Engine) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)


class Workspaces:
    """Which client speaks for a workspace. `make_client(token)` builds one on SLACK_API_URL."""

    def __init__(self, settings: Settings, engine: Engine, make_client: Callable[[str], object],
                 single=None):
        self.settings = settings
        self._make_client = make_client
        self._single = single  # the one client of single-workspace mode (None: send nothing)
        self._store = installation_store(engine, settings) if settings.oauth else None
        self._rotator = (TokenRotator(client_id=settings.client_id, client_secret=settings.client_secret,
                                      client=make_client("")) if settings.oauth else None)
        self._clients: dict[str, object] = {}
        self._lock = threading.Lock()

    def _bot(self, team_id: str):
        """The latest bot installed for this workspace: in it (also inside an Enterprise Grid), or
        org-wide, where Regiowacht keys the org's records by its enterprise id."""
        bots = self._store.bots
        query = (select(bots).where(bots.c.client_id == self.settings.client_id, bots.c.bot_token.is_not(None),
                                    or_(bots.c.team_id == team_id,
                                        and_(bots.c.enterprise_id == team_id, bots.c.is_enterprise_install)))
                 .order_by(desc(bots.c.installed_at)).limit(1))
        with self._store.engine.connect() as connection:
            row = connection.execute(query).mappings().first()
        return self._store.build_bot_entity(row) if row is not None else None

    def client_for(self, team_id: str):
        """The client with this workspace's bot token; None when the bot is not installed there."""
        if self._store is None:
            return self._single
        bot = self._bot(team_id)
        if bot is None:
            return None
        if bot.bot_refresh_token:
            try:
                renewed = self._rotator.perform_bot_token_rotation(bot=bot, minutes_before_expiration=ROTATE_MINUTES)
            except (SlackApiError, SlackClientError) as error:  # the old token may still work a while
                log.warning("token rotation for %s failed: %s", team_id, type(error).__name__)
                renewed = None
            if renewed is not None:
                self._store.save_bot(renewed)
                bot = renewed
        with self._lock:
            client = self._clients.get(bot.bot_token)
            if client is None:
                client = self._clients[bot.bot_token] = self._make_client(bot.bot_token)
        return client

    def served_teams(self) -> set[str] | None:
        """The workspaces with an installed bot; None means every one (single-workspace mode)."""
        if self._store is None:
            return None
        bots = self._store.bots
        with self._store.engine.connect() as connection:
            rows = connection.execute(select(bots.c.team_id, bots.c.enterprise_id, bots.c.is_enterprise_install)
                                      .where(bots.c.client_id == self.settings.client_id).distinct())
            return {row.enterprise_id if row.is_enterprise_install else row.team_id for row in rows} - {None}
