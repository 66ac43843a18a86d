"""The single-file database: `<dataset>-<version>.duckdb` beside a release's files.

Belongs here: loading a release's Parquet parts into one DuckDB file with every table
typed as published (NOT NULL where a field is required; the key named in the table's
comment, not enforced by an index), a comment on every table and column from the
resources (the same words as the data dictionary), and views that answer the common
questions without a join:

- `report_summary`: one row per report with agency, level, region, year and the headline
  numbers of tables 三 and 四;
- `t3_by_agency`: table 三 with the agency's name, level, province and the year;
- `totals_by_year_level`, `totals_by_year_province`: reports, published reports and the
  headline numbers summed by year × level and year × province;
- `sections_by_agency`: the reports' own words (`sections`) with the agency's name, level,
  province and the year, searched with ILIKE (`text` is in simplified characters, so a
  search in simplified characters finds reports printed in traditional ones too).

No full-text index: DuckDB's `fts` extension is not inside the duckdb wheel (only parquet,
json and icu are built in; `LOAD fts` needs `INSTALL fts`, a download) and nothing may be
downloaded when a release is built or read; its tokenizer would not segment Chinese words
either. A release's sections are small enough for a scan (ILIKE over every section).

The database is made from the release's published Parquet files (never from anything
else), so it holds exactly what the release holds; the release is validated after, and
one that fails is removed whole, its database with it. When only some parts (report
years) changed since the previous release, the previous release's database is copied and
only those parts' rows replaced, from this release's Parquet files of those parts: the
same data, tables, comments and views as a cold build (tests/release/test_database.py
compares them), the changed parts' rows last in their tables.

The file is not byte-reproducible, and cannot be made so from here: DuckDB (2.0.1) writes
a random 16-byte database identifier into the main header of every new file (bytes
124-139, which tie a write-ahead log to its database), and the header's checksum (bytes
0-7) with it. Everything else (every table, comment and view, in the blocks after the
header) is the same bytes for the same release, which tests/release/test_database.py
checks; no setting chooses the identifier, and rewriting it would forge DuckDB's own
checksum. So the database is in no checksum list and not in the zip: the data files stay
the reference.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb

from pipelines.parts import UNKNOWN, files_of, ordered, parquet_file, parts_in, read_descriptor
from pipelines.release.verify import declared_parts
from schemas.resources import Field, Resource, resources

DUCKDB_TYPES = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE",
                "boolean": "BOOLEAN"}
# The headline numbers of a report: (column of report_summary, wide table, row, column).
HEADLINES = (
    ("new_requests", "t3_requests", "new_received", "total"),
    ("carried_over_requests", "t3_requests", "carried_over", "total"),
    ("requests_granted", "t3_requests", "granted", "total"),
    ("requests_concluded", "t3_requests", "results_total", "total"),
    ("admin_reviews", "t4_reviews", "admin_review", "total"),
    ("lawsuits_direct", "t4_reviews", "litigation_direct", "total"),
    ("lawsuits_after_review", "t4_reviews", "litigation_after_review", "total"),
)
# The database is made from the previous release's when the changed parts hold at most
# this share of the Parquet bytes: copying a file costs far less a byte than loading it.
REUSE_SHARE = 0.5
# DuckDB's buffer pool may take 80% of the machine's memory by default; loading the parts
# streams, so a small pool costs little time (10,000 reports: 344 MiB above the process
# -> 239 MiB, 32 s -> 34 s) and keeps the step's memory from growing with the release.
_CONFIG = {"memory_limit": "256MB"}
PLACE = ("agency", "agency_id", "level", "province", "prefecture", "county", "division_code")


def database_name(dataset: str, version: str) -> str:
    return f"{dataset}-{version}.duckdb"


def write_database(release: Path, dataset: str, version: str,
                   previous: Path | None = None) -> Path:
    """Write the release's database; written under a temporary name and renamed, so that
    a build that fails leaves no half database. With the `previous` release, its database
    is copied and only the changed parts' rows replaced when that is cheaper (`_reusable`);
    otherwise every table is loaded from the Parquet parts."""
    release = Path(release)
    target = release / database_name(dataset, version)
    partial = target.with_suffix(".duckdb.tmp")
    partial.unlink(missing_ok=True)
    reuse = _reusable(release, previous, dataset)
    if reuse is None:
        _write_cold(release, partial)
    else:
        _write_from(release, partial, *reuse)
    os.replace(partial, target)
    target.chmod(0o644)
    return target


def _write_cold(release: Path, path: Path) -> None:
    with duckdb.connect(str(path), config=_CONFIG) as con:
        con.execute("SET preserve_insertion_order = true")  # tables stay in key order
        _create(con)
        for resource in resources().values():
            _insert(con, resource.name,
                    files_of(release / "data", resource.name, "parquet"))
        con.execute("CHECKPOINT")


def _create(con: duckdb.DuckDBPyConnection) -> None:
    """Every table (empty), its comments, and the views: the database's whole schema."""
    for resource in resources().values():
        _create_table(con, resource)
    for name, sql in views().items():
        con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute(f"COMMENT ON VIEW \"{name}\" IS {_quote(VIEW_COMMENTS[name])}")


