"""A release's documentation, generated: the data dictionary (CSV and Markdown) from the
template and the resources, and the bilingual README with the release's own figures."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipelines.parts import read_parquet
from pipelines.release.changelog import Changes, summary
from schemas.identities import identities
from schemas.resources import resources
from schemas.template import load_template
from schemas.vocabulary import CHECK_STATUSES, FLAG_CODES

DICTIONARY_FIELDS = ["kind", "table", "name", "title_zh", "type", "unit", "format_version",
                     "description"]


def dictionary_rows() -> list[dict]:
    """Every published field, every statutory cell per version, every identity."""
    rows = [{"kind": "field", "table": r.name, "name": f.name, "title_zh": f.title,
             "type": f.type, "unit": f.unit or "", "format_version": "",
             "description": f.description}
            for r in resources().values() for f in r.fields]
    template = load_template()
    for vid, version in template.versions.items():
        rows += [{"kind": "cell", "table": c.table, "name": c.id,
                  "title_zh": f"{c.row.label} / {c.column.label}", "type": c.column.value_type.id,
                  "unit": c.column.value_type.unit or "", "format_version": vid,
                  "description": f"{c.row.en}: {c.column.en}"} for c in version.cells]
        rows += [{"kind": "identity", "table": i.table, "name": i.id, "title_zh": i.text,
                  "type": i.kind, "unit": "", "format_version": vid,
                  "description": f"{' + '.join(i.lhs)} == {' + '.join(i.rhs)}"}
                 for i in identities(vid)]
    return rows


def _dictionary_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, DICTIONARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")  # BOM: Excel reads UTF-8


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _dictionary_md(rows: list[dict]) -> str:
    out = ["# Data dictionary / 数据字典", ""]
    titles = {"field": "Fields of the published tables / 发布表字段",
              "cell": "Statutory cells / 法定表格单元格",
              "identity": "Identities checked / 勾稽关系"}
    for kind, title in titles.items():
        out += [f"## {title}", "", "| " + " | ".join(DICTIONARY_FIELDS[1:]) + " |",
                "|" + "---|" * (len(DICTIONARY_FIELDS) - 1)]
        out += ["| " + " | ".join(_md_cell(r[k]) for k in DICTIONARY_FIELDS[1:]) + " |"
                for r in rows if r["kind"] == kind]
        out.append("")
    return "\n".join(out)


def write_dictionary(release: Path) -> None:
    rows = dictionary_rows()
    (release / "data-dictionary.csv").write_bytes(_dictionary_csv(rows))
    (release / "data-dictionary.md").write_text(_dictionary_md(rows), encoding="utf-8")


def _figures(release: Path) -> dict:
    # Only the rows and columns needed, from Parquet: the checks table has millions of rows.
    reports = read_parquet(release / "data", "reports",
                           columns=["published", "status", "report_year", "also_found_as"]
                           ).to_pandas()
    failing = read_parquet(release / "data", "checks", columns=["report_id"],
                           filters=[("status", "==", "fail")]).column("report_id")
    also = reports["also_found_as"].dropna().astype(str)
    duplicates = int(also.str.split(" | ", regex=False).str.len().sum())
    statuses = reports["status"].value_counts()
    years = reports["report_year"].dropna().astype(int).value_counts().sort_index()
    return {"files": len(reports) + duplicates, "published": int(reports["published"].sum()),
            "statuses": ", ".join(f"{k} {v}" for k, v in statuses.items()),
            "years": ", ".join(f"{k}: {v}" for k, v in years.items()),
            "failing": len(failing.unique())}


README = """# {title}

Version {version}, created {created}. {changes}

## 中文说明

本数据集收录中国各级行政机关依《中华人民共和国政府信息公开条例》第四十九条、第五十条发布的
《政府信息公开工作年度报告》中的法定表格：表二（主动公开政府信息情况）、表三（收到和处理政府
信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况），按国办公开办函〔2019〕60号
（2019、2020年度）和国办公开办函〔2021〕30号（2021年度起）规定的格式识别。

本版收录 {files} 个文件，其中 {published} 份报告的数据已发布。每个单元格都保留原文与印刷状态：
空白、“-”、“/”、“无”不等于 0，均发布为空值；无法确定的数字一律为空值并附标记（flags）。
`checks` 表列出每份报告表格自身的勾稽关系是否成立：不成立是对报告本身的发现，数据按原样发布。

## English

This release holds the statutory tables of the annual reports on government information
disclosure that Chinese agencies publish under articles 49-50 of the Regulations on the
Disclosure of Government Information: table 二 (proactive disclosure), table 三 (requests
received and processed, by applicant and outcome) and table 四 (administrative reviews and
lawsuits), recognised in the 2019 format (reports for 2019-2020) and the 2021 format (2021 on).

