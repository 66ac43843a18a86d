"""The release's DuckDB database: every table typed as published, with the release's rows,
columns commented from the data dictionary, and views that need no join; the SQL the
release README shows runs against it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipelines.parts import files_of
from pipelines.release.database import HEADLINES, database_name
from pipelines.release.verify import read_back
from schemas.resources import resources

DATASET = "china-gov-info-disclosure-annual-reports"


@pytest.fixture(scope="module")
def database(sample_release: Path) -> duckdb.DuckDBPyConnection:
    path = sample_release / database_name(DATASET, "1.0.0")
    with duckdb.connect(str(path), read_only=True) as con:
        yield con


def test_every_table_holds_the_release_s_rows(database, sample_release: Path) -> None:
    for name in resources():
        rows = sum(pq.ParquetFile(p).metadata.num_rows
                   for p in files_of(sample_release / "data", name, "parquet"))
        assert database.sql(f'SELECT count(*) FROM "{name}"').fetchall() == [(rows,)], name


def test_tables_are_typed_and_commented(database) -> None:
    columns = dict(database.sql(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'reports'"
    ).fetchall())
    assert (columns["report_year"], columns["published"], columns["size_bytes"]) == (
        "BIGINT", "BOOLEAN", "BIGINT")
    comment = database.sql("SELECT comment FROM duckdb_columns() WHERE table_name = "
                           "'t3_requests' AND column_name = 'report_year'").fetchall()
    assert comment == [("报告年度: Year the report covers; each table is published in parts "
                        "by this year.",)]


def test_report_summary_has_one_row_per_report_with_its_headlines(database,
                                                                  sample_release: Path) -> None:
    reports = read_back(sample_release, "reports", "csv")
    summary = database.sql("SELECT * FROM report_summary").df()
    assert summary["report_id"].tolist() == sorted(reports["report_id"])
    t3 = read_back(sample_release, "t3_requests", "csv")
    new = t3[t3["row"] == "new_received"].set_index("report_id")["total"]
    got = summary.set_index("report_id")["new_requests"].dropna()
    assert got.astype(int).to_dict() == new.astype(int).to_dict()
    headlines = [h[0] for h in HEADLINES]
    assert [c for c in summary.columns if c in headlines] == headlines


def test_new_requests_by_year_and_level_need_no_join(database, sample_release: Path) -> None:
    t3 = read_back(sample_release, "t3_requests", "csv")
    sums = (t3[t3["row"] == "new_received"].fillna({"level": "?"})
            .groupby(["report_year", "level"])["total"].sum().astype(int).to_dict())
    expected = {(y, None if lvl == "?" else lvl): n for (y, lvl), n in sums.items()}
    rows = database.sql("SELECT report_year, level, new_requests FROM totals_by_year_level "
                        "WHERE new_requests IS NOT NULL").fetchall()
    assert {(y, lvl): n for y, lvl, n in rows} == expected


def _readme_sql(release: Path) -> list[str]:
    readme = (release / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Database", 1)[1]
    block = re.search(r"```sql\n(.*?)```", section, re.S).group(1)
    return [s.strip() for s in block.split(";") if s.strip().replace("\n", "")
            and not all(line.startswith("--") for line in s.strip().splitlines())]


def test_the_readme_s_sql_runs_against_the_database(database, sample_release: Path) -> None:
    statements = _readme_sql(sample_release)
    assert len(statements) == 3
    by_level = database.sql(statements[0]).fetchall()
    assert by_level and all(len(row) == 4 for row in by_level)
    assert sum(r[2] for r in by_level) == len(read_back(sample_release, "reports", "csv"))
    per_report = database.sql(statements[1]).fetchall()
    published = read_back(sample_release, "reports", "csv")["published"].sum()
    assert len(per_report) == published


def test_the_readme_s_search_finds_the_sections_that_say_it(database,
                                                            sample_release: Path) -> None:
    found = database.sql(_readme_sql(sample_release)[2]).fetchall()
    sections = read_back(sample_release, "sections", "csv")
    reports = read_back(sample_release, "reports", "csv").set_index("report_id")
    said = sections[sections["text"].fillna("").str.contains("依申请")]
    assert sorted(found) == sorted(
        (int(reports.loc[r, "report_year"]), reports.loc[r, "agency"], int(s), h)
        for r, s, h in said[["report_id", "section", "heading"]].values.tolist())
    # On the sample inbox: pingtan 2020 and 2022, and the Shanghai office's 2019 report.
    assert sorted({(year, agency) for year, agency, _, _ in found}) == [
        (2019, "上海市人民政府办公厅"), (2020, "平潭综合实验区"), (2022, "平潭综合实验区")]


def test_no_extension_is_needed_to_read_the_database(sample_release: Path,
                                                     tmp_path: Path) -> None:
    """The database opens and every view runs with DuckDB's downloads switched off (a
    copy: DuckDB refuses a second configuration for a file the module already opened)."""
    path = tmp_path / "copy.duckdb"
    shutil.copy(sample_release / database_name(DATASET, "1.0.0"), path)
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}
    with duckdb.connect(str(path), read_only=True, config=config) as con:
        views = [v for (v,) in con.sql("SELECT view_name FROM duckdb_views() "
                                       "WHERE NOT internal").fetchall()]
        assert "sections_by_agency" in views
        for view in views:
            con.sql(f'SELECT count(*) FROM "{view}"').fetchall()


def test_a_rewritten_database_differs_only_in_duckdb_s_header(sample_release: Path,
                                                              tmp_path: Path) -> None:
    """What keeps the file from being byte-reproducible is DuckDB's random database
    identifier in its main header (bytes 124-139) and that header's checksum (0-7):
    every table, comment and view is the same bytes when written again."""
    from pipelines.release.database import write_database

    copy = tmp_path / sample_release.name
    shutil.copytree(sample_release / "data", copy / "data")
    before = (sample_release / database_name(DATASET, "1.0.0")).read_bytes()
    after = write_database(copy, DATASET, "1.0.0").read_bytes()
    assert len(after) == len(before)
    differ = {i for i in range(0, 4096) if before[i] != after[i]}
    assert differ <= set(range(0, 8)) | set(range(124, 140))
    assert after[4096:] == before[4096:]


ADDED = Path(__file__).parents[1] / "fixtures" / "reports" / "weishan-2020-truncated-pipe-rows.txt"


@pytest.fixture(scope="module")
def incremental(tmp_path_factory: pytest.TempPathFactory,
                release_builder) -> tuple[Path, Path, Path]:
    """1.0.0 from the samples; 1.1.0 with one more 2020 report, its database made from
    1.0.0's; the same 1.1.0 built cold."""
    from tests.release.conftest import SAMPLES

    tmp = tmp_path_factory.mktemp("incremental")
    inbox = tmp / "inbox"
    shutil.copytree(SAMPLES, inbox)
    first = release_builder(inbox, tmp / "out", "1.0.0")
    shutil.copy(ADDED, inbox / ADDED.name)
    second = release_builder(inbox, tmp / "out", "1.1.0")
    cold = release_builder(inbox, tmp / "cold", "1.1.0")
    return first, second, cold


