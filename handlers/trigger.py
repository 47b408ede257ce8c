"""A form opens with the trigger_id of the request that asked for it, and Slack honours a trigger
for 3 seconds. So views.open runs on the pool of work that must answer in time (never behind
follow-ups), and a 429 is waited out only when its Retry-After ends while the trigger still lives;
otherwise the person hears at once that the form could not open."""
from __future__ import annotations

import logging
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from delivery.slack import retry_after, without_rate_limit_waits

log = logging.getLogger(__name__)
TRIGGER_LIFE = 3.0  # seconds from Slack's request to the last moment its trigger_id opens a view
MARGIN = 0.3        # for the trip to Slack


def open_view(client: WebClient, trigger_id: str, view, received: float) -> bool:
    """Open the view while the trigger (from a request received at monotonic `received`) lives."""
    deadline = received + TRIGGER_LIFE - MARGIN
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            log.warning("views.open skipped: the trigger expired before the form was ready")
            return False
        try:
            without_rate_limit_waits(client, timeout=remaining).views_open(trigger_id=trigger_id, view=view)
            return True
        except SlackApiError as error:
            wait = retry_after(error.response.headers) if error.response.status_code == 429 else None
            if wait is None or time.monotonic() + wait >= deadline:
                log.warning("views.open failed: %s", error.response.get("error") or error.response.status_code)
                return False
            time.sleep(wait)
        except (SlackClientError, OSError) as error:
            log.warning("views.open failed: %s", type(error).__name__)
            return False
