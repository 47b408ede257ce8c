"""A local stand-in for Slack's Web API, in the manner of bolt-python's mock_web_api_server: an
HTTP server on 127.0.0.1 that answers like Slack, records every call, and can be told to fail.

It is as strict as Slack where bugs hide: slash-command text arrives escaped (`slack_escape`); a
message over 50 blocks, a section over 3,000 characters or more block text than Slack takes in
one message is refused (`message_problem`), and so is a view over 100 blocks or 250 kB
(`view_problem`); a private channel the bot was not invited to answers `not_in_channel`, and so
does the history of a public channel it never joined; a 429 carries a real Retry-After."""
from __future__ import annotations

import itertools
import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl

# Slack's limits (Block Kit reference; the cumulative one from Slack's maintainers in bolt-js #2509
# and #2867: about 12,000 characters of text, less once the blocks' own weight counts; a message
# with 11,341 characters of text was refused there). The double refuses at 11,000 to stay stricter.
MESSAGE_BLOCKS, VIEW_BLOCKS = 50, 100
SECTION_TEXT, FIELD_TEXT, CONTEXT_ELEMENTS, BUTTON_TEXT = 3000, 2000, 10, 75
MESSAGE_TEXT = 11_000           # characters of text in all of one message's blocks
VIEW_BYTES = 250_000            # a view's JSON
TOP_LEVEL_TEXT = 40_000         # a message's `text`
MODAL_TITLE, INPUT_MAX = 24, 3000
MESSAGE_METHODS = {"chat.postMessage", "chat.postEphemeral", "chat.update", "response_url"}
VIEW_METHODS = {"views.open", "views.update", "views.publish", "views.push"}

# What Slack keeps as an entity when it escapes typed command text: mentions, channels and
# broadcasts chosen from its menus, and links made in its editor (tests type them in Slack's form).
_ENTITY = re.compile(r"<(?:@[UW][A-Z0-9_]+|#[CG][A-Z0-9_]+|![a-z]+(?:\^[^<>|]*)?|(?:https?|mailto):[^<>|\s]+)"
                     r"(?:\|[^<>]*)?>")
