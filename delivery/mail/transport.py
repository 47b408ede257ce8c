"""How a mail leaves: an SMTP server (`SMTP_URL`, STARTTLS), or, without one, an .eml file in
`MAIL_DIR` that the console shows and any mail program opens."""
from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from delivery.transports import PermanentFailure, TemporaryFailure  # a 5xx is permanent, a 4xx or no answer not


class Transport(Protocol):
    def send(self, message: EmailMessage) -> None: ...


class SmtpTransport:
    """`smtp://user:pass@host:587`: STARTTLS before anything else is said (a server that does not
    offer it is refused); `smtps://…:465`: TLS from the start."""

    def __init__(self, url: str, ssl_context: ssl.SSLContext | None = None, timeout: float = 30):
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtps"):
            raise ValueError("SMTP_URL begint met smtp:// of smtps://")
        self.implicit_tls = parts.scheme == "smtps"
        self.host = parts.hostname or "localhost"
        self.port = parts.port or (465 if self.implicit_tls else 587)
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.context = ssl_context or ssl.create_default_context()
        self.timeout = timeout

    def send(self, message: EmailMessage) -> None:
        try:
            if self.implicit_tls:
                server = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=self.context)
            else:
                server = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            with server:
                if not self.implicit_tls:
                    server.starttls(context=self.context)  # raises when the server does not offer it
                if self.user:
                    server.login(self.user, self.password or "")
                server.send_message(message)
        except smtplib.SMTPRecipientsRefused as error:
            code, reply = next(iter(error.recipients.values()))
            raise (PermanentFailure if code >= 500 else TemporaryFailure)(f"{code} {_text(reply)}") from None
        except smtplib.SMTPResponseException as error:
            raise (PermanentFailure if error.smtp_code >= 500 else TemporaryFailure)(
                f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except smtplib.SMTPNotSupportedError:
            raise PermanentFailure("de mailserver biedt geen STARTTLS") from None
        except (smtplib.SMTPException, OSError) as error:
            raise TemporaryFailure(f"{type(error).__name__}: {error}") from None


def _text(reply) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


class DirectoryTransport:
    """Each mail as an .eml file, named by its Message-ID: the same mail twice is one file."""

    def __init__(self, directory: str):
        self.directory = Path(directory)

    def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = message["Message-ID"].strip("<>").replace("@", "_").replace("/", "_")
        try:
            (self.directory / f"{name}.eml").write_bytes(bytes(message))
        except OSError as error:
            raise TemporaryFailure(f"{type(error).__name__}: {error}") from None


def transport_for(smtp_url: str, mail_dir: str) -> Transport:
    return SmtpTransport(smtp_url) if smtp_url else DirectoryTransport(mail_dir)
