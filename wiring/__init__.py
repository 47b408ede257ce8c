"""Builds what the entry points run: the settings' database, the Slack client and Bolt app, the
web application and its server, the runtime every use case receives. Only entry points (bot.py)
and tests import it; nothing it builds imports it back."""
