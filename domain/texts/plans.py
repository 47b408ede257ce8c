"""`plan jeugd|wmo`: the standard implementation tasks of a go-live."""

TEXTS: dict[str, tuple[str, str]] = {
    "help_plan": ("de standaard implementatietaken van een iJw- of iWmo-livegang, teruggerekend vanaf de start (coördinator)",
                  "the standard implementation tasks of an iJw or iWmo go-live, dated back from the start (coordinator)"),
    "fields_plan": (
        "• jeugd of wmo: direct na `plan` (weglaten als het traject één domein heeft)\n"
        "• `na:` het besluit (B-nummer) waar de taken op wachten\n"
        "Elke taak krijgt als deadline zijn eigen aantal weken vóór de start (de werkdag ervoor als die dag vrij is). "
        "Nog een keer `plan` voegt alleen toe wat ontbreekt. De lijsten staan in `data/plans/`.",
        "• jeugd or wmo: right after `plan` (leave out when the trajectory has one domain)\n"
        "• `after:` the decision (B-reference) the tasks wait for\n"
        "Each task is due its own number of weeks before go-live (the working day before when that day is off). "
        "Running `plan` again adds only what is missing. The lists are in `data/plans/`."),
    "ex_plan": ("`{cmd} plan jeugd na: B3`", "`{cmd} plan jeugd after: B3`"),
    "ex2_plan": ("`{cmd} plan wmo`", "`{cmd} plan wmo`"),
    "err_plan_which": ("Dit traject is voor jeugd en wmo: zeg welk plan, jeugd of wmo.",
                       "This trajectory covers jeugd and wmo: say which plan, jeugd or wmo."),
    "err_plan_domain": ("Er is geen plan '{value}'. Kies jeugd of wmo.", "There is no plan '{value}'. Choose jeugd or wmo."),
    "err_plan_other_domain": ("Dit traject is voor {trajectory_domain}; het plan voor {domain} hoort daar niet bij.",
                              "This trajectory is for {trajectory_domain}; the {domain} plan does not belong to it."),
    "err_plan_live": ("De start was al op {go_live}: een plan dat terugrekent vanaf de start komt te laat. Maak losse taken.",
                      "Go-live was on {go_live} already: a plan dated back from it comes too late. Add tasks one by one."),
    "ok_plan": ("Plan {domain}: {count:taak_nieuw}, van {first} tot {last}. De eigenaar is een rol uit het contactregister.",
                "Plan {domain}: {count:taak_nieuw}, from {first} to {last}. The owner is a role of the contact registry."),
    "ok_plan_none": ("Plan {domain}: alle {count:taak} stonden er al; niets toegevoegd.",
                     "Plan {domain}: all {count:taak} were there already; nothing added."),
    "ok_plan_existing": ("Stonden er al (niet opnieuw aangemaakt): {refs}.", "Already there (not created again): {refs}."),
    "ok_plan_after": ("Alle nieuwe taken starten pas na {ref}.", "All new tasks start only after {ref}."),
    "ok_plan_overdue": ("⚠️ Te laat volgens de standaard: {count:taak} (de vroegste had op {first} klaar moeten zijn). Hun deadline is nu {due}: plan ze meteen in.",
                        "⚠️ Late by the standard: {count:taak} (the earliest was due {first}). They are now due {due}: schedule them at once."),
    "plan_task_line": ("*{ref}* {title} · {role} · {deadline}", "*{ref}* {title} · {role} · {deadline}"),
    "warn_plan_before_decision": ("Let op: vóór de deadline van {decision} ({decision_deadline}), waar ze op wachten, valt de deadline van {count:taak}.",
                                  "Note: due before the deadline of {decision} ({decision_deadline}), which they wait for: {count:taak}."),
}
