"""How often one answer link may be posted to: a few tries per window, counted in the database so
that every worker process sees the same count (issue 21.8), and forgotten after the window."""
from __future__ import annotations

import hashlib
from datetime import timedelta

from service.runtime import Runtime
from store.db import session_scope
from store.queries import count_try

TRIES_PER_LINK, WINDOW = 5, timedelta(minutes=10)  # enough for a typo, not for guessing or abuse


def allowed(rt: Runtime, token: str) -> bool:
    link = hashlib.sha256(token[:64].encode()).hexdigest()  # the count needs no token, only its hash
    now = rt.clock()
    with session_scope(rt.engine) as session:
        return count_try(session, link, now, now - WINDOW) <= TRIES_PER_LINK
