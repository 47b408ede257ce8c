"""Background work: the schedule, digests, reminders, alerts, and the outbox that sends it all."""
