"""A real SMTP server in the test process (aiosmtpd) that insists on STARTTLS with a certificate
from a test CA (trustme), records what it receives, and can refuse: temporarily (451) for the
next N mails, or for good (550) for some addresses."""
from __future__ import annotations

import socket
import ssl
import threading
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import trustme
from aiosmtpd.controller import Controller

from delivery.mail.transport import SmtpTransport


class MailServer:
    def __init__(self):
        ca = trustme.CA()
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(server_context)
        self.client_context = ssl.create_default_context()
        ca.configure_trust(self.client_context)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.received: list[EmailMessage] = []
        self.refuse_next = 0           # answer 451 to this many coming mails
        self.reject: set[str] = set()  # answer 550 for these addresses
        self._lock = threading.Condition()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=server_context,
                                     require_starttls=True)

    def start(self) -> "MailServer":
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def transport(self) -> SmtpTransport:
        return SmtpTransport(f"smtp://127.0.0.1:{self.port}", ssl_context=self.client_context, timeout=10)

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.received if address in m["To"]]

    # -- aiosmtpd's handler hooks ------------------------------------------------------------
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: ANN001
        if address in self.reject:
            return "550 5.1.1 Onbekende ontvanger"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001
        with self._lock:
            if self.refuse_next > 0:
                self.refuse_next -= 1
                return "451 4.3.0 Probeer het later opnieuw"
            self.received.append(BytesParser(policy=policy.default).parsebytes(envelope.content))
            self._lock.notify_all()
        return "250 OK"


def parts_of(message: EmailMessage) -> tuple[str, str]:
    """The plain text and the HTML of a received mail."""
    return (message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content())