def _create_table(con: duckdb.DuckDBPyConnection, resource: Resource) -> None:
    """A table typed as published. Its key is declared in its comment, not as a PRIMARY
    KEY: DuckDB would build an ART index over every key (2.6 GB against 22 MB of Parquet
    at 100,000 reports, most of the database step's time), and the keys are checked when
    the release is validated (datapackage.json declares them as primaryKey)."""
    name = resource.name
    columns = ", ".join(_column(f) for f in resource.fields)
    con.execute(f"CREATE TABLE {_ident(name)} ({columns})")
    comment = f"{resource.title}: {resource.description}"
    if resource.primary_key:
        comment += f" Key: ({', '.join(resource.primary_key)})."
    con.execute(f"COMMENT ON TABLE {_ident(name)} IS {_quote(comment)}")
    for f in resource.fields:
        con.execute(f"COMMENT ON COLUMN {_ident(name)}.{_ident(f.name)} IS {_quote(_comment(f))}")


def _insert(con: duckdb.DuckDBPyConnection, name: str, paths: list[Path]) -> None:
    """A table's rows from Parquet files, by DuckDB's own reader."""
    if not paths:
        return
    names = ", ".join(_ident(f.name) for f in resources()[name].fields)
    files = ", ".join(_quote(str(p)) for p in paths)
    con.execute(f"INSERT INTO {_ident(name)} SELECT {names} FROM "
                f"read_parquet([{files}], hive_partitioning = false)")


def _write_from(release: Path, path: Path, old: Path, changed: list[str]) -> None:
    """The previous database copied, the rows of the `changed` parts deleted (found by
    their report's year in the old `reports`; every row's part is its report's) and this
    release's files of those parts inserted. Same data as a cold build; the changed parts'
    rows come last in their tables rather than in key order (SQL promises no order without
    ORDER BY; every view orders its rows)."""
    shutil.copyfile(old, path)
    if not changed:
        return
    data = release / "data"
    years = [int(p) for p in changed if p != UNKNOWN]
    where = " OR ".join(
        ([f"report_year IN ({', '.join(map(str, years))})"] if years else [])
        + (["report_year IS NULL"] if UNKNOWN in changed else []))
    with duckdb.connect(str(path), config=_CONFIG) as con:
        con.execute("SET preserve_insertion_order = true")
        con.execute("BEGIN")
        con.execute(f"CREATE TEMP TABLE gone AS SELECT report_id FROM reports WHERE {where}")
        for name in resources():
            if name != "reports":  # the others' rows go by their report's part
                con.execute(f"DELETE FROM {_ident(name)} "
                            "WHERE report_id IN (SELECT report_id FROM gone)")
        con.execute(f"DELETE FROM reports WHERE {where}")
        for name in resources():
            parts = set(parts_in(data, name))
            _insert(con, name, [data / parquet_file(name, p) for p in changed if p in parts])
        con.execute("DROP TABLE gone")
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def _reusable(release: Path, previous: Path | None, dataset: str
              ) -> tuple[Path, list[str]] | None:
    """The previous release's database and the parts that changed since (a part whose
    Parquet file of some table has another sha256, or that only one release has), when
    copying it and replacing those parts is cheaper than loading every part: the changed
    parts hold at most REUSE_SHARE of the Parquet bytes, and its schema is exactly the one
    this code writes (tables, types, comments, views), so the result is a cold build's."""
    if previous is None:
        return None
    old = Path(previous) / database_name(dataset, Path(previous).name)
    if not old.is_file() or not (release / "datapackage.json").is_file():
        return None
    before, after = (_parquet_parts(r) for r in (Path(previous), release))
    if before is None or after is None or set(before) != set(after):
        return None
    changed: set[str] = set()
    for name in after:
        for part in set(before[name]) | set(after[name]):
            if before[name].get(part) != after[name].get(part):
                changed.add(part)
    total = sum(size for parts in after.values() for _, size in parts.values())
    made = sum(size for parts in after.values() for part, (_, size) in parts.items()
               if part in changed)
    if made > REUSE_SHARE * total or _schema_of(old) != _schema_of(None):
        return None
    return old, ordered(changed)


