"""Gunicorn's gthread worker, except that a thread gets a request only once it has fully arrived.

gthread hands a new connection to a thread, which then reads the headers and body from a blocking
socket: eight clients sending a body byte by byte held all eight threads, and Slack's commands and
/health waited behind them (issue 21). Here the worker's own event loop, the one that accepts
connections, reads each request without blocking: the headers (at most HEADER_LIMIT bytes) and a
body of at most BODY_LIMIT, all within READ_TIMEOUT of the connection being accepted. Only then
does a thread take it, and the thread never waits for the client while reading. Whatever arrives
too slowly is answered 408, headers too large 431, and a worker that already holds BUFFER_BUDGET
bytes of unfinished requests answers 503 instead of holding more.

A request announcing a body larger than BODY_LIMIT, or one without a Content-Length (chunked), goes
to a thread as soon as its headers are in: the web app refuses it (413, 411) without reading the
body (wiring/web.py). Should a thread still read from the client, each read has what is left of
READ_TIMEOUT, and each write of the answer WRITE_TIMEOUT, so a client that stops reading cannot hold
a thread either. Every connection serves one request (no keep-alive), so each connection starts
with this event loop; the reverse proxy in front (compose.yaml) or Slack reconnect cheaply.
"""
from __future__ import annotations

import errno
import selectors
import socket
import time
from functools import partial

from gunicorn import http, util
from gunicorn.workers.gthread import TConn, ThreadWorker

HEADER_LIMIT = 32 * 1024
BODY_LIMIT = 1024 * 1024   # the largest body the web app accepts (/slack/events)
READ_TIMEOUT = 10.0        # seconds from accept until the whole request is in
WRITE_TIMEOUT = 10.0       # seconds for one write of the answer
BUFFER_BUDGET = 64 * 1024 * 1024  # bytes of unfinished requests one worker holds at most
_CHUNK = 64 * 1024

_REFUSALS = {status: (f"HTTP/1.1 {status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").encode()
             for status in ("408 Request Timeout", "431 Request Header Fields Too Large", "503 Service Unavailable")}


class _ClientSocket(socket.socket):
    """A client's socket whose blocking mode has a time limit: gunicorn makes the socket blocking
    before a thread writes the answer to it, and a client that reads nothing would hold that thread."""

    __slots__ = ()

    def setblocking(self, flag: bool) -> None:
        if flag:
            self.settimeout(WRITE_TIMEOUT)
        else:
            super().setblocking(False)


class _Deadline:
    """What gunicorn's parser reads from: the bytes the event loop received, then (only when the web
    app reads past them) the socket, never past the request's deadline."""

    def __init__(self, sock: socket.socket, deadline: float):
        self.sock, self.deadline = sock, deadline

    def recv(self, size: int) -> bytes:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("request read deadline passed")
        self.sock.settimeout(min(remaining, WRITE_TIMEOUT))
        try:
            return self.sock.recv(size)
        finally:
            self.sock.settimeout(WRITE_TIMEOUT)  # what gunicorn set for writing the answer

    def gettimeout(self):
        return self.sock.gettimeout()

    def settimeout(self, value) -> None:
        self.sock.settimeout(value)


class _Connection(TConn):
    def __init__(self, cfg, sock, client, server):
        super().__init__(cfg, sock, client, server)
        self.received = bytearray()
        self.header_end = -1
        self.wanted = -1          # bytes the whole request has, once its headers are read
        self.timeout = time.monotonic() + READ_TIMEOUT

    def close(self, graceful: bool = False) -> None:
        """Gunicorn closes in its event loop; its lingering close waits up to 2 s for the client to
        close first, which a hostile client never does. Here: FIN after the answer, take what has
        already arrived (so the kernel has no reason to reset), and close, without waiting."""
        if graceful:
            try:
                self.sock.shutdown(socket.SHUT_WR)
                self.sock.setblocking(False)
                for _ in range(16):
                    if not self.sock.recv(_CHUNK):
                        break
            except OSError:
                pass
        util.close(self.sock)


def _headers(head: bytes) -> dict[bytes, list[bytes]]:
    fields: dict[bytes, list[bytes]] = {}
    for line in head.split(b"\r\n")[1:]:
        name, colon, value = line.partition(b":")
        if colon:
            fields.setdefault(name.strip().lower(), []).append(value.strip())
    return fields


