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
from aiosmtpd.smtp import AuthResult

from delivery.mail.transport import SmtpTransport

USER, PASSWORD = "regiowacht", "geheim"


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
        self.offer_starttls = True     # False: a server set up without TLS
        self.refuse_login = False      # True: 535, the credentials are refused
        self._lock = threading.Condition()
        self.server_context = server_context

    def start(self) -> "MailServer":
        """Listen (again, after stop(): a server that was down comes back on the same port)."""
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, tls_context=self.server_context,
                                     require_starttls=True, authenticator=self._authenticate)
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def transport(self) -> SmtpTransport:
        return SmtpTransport(f"smtp://{USER}:{PASSWORD}@127.0.0.1:{self.port}", ssl_context=self.client_context,
                             timeout=10)

    def to(self, address: str) -> list[EmailMessage]:
        with self._lock:
            return [m for m in self.received if address in m["To"]]

    # -- aiosmtpd's handler hooks ------------------------------------------------------------
    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: ANN001
        session.host_name = hostname
        return [r for r in responses if self.offer_starttls or "STARTTLS" not in r]

    def _authenticate(self, server, session, envelope, mechanism, auth_data):  # noqa: ANN001
        ok = not self.refuse_login and (auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode())
        return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535 itself

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