_URL = re.compile(r"https?://[^\s<>]+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def slack_escape(typed: str) -> str:
    """Command text as Slack delivers it with should_escape on: `&`, `<` and `>` as entities,
    mentions as `<@U123|name>`, a URL as `<https://…>`, an address as `<mailto:a@b.nl|a@b.nl>`."""
    out, at = [], 0
    for match in _ENTITY.finditer(typed):
        out += [_plain_part(typed[at:match.start()]), match.group(0)]
        at = match.end()
    out.append(_plain_part(typed[at:]))
    return "".join(out)


def _plain_part(text: str) -> str:
    def link(match: re.Match) -> str:
        found = match.group(0)
        if found.startswith("http"):
            return f"<{_escape(found)}>"
        return f"<mailto:{found}|{found}>"
    pieces, at = [], 0
    for match in re.finditer(f"{_URL.pattern}|{_EMAIL.pattern}", text):
        pieces += [_escape(text[at:match.start()]), link(match)]
        at = match.end()
    pieces.append(_escape(text[at:]))
    return "".join(pieces)


def _texts(node) -> list[str]:
    """Every text of a text object (mrkdwn or plain_text) anywhere in some blocks."""
    if isinstance(node, list):
        return [text for item in node for text in _texts(item)]
    if not isinstance(node, dict):
        return []
    if node.get("type") in ("mrkdwn", "plain_text") and isinstance(node.get("text"), str):
        return [node["text"]]
    return [text for value in node.values() for text in _texts(value)]


def _block_problem(block: dict) -> str | None:
    kind = block.get("type")
    text = (block.get("text") or {}).get("text", "")
    if kind == "section":
        if len(text) > SECTION_TEXT or any(len(f.get("text", "")) > FIELD_TEXT for f in block.get("fields", [])):
            return "invalid_blocks"
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "button" and len(accessory["text"]["text"]) > BUTTON_TEXT:
            return "invalid_blocks"
    if kind == "context" and (len(block.get("elements", [])) > CONTEXT_ELEMENTS
                              or any(len(e.get("text", "")) > SECTION_TEXT for e in block.get("elements", []))):
        return "invalid_blocks"
    if kind == "image" and not (block.get("alt_text") or "").strip():
        return "invalid_blocks"
    if kind == "actions" and any(len(e.get("text", {}).get("text", "")) > BUTTON_TEXT for e in block.get("elements", [])):
        return "invalid_blocks"
    if kind == "input":
        element = block.get("element") or {}
        limit = element.get("max_length", INPUT_MAX)
        if limit > INPUT_MAX or len(element.get("initial_value") or "") > limit:
            return "invalid_blocks"
    return None


def message_problem(body: dict) -> str | None:
    """Why Slack would refuse this message, or None."""
    if len(body.get("text") or "") > TOP_LEVEL_TEXT:
        return "msg_too_long"
    blocks = body.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    if len(blocks) > MESSAGE_BLOCKS:
        return "invalid_blocks"
    for block in blocks:
        problem = _block_problem(block)
        if problem:
            return problem
    if sum(len(text) for text in _texts(blocks)) > MESSAGE_TEXT:
        return "msg_blocks_too_long"
    return None


def view_problem(view) -> str | None:
    """Why Slack would refuse this view (App Home or a modal), or None."""
    if isinstance(view, str):
        view = json.loads(view)
    if not isinstance(view, dict):
        return "invalid_arguments"
    blocks = view.get("blocks") or []
    if len(blocks) > VIEW_BLOCKS:
        return "invalid_blocks"
    if len(json.dumps(view, ensure_ascii=False).encode()) > VIEW_BYTES:
        return "view_too_large"
    if view.get("type") == "modal" and any(len((view.get(k) or {}).get("text", "")) > MODAL_TITLE
                                           for k in ("title", "submit", "close")):
        return "invalid_arguments"
    for block in blocks:
        problem = _block_problem(block)
        if problem:
            return problem
    return None


@dataclass
class Refusal:
    method: str
    error: str
    body: dict


@dataclass
class Call:
    method: str          # Web API method, or "response_url" for respond()
    path: str
    body: dict
    headers: dict
    at: float = field(default_factory=time.perf_counter)  # when it arrived


class FakeSlack:
    def __init__(self):
        self.calls: list[Call] = []
        self.uploads: dict[str, bytes] = {}  # upload id -> the file's bytes
        self.admins: set[str] = set()
        self.failure_rate = 0.0
        self.failure_statuses = (429, 500)
        self.fail_next: list[int] = []   # statuses to answer with, one per coming API call
        self.user_teams: dict[str, str] = {}  # user -> their own workspace (Slack Connect); unset: no team_id
        self.emails: dict[str, str] = {}  # user -> profile e-mail (given only with the optional users:read.email)
        self.private: dict[str, list[str]] = {}  # private channel -> its members (a bot: UBOT_…); others are public
        self.joined: set[str] = set()  # public channels the bot is in (conversations.join)
        self.archived: set[str] = set()
        self.refuse_for: dict[str, str] = {}  # channel or user -> the error a post there gets (a person gone)
        self.refuse: dict[str, str] = {}  # method -> Slack error it answers with (HTTP 200, ok: false)
        self.refusals: list[Refusal] = []  # what Slack refused because it broke a rule (a limit, a membership)
        self.retry_after = 1  # seconds a 429 asks the caller to wait
        self.rate_limited: dict[str, int] = {}  # method -> Retry-After: every call of it answers 429 meanwhile
        self.throttled: list[Call] = []  # the calls answered with a 429
        self.history: dict[str, list[dict]] = {}  # channel -> messages posted, newest first
        self.socket_mode_url = ""  # what apps.connections.open hands an app token (tests/fake_socket_mode.py)
        self.hold = threading.Event()  # cleared: chat.postMessage is recorded but not answered until set
        self.hold.set()
        self._random = random.Random(7)
        self._ts = itertools.count(1)
        self._lock = threading.Condition()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/api/"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    def start(self) -> "FakeSlack":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def response_url(self, n: int) -> str:
        return f"http://127.0.0.1:{self.server.server_port}/response/{n}"

    # -- what tests read ------------------------------------------------------------------
    def of(self, method: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, predicate, timeout: float = 10.0) -> Call:
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                for call in self.calls:
                    if predicate(call):
                        return call
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"no such call within {timeout}s; calls: {[c.method for c in self.calls]}")
                self._lock.wait(remaining)

    def clear(self) -> None:
        with self._lock:
            self.calls.clear()

    def bot_is_member(self, channel: str) -> bool:
        if channel in self.private:
            return any(member.startswith("UBOT") for member in self.private[channel])
        return channel in self.joined or channel[:1] == "D"

    def _refused(self, method: str, error: str, body: dict) -> dict:
        with self._lock:
            self.refusals.append(Refusal(method, error, body))
        return {"ok": False, "error": error}

    @staticmethod
    def conversation(channel: str) -> str:
        """A message to a user goes to the direct-message channel with that user, as in Slack."""
        return "D" + channel if channel[:1] in ("U", "W") else channel

    # -- the server ------------------------------------------------------------------------
    def _answer(self, method: str, body: dict, headers: dict | None = None) -> dict:
        if method in self.refuse:
            return {"ok": False, "error": self.refuse[method]}
        token = (headers or {}).get("Authorization", "").removeprefix("Bearer ")
        if method == "auth.test":
            if token.startswith("xoxb-E"):  # an org-wide install answers for its org
                org = token.removeprefix("xoxb-")
                return {"ok": True, "user_id": f"UBOT_{org}", "team_id": None, "enterprise_id": org, "bot_id": f"B{org}",
                        "user": "regiowacht", "is_enterprise_install": True}
            team = token.removeprefix("xoxb-").split("-")[0] if token.startswith("xoxb-T") else "T1"  # xoxb-T2…: T2
            return {"ok": True, "user_id": f"UBOT_{team}", "team_id": team, "bot_id": f"B{team}", "user": "regiowacht"}
        if method == "apps.connections.open":  # Socket Mode: only an app-level token opens a connection
            if not token.startswith("xapp-"):
                return {"ok": False, "error": "not_allowed_token_type"}
            return {"ok": True, "url": self.socket_mode_url} if self.socket_mode_url else {"ok": False, "error": "internal_error"}
        if method == "oauth.v2.access":
            return self._oauth(body)
        if method == "users.info":
            user = body.get("user")
            name = str(user).removeprefix("U_").replace("_", " ").title()  # U_ANNE -> Anne
            team = {"team_id": self.user_teams[user]} if user in self.user_teams else {}
            return {"ok": True, "user": {"id": user, **team, "is_admin": user in self.admins, "is_owner": False,
                                         "real_name": name, "profile": {"real_name": name, **(
                                             {"email": self.emails[user]} if user in self.emails else {})},
                                         "tz": "Europe/Amsterdam", "locale": "en-US"}}
        if method in MESSAGE_METHODS:
            problem = message_problem(body)
            if problem:
                return self._refused(method, problem, body)
        if method in VIEW_METHODS:
            problem = view_problem(body.get("view"))
            if problem:
                return self._refused(method, problem, body)
        target = body.get("channel") or body.get("users") or ""
        if method in ("chat.postMessage", "chat.update", "conversations.open") and target in self.refuse_for:
            return self._refused(method, self.refuse_for[target], body)
        if method in ("chat.postMessage", "chat.update", "chat.postEphemeral", "conversations.history"):
            channel = self.conversation(body.get("channel", ""))
            if channel in self.archived and method != "conversations.history":
                return self._refused(method, "is_archived", body)
            # With chat:write.public a bot posts in any public channel; a private one, and the
            # history of any channel, only when it is a member.
            if (channel in self.private or method == "conversations.history") and not self.bot_is_member(channel):
                return self._refused(method, "not_in_channel" if channel not in self.private else "channel_not_found",
                                     body)
        if method == "conversations.join":
            channel = body.get("channel", "")
            if channel in self.private:
                return self._refused(method, "method_not_supported_for_channel_type", body)
            if channel in self.archived:
                return self._refused(method, "is_archived", body)
            with self._lock:
                self.joined.add(channel)
            return {"ok": True, "channel": {"id": channel, "is_member": True}}
        if method == "chat.postMessage":
            channel = self.conversation(body.get("channel", ""))
            ts = f"{time.time():.0f}.{next(self._ts):06d}"
            message = {"type": "message", "ts": ts, "text": body.get("text", "")}
            metadata = body.get("metadata")
            if isinstance(metadata, str):
                metadata = json.loads(metadata)
            if metadata:
                message["metadata"] = metadata
            with self._lock:
                self.history.setdefault(channel, []).insert(0, message)
            return {"ok": True, "channel": channel, "ts": ts}
        if method == "conversations.info":
            channel = body.get("channel")
            if channel in self.private and not self.bot_is_member(channel):
                return {"ok": False, "error": "channel_not_found"}  # a private channel is invisible to outsiders
            return {"ok": True, "channel": {"id": channel, "is_private": channel in self.private,
                                            "is_im": channel[:1] == "D", "is_archived": channel in self.archived,
                                            "is_member": self.bot_is_member(channel)}}
        if method == "conversations.members":
            return {"ok": True, "members": self.private.get(body.get("channel"), []),
                    "response_metadata": {"next_cursor": ""}}
        if method == "chat.getPermalink":
            ts = str(body.get("message_ts", ""))
            return {"ok": True, "channel": body.get("channel"),
                    "permalink": f"https://regio.slack.com/archives/{body.get('channel')}/p{ts.replace('.', '')}"}
        if method == "chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
        if method == "conversations.history":
            oldest = float(body.get("oldest") or 0)
            with self._lock:
                messages = [dict(m) for m in self.history.get(body.get("channel"), []) if float(m["ts"]) >= oldest]
            if str(body.get("include_all_metadata")).lower() not in ("true", "1"):
                for message in messages:
                    message.pop("metadata", None)
            return {"ok": True, "messages": messages, "has_more": False}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"1700000000.{next(self._ts):06d}"}
        if method in ("views.open", "views.update", "views.publish"):
            return {"ok": True, "view": {"id": "V1", **(body.get("view") if isinstance(body.get("view"), dict) else {})}}
        if method == "files.getUploadURLExternal":
            n = next(self._ts)
            return {"ok": True, "file_id": f"F{n}",
                    "upload_url": f"http://127.0.0.1:{self.server.server_port}/upload/{n}"}
        if method == "files.completeUploadExternal":
            files = body.get("files")
            files = json.loads(files) if isinstance(files, str) else files
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in files]}
        if method == "conversations.open":
            return {"ok": True, "channel": {"id": self.conversation(str(body.get("users", "X")))}}
        return {"ok": True}

    def _oauth(self, body: dict) -> dict:
        """The install flow: the code names the workspace (`code-T2`; `code-T5-rotating` for an app
        with token rotation, whose tokens live a minute); a refresh token `xoxe-N-T5` renews one."""
        if body.get("grant_type") == "refresh_token":
            n, team = str(body.get("refresh_token", "")).removeprefix("xoxe-").split("-", 1)
            return {"ok": True, "app_id": "A1", "token_type": "bot", "scope": "commands,chat:write",
                    "access_token": f"xoxb-{team}-{int(n) + 1}", "refresh_token": f"xoxe-{int(n) + 1}-{team}",
                    "expires_in": 43200, "bot_user_id": f"UBOT_{team}", "team": {"id": team}, "enterprise": None,
                    "is_enterprise_install": False}
        code = str(body.get("code", "")).removeprefix("code-")
        if code.startswith("E"):  # `code-E1`: an org-wide install of Enterprise Grid org E1
            return {"ok": True, "app_id": "A1", "authed_user": {"id": f"U_INSTALLER_{code}"}, "token_type": "bot",
                    "scope": "commands,chat:write", "access_token": f"xoxb-{code}", "bot_user_id": f"UBOT_{code}",
                    "team": None, "enterprise": {"id": code, "name": f"Org {code}"}, "is_enterprise_install": True}
        team, rotating = code.removesuffix("-rotating"), code.endswith("-rotating")
        if not team.startswith("T"):
            return {"ok": False, "error": "invalid_code"}
        answer = {"ok": True, "app_id": "A1", "authed_user": {"id": f"U_INSTALLER_{team}"}, "token_type": "bot",
                  "scope": "commands,chat:write", "access_token": f"xoxb-{team}", "bot_user_id": f"UBOT_{team}",
                  "team": {"id": team, "name": f"Gemeente {team}"}, "enterprise": None, "is_enterprise_install": False}
        if rotating:
            answer.update(refresh_token=f"xoxe-1-{team}", expires_in=60)
        return answer

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path.startswith("/upload/"):  # a file's bytes, to the URL files.getUploadURLExternal gave
                    with fake._lock:
                        fake.uploads[self.path.rsplit("/", 1)[1]] = data
                        fake._lock.notify_all()
                    self.send_response(200)
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"OK")
                    return
                raw = data.decode()
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = dict(parse_qsl(raw))
                    for key in ("view", "blocks"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                path = self.path.split("?")[0]
                method = "response_url" if path.startswith("/response/") else path.removeprefix("/api/")
                status, retry_after = 200, fake.retry_after
                with fake._lock:
                    if method in fake.rate_limited:
                        status, retry_after = 429, fake.rate_limited[method]
                        fake.throttled.append(Call(method, path, body, dict(self.headers)))
                        fake._lock.notify_all()
                    elif method != "response_url":
                        if fake.fail_next:
                            status = fake.fail_next.pop(0)
                        elif fake.failure_rate and fake._random.random() < fake.failure_rate:
                            status = fake._random.choice(fake.failure_statuses)
                    if status == 200:
                        fake.calls.append(Call(method, path, body, dict(self.headers)))
                        fake._lock.notify_all()
                if status == 200:
                    payload = fake._answer(method, body, dict(self.headers))
                    if method == "chat.postMessage":
                        fake.hold.wait()  # Slack has the message; its answer may never reach the sender
                    self._send(200, payload)
                elif status == 429:
                    self._send(429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)})
                else:
                    self._send(status, {"ok": False, "error": "fatal_error"})

            def _send(self, status, payload, headers=None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

        return Handler
