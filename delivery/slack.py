"""Slack as a transport of the outbox: the Web API call, the message metadata that names each
post's outbox key, the crash-recovery look into the channel's history, updates of earlier posts,
and what Slack's answer means: sent, not now (429 with its Retry-After, 5xx, the network), or
never (the bot is not in the channel, the channel is archived, the blocks are refused, a scope or
the token is missing). What Slack refuses for good is told to the trajectory's coordinator by DM,
once per message, through the outbox itself."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Callable, Protocol

from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy.engine import Engine
from sqlmodel import select

from delivery import outbox
from delivery.metrics import kind_of
from delivery.transports import Claimed, PermanentFailure, TemporaryFailure
from domain.texts import TEXTS, t
from store.db import session_scope
from store.models import Outbox, Trajectory, UserSetting
from store.queries import trajectory_for_channel
from views.messages import sections

log = logging.getLogger(__name__)
METADATA_EVENT = "regiowacht_outbox"  # message metadata naming the outbox key of each post
NOTICE = "undelivered"                # key prefix of the DM that tells a coordinator

# Slack's answers that no retry changes (PRODUCT.md, "Slack as it really is"), and their kind.
NOT_THERE = {"not_in_channel", "channel_not_found"}
PERSON_GONE = {"user_not_found", "user_disabled", "cannot_dm_bot"}
TOKEN = {"invalid_auth", "account_inactive", "token_revoked", "token_expired", "not_authed"}
BLOCKS = {"invalid_blocks", "msg_blocks_too_long", "invalid_arguments", "msg_too_long", "invalid_metadata_format",
          "invalid_metadata_schema", "metadata_too_large"}
OTHER_PERMANENT = {"is_archived", "channel_is_archived", "missing_scope", "restricted_action", "no_permission",
                   "message_not_found", "cant_update_message", "edit_window_closed", "ekm_access_denied",
                   "team_access_not_granted", "not_allowed_token_type"}
PERMANENT = NOT_THERE | PERSON_GONE | TOKEN | BLOCKS | OTHER_PERMANENT


class ApiCaller(Protocol):
    def api_call(self, api_method: str, *, json: dict | None = None) -> dict: ...


def retry_after(headers) -> float | None:
    """Slack's Retry-After in seconds, whatever the header's case or shape."""
    for name, value in (headers or {}).items():
        if name.lower() == "retry-after":
            value = value[0] if isinstance(value, (list, tuple)) else value
            try:
                return max(0.0, float(value))
            except (TypeError, ValueError):
                return None
    return None


def without_rate_limit_waits(client, timeout: float | None = None):
    """A client like `client` whose 429s come back at once with their Retry-After, for the caller
    to decide: the outbox schedules the message, a form gives up when the wait outlives its trigger.
    Anything that is not a WebClient (the console's printer) is returned as it is."""
    from slack_sdk import WebClient
    from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
    if not isinstance(client, WebClient):
        return client
    return WebClient(token=client.token, base_url=client.base_url, timeout=timeout or client.timeout,
                     retry_handlers=[h for h in client.retry_handlers if not isinstance(h, RateLimitErrorRetryHandler)])


def classify(error: Exception) -> TemporaryFailure | PermanentFailure:
    """What a failed Web API call means for its message."""
    if isinstance(error, SlackApiError):
        response = error.response
        code = (response.get("error") if hasattr(response, "get") else None) or ""
        status = getattr(response, "status_code", 0)
        if status == 429 or code == "ratelimited":
            return TemporaryFailure(f"{status} ratelimited", retry_after(getattr(response, "headers", None)))
        if code in PERMANENT:
            needed = response.get("needed") if hasattr(response, "get") else None
            return PermanentFailure(f"{status} {code}" + (f" ({needed})" if needed else ""), code)
        return TemporaryFailure(f"{status} {code}".strip())
    return TemporaryFailure(f"{type(error).__name__}: {error}")


class SlackTransport:
    def __init__(self, engine: Engine, client_for: Callable[[str], ApiCaller | None], clock: Callable[[], datetime],
                 language: str = "nl", slash_command: str = "/inkoop"):
        self.engine = engine
        self.client_for = client_for  # the workspace's client; None: the app is not installed there
        self.clock = clock
        self.language = language
        self.slash_command = slash_command

    def _client(self, row: Claimed) -> ApiCaller:
        client = self.client_for(row.team_id)
        if client is None:  # uninstalled from that workspace: kept, never sent, nobody to tell there
            raise PermanentFailure("app niet (meer) geïnstalleerd in deze workspace", "not_installed", tell=False)
        return client

    def send(self, row: Claimed, payload: dict) -> str | None:
        client = self._client(row)
        if row.method == "chat.postMessage":
            payload["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"outbox_key": row.key}}
        ts_of = payload.pop("ts_of", None)
        if ts_of:  # an update of an earlier post: it needs that post's ts
            payload["ts"] = self._ts_of(ts_of)
        try:
            response = client.api_call(row.method, json=payload)
        except (SlackApiError, SlackClientError, OSError) as error:
            raise classify(error) from None
        return response.get("ts") if hasattr(response, "get") else None

    def _ts_of(self, key: str) -> str:
        with session_scope(self.engine, readonly=True) as session:
            original = session.exec(select(Outbox).where(Outbox.key == key)).first()
        if original is not None and original.ts is not None:
            return original.ts
        if original is not None and original.sent_at is None and original.attempts >= outbox.GIVE_UP_AFTER:
            # Its coordinator heard about the post itself; an update of nothing is no news.
            raise PermanentFailure(f"het bericht {key} is nooit geplaatst", "original_not_posted", tell=False)
        raise TemporaryFailure(f"waiting for {key}")

    def sent_before(self, row: Claimed, payload: dict) -> str | None:
        """A post carries its outbox key as message metadata, so the channel's recent history
        tells whether it arrived. A channel Slack says is not there (or a person who is gone) cannot
        have it either: that is final. A public channel the bot never joined (set up before it
        joined at `traject`) is joined now, so its history can be read."""
        if row.method != "chat.postMessage":
            return None
        client = self._client(row)
        try:
            channel = row.channel
            if channel[:1] in ("U", "W"):  # a direct message: its history lives in the DM channel
                channel = client.api_call("conversations.open", json={"users": channel})["channel"]["id"]
            created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=timezone.utc)
            ask = {"channel": channel, "oldest": f"{(created - timedelta(minutes=1)).timestamp():.6f}",
                   "include_all_metadata": True, "limit": 200}
            try:
                history = client.api_call("conversations.history", json=ask)
            except SlackApiError as error:
                if error.response.get("error") != "not_in_channel":
                    raise
                client.api_call("conversations.join", json={"channel": channel})  # fails in a private channel
                history = client.api_call("conversations.history", json=ask)
        except SlackApiError as error:
            failure = classify(error)
            if isinstance(failure, PermanentFailure) and failure.code in {"channel_not_found"} | PERSON_GONE | TOKEN:
                raise failure from None
            log.warning("outbox %s: could not check for an earlier delivery: %s", row.key, failure)
            return None
        except (SlackClientError, OSError, KeyError, TypeError) as error:
            # Without the history we cannot know: send, and accept the small chance of a double.
            log.warning("outbox %s: could not check for an earlier delivery: %s", row.key, type(error).__name__)
            return None
        for message in history.get("messages") or []:
            metadata = (message.get("metadata") or {}).get("event_payload") or {}
            if metadata.get("outbox_key") == row.key:
                return message.get("ts")
        return None

    def refused(self, row: Claimed, payload: dict, failure: PermanentFailure) -> list[str]:
        """The coordinator of the message's trajectory hears once, by DM, what did not arrive,
        why, and how to fix it. A DM about a refused message is never followed by another."""
        if not failure.tell or row.key.startswith((f"{NOTICE}:", "refused:")):
            log.error("outbox %s refused for good: %s", row.key, failure)
            return []
        key = f"{NOTICE}:{row.key}"
        with session_scope(self.engine) as session:
            trajectory = (session.get(Trajectory, row.trajectory_id) if row.trajectory_id
                          else trajectory_for_channel(session, row.team_id, row.channel))
            if trajectory is None:
                log.error("outbox %s refused for good (%s); no coordinator to tell", row.key, failure)
                return []
            setting = session.get(UserSetting, (trajectory.team_id, trajectory.coordinator_id))
            lang = setting.language if setting else self.language
            text = undelivered_text(row, payload, failure, trajectory, lang, self.slash_command)
            queued = outbox.enqueue(session, now=self.clock(), key=key, team_id=trajectory.team_id,
                                    trajectory_id=trajectory.id, channel=trajectory.coordinator_id, text=text,
                                    blocks=sections([text]))
        return [key] if queued else []


EXCERPT = 150  # characters of the refused message that remind the coordinator which one it was


def undelivered_text(row: Claimed, payload: dict, failure: PermanentFailure, trajectory: Trajectory, lang: str,
                     cmd: str) -> str:
    to_person = row.channel[:1] in ("U", "W")
    where = t(lang, "undelivered_to" if to_person else "undelivered_in",
              target=f"<@{row.channel}>" if to_person else f"<#{row.channel}>")
    what_key = f"undelivered_what_{kind_of(row.key)}"
    what = t(lang, what_key if what_key in TEXTS else "undelivered_what_other")
    if row.method == "chat.update":
        what = t(lang, "undelivered_update", what=what)
    code = failure.code
    if code in PERSON_GONE or (to_person and code in NOT_THERE):
        reason = "person"
    elif code in NOT_THERE:
        reason = "member"
    elif code in TOKEN:
        reason = "token"
    elif code in BLOCKS:
        reason = "blocks"
    elif code in ("is_archived", "channel_is_archived"):
        reason = "archived"
    elif code == "missing_scope":
        reason = "scope"
    else:
        reason = "other"
    first = (payload.get("text") or "").split("\n", 1)[0].strip()
    excerpt = first if len(first) <= EXCERPT else first[:EXCERPT - 1].rstrip() + "…"
    return t(lang, "undelivered", what=what, where=where, title=trajectory.title,
             why=t(lang, f"undelivered_why_{reason}", code=str(failure)),
             fix=t(lang, f"undelivered_fix_{reason}", channel=f"<#{row.channel}>", cmd=cmd, key=row.key),
             excerpt=excerpt or "–")

