"""What may stand in a mail's address and header lines. An address is checked by a well-kept
validator (email-validator, no DNS look-ups) and kept in the ASCII form every mail server takes;
a name is refused when it could read as more than text in a header: a line break or another
control character, or an RFC 2047 encoded word (`=?utf-8?b?…?=`), which a mail program decodes
and which can hide a line break."""
from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from domain.texts import t

ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bBqQ]\?[^?\s]*\?=")
WORD_JOINER = "\u2060"


class BadAddress(ValueError):
    """Not an address a mail can be sent to; the message says why (in English, from the validator)."""


def mail_address(value: str) -> str:
    """The address in the form a mail server takes: ASCII (an internationalised domain in its
    xn-- form), lower case. A non-ASCII part before the @ is refused: few servers take it; strict:
    the RFC's lengths too (64 characters before the @)."""
    try:
        checked = validate_email(value.strip(), check_deliverability=False, allow_smtputf8=False, strict=True)
    except EmailNotValidError as error:
        raise BadAddress(str(error)) from None
    return checked.ascii_email.lower()


def has_control(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in text)


def header_unsafe(text: str) -> bool:
    """A line break or other control character, or an encoded word: not a plain name."""
    return has_control(text) or ENCODED_WORD.search(text) is not None


def header_text(text: str) -> str:
    """Typed text made fit for a header line and still read as typed: control characters become
    spaces, and a joiner between `=` and `?` keeps what looks like an encoded word from being
    decoded by the mail program (it still shows the same characters)."""
    text = " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())
    return text.replace("=?", "=" + WORD_JOINER + "?")


def real_name(name: str | None, user_id: str | None) -> str | None:
    """The name Slack's profile gave, never a bare user id (what is stored when Slack was away)."""
    return name if name and name != user_id else None


def coordinator_named(name: str | None, user_id: str, email: str | None, title: str, lang: str = "nl") -> str:
    """Whom a person outside Slack asks: the coordinator by name, with their address when known."""
    named = real_name(name, user_id) or t(lang, "coordinator_unnamed", title=title)
    return f"{named} ({email})" if email else named
