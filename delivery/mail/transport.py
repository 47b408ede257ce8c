"""How a mail leaves: an SMTP server (`SMTP_URL`, STARTTLS), or, without one, an .eml file in
`MAIL_DIR` that the console shows and any mail program opens."""
from __future__ import annotations

import logging
import os
import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from delivery.metrics import MAIL_SERVER_FAILED
from delivery.transports import PermanentFailure, TemporaryFailure

log = logging.getLogger(__name__)
SERVER_SIDE = "mailserver ("  # how a waiting mail's last error starts when the server was at fault (/health reads it)
RECIPIENT, CONTENT = "recipient", "content"  # the codes of a final refusal: the address, or this mail


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
        """Only a refusal of the recipient (5xx on RCPT) is the address's fault and final. Anything
        else that fails is the server or its set-up (no STARTTLS, credentials refused, a sender it
        does not take, not reachable): the operator's problem, so the mail waits and is tried again."""
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
            if code >= 500:
                raise PermanentFailure(f"{code} {_text(reply)}", RECIPIENT) from None
            raise _server_side("rcpt_temporary", f"{code} {_text(reply)}") from None
        except smtplib.SMTPDataError as error:
            if error.smtp_code >= 500:  # this mail's content, not its address: final, but nobody's typo
                raise PermanentFailure(f"{error.smtp_code} {_text(error.smtp_error)}", CONTENT) from None
            raise _server_side("data_temporary", f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except smtplib.SMTPAuthenticationError as error:
            raise _server_side("credentials", f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except smtplib.SMTPSenderRefused as error:
            raise _server_side("sender", f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except smtplib.SMTPNotSupportedError as error:
            raise _server_side("starttls" if "STARTTLS" in str(error) else "not_supported", str(error)) from None
        except smtplib.SMTPResponseException as error:
            raise _server_side("refused", f"{error.smtp_code} {_text(error.smtp_error)}") from None
        except (smtplib.SMTPException, OSError) as error:
            raise _server_side("unreachable", f"{type(error).__name__}: {error}") from None


def _server_side(reason: str, detail: str) -> TemporaryFailure:
    """The operator hears it (log and /metrics; /health reads the waiting mails); the mail stays."""
    MAIL_SERVER_FAILED.labels(reason=reason).inc()
    log.error("mail server problem (%s): %s; the mail waits in the outbox", reason, detail)
    return TemporaryFailure(f"{SERVER_SIDE}{reason}): {detail}", keep=True)


def _text(reply) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)


class DirectoryTransport:
    """Each mail as an .eml file, named by its Message-ID: the same mail twice is one file."""

    def __init__(self, directory: str):
        self.directory = Path(directory)

    def send(self, message: EmailMessage) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        name = message["Message-ID"].strip("<>").replace("@", "_").replace("/", "_")
        partial = self.directory / f".{name}.partial"  # renamed when whole: a crash leaves no half mail
        try:
            partial.write_bytes(bytes(message))
            os.replace(partial, self.directory / f"{name}.eml")
        except OSError as error:
            raise TemporaryFailure(f"{type(error).__name__}: {error}") from None


def transport_for(smtp_url: str, mail_dir: str) -> Transport:
    return SmtpTransport(smtp_url) if smtp_url else DirectoryTransport(mail_dir)