{files} input files; {published} reports published. Status: {statuses}. Report years: {years}.
{failing} reports have at least one identity that fails as printed.

### How the tables map to the printed report

- `cells`: one row per report and statutory cell, with the printed text (`raw_text`), its
  state (number, blank, dash, slash, none_word, unreadable, ambiguous, missing), the unit
  printed, and where in the source file it was read. Cell ids are `<table>.<row>.<column>`,
  e.g. `t3.new_received.natural_person`; `data-dictionary.csv` gives each id's printed label.
- `t2_proactive`, `t3_requests`, `t4_reviews`: the three tables as printed, one row per report
  and printed row (table 四: one row per group: review, direct lawsuit, lawsuit after review).
- `reports`: one row per input file, published or not, with the reason.
- `checks`: every identity per report: {check_statuses}.
- `flags`: what was seen while reading ({n_flags} stable codes, listed in the project README).
- Amounts are in 万元 (10,000 CNY), converted from 元 where the cell printed 元.

### Files

Every resource is published in parts by report year, each part as a CSV (UTF-8 with a
byte-order mark, so Excel shows Chinese correctly) and a Parquet file with identical
content: `data/cells/cells-2020.csv` and `data/cells/report_year=2020/cells-2020.parquet`
(reports whose year is unknown: `cells-unknown.csv`, `report_year=__HIVE_DEFAULT_PARTITION__`).
Every CSV part has its header, so one year is a CSV file of its own; `datapackage.json`
lists every part with its rows, size and sha256 (`ogi:parts`), and the CSV parts as one
multipart resource (`path` is a list). `<dataset>-{version}-<year>.zip` holds one year's
parts of every table, `<dataset>-{version}.zip` the whole release. The wide tables
(`t2_proactive`, `t3_requests`, `t4_reviews`) carry `report_year`, `agency_id`, `level`
and `division_code`: questions by year, agency or region need no join.

```python
import pandas as pd
t3 = pd.read_parquet("data/t3_requests", partitioning=None)   # every year
t3_2020 = pd.read_csv("data/t3_requests/t3_requests-2020.csv")
```

```r
t3 <- arrow::open_dataset("data/t3_requests") |> dplyr::collect()
```

```sql
-- DuckDB: one glob reads every part; hive partitioning adds report_year to every table
SELECT report_year, level, sum(total) AS new_requests
FROM read_parquet('data/t3_requests/*/*.parquet')
WHERE "row" = 'new_received' GROUP BY ALL ORDER BY ALL;
```

### Database

`{dataset}-{version}.duckdb` holds every table in one file, typed as published, each
column commented from the data dictionary, with views that need no join:
`report_summary` (one row per report: agency, level, region, year, headline numbers),
`t3_by_agency` (table 三 with agency and year), `totals_by_year_level` and
`totals_by_year_province`. Open it with the DuckDB CLI (`duckdb {dataset}-{version}.duckdb`)
or in Python (`duckdb.connect("{dataset}-{version}.duckdb", read_only=True)`). It is made
from this release's Parquet files; DuckDB's format is not byte-reproducible, so it is not
among the checksums of `datapackage.json` nor in the whole zip.

```sql
-- New requests by year and agency level, without a join
SELECT report_year, level, reports, new_requests FROM totals_by_year_level ORDER BY ALL;
-- One row per report with its agency and headline numbers
SELECT agency, province, report_year, new_requests, admin_reviews
FROM report_summary WHERE published ORDER BY ALL;
```

### Known limits

- Only what the tables print: narrative sections are not extracted.
- Page text whose cell separators were lost is split only where the identities force one
  split; other cells are null and flagged `ambiguous_digits`. Table 二 has no identities.
- Scanned PDFs (no text layer), XLSX, OFD and images are not read; they are listed in
  `reports` with the reason.

### Licence and citation

Data: Creative Commons Attribution 4.0 (CC-BY-4.0). The reports are official documents of
administrative nature, which article 5 of the Copyright Law of the PRC leaves outside
copyright; CC-BY asks only that users credit this dataset, which keeps the provenance of
every number traceable, and allows any reuse, commercial included.

Cite as: China government information disclosure annual reports dataset, version {version}
({created}), {dataset}.
"""


def write_readme(release: Path, descriptor: dict, changes: Changes) -> None:
    figures = _figures(release)
    text = README.format(
        title=descriptor["title"], version=descriptor["version"], created=descriptor["created"],
        dataset=descriptor["name"], changes=summary(changes), n_flags=len(FLAG_CODES),
        check_statuses="; ".join(f"`{k}`: {v}" for k, v in CHECK_STATUSES.items()),
        **figures)
    (release / "README.md").write_text(text, encoding="utf-8")