class BufferingWorker(ThreadWorker):
    """gthread with requests read whole in the event loop (see the module's docstring)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.reading: set[_Connection] = set()
        self.buffered = 0

    def accept(self, listener):
        try:
            raw, address = listener.accept()
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                raise
            return
        client = _ClientSocket(raw.family, raw.type, raw.proto, fileno=raw.detach())
        self.nr_conns += 1
        conn = _Connection(self.cfg, client, address, listener.getsockname())  # non-blocking
        self.reading.add(conn)
        self.poller.register(conn.sock, selectors.EVENT_READ, partial(self._receive, conn))

    def _receive(self, conn: _Connection, _sock) -> None:
        try:
            self._read(conn)
        except Exception:  # noqa: BLE001 - one connection's surprise must not stop the worker's loop
            self.log.exception("reading a request failed")
            if conn in self.reading:
                self._stop_reading(conn)
                self._drop(conn)

    def _read(self, conn: _Connection) -> None:
        try:
            data = conn.sock.recv(_CHUNK)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # the client went away before its request was complete
            self._stop_reading(conn)
            self._drop(conn)
            return
        if self.buffered + len(data) > BUFFER_BUDGET:
            self._refuse(conn, "503 Service Unavailable")
            return
        conn.received += data
        self.buffered += len(data)
        if conn.header_end < 0:
            end = conn.received.find(b"\r\n\r\n", max(0, len(conn.received) - len(data) - 3))
            if end < 0:
                if len(conn.received) > HEADER_LIMIT:
                    self._refuse(conn, "431 Request Header Fields Too Large")
                return
            if end > HEADER_LIMIT:
                self._refuse(conn, "431 Request Header Fields Too Large")
                return
            conn.header_end = end + 4
            conn.wanted = self._request_size(conn, _headers(bytes(conn.received[:end])))
        if len(conn.received) >= conn.wanted:
            self._hand_over(conn)

    def _request_size(self, conn: _Connection, fields: dict[bytes, list[bytes]]) -> int:
        """How many bytes to wait for: the headers and the body they announce; only the headers when
        the web app will refuse the body unread (chunked, over BODY_LIMIT) or gunicorn the request
        (a malformed or repeated Content-Length)."""
        lengths = fields.get(b"content-length", [])
        if not lengths:
            return 0 if b"transfer-encoding" in fields else conn.header_end
        if (len(lengths) > 1 or not (lengths[0].isdigit() and len(lengths[0]) <= 10)
                or int(lengths[0]) > BODY_LIMIT or b"transfer-encoding" in fields):
            return 0
        wanted = conn.header_end + int(lengths[0])
        if len(conn.received) < wanted and b"100-continue" in (v.lower() for v in fields.get(b"expect", [])):
            self._send_now(conn, b"HTTP/1.1 100 Continue\r\n\r\n")  # curl waits a second for this otherwise
        return wanted

    def handle_request(self, req, conn):
        try:
            return super().handle_request(req, conn)
        except TimeoutError:  # a client too slow to read its answer: gunicorn's quiet way out, not a traceback
            raise OSError(errno.EPIPE, "client too slow") from None

    def _hand_over(self, conn: _Connection) -> None:
        """The request is in: a thread serves it from the bytes received."""
        self._stop_reading(conn)
        conn.initialized = conn.data_ready = True  # gthread's own first-byte wait and init are done
        conn.parser = http.get_parser(self.cfg, _Deadline(conn.sock, conn.timeout), conn.client)
        conn.parser.unreader.unread(bytes(conn.received))
        conn.received = bytearray()
        self.enqueue_req(conn)

    def _stop_reading(self, conn: _Connection) -> None:
        self.reading.discard(conn)
        self.buffered -= len(conn.received)
        try:
            self.poller.unregister(conn.sock)
        except (KeyError, ValueError, OSError):
            pass

    def _refuse(self, conn: _Connection, status: str) -> None:
        self._stop_reading(conn)
        self._send_now(conn, _REFUSALS[status])
        self._drop(conn)

    @staticmethod
    def _send_now(conn: _Connection, data: bytes) -> None:
        """A few bytes to a non-blocking socket: whatever fits now, never a wait."""
        try:
            conn.sock.send(data)
        except OSError:
            pass

    def _drop(self, conn: _Connection) -> None:
        self.nr_conns -= 1
        conn.received = bytearray()
        conn.close()

    def murder_pending(self):
        """Gunicorn's check of waiting connections (each turn of the loop, at least every second),
        and of requests that did not arrive within READ_TIMEOUT; a stopping worker drops them all."""
        super().murder_pending()
        now = time.monotonic()
        for conn in [c for c in self.reading if c.timeout <= now or not self.alive]:
            self._refuse(conn, "408 Request Timeout")
