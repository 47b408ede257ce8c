"""A mail from its template: `<kind>.subject.txt`, `<kind>.txt` and `<kind>.html` under
data/templates/mail. The HTML is autoescaped: what people typed cannot become markup."""
from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

TEMPLATES = Path(__file__).resolve().parents[2] / "data" / "templates"
# Python folds a header longer than 78 characters by moving its whole value to the next line,
# which some mail programs show as a subject starting with a space; 998 is the hard limit.
HEADERS_ON_ONE_LINE = policy.default.clone(max_line_length=998)


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                       undefined=StrictUndefined, keep_trailing_newline=True)


def compose(kind: str, context: dict, *, sender: str, to_name: str, to_address: str, key: str) -> EmailMessage:
    """The mail, with a Message-ID derived from its outbox key (the same mail sent again is
    recognisable as one)."""
    env = environment()
    message = EmailMessage(policy=HEADERS_ON_ONE_LINE)
    message["Subject"] = " ".join(env.get_template(f"mail/{kind}.subject.txt").render(context).split())
    message["From"] = sender
    message["To"] = formataddr((to_name, to_address))
    message["Date"] = formatdate(localtime=True)  # composed when sent; smtplib adds no Date of its own
    message["Message-ID"] = make_msgid(idstring=key.replace(":", "."), domain="regiowacht")
    message.set_content(env.get_template(f"mail/{kind}.txt").render(context))
    message.add_alternative(env.get_template(f"mail/{kind}.html").render(context), subtype="html")
    return message
