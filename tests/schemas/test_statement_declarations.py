"""The declared text statements: every cell they bind is a statutory cell, and each binds
in some format version."""

import re

from schemas.statements import load_statements
from schemas.template import load_template


def test_every_bound_cell_is_a_cell_of_its_version() -> None:
    template = load_template()
    for st in load_statements().statements:
        assert st.cells_by_version, st.id
        for version, cells in st.cells_by_version.items():
            assert set(cells) <= set(template.version(version).cell_ids), st.id
            assert {c.split(".")[0] for c in cells} == {st.table}, st.id


def test_ids_are_unique_and_every_pattern_states_one_number() -> None:
    statements = load_statements().statements
    assert len({s.id for s in statements}) == len(statements)
    for st in statements:
        for p in st.patterns:
            assert list(p.groupindex) == ["n"], (st.id, p.pattern)


def test_a_group_is_bound_to_its_leaves_and_table_two_only_where_the_version_has_it() -> None:
    statements = load_statements()
    assert statements.get("requests_denied").cells("gov_2019") == tuple(
        f"t3.denied_{r}.total" for r in ("state_secret", "law_prohibited",
                                          "security_stability", "third_party_rights",
                                          "internal_affairs", "process_info",
                                          "enforcement_case_file", "admin_inquiry"))
    in_force = statements.get("normative_documents_in_force")
    assert (in_force.cells("gov_2019"), in_force.cells("gov_2021")) == (
        None, ("t2.normative_documents.in_force",))


def test_the_number_is_whole_and_exact() -> None:
    (pattern,) = load_statements().get("requests_received").patterns
    assert pattern.search("共受理政府信息公开申请1,295件")["n"] == "1,295"
    assert pattern.search("共受理政府信息公开申请12.5件") is None
    assert re.fullmatch(r"\d+", pattern.search("收到政府信息公开申请75件")["n"])


def test_each_statement_reads_its_declared_example() -> None:
    from pipelines.recognise.statements import read_statements
    for st in load_statements().statements:
        found = {r.statement.id: r.value for r in read_statements(st.example + "。", None)}
        assert st.id in found, st.id