def _parquet_parts(release: Path) -> dict[str, dict[str, tuple[str, int]]] | None:
    """Each table's parts as its descriptor declares them: part → (sha256, bytes) of the
    Parquet file; None when a descriptor does not declare them."""
    try:
        declared = read_descriptor(release)
        return {entry["name"]: {p["part"]: (p["parquet"]["hash"], p["parquet"]["bytes"])
                                for p in declared_parts(entry)}
                for entry in declared["resources"]}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _schema_of(path: Path | None) -> list[tuple]:
    """A database's tables, columns, comments and views (None: the schema this code
    writes, made in memory)."""
    con = duckdb.connect(str(path) if path else ":memory:", read_only=path is not None)
    with con:
        if path is None:
            _create(con)
        return [*con.sql("SELECT table_name, sql, comment FROM duckdb_tables() "
                         "ORDER BY ALL").fetchall(),
                *con.sql("SELECT table_name, column_name, column_index, data_type, "
                         "is_nullable, comment FROM duckdb_columns() ORDER BY ALL").fetchall(),
                *con.sql("SELECT view_name, sql, comment FROM duckdb_views() "
                         "WHERE NOT internal ORDER BY ALL").fetchall()]


def _column(f: Field) -> str:
    return f"{_ident(f.name)} {DUCKDB_TYPES[f.type]}{' NOT NULL' if f.required else ''}"


def _comment(f: Field) -> str:
    unit = f" ({f.unit})" if f.unit else ""
    return f"{f.title}{unit}: {f.description}"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


VIEW_COMMENTS = {
    "report_summary": "One row per report: agency, level, region, year, status and the "
                      "headline numbers of tables 三 and 四 (null when not printed or not read).",
    "t3_by_agency": "Table 三 with the agency's name, level, province and the report year.",
    "totals_by_year_level": "Reports, published reports and headline numbers summed by "
                            "report year and agency level.",
    "totals_by_year_province": "Reports, published reports and headline numbers summed by "
                               "report year and province.",
    "sections_by_agency": "The reports' own words, one row per report and section, with the "
                          "agency's name, level, province and the report year: search the "
                          "text with ILIKE (simplified characters).",
}


def views() -> dict[str, str]:
    """Each view's SQL, from HEADLINES and PLACE."""
    picks = ",\n  ".join(
        f"max({_ident(column)}) FILTER (WHERE w.\"row\" = {_quote(row)} AND w.source = "
        f"{_quote(table)}) AS {_ident(name)}" for name, table, row, column in HEADLINES)
    wide = " UNION ALL ".join(
        f"SELECT {_quote(table)} AS source, report_id, \"row\", total FROM {_ident(table)}"
        for table in sorted({t for _, t, _, _ in HEADLINES}))
    place = ", ".join(f"r.{_ident(c)}" for c in PLACE)
    summary = (f"SELECT r.report_id, r.report_year, {place}, r.format_version, r.status, "
               f"r.published,\n  {picks}\nFROM reports r LEFT JOIN ({wide}) w "
               "USING (report_id)\nGROUP BY ALL ORDER BY r.report_id")
    sums = ", ".join(f"sum({_ident(name)}) AS {_ident(name)}" for name, *_ in HEADLINES)
    totals = ("SELECT report_year, {key}, count(*) AS reports, "
              "count(*) FILTER (WHERE published) AS published_reports, " + sums +
              " FROM report_summary GROUP BY ALL ORDER BY ALL")
    t3 = ("SELECT t.*, r.agency, r.province FROM t3_requests t "
          "JOIN reports r USING (report_id) ORDER BY t.report_id, t.\"row\"")
    sections = ("SELECT s.report_id, r.report_year, r.agency, r.level, r.province, "
                "s.section, s.part, s.heading, s.text, s.text_original FROM sections s "
                "JOIN reports r USING (report_id) ORDER BY s.report_id, s.section")
    return {"report_summary": summary, "t3_by_agency": t3,
            "totals_by_year_level": totals.format(key="level"),
            "totals_by_year_province": totals.format(key="province"),
            "sections_by_agency": sections}
