"""A mail from its template: `<kind>.subject.txt`, `<kind>.txt` and `<kind>.html` under
data/templates/mail. The HTML is autoescaped: what people typed cannot become markup. Headers
are set only through the `email` package's header objects, from text made fit for a header
(domain/mail_text), and the finished mail is read back as a mail program reads it: a header that
does not read back exactly as set (an injected line, a decoded encoded word) stops the mail."""
from __future__ import annotations

import hashlib
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import formatdate, parseaddr
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from domain.mail_text import header_text, mail_address

TEMPLATES = Path(__file__).resolve().parents[2] / "data" / "templates"
# Python folds a header longer than 78 characters by moving its whole value to the next line,
# which some mail programs show as a subject starting with a space; 998 is the hard limit.
HEADERS_ON_ONE_LINE = policy.default.clone(max_line_length=998)


class UnsafeMail(ValueError):
    """The mail would not read back as composed: it is not sent."""


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, keep_trailing_newline=True)


def message_id(key: str, sender: str) -> str:
    """The same outbox row gives the same Message-ID on every try, so a receiver (and the .eml
    folder) can drop a copy sent again after a crash mid-send."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "regiowacht"
    return f"<{hashlib.sha256(key.encode()).hexdigest()[:32]}@{domain}>"


def address(name: str, email: str) -> Address:
    """Raises domain.mail_text.BadAddress for an address no mail server takes."""
    return Address(display_name=header_text(name), addr_spec=mail_address(email))


def compose(kind: str, context: dict, *, sender: str, to_name: str, to_address: str, key: str,
            reply_to: Address | None = None) -> EmailMessage:
    env = environment()
    message = EmailMessage(policy=HEADERS_ON_ONE_LINE)
    message["Subject"] = header_text(env.get_template(f"mail/{kind}.subject.txt").render(context))
    message["From"] = sender
    message["To"] = address(to_name, to_address)
    if reply_to is not None:
        message["Reply-To"] = reply_to
    message["Date"] = formatdate(localtime=True)  # composed when sent; smtplib adds no Date of its own
    message["Message-ID"] = message_id(key, sender)
    message.set_content(env.get_template(f"mail/{kind}.txt").render(context))
    message.add_alternative(env.get_template(f"mail/{kind}.html").render(context), subtype="html")
    _reads_back(message)
    return message


def _reads_back(message: EmailMessage) -> None:
    """Python's own folding has let a decoded encoded word out as a raw line break before
    (CVE-2024-6923); whatever the version, the bytes must read back as the headers we set."""
    read = BytesParser(policy=policy.default).parsebytes(bytes(message))
    if [(k.lower(), str(v)) for k, v in read.items()] != [(k.lower(), str(v)) for k, v in message.items()]:
        raise UnsafeMail("de kopregels van de e-mail lezen anders terug dan ze zijn opgesteld")
