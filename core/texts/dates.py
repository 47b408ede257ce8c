"""Questions the deadline reader asks back, and the hint that follows them."""

TEXTS: dict[str, tuple[str, str]] = {
    "date_empty": ("Er staat geen datum.", "There is no date."),
    "date_vague": ("`{text}` noemt geen dag. Welke datum bedoel je precies?",
                   "`{text}` does not name a day. Which date do you mean exactly?"),
    "date_unknown": ("Ik lees `{text}` niet als datum. Welke datum bedoel je precies?",
                     "I can't read `{text}` as a date. Which date do you mean exactly?"),
    "date_impossible": ("`{text}` bestaat niet als datum. Welke datum bedoel je?",
                        "`{text}` is not a real date. Which date do you mean?"),
    "date_past": ("`{text}` is {date}: dat ligt in het verleden. Welke datum in de toekomst bedoel je?",
                  "`{text}` is {date}: that is in the past. Which future date do you mean?"),
    "date_future": ("`{text}` is {date}: dat ligt in de toekomst. Op welke dag gebeurde het?",
                    "`{text}` is {date}: that is in the future. On which day did it happen?"),
    "date_weekday_mismatch": ("{date} valt niet op een {weekday}. Welke datum bedoel je?",
                              "{date} is not a {weekday}. Which date do you mean?"),
    "date_ambiguous": ("`{text}` kan {first} zijn of {second}. Schrijf `aanstaande …` of `volgende week …`, of de datum.",
                       "`{text}` could be {first} or {second}. Write `this coming …` or `next week …`, or the date."),
    "date_hint": ("Schrijf bijvoorbeeld `15 januari`, `15-01-2027`, `volgende week vrijdag`, `over 10 werkdagen` of `eind maart`.",
                  "Write for example `15 January`, `15-01-2027`, `next week Friday`, `in 10 working days` or `end of March`."),
}
