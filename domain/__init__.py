"""The domain of Regiowacht: nothing in here knows about Slack."""
