"""What reaches our listeners is signed by Slack and has the shape they read. Over HTTP a request
without a valid signature (no or a malformed timestamp header too) is a 401 before Bolt sees it; a
signed request that lacks the shape (Slack never sends one, a broken proxy or a forger with the
secret might) gets a 400. Each is one log line, never a traceback, and changes nothing. In Socket
Mode the shape check is Bolt's first middleware."""
from __future__ import annotations

import io
import logging

from slack_bolt import BoltResponse
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

from service.sealing import unseal
from views.modals import FORMS

log = logging.getLogger(__name__)


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value)


SHAPES = {"user": dict, "team": dict, "view": dict, "actions": list, "channel": dict, "container": dict,
          "message": dict, "event": dict, "enterprise": (dict, type(None)), "authorizations": list}


def problem(body: dict, secret: str = "") -> str | None:
    """Why this request cannot be handled, or None when it has what our listeners read."""
    if not isinstance(body, dict):
        return "body is not an object"
    for key, shape in SHAPES.items():  # Bolt itself reads these, and breaks on a wrong shape
        if key in body and not isinstance(body[key], shape):
            return f"{key} has the wrong shape"
    kind = body.get("type")
    if kind is not None and not isinstance(kind, str):
        return "type is not a string"
    if body.get("command"):
        if not all(_is_text(body.get(k)) for k in ("user_id", "channel_id")):
            return "command without user_id or channel_id"
        return None
    user = body.get("user")
    if kind in ("block_actions", "view_submission", "message_action") and not (isinstance(user, dict) and _is_text(user.get("id"))):
        return f"{kind} without a user"
    if kind == "block_actions":
        actions = body.get("actions")
        if not (isinstance(actions, list) and actions and isinstance(actions[0], dict)):
            return "block_actions without actions"
        value = actions[0].get("value")
        if not (isinstance(value, str) and value.isdigit() and len(value) < 12):
            return "block_actions with a value that is no item id"
    if kind == "view_submission":
        view = body.get("view")
        if not isinstance(view, dict) or not isinstance(view.get("callback_id"), str):
            return "view_submission without a view"
        state = view.get("state")
        if not (isinstance(state, dict) and isinstance(state.get("values"), dict)):
            return "view_submission without state values"
        if any(not isinstance(block, dict) or any(not isinstance(e, dict) for e in block.values())
               for block in state["values"].values()):
            return "view_submission with malformed state values"
        if view["callback_id"].startswith("form_"):
            if view["callback_id"].removeprefix("form_") not in FORMS:
                return "view_submission of an unknown form"
            if unseal(view.get("private_metadata") or "", secret) is None:
                return "view_submission whose private_metadata is not ours"
    if kind == "message_action":
        message = body.get("message")
        if not (_is_text(body.get("trigger_id")) and isinstance(message, dict)
                and isinstance(message.get("text", ""), str) and isinstance(message.get("ts", ""), str)):
            return "message_action without a trigger or a message"
    if kind == "event_callback":
        event = body.get("event")
        if not isinstance(event, dict) or not _is_text(event.get("user") or "x"):
            return "event without an event"
    return None


def register(app, secret: str) -> None:
    @app.middleware
    def reject_malformed(body, next):  # noqa: ANN001, A002 - Bolt's middleware signature
        reason = problem(body, secret)
        if reason is not None:
            log.warning("malformed Slack request refused: %s", reason)
            return BoltResponse(status=400, body="")
        return next()


def signed(verifier: SignatureVerifier, raw: bytes, environ) -> bool:
    """Whether Slack signed this body within the last 5 minutes. A missing or malformed timestamp
    or signature is simply unsigned (slack_sdk's verifier raises on a timestamp that is no number,
    and hmac on a signature that is not ASCII)."""
    timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
    signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
    if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
        return False
    if not (signature.isascii() and signature.startswith("v0=")):
        return False
    return verifier.is_valid(raw, timestamp, signature)


def http_guard(slack_handler, secret: str):
    """Wrap Bolt's WSGI handler: an unsigned or stale request is a 401, and a signed one that Bolt
    could not read, or that lacks what our listeners read, a 400, each with one log line before
    Bolt sees it. The caller has capped the body's size (wiring/web.py)."""
    verifier = SignatureVerifier(secret)

    def application(environ, start_response):
        if environ.get("REQUEST_METHOD") != "POST":
            return slack_handler(environ, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        environ["wsgi.input"] = io.BytesIO(raw)  # Bolt reads the body again
        if not signed(verifier, raw, environ):
            log.info("unsigned or stale Slack request refused")
            start_response("401 Unauthorized", [("Content-Type", "text/plain"), ("Content-Length", "12")])
            return [b"unauthorized"]
        try:
            body = parse_body(raw.decode("utf-8"), environ.get("CONTENT_TYPE"))
            reason = problem(body, secret)
        except (ValueError, TypeError, UnicodeDecodeError) as error:
            reason = f"unreadable body ({type(error).__name__})"
        if reason is not None:
            log.warning("malformed Slack request refused: %s", reason)
            start_response("400 Bad Request", [("Content-Type", "text/plain"), ("Content-Length", "11")])
            return [b"bad request"]
        return slack_handler(environ, start_response)
    return application
