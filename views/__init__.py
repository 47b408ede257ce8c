"""Block Kit messages, modals and App Home, and their plain-text rendering for the console."""