def _everything(path: Path) -> dict[str, list]:
    """Every table's and view's rows in key order, and the schema with its comments."""
    from pipelines.release.database import _schema_of, views

    with duckdb.connect(str(path), read_only=True) as con:
        out = {name: con.sql(f'SELECT * FROM "{name}" ORDER BY ALL').fetchall()
               for name in [*resources(), *views()]}
    out["schema"] = _schema_of(path)
    return out


def test_only_the_changed_year_is_replaced(incremental: tuple) -> None:
    from pipelines.release.database import _reusable

    first, second, _ = incremental
    assert _reusable(second, first, DATASET) == (
        first / database_name(DATASET, "1.0.0"), ["2020"])
    with duckdb.connect(str(second / database_name(DATASET, "1.1.0")), read_only=True) as con:
        order = con.sql("SELECT report_year FROM reports").fetchall()
    # The 2020 part was deleted and inserted again: its rows come last (a cold build's
    # are in key order: 2019, 2020, 2022, unknown).
    assert order == [(2019,), (2019,), (2022,), (2022,), (2022,), (None,), (2020,), (2020,)]


def test_an_incremental_database_holds_a_cold_build_s_data(incremental: tuple) -> None:
    _, second, cold = incremental
    made, rebuilt = (_everything(r / database_name(DATASET, "1.1.0")) for r in (second, cold))
    assert made.keys() == rebuilt.keys()
    for name in made:
        assert made[name] == rebuilt[name], name
    assert len(made["reports"]) == 8 and len(made["cells"]) > 1000


def test_a_database_of_another_schema_is_not_reused(incremental: tuple,
                                                    tmp_path: Path) -> None:
    """A previous database written by other code (here: one comment differs; a PRIMARY
    KEY, a type or a view would too) is not copied: the new one is built cold."""
    from pipelines.release.database import _reusable

    first, second, _ = incremental
    copy = tmp_path / "1.0.0"
    shutil.copytree(first, copy)
    old = copy / database_name(DATASET, "1.0.0")
    with duckdb.connect(str(old)) as con:
        con.execute("COMMENT ON TABLE reports IS 'another'")
    assert _reusable(second, copy, DATASET) is None
    old.unlink()
    assert _reusable(second, copy, DATASET) is None
    assert _reusable(second, None, DATASET) is None


def test_a_database_is_reused_only_when_less_than_half_changed(incremental: tuple,
                                                               monkeypatch) -> None:
    from pipelines.release import database

    first, second, _ = incremental
    monkeypatch.setattr(database, "REUSE_SHARE", 0.0)
    assert database._reusable(second, first, DATASET) is None


def test_keys_are_named_in_the_table_comments_not_indexed(database) -> None:
    comment = database.sql("SELECT comment FROM duckdb_tables() WHERE table_name = 'cells'"
                           ).fetchall()[0][0]
    assert comment.endswith(" Key: (report_id, cell_id).")
    assert database.sql("SELECT count(*) FROM duckdb_constraints() "
                        "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')").fetchall() == [(0,)]
    assert database.sql("SELECT count(*) FROM duckdb_indexes()").fetchall() == [(0,)]
