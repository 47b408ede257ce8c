"""What the outbox counts: messages sent and failed, by kind. The registry is shared with the
service's timings (service/metrics.py), which also answers /metrics."""
from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
REGISTRY = CollectorRegistry()  # ours alone: no default process collectors in a single-process run
SENT = Counter("regiowacht_outbox_sent", "Messages the outbox delivered, by kind (the first part of the "
               "outbox key: digest, alert, urgent, mail, ...)", ["kind"], registry=REGISTRY)
FAILED = Counter("regiowacht_outbox_failed", "Send attempts that failed; the message stays in the outbox "
                 "for a later pass", ["kind"], registry=REGISTRY)


def kind_of(key: str) -> str:
    """An outbox key's first part (`digest:T1:C1:2026-11-24` -> digest): few values, no ids."""
    kind = key.partition(":")[0]
    return kind if kind.isalpha() and len(kind) <= 20 else "other"
MAIL_SERVER_FAILED = Counter("regiowacht_mail_server_failures", "Mails the SMTP server did not take for a reason "
                             "of its own or its set-up (starttls, credentials, sender, unreachable, ...); they wait "
                             "in the outbox", ["reason"], registry=REGISTRY)
