"""The use cases that the Slack handlers, the console and the jobs share: run the domain in one
transaction, render with views, queue what must be sent in the outbox, then send it."""
