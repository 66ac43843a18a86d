"""A release's documentation, generated: the data dictionary (CSV and Markdown) from the
template and the resources, and the bilingual README with the release's own figures."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq

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
    reports = pq.read_table(release / "data" / "reports.parquet",
                            columns=["published", "status", "report_year", "also_found_as"]
                            ).to_pandas()
    failing = pq.read_table(release / "data" / "checks.parquet", columns=["report_id"],
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

Every resource is a CSV (UTF-8 with a byte-order mark, so Excel shows Chinese correctly) and
a Parquet file with identical content; `datapackage.json` lists each with its size and
sha256, and `<dataset>-{version}.zip` holds the whole release.

```python
import pyarrow.parquet as pq
cells = pd.read_parquet("data/cells.parquet")          # or pd.read_csv("data/cells.csv")
```

```r
cells <- arrow::read_parquet("data/cells.parquet")     # or readr::read_csv("data/cells.csv")
```

```sql
-- DuckDB
SELECT * FROM 'data/t3_requests.parquet' WHERE "row" = 'new_received';
```

### Known limits

- Only what the tables print: narrative sections are not extracted.
- Page text whose cell separators were lost is split only where the identities force one
  split; other cells are null and flagged `ambiguous_digits`. Table 二 has no identities.
- Scans and table images are read by OCR (rendering `scan` or `image`); their checks say
  `source: ocr`, and a number the identities do not vouch for is null and flagged
  `ocr_uncertain`. Images of tables without ruling lines, XLSX and OFD are not read; they
  are listed in `reports` with the reason.

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
