"""Typed errors that the one central error handler turns into an answer in the user's language."""
from __future__ import annotations


class RegiowachtError(Exception):
    """An error meant for the user: a text key, its parameters, and the field it concerns."""

    def __init__(self, key: str, /, *, field: str | None = None, example: str | None = None, **params):
        super().__init__(key)
        self.key = key
        self.field = field
        self.example = example  # text key of a correct example, shown under the error
        self.params = params


class CommandError(RegiowachtError):
    """The command was wrong: nothing was stored."""


class PermissionDenied(RegiowachtError):
    """The user may not do this here."""


class Unavailable(RegiowachtError):
    """Slack or the database could not be asked something the answer depends on: nothing stored."""
