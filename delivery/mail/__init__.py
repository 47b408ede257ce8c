"""E-mail to people outside Slack: composed from the templates in data/templates/mail (plain text
and HTML, Dutch), sent by SMTP with STARTTLS, or written as .eml files when no server is set."""
