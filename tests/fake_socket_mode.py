"""A local stand-in for Slack's Socket Mode end: the WebSocket server that the URL from
`apps.connections.open` (tests/fake_slack.py) points at. It speaks RFC 6455 as Slack does where
bugs hide: the handshake's accept key, masked frames from the client (an unmasked one closes the
connection, as a real server must), a pong for every ping, `hello` first, then envelopes; and it
records each acknowledgement, which Slack wants within 3 seconds."""
from __future__ import annotations

import base64
import hashlib
import itertools
import json
import socket
import struct
import threading
import time

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
TEXT, CLOSE, PING, PONG = 0x1, 0x8, 0x9, 0xA


class FakeSocketMode:
    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self.listener.getsockname()[1]}/link/?ticket=fake"
        self.acks: dict[str, dict] = {}       # envelope id -> its ack's payload ({} when it had none)
        self.sent_at: dict[str, float] = {}
        self.protocol_errors: list[str] = []
        self._connections: list[socket.socket] = []
        self._ids = itertools.count(1)
        self._lock = threading.Condition()
        self._stopped = False

    def start(self) -> "FakeSocketMode":
        threading.Thread(target=self._accept, daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped = True
        self.listener.close()
        for connection in self._connections:
            connection.close()

    # -- what tests do --------------------------------------------------------------------
    def wait_connected(self, timeout: float = 20.0) -> None:
        with self._lock:
            if not self._lock.wait_for(lambda: self._connections, timeout):
                raise AssertionError("the bot never opened a Socket Mode connection")

    def command(self, text: str, *, user: str, channel: str, team: str, n: int, response_url: str) -> str:
        """Deliver `/inkoop text` as Slack does over Socket Mode; returns the envelope id."""
        payload = {"token": "legacy", "team_id": team, "team_domain": "regio", "channel_id": channel,
                   "channel_name": "inkoop", "user_id": user, "user_name": user.lower(), "command": "/inkoop",
                   "text": text, "api_app_id": "A1", "is_enterprise_install": "false",
                   "response_url": response_url, "trigger_id": f"trigger-{n}"}
        return self.send({"type": "slash_commands", "accepts_response_payload": True, "payload": payload})

    def send(self, envelope: dict) -> str:
        envelope_id = f"envelope-{next(self._ids)}"
        with self._lock:
            connection = self._connections[-1]
            self.sent_at[envelope_id] = time.monotonic()
        _write(connection, TEXT, json.dumps({"envelope_id": envelope_id, **envelope}).encode())
        return envelope_id

    def ack(self, envelope_id: str, timeout: float = 3.0) -> dict:
        """The acknowledgement's payload; Slack retries an envelope not acknowledged in 3 seconds."""
        with self._lock:
            if not self._lock.wait_for(lambda: envelope_id in self.acks, timeout):
                raise AssertionError(f"{envelope_id} was not acknowledged within {timeout} s")
            return self.acks[envelope_id]

    # -- the server -----------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stopped:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        try:
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = connection.recv(4096)
                if not chunk:
                    return
                request += chunk
            lines = request.split(b"\r\n\r\n")[0].decode("latin-1").split("\r\n")
            headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
            if not (lines[0].startswith("GET /link/") and headers.get("upgrade", "").lower() == "websocket"
                    and headers.get("sec-websocket-version") == "13" and headers.get("sec-websocket-key")):
                self.protocol_errors.append(f"bad handshake: {lines[0]}")
                connection.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
                return
            accept = base64.b64encode(hashlib.sha1((headers["sec-websocket-key"] + _GUID).encode()).digest()).decode()
            connection.sendall(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                f"Sec-WebSocket-Accept: {accept}\r\n\r\n").encode())
            _write(connection, TEXT, json.dumps({"type": "hello", "num_connections": 1, "connection_info": {
                "app_id": "A1"}, "debug_info": {"host": "fake", "approximate_connection_time": 3600}}).encode())
            with self._lock:
                self._connections.append(connection)
                self._lock.notify_all()
            self._frames(connection)
        except OSError:
            return

    def _frames(self, connection: socket.socket) -> None:
        while True:
            head = _read(connection, 2)
            opcode, masked, size = head[0] & 0x0F, head[1] & 0x80, head[1] & 0x7F
            if size == 126:
                size = struct.unpack(">H", _read(connection, 2))[0]
            elif size == 127:
                size = struct.unpack(">Q", _read(connection, 8))[0]
            if not masked:
                self.protocol_errors.append("an unmasked frame from the client")
                connection.close()
                return
            mask = _read(connection, 4)
            data = bytes(b ^ mask[i % 4] for i, b in enumerate(_read(connection, size)))
            if opcode == PING:
                _write(connection, PONG, data)
            elif opcode == CLOSE:
                _write(connection, CLOSE, data[:2])
                connection.close()
                return
            elif opcode == TEXT:
                message = json.loads(data)
                if "envelope_id" in message:
                    with self._lock:
                        self.acks[message["envelope_id"]] = message.get("payload") or {}
                        self._lock.notify_all()


def _read(connection: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = connection.recv(size - len(data))
        if not chunk:
            raise OSError("closed")
        data += chunk
    return data


def _write(connection: socket.socket, opcode: int, payload: bytes) -> None:
    """A server frame: final, unmasked."""
    size = len(payload)
    if size < 126:
        head = struct.pack(">BB", 0x80 | opcode, size)
    elif size < 1 << 16:
        head = struct.pack(">BBH", 0x80 | opcode, 126, size)
    else:
        head = struct.pack(">BBQ", 0x80 | opcode, 127, size)
    connection.sendall(head + payload)
