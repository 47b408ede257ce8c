"""A form carries its channel and language in Slack's `private_metadata`, which comes back from
the user's client: sealed with an HMAC of the signing secret, so nobody can make a form act in a
channel it was not opened in."""
from __future__ import annotations

import hashlib
import hmac
import json


def seal(data: dict, secret: str) -> str:
    body = json.dumps(data, sort_keys=True, separators=(",", ":"))
    mac = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()[:32]
    return json.dumps({"d": data, "m": mac}, separators=(",", ":"))


def unseal(text: str, secret: str) -> dict | None:
    """The sealed data, or None when it is missing, malformed or tampered with."""
    try:
        outer = json.loads(text)
        data, mac = outer["d"], outer["m"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(data, dict) or not isinstance(mac, str):
        return None
    body = json.dumps(data, sort_keys=True, separators=(",", ":"))
    expected = hmac.new(secret.encode(), body.encode(), hashlib.sha256).hexdigest()[:32]
    return data if hmac.compare_digest(mac, expected) else None
