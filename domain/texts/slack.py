"""Slack as it really is: what the bot says when Slack refused a message for good, when it must be
invited into a channel, when a form cannot open in time, and how a message that would not fit in
Slack says what it summarised."""

TEXTS: dict[str, tuple[str, str]] = {
    # A message Slack refused for good, told to the coordinator once (delivery/slack.py).
    "undelivered": ("⚠️ Regiowacht kon {what} {where} niet bezorgen (traject *{title}*): {why}.\n{fix}\n"
                    "Het bericht begon met: “{excerpt}”",
                    "⚠️ Regiowacht could not deliver {what} {where} (trajectory *{title}*): {why}.\n{fix}\n"
                    "The message began: “{excerpt}”"),
    "undelivered_in": ("in {target}", "in {target}"),
    "undelivered_to": ("aan {target}", "to {target}"),
    "undelivered_update": ("de bijwerking van {what}", "the update of {what}"),
    "undelivered_what_digest": ("het dagelijkse overzicht", "the daily digest"),
    "undelivered_what_alert": ("een risicomelding", "a risk alert"),
    "undelivered_what_urgent": ("het bericht over een urgent signaal", "the post about an urgent case"),
    "undelivered_what_answer": ("een antwoord van de antwoordpagina", "an answer from the answer page"),
    "undelivered_what_ask": ("een inputvraag", "an input request"),
    "undelivered_what_moved": ("een verschoven deadline", "a moved deadline"),
    "undelivered_what_remind": ("een herinnering", "a reminder"),
    "undelivered_what_chase": ("een navraag over een besluit", "a chase about a decision"),
    "undelivered_what_escalate": ("een escalatie", "an escalation"),
    "undelivered_what_other": ("een bericht", "a message"),
    "undelivered_why_member": ("Regiowacht is geen lid van dat kanaal", "Regiowacht is not a member of that channel"),
    "undelivered_fix_member": ("Nodig de bot uit met `/invite @Regiowacht` in {channel}; berichten daarna komen weer aan.",
                               "Invite the bot with `/invite @Regiowacht` in {channel}; later messages will arrive again."),
    "undelivered_why_person": ("die persoon is niet (meer) bereikbaar in Slack", "that person cannot be reached in Slack (any more)"),
    "undelivered_fix_person": ("Vraag het langs een andere weg, of geef het werk aan iemand anders.",
                               "Ask another way, or give the work to someone else."),
    "undelivered_why_archived": ("het kanaal is gearchiveerd", "the channel is archived"),
    "undelivered_fix_archived": ("Haal {channel} uit het archief; berichten daarna komen weer aan.",
                                 "Unarchive {channel}; later messages will arrive again."),
    "undelivered_why_blocks": ("Slack weigerde de opmaak van het bericht ({code})", "Slack refused the message's layout ({code})"),
    "undelivered_fix_blocks": ("Dat is een fout in Regiowacht: meld het aan wie de bot beheert (outbox: `{key}`). "
                               "`{cmd} status` laat intussen zien hoe het traject ervoor staat.",
                               "That is a fault in Regiowacht: tell whoever runs the bot (outbox: `{key}`). "
                               "Meanwhile `{cmd} status` shows where the trajectory stands."),
    "undelivered_why_scope": ("de app mist een Slack-toestemming ({code})", "the app lacks a Slack permission ({code})"),
    "undelivered_fix_scope": ("Laat een Slack-beheerder de app opnieuw installeren met de toestemmingen uit manifest.yml.",
                              "Ask a Slack admin to reinstall the app with the permissions in manifest.yml."),
    "undelivered_why_token": ("het token van Regiowacht werkt niet meer ({code})", "Regiowacht's token no longer works ({code})"),
    "undelivered_fix_token": ("Laat een Slack-beheerder de app opnieuw installeren.", "Ask a Slack admin to reinstall the app."),
    "undelivered_why_other": ("Slack weigerde het bericht ({code})", "Slack refused the message ({code})"),
    "undelivered_fix_other": ("Meld het aan wie de bot beheert (outbox: `{key}`).", "Tell whoever runs the bot (outbox: `{key}`)."),
    # `traject` where the bot cannot post: nothing is made that would need a post there.
    "perm_invite_bot": ("Regiowacht is geen lid van dit kanaal en kan hier niets posten: geen overzicht, geen "
                        "risicomelding, geen urgent signaal. Nodig de bot eerst uit met `/invite @Regiowacht` en typ "
                        "de opdracht dan opnieuw. Er is niets opgeslagen.",
                        "Regiowacht is not a member of this channel and cannot post here: no digest, no risk alert, "
                        "no urgent case. Invite the bot first with `/invite @Regiowacht`, then type the command "
                        "again. Nothing was stored."),
    "perm_not_in_conversation": ("Regiowacht kan in dit privégesprek niets posten. Zet het traject in een kanaal "
                                 "(openbaar, of privé met `/invite @Regiowacht`). Er is niets opgeslagen.",
                                 "Regiowacht cannot post in this direct conversation. Set the trajectory up in a channel "
                                 "(public, or private with `/invite @Regiowacht`). Nothing was stored."),
    "perm_channel_archived": ("Dit kanaal is gearchiveerd: Regiowacht kan hier niets posten. Haal het uit het archief "
                              "of kies een ander kanaal. Er is niets opgeslagen.",
                              "This channel is archived: Regiowacht cannot post here. Unarchive it or pick another "
                              "channel. Nothing was stored."),
    "err_presence_unknown": ("Ik kon Slack nu niet vragen of Regiowacht in dit kanaal kan posten; er is niets "
                             "opgeslagen. Probeer het zo nog eens.",
                             "I could not ask Slack just now whether Regiowacht can post in this channel; nothing "
                             "was stored. Please try again shortly."),
    # A list that did not fit in one Slack message or view (views/layout.py).
    "layout_more": ("… en nog {count}", "… and {count} more"),
    "layout_more_where": ("… en nog {count}: {where} toont ze allemaal", "… and {count} more: {where} shows them all"),
    "layout_shortened": ("(lange regels ingekort)", "(long lines shortened)"),
    "layout_shortened_where": ("(lange regels ingekort; alles: {where})", "(long lines shortened; all of it: {where})"),
    "layout_none": ("geen", "none"),
    # A form that could not open in time from "Meld als urgent".
    "err_shortcut_form_not_opened": ("Het formulier kon niet op tijd openen (Slack was even druk). Kies ‘Meld als "
                                     "urgent’ nog eens, of typ `{cmd} urgent <omschrijving>`.",
                                     "The form could not open in time (Slack was busy). Choose ‘Meld als urgent’ "
                                     "again, or type `{cmd} urgent <description>`."),
    # The urgent answer, when its channel post can never go out.
    "urgent_post_refused": ("⚠️ Slack weigert het bericht in dit kanaal ({code}): het signaal is opgeslagen, maar niemand "
                            "ziet het hier. Nodig Regiowacht uit met `/invite @Regiowacht`; de coördinator is ingelicht.",
                            "⚠️ Slack refuses the post in this channel ({code}): the case is stored, but nobody sees it "
                            "here. Invite Regiowacht with `/invite @Regiowacht`; the coordinator has been told."),
}
