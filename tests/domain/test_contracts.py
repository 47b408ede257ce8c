"""Contracts (percelen) of a trajectory (issue 19), with hand-computed tables.

Three contracts: Jeugd specialistisch ends Thu 31 Dec 2026 with an option of 2x 12 months; Wmo
begeleiding ends Wed 31 Mar 2027 without one; Jeugd verblijf ends Wed 30 Jun 2027 with 1x 24
months. The story: A is extended, B gets a transition arrangement, C is extended."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from domain.errors import CommandError
from domain.contracts import (Contract, ContractError, ExtensionOption, add_months, continuity_deadline,
                              ends_uncovered, extend, extension_deadline, extension_decision, months_between,
                              read_extension_option, read_providers, with_transition)


def d(text: str) -> date:
    return date.fromisoformat(text)


A = Contract("Jeugd specialistisch", d("2026-12-31"), ExtensionOption(2, 12))
B = Contract("Wmo begeleiding", d("2027-03-31"))
C = Contract("Jeugd verblijf", d("2027-06-30"), ExtensionOption(1, 24))

STEP_0 = [A, B, C]
STEP_1 = [extend(A, d("2027-12-31")), B, C]                               # A extended a year
STEP_2 = [STEP_1[0], with_transition(B, d("2027-09-30")), C]              # B: clients in care until 30 Sep
STEP_3 = [STEP_2[0], STEP_2[1], extend(C, d("2029-06-30"))]               # C extended its two years
STEPS = {0: STEP_0, 1: STEP_1, 2: STEP_2, 3: STEP_3}


# -- `verlenging:` -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("2x 12 maanden", (2, 12)),
    ("2 x 1 jaar", (2, 12)),
    ("1x 24 maanden", (1, 24)),
    ("2x12 maanden", (2, 12)),
    ("2 × 12 mnd", (2, 12)),
    ("2 keer 6 maanden", (2, 6)),
    ("twee keer een jaar", (2, 12)),
    ("2x een half jaar", (2, 6)),
    ("3 x 2 jaar", (3, 24)),
    ("1+1 jaar", (2, 12)),
    ("1 + 1 + 1 jaar", (3, 12)),
    ("max. 2x 12 maanden", (2, 12)),
    ("maximaal 2 keer 1 jaar", (2, 12)),
    ("2x 12 maanden verlenging", (2, 12)),
    ("2X 12 Maanden", (2, 12)),
    ("2x 12 months", (2, 12)),
    ("2 x 1 year", (2, 12)),
])
def test_reading_an_extension_option(text, expected):
    option = read_extension_option(text)
    assert (option.count, option.months) == expected


@pytest.mark.parametrize("text", ["geen", "Geen", "nee", "-", "none", "n.v.t.", "0"])
def test_no_extension_option(text):
    assert read_extension_option(text) is None


@pytest.mark.parametrize("text, key, params", [
    ("2 jaar", "contract_option_count_missing", {"months": 24}),   # once two years, or twice one?
    ("24 maanden", "contract_option_count_missing", {"months": 24}),
    ("1+2 jaar", "contract_option_unequal", {}),
    ("2x 6 weken", "contract_option_unit", {}),
    ("2x 30 dagen", "contract_option_unit", {}),
    ("2x een halve maand", "contract_option_unreadable", {}),
    ("11x 12 maanden", "contract_option_out_of_range", {"count": 11, "months": 12}),
    ("2x 61 maanden", "contract_option_out_of_range", {"count": 2, "months": 61}),
    ("2x 0 maanden", "contract_option_out_of_range", {"count": 2, "months": 0}),
    ("ja", "contract_option_unreadable", {}),
    ("verlengbaar", "contract_option_unreadable", {}),
    ("", "contract_option_empty", {}),
])
def test_an_extension_option_is_refused_with_its_reason(text, key, params):
    with pytest.raises(ContractError) as caught:
        read_extension_option(text)
    error = caught.value
    assert isinstance(error, CommandError)          # nothing stored, answered like any command mistake
    assert (error.key, error.field) == (key, "verlenging")
    assert error.params["text"] == text
    assert params.items() <= error.params.items()


def test_reading_providers():
    assert read_providers("Zorg & Welzijn, Wonen en Zorg; Pluryn,  pluryn\nKarakter") == (
        "Zorg & Welzijn", "Wonen en Zorg", "Pluryn", "Karakter")
    assert read_providers("") == ()


# -- months ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("day, months, expected", [
    ("2026-12-31", 12, "2027-12-31"),
    ("2026-12-31", 2, "2027-02-28"),     # clamped
    ("2027-02-28", 12, "2028-02-29"),    # a month's last day stays the last day
    ("2027-01-30", 1, "2027-02-28"),
    ("2027-01-15", 24, "2029-01-15"),
])
def test_add_months(day, months, expected):
    assert add_months(d(day), months) == d(expected)


@pytest.mark.parametrize("start, end, months", [
    ("2026-12-31", "2027-12-31", 12),
    ("2026-12-31", "2027-06-30", 6),     # month end to month end
    ("2027-01-15", "2027-07-15", 6),
    ("2027-01-15", "2027-07-16", 7),     # a started month counts
    ("2027-01-15", "2027-07-14", 6),
])
def test_months_between(start, end, months):
    assert months_between(d(start), d(end)) == months


# -- cover and the continuity deadline ---------------------------------------------------------------

# step: the continuity deadline, its contract, and what sets it
CONTINUITY_TABLE = [
    (0, "2026-12-31", "Jeugd specialistisch", "einde"),
    (1, "2027-03-31", "Wmo begeleiding", "einde"),                  # A runs to 31 Dec 2027 now
    (2, "2027-06-30", "Jeugd verblijf", "einde"),                   # B's clients covered to 30 Sep
    (3, "2027-09-30", "Wmo begeleiding", "overgangsregeling"),      # C to 2029: B's arrangement is first
]


@pytest.mark.parametrize("step, day, name, covered_by", CONTINUITY_TABLE)
def test_the_continuity_deadline_is_the_earliest_end_nothing_covers(step, day, name, covered_by):
    deadline = continuity_deadline(STEPS[step], trajectory_end=d("2026-12-31"))
    assert (deadline.day, deadline.contract.name, deadline.covered_by) == (d(day), name, covered_by)


def test_without_contracts_the_trajectorys_own_end_stays():
    deadline = continuity_deadline([], trajectory_end=d("2027-01-01"))
    assert (deadline.day, deadline.contract, deadline.covered_by) == (d("2027-01-01"), None, "contracteinde")


def test_a_tie_is_broken_by_name():
    twins = [Contract("Wmo b", d("2027-03-31")), Contract("wmo A", d("2027-03-31"))]
    assert continuity_deadline(twins, d("2027-03-31")).contract.name == "wmo A"


def test_cover_per_contract():
    a, b, c = STEP_3
    assert (a.current_end, a.covered_until, a.covered_by) == (d("2027-12-31"), d("2027-12-31"), "verlengd")
    assert (b.current_end, b.covered_until, b.covered_by) == (d("2027-03-31"), d("2027-09-30"), "overgangsregeling")
    assert (c.current_end, c.covered_until, c.covered_by) == (d("2029-06-30"), d("2029-06-30"), "verlengd")
    # An extension past the transition arrangement makes the arrangement moot.
    assert extend(b, d("2027-12-31")).covered_by == "verlengd"


# ready day: the contracts that end uncovered (what rood names) at each step
UNCOVERED_TABLE = [
    ("2027-01-01", {0: [], 1: [], 2: [], 3: []}),                   # ready the day after A ends: in time
    ("2027-01-02", {0: ["Jeugd specialistisch"], 1: [], 2: [], 3: []}),
    ("2027-05-01", {0: ["Jeugd specialistisch", "Wmo begeleiding"], 1: ["Wmo begeleiding"], 2: [], 3: []}),
    ("2027-07-15", {0: ["Jeugd specialistisch", "Wmo begeleiding", "Jeugd verblijf"],
                    1: ["Wmo begeleiding", "Jeugd verblijf"], 2: ["Jeugd verblijf"], 3: []}),
    ("2027-10-15", {0: ["Jeugd specialistisch", "Wmo begeleiding", "Jeugd verblijf"],
                    1: ["Wmo begeleiding", "Jeugd verblijf"],
                    2: ["Jeugd verblijf", "Wmo begeleiding"],       # earliest cover end first: C 30 Jun, B 30 Sep
                    3: ["Wmo begeleiding"]}),
]


@pytest.mark.parametrize("ready, per_step", UNCOVERED_TABLE)
def test_which_contract_makes_it_rood_before_and_after(ready, per_step):
    for step, names in per_step.items():
        assert [c.name for c in ends_uncovered(STEPS[step], d(ready))] == names, step


# -- recording extensions and transition arrangements -------------------------------------------------

def test_extensions_use_the_option():
    assert (A.options_left, A.latest_extension) == (2, d("2028-12-31"))
    half = extend(A, d("2027-06-30"))                     # six months: uses one of the two
    assert (half.options_left, half.latest_extension) == (1, d("2028-06-30"))
    both = extend(A, d("2028-12-31"))                     # 24 months at once: uses both
    assert (both.options_left, both.latest_extension) == (0, None)
    assert (B.options_left, B.latest_extension) == (0, None)


@pytest.mark.parametrize("contract, to, key, params", [
    (A, "2026-12-31", "contract_extension_not_later", {"end": d("2026-12-31")}),
    (A, "2026-11-30", "contract_extension_not_later", {"end": d("2026-12-31")}),
    (A, "2029-01-31", "contract_extension_beyond_option", {"latest": d("2028-12-31"), "left": 2}),
    (extend(A, d("2028-12-31")), "2029-06-30", "contract_extension_beyond_option",
     {"latest": d("2028-12-31"), "left": 0}),
])
def test_an_extension_is_refused_with_its_reason(contract, to, key, params):
    with pytest.raises(ContractError) as caught:
        extend(contract, d(to))
    assert (caught.value.key, caught.value.field) == (key, "tot")
    assert params.items() <= caught.value.params.items()


def test_a_contract_without_an_option_takes_a_recorded_extension():
    assert extend(B, d("2027-12-31")).current_end == d("2027-12-31")


def test_a_transition_arrangement_must_reach_past_the_contract():
    with pytest.raises(ContractError) as caught:
        with_transition(A, d("2026-12-31"))
    assert caught.value.key == "contract_transition_not_later"
    assert with_transition(with_transition(B, d("2027-09-30")), d("2027-06-30")).transition_until == d("2027-06-30")


# -- the extension decision ---------------------------------------------------------------------------

# contract end: the decision's deadline, six calendar months before, on a working day
EXTENSION_DEADLINE_TABLE = [
    ("2026-12-31", "2026-06-30"),   # Tue
    ("2027-12-31", "2027-06-30"),   # Wed
    ("2027-06-30", "2026-12-30"),   # Wed
    ("2027-08-31", "2027-02-26"),   # 28 Feb 2027 (clamped from the 31st) is a Sunday: Friday 26th
    ("2027-11-30", "2027-05-28"),   # 30 May 2027 is a Sunday: Friday 28th
    ("2027-10-27", "2027-04-26"),   # 27 Apr 2027 is Koningsdag (Tue): Monday 26th
    ("2027-06-26", "2026-12-24"),   # 26 Dec 2026 is Saturday and Tweede Kerstdag: Thursday 24th
    ("2027-07-01", "2026-12-31"),   # 1 Jan 2027 is New Year's Day (Fri): Thursday 31 Dec, over the year end
    ("2028-08-31", "2028-02-29"),   # a leap year: clamped to the 29th, a Tuesday
]


@pytest.mark.parametrize("end, deadline", EXTENSION_DEADLINE_TABLE)
def test_the_extension_deadline(end, deadline):
    assert extension_deadline(d(end)) == d(deadline)


def test_the_extension_decision_follows_the_current_end():
    decision = extension_decision(A)
    assert (decision.title, decision.decided_by, decision.deadline) == (
        "Verlengen Jeugd specialistisch?", "regio", d("2026-06-30"))
    assert extension_decision(STEP_1[0]).deadline == d("2027-06-30")   # after one extension, the second option
    assert extension_decision(extend(A, d("2027-06-30"))).deadline == d("2026-12-30")  # a half-year extension
    assert extension_decision(extend(A, d("2028-12-31"))) is None       # both options used
    assert extension_decision(B) is None                                # no option
    assert extension_decision(C).deadline == d("2026-12-30")
    assert extension_decision(Contract("Weekend", d("2027-08-31"), ExtensionOption(1, 12))).deadline == d("2027-02-26")


PIECES = ["2", "x", "×", "keer", "12", "maanden", "jaar", "een", "half", "+", "1", "geen", "max.", "weken", "0",
          "99999999999999999999", "twee", "verlenging", "\x00", "🙂"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=7).map(" ".join))
def test_any_extension_option_is_read_or_refused_never_crashes(text):
    try:
        option = read_extension_option(text)
    except ContractError as error:
        assert error.key.startswith("contract_option_") and error.field == "verlenging"
    else:
        assert option is None or (1 <= option.count <= 10 and 1 <= option.months <= 60)
