"""The single-file database: `<dataset>-<version>.duckdb` beside a release's files.

Belongs here: loading a release's Parquet parts into one DuckDB file with every table
typed as published (NOT NULL where a field is required, the primary key declared), a
comment on every table and column from the resources (the same words as the data
dictionary), and views that answer the common questions without a join:

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
one that fails is removed whole, its database with it.

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
from pathlib import Path

import duckdb

from pipelines.parts import files_of
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
PLACE = ("agency", "agency_id", "level", "province", "prefecture", "county", "division_code")


def database_name(dataset: str, version: str) -> str:
    return f"{dataset}-{version}.duckdb"


def write_database(release: Path, dataset: str, version: str) -> Path:
    """Write the release's database; written under a temporary name and renamed, so that
    a build that fails leaves no half database."""
    target = Path(release) / database_name(dataset, version)
    partial = target.with_suffix(".duckdb.tmp")
    partial.unlink(missing_ok=True)
    with duckdb.connect(str(partial)) as con:
        con.execute("SET preserve_insertion_order = true")  # tables stay in key order
        for resource in resources().values():
            _load(con, resource, files_of(Path(release) / "data", resource.name, "parquet"))
        for name, sql in views().items():
            con.execute(f'CREATE VIEW "{name}" AS {sql}')
            con.execute(f"COMMENT ON VIEW \"{name}\" IS {_quote(VIEW_COMMENTS[name])}")
        con.execute("CHECKPOINT")
    os.replace(partial, target)
    target.chmod(0o644)
    return target


def _load(con: duckdb.DuckDBPyConnection, resource: Resource, paths: list[Path]) -> None:
    name = resource.name
    columns = [_column(f) for f in resource.fields]
    if resource.primary_key:
        columns.append(f"PRIMARY KEY ({', '.join(_ident(k) for k in resource.primary_key)})")
    con.execute(f"CREATE TABLE {_ident(name)} ({', '.join(columns)})")
    if paths:
        names = ", ".join(_ident(f.name) for f in resource.fields)
        files = ", ".join(_quote(str(p)) for p in paths)
        con.execute(f"INSERT INTO {_ident(name)} SELECT {names} FROM "
                    f"read_parquet([{files}], hive_partitioning = false)")
    con.execute(f"COMMENT ON TABLE {_ident(name)} IS "
                f"{_quote(f'{resource.title}: {resource.description}')}")
    for f in resource.fields:
        con.execute(f"COMMENT ON COLUMN {_ident(name)}.{_ident(f.name)} IS {_quote(_comment(f))}")


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
