"""The compact template against the statutory counts, and against the reference spec."""

from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from schemas.identities import identities
from schemas.template import TEMPLATE_PATH, load_template

SPEC = Path(__file__).parents[3] / "shared" / "spec" / "template.yaml"


def test_cell_and_identity_counts_per_version() -> None:
    t = load_template()
    counts = {v: {tid: sum(c.table == tid for c in t.version(v).cells)
                  for tid in ("t2", "t3", "t4")} for v in t.versions}
    assert counts == {"gov_2019": {"t2": 22, "t3": 161, "t4": 15},
                      "gov_2021": {"t2": 10, "t3": 175, "t4": 15}}
    assert (len(identities("gov_2019")), len(identities("gov_2021"))) == (40, 42)


def test_version_differences() -> None:
    t = load_template()
    rows_2019 = {r.id for r in t.version("gov_2019").tables["t3"].data_rows}
    rows_2021 = {r.id for r in t.version("gov_2021").tables["t3"].data_rows}
    assert rows_2019 - rows_2021 == {"other_processing"}
    assert rows_2021 - rows_2019 == {"other_no_correction", "other_unpaid_fee", "other_other"}
    assert [b.id for b in t.version("gov_2021").tables["t2"].blocks] == [
        "art20_1", "art20_5", "art20_6", "art20_8"]


@pytest.mark.skipif(not SPEC.exists(), reason="reference spec ../shared not present")
@pytest.mark.parametrize("version", ["gov_2019", "gov_2021"])
def test_ids_and_identities_equal_the_reference_spec(version: str) -> None:
    ref = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["versions"][version]
    ref_cells = [c for t in ref["tables"].values() for c in t["cells"]]
    assert sorted(load_template().version(version).cell_ids) == sorted(ref_cells)
    ref_ids = {i["id"]: i["formula"] for i in ref["identities"]}
    for ident in identities(version):
        lhs, rhs = ref_ids.pop(ident.id).split("==")
        assert [x.strip() for x in lhs.split("+")] == list(ident.lhs)
        assert [x.strip() for x in rhs.split("+")] == list(ident.rhs)
    assert ref_ids == {}


def test_report_years_pick_the_version() -> None:
    """The year rule is the template's `report_years`, nothing else."""
    t = load_template()
    assert [t.version_for_year(y) for y in (2019, 2020, 2021, 2024, 2040)] == [
        "gov_2019", "gov_2019", "gov_2021", "gov_2021", "gov_2021"]
    assert t.version_for_year(None) is None
    assert t.version_for_year(2015) == "gov_2019"  # before every version: the earliest


def test_versions_are_declared_once() -> None:
    """Every place that names a format version names one the template declares, and the
    published vocabulary and enums list exactly the template's versions."""
    from schemas.resources import resources
    from schemas.vocabulary import FORMAT_VERSIONS

    t = load_template()
    declared = list(t.versions)
    assert list(FORMAT_VERSIONS) == declared
    for resource in resources().values():
        for f in resource.fields:
            if f.name == "format_version":
                assert list(f.enum) == declared, resource.name
    raw = yaml.safe_load(TEMPLATE_PATH.read_text(encoding="utf-8"))
    named = {v for table in raw["tables"].values() for r in table.get("rows", [])
             if isinstance(r, dict) for key in ("in", "group_in") for v in r.get(key, ())}
    named |= {k for table in raw["tables"].values() for b in table.get("blocks", [])
              for k in set(b) - {"id", "caption"}}  # a block's keys: its versions
    assert named <= set(declared)
    years = [(v.first_year, v.last_year) for v in t.versions.values()]
    assert all(last is None or first <= last for first, last in years)
    for (_, last), (first, _) in pairwise(years):
        assert last is not None and first == last + 1, "report years must not overlap or gap"
