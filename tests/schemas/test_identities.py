"""Evaluating an identity: pass, fail, and not evaluable when a cell is null."""

from schemas.identities import evaluate, fails, identities


def _balance():
    return next(i for i in identities("gov_2019") if i.id == "t3_balance_natural_person")


def test_pass_and_fail_keep_both_sides() -> None:
    ident = _balance()
    values = dict.fromkeys(ident.cells, 0) | {"t3.new_received.natural_person": 859,
                                              "t3.results_total.natural_person": 859}
    assert evaluate(ident, values).status == "pass"
    values["t3.carried_forward.natural_person"] = 2
    r = evaluate(ident, values)
    assert (r.status, r.lhs, r.rhs, r.difference, r.note) == ("fail", 859, 861, -2, "859 != 861")


def test_null_is_not_zero() -> None:
    ident = _balance()
    values = dict.fromkeys(ident.cells, 1) | {"t3.carried_over.natural_person": None}
    r = evaluate(ident, values)
    assert (r.status, r.lhs, r.rhs) == ("not_evaluable", None, None)
    assert r.note == ("1 null cell(s), e.g. t3.carried_over.natural_person; fails if they are "
                      "read as 0 (1 vs 2)")


def test_sums_beyond_the_exact_range_are_not_evaluated() -> None:
    # Each cell is held exactly; their sum (2**53 + 1) would be published rounded.
    ident = _balance()
    values = dict.fromkeys(ident.cells, 0) | {"t3.new_received.natural_person": 2**53 - 1,
                                              "t3.carried_over.natural_person": 2,
                                              "t3.results_total.natural_person": 1}
    r = evaluate(ident, values)
    assert (r.status, r.lhs, r.rhs, r.difference, r.note) == (
        "not_evaluable", None, None, None,
        "a sum is beyond ±9,007,199,254,740,992, which cannot be published exactly")


def test_fails_is_exact_at_any_magnitude() -> None:
    # What chooses between splits of a digit run: a sum beyond 2**53 still fails or holds.
    ident = _balance()
    values = dict.fromkeys(ident.cells, 0) | {"t3.new_received.natural_person": 10**20,
                                              "t3.results_total.natural_person": 10**20 + 1}
    assert fails(ident, values)
    values["t3.results_total.natural_person"] = 10**20
    assert not fails(ident, values)
    assert not fails(ident, values | {"t3.carried_over.natural_person": None})


def test_table_two_across_years_is_declared_per_format() -> None:
    from schemas.identities import cross_year_identities
    ids = {v: [i.id for i in cross_year_identities(v) if i.table == "t2"]
           for v in ("gov_2019", "gov_2021")}
    assert ids["gov_2021"] == ["xyear_t2_in_force_regulations",
                               "xyear_t2_in_force_normative_documents"]
    assert ids["gov_2019"] == [f"xyear_t2_items_{r}" for r in (
        "administrative_licensing", "other_external_services", "administrative_penalty",
        "administrative_coercion", "administrative_fees")]
    in_force = cross_year_identities("gov_2021")[-2]
    # 698 in force at the end of 2021; 88 issued and 55 repealed in 2022: 731 in force.
    values = {"prev:t2.regulations.in_force": 698, "t2.regulations.issued": 88,
              "t2.regulations.repealed": 55, "t2.regulations.in_force": 731}
    r = evaluate(in_force, values)
    assert (r.status, r.lhs, r.rhs) == ("pass", 786, 786)
    r = evaluate(in_force, values | {"t2.regulations.in_force": 698})
    assert (r.status, r.difference) == ("fail", -33)
