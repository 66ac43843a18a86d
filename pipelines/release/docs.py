"""A release's documentation, generated: the data dictionary (CSV and Markdown) and the
bilingual README with the release's own figures.

What belongs here: text a user reads to understand a release without anything else in
hand. The dictionary is derived, never retyped: fields from `schemas/resources.py`,
statutory cells, rows and identities (the cross-year and roll-up `soft` ones included) from the
template, every allowed value (enum) with its meaning in Chinese and English from
`schemas/vocabulary.py`, the kinds of change from the changelog. The numbers come from
`pipelines/release/counts.py`, as on every other surface of the release. The README's
code blocks are run verbatim by tests/release/test_docs.py.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipelines.parts import read_parquet
from pipelines.release.changelog import CHANGE_FIELDS, CHANGE_KINDS, Changes, summary
from pipelines.release.counts import DEFINITIONS, Counts
from pipelines.stage import FORMULA_GUARD
from schemas.identities import cross_year_identities, identities, roll_up_identities
from schemas.resources import resources
from schemas.statements import CHECK_PREFIX, load_statements
from schemas.template import load_template
from schemas.vocabulary import MEANINGS_ZH, VOCABULARIES

DICTIONARY_FIELDS = ["kind", "table", "name", "title_zh", "type", "unit", "format_version",
                     "description"]
# Sections of data-dictionary.md, in order: kind -> (Chinese, English) title.
SECTIONS = {
    "field": ("发布表字段", "Fields of the published tables"),
    "value": ("取值及其含义（标记代码、状态、层级等）",
              "Allowed values and their meaning (flag codes, states, levels...)"),
    "row": ("法定表格的行", "Rows of the statutory tables"),
    "cell": ("法定表格单元格", "Statutory cells"),
    "identity": ("勾稽关系（含跨年度与汇总的 soft 校验）",
                 "Identities checked (cross-year and roll-up soft ones included)"),
    "change": ("变更类型（changes.csv）", "Kinds of change (changes.csv)"),
    "statement": ("正文数字核对（checks 中 text 类）",
                  "Text statements checked (kind text in checks)"),
}


def _row(kind: str, table: str, name: str, zh: str, description: str, **more: str) -> dict:
    return {"kind": kind, "table": table, "name": name, "title_zh": zh,
            "description": description, "type": "", "unit": "", "format_version": "", **more}


def _value_rows() -> list[dict]:
    """Every code of every vocabulary with its meaning, named by the fields holding it."""
    fields = [(f"{r.name}.{f.name}", f.enum) for r in resources().values() for f in r.fields
              if f.enum]
    rows = []
    for vocabulary, meanings in VOCABULARIES.items():
        used = " ".join(name for name, enum in fields if enum and set(enum) <= set(meanings)
                        and set(enum) & set(meanings)) or vocabulary
        rows += [_row("value", used, code, MEANINGS_ZH[vocabulary].get(code, ""), meaning,
                      type=vocabulary) for code, meaning in meanings.items()]
    return rows


_RELATIONS = {"equal": "==", "at_least": ">="}


def _template_rows() -> list[dict]:
    """Rows, cells and identities of each format version, from the template."""
    rows: list[dict] = []
    for vid, version in load_template().versions.items():
        rows += [_row("row", f"{table}", r.id, r.label, r.en, format_version=vid)
                 for table, t in version.tables.items() for r in t.data_rows]
        rows += [_row("cell", c.table, c.id, f"{c.row.label} / {c.column.label}",
                      f"{c.row.en}: {c.column.en}", type=c.column.value_type.id,
                      unit=c.column.value_type.unit or "", format_version=vid)
                 for c in version.cells]
        rows += [_row("identity", i.table, i.id, i.text,
                      f"{' + '.join(i.lhs)} {_RELATIONS[i.relation]} {' + '.join(i.rhs)}",
                      type=i.kind, format_version=vid)
                 for i in (*identities(vid), *cross_year_identities(vid),
                           *roll_up_identities(vid))]
    return rows


def dictionary_rows() -> list[dict]:
    """Every published field, allowed value, statutory row and cell per version, identity
    and kind of change."""
    rows = [_row("field", r.name, f.name, f.title, f.description, type=f.type,
                 unit=f.unit or "") for r in resources().values() for f in r.fields]
    rows += _value_rows() + _template_rows() + statement_rows()
    rows += [_row("change", "changes.csv", kind, zh, en, type="change")
             for kind, (zh, en) in CHANGE_KINDS.items()]
    return rows


def statement_rows() -> list[dict]:
    """The text statements checked (kind `text` in `checks`): the cells each speaks of."""
    return [{"kind": "statement", "table": s.table, "name": CHECK_PREFIX + s.id,
             "title_zh": s.example, "type": "text",
             "unit": "", "format_version": vid,
             "description": f"the number the text states == {' + '.join(cells)}"}
            for s in load_statements().statements for vid, cells in s.cells_by_version.items()]


TEXT_CHECKS_ZH = """- `checks` 中的 `text` 类：报告正文所述数字（收到申请75件、行政复议2件……）与其
  对应单元格（或单元格之和）的比对，给出两个数字、原句（`statement`）及其位置
  （`source_ref`）。不一致是对报告的发现，标记 `text_disagrees`，表格按原样发布；
  每项不成立的校验都有 `likely_cause`：`as_printed`（按原样印刷）或 `reading`
  （单元格由我们的读取重建）。
- `sections`：报告正文按章节发布（印刷的标题、顺序、简体文本及原文）。"""

TEXT_CHECKS = """- `checks` of kind `text`: a number the report's text states (收到申请75件,
  行政复议2件…) against the cell, or sum of cells, it speaks of: both numbers, the
  sentence (`statement`) and its line (`source_ref`). A fail is a finding about the report, flagged
  `text_disagrees`; the table is published as printed. Every failing check has a
  `likely_cause`: `as_printed`, or `reading` when a cell was reconstructed by our reading.
- `sections`: the reports' text by section (heading as printed, order, text in simplified
  characters and as printed)."""


def _dictionary_csv(rows: list[dict]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, DICTIONARY_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")  # BOM: Excel reads UTF-8


def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _dictionary_md(rows: list[dict]) -> str:
    out = ["# 数据字典 / Data dictionary", "",
           "每个字段、取值（含全部标记代码）、法定行与单元格、勾稽关系和变更类型，中英文说明。",
           "Every field, allowed value (every flag code included), statutory row and cell, "
           "identity and kind of change, explained in Chinese and English. "
           f"`changes.csv` has the columns {', '.join(CHANGE_FIELDS)}.", "",
           "CSV 中以 `=`、`+`、`-`、`@`、制表符或回车开头的文本（纯数字除外）前加 "
           f"`{FORMULA_GUARD}`，以免电子表格将其当作公式执行；Parquet 文件保留原文。 "
           "In the CSV files a text value that begins with `=`, `+`, `-`, `@`, a tab or a "
           f"carriage return (and is not a plain number) is prefixed with `{FORMULA_GUARD}`, "
           "so that no spreadsheet runs it as a formula; the Parquet files hold the text "
           "as it was.", ""]
    for kind, (zh, en) in SECTIONS.items():
        out += [f"## {zh} / {en}", "", "| " + " | ".join(DICTIONARY_FIELDS[1:]) + " |",
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
    years = read_parquet(release / "data", "reports", columns=["report_year"],
                         filters=[("published", "==", True)]).column("report_year")
    failing = read_parquet(release / "data", "checks", columns=["report_id"],
                           filters=[("status", "==", "fail")]).column("report_id")
    per_year = years.to_pandas().dropna().astype(int).value_counts().sort_index()
    return {"years": ", ".join(f"{k}: {v}" for k, v in per_year.items()) or "—",
            "failing": len(failing.unique())}


README = """# {title}

Version {version}, created {created}.

{changes}

## 数量 / Counts

{counts_table}

已发布报告的报告年度 / Published reports by report year: {years}.
{failing} 份报告至少有一项勾稽关系按所印数字不成立 / reports have at least one identity
that fails as printed.

## 中文说明

### 数据内容

本数据集收录中国各级行政机关依《中华人民共和国政府信息公开条例》第四十九条、第五十条发布的
《政府信息公开工作年度报告》中的法定表格：表二（主动公开政府信息情况）、表三（收到和处理政府
信息公开申请情况）、表四（政府信息公开行政复议、行政诉讼情况），按国办公开办函〔2019〕60号
（2019、2020年度）和国办公开办函〔2021〕30号（2021年度起）规定的格式识别。

### 各表与印刷报告的对应

- `cells`：每份报告的每个法定单元格一行，含原文（`raw_text`）、印刷状态、所印单位及在源文件
  中的位置。单元格编号为 `<表>.<行>.<列>`，如 `t3.new_received.natural_person`；
  `data-dictionary.md` 给出每个编号的印刷标签。
- `t2_proactive`、`t3_requests`、`t4_reviews`：按印刷样式排列的三张表，每份报告每行一行
  （表四每组一行：行政复议、未经复议直接起诉、复议后起诉）。
- `reports`：每个不同的输入文件一行，无论是否发布，均写明原因；`source_url` 为来源网址（所读文件），
  `page_url` 为发现该报告的报告页面（页面只包装附件时读附件，每个条目只读一个文件），
  `sha256` 为原始文件在原始档案中的名称，`also_found_as` 列出内容相同的其他文件。
- `checks`：每份报告的每项勾稽关系：成立（pass）、不成立（fail，对报告本身的发现）、
  无法校验（not_evaluable，有空值）；另有跨年度的 soft 校验（Y 年“上年结转”应等于同一
  机关 Y−1 年“结转下年度继续办理”），不成立只是提示。
- `checks` 中的汇总校验（`rollup_t3_*`，soft 类）：同年既有本级政府（省、市、县）报告又有
  其部门报告时，政府报告表三的总计应不少于所找到各部门总计之和（政府报告还含本级政府自身、
  乡镇及未发布报告的部门）；`note` 写明覆盖情况：找到几个部门、加总了几个及其报告编号。
  只按已解析的行政区划和层级配对（部门与政府解析到同一区划，且政府正是该区划的政府），
  从不猜测；不成立只是提示。
{text_checks_zh}
- `flags`：读取时发现的情况，每个标记代码的含义见 `data-dictionary.md`“取值及其含义”。

### 空值与单位

空白、“-”、“/”、“无”不等于 0，均发布为空值，其印刷状态保留在 `cells.state`；
无法确定的数字一律为空值并附标记，原文保留。金额单位为万元；印为“元”的金额已换算，
原单位记在 `cells.unit`。勾稽关系不成立时数据按原样发布，从不更正。

CSV 公式防护：电子表格会把以 `=`、`+`、`-`、`@`、制表符或回车开头的单元格当作公式执行，
而文件名、机关名称和原文来自外部。CSV 文件中这样的文本前加单引号 `{guard}`（`-18` 这样的
纯数字或单独的横线除外）；数值字段从不改动，Parquet 文件保留原文。

### 已知局限

- 正文只核对常见的数字表述（见 `checks` 的 `text` 类）；正文全文按章节发布在 `sections`。
- 单元格分隔符丢失的网页文本，只有在勾稽关系唯一确定拆分时才拆分数字，否则为空值并标记
  `ambiguous_digits`；表二没有勾稽关系。
- 浏览器打印的 PDF 中，比纸张更宽的表格在页面边缘被截断：被截断列的数字可能缺位，整列超出边缘的
  数字不在文件中，均发布为空值并标记 `cut_at_page_edge`。
- 扫描版 PDF（无文字层）、XLSX、OFD 和图片暂不读取，在 `reports` 中列出原因。

### 许可与引用

数据采用知识共享署名 4.0（CC-BY-4.0）许可。年度报告属于具有行政性质的官方文件，依《著作权法》
第五条不适用著作权保护；CC-BY 只要求注明本数据集，允许包括商业用途在内的任何再利用。
引用：中国政府信息公开工作年度报告数据集，版本 {version}（{created}），{dataset}。

## English

### What it holds

The statutory tables of the annual reports on government information disclosure that
Chinese agencies publish under articles 49-50 of the Regulations on the Disclosure of
Government Information: table 二 (proactive disclosure), table 三 (requests received and
processed, by applicant and outcome) and table 四 (administrative reviews and lawsuits),
recognised in the 2019 format (reports for 2019-2020) and the 2021 format (2021 on).

### How the tables map to the printed report

- `cells`: one row per report and statutory cell, with the printed text (`raw_text`), its
  state, the unit printed, and where in the source file it was read. Cell ids are
  `<table>.<row>.<column>`, e.g. `t3.new_received.natural_person`;
  `data-dictionary.md` gives each id's printed label.
- `t2_proactive`, `t3_requests`, `t4_reviews`: the three tables as printed, one row per
  report and printed row (table 四: one row per group: review, direct lawsuit, lawsuit
  after review).
- `reports`: one row per distinct input file, published or not, with the reason;
  `source_url` is where it came from (the file read), `page_url` the report page a
  discovered report was found on (a page that only wraps an attachment has the attachment
  read: one file per entry), `sha256` names the original file in the raw
  archive, `also_found_as` lists other files with the same bytes.
- `checks`: every identity per report: `pass`, `fail` (as printed: a finding about the
  report) or `not_evaluable` (a cell is null); plus the cross-year `soft` checks (an
  agency's 上年结转 in year Y against its 结转下年度继续办理 in Y-1), where a fail is a warning.
- `checks` roll-ups (`rollup_t3_*`, kind `soft`): where a government (province, prefecture,
  county) and its departments publish reports for the same year, the government's table 三
  totals should be at least the sum of the departments' found (the government's report also
  counts its own office, its townships and departments that published nothing); the `note`
  states the coverage: departments found, summed, and their report ids. Agencies are paired
  only through the resolved division and level (a department and the government of the
  same division), never by a guess; a fail is a warning.
{text_checks}
- `flags`: what was seen while reading; every flag code's meaning is in
  `data-dictionary.md`, section "Allowed values".

### Blanks and units

A cell printed blank, `-`, `/` or `无` is null, never 0, with its printed state in
`cells.state`; a number we are not sure of is null with a flag and its printed text kept.
Amounts are in 万元 (10,000 CNY), converted from 元 where the cell printed 元 (the
printed unit is in `cells.unit`). An identity that does not add up is published as a
`fail`, never corrected.

CSV formula guard: a spreadsheet runs a cell that begins with `=`, `+`, `-`, `@`, a tab or
a carriage return as a formula, and file names, agency names and printed texts come from
outside. In the CSV files such a text value is prefixed with a single quote `{guard}`
(unless it is a plain number such as `-18`, or dashes alone); numeric fields are never
changed, and the Parquet files keep every text as it was.

### Known limits

- Of the narrative, only the common statements of the request, review and lawsuit counts
  and of table 二's documents are checked; it is published whole in `sections`.
- Page text whose cell separators were lost is split only where the identities force one
  split; other cells are null and flagged `ambiguous_digits`. Table 二 has no identities.
- A browser's PDF print of a table wider than the paper is cut at the page edge: the
  numbers of the cut column may have lost digits and columns wholly past the edge are
  not in the file; they are null and flagged `cut_at_page_edge`.
- Scans and table images are read by OCR (rendering `scan` or `image`); their checks say
  `source: ocr`, and a number the identities do not vouch for is null and flagged
  `ocr_uncertain`. Images of tables without ruling lines, XLSX and OFD are not read; they
  are listed in `reports` with the reason.

### Licence and citation

Data: Creative Commons Attribution 4.0 (CC-BY-4.0). The reports are official documents of
administrative nature, which article 5 of the Copyright Law of the PRC leaves outside
copyright; CC-BY asks only that users credit this dataset, and allows any reuse,
commercial included. Cite as: China government information disclosure annual reports
dataset, version {version} ({created}), {dataset}.

## 文件与加载 / Files and loading

每个表按报告年度分部分发布，每部分一个 CSV（带 BOM 的 UTF-8，Excel 可正确显示中文）和内容相同的
Parquet 文件：如 `data/cells/cells-2020.csv` 和 `data/cells/report_year=2020/cells-2020.parquet`
（年度不明的报告：`cells-unknown.csv`、`report_year=__HIVE_DEFAULT_PARTITION__`）。每个 CSV
部分都有表头，一个年度就是一个独立的 CSV 文件。`datapackage.json` 列出每个部分的行数、大小和
sha256（`ogi:parts`），CSV 部分合为一个多部分资源（`path` 为列表）。
`<dataset>-{version}-<年度>.zip` 包含一个年度的各表部分，`{dataset}-{version}.zip` 包含整个
版本。宽表（`t2_proactive`、`t3_requests`、`t4_reviews`）带有 `report_year`、`agency_id`、
`level` 和 `division_code`，按年度、机关或地区提问无需连接。以下代码在本目录中运行。

Every table is published in parts by report year, each part a CSV (UTF-8 with a
byte-order mark, so that Excel shows Chinese) and a Parquet file with identical content:
`data/cells/cells-2020.csv` and `data/cells/report_year=2020/cells-2020.parquet` (reports
whose year is unknown: `cells-unknown.csv`, `report_year=__HIVE_DEFAULT_PARTITION__`).
Every CSV part has its header, so one year is a CSV file of its own; `datapackage.json`
lists every part with its rows, size and sha256 (`ogi:parts`), and the CSV parts as one
multipart resource (`path` is a list). `<dataset>-{version}-<year>.zip` holds one year's
parts of every table, `{dataset}-{version}.zip` the whole release. The wide tables
(`t2_proactive`, `t3_requests`, `t4_reviews`) carry `report_year`, `agency_id`, `level`
and `division_code`: questions by year, agency or region need no join. Run the code below
in this folder.

Python (pandas, pyarrow):

```python
from pathlib import Path

import pandas as pd


def read_parts(table):  # every report year's Parquet part; one year: its CSV part
    files = sorted(Path("data", table).glob("*/*.parquet"))
    return pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)


reports = read_parts("reports")
t3 = read_parts("t3_requests")
published = reports.loc[reports["published"], "report_id"]
received = t3[(t3["row"] == "new_received") & t3["report_id"].isin(published)]
print(received.groupby("report_year")["total"].sum())  # new requests per report year
```

DuckDB (one glob reads every part):

```sql
SELECT t.report_year, sum(t.total) AS new_requests
FROM read_parquet('data/t3_requests/*/*.parquet', hive_partitioning = false) AS t
JOIN read_parquet('data/reports/*/*.parquet', hive_partitioning = false) AS r
  USING (report_id)
WHERE t."row" = 'new_received' AND r.published
GROUP BY t.report_year
ORDER BY t.report_year;
```

R (arrow):

```r
read_parts <- function(table) {{
  files <- list.files(file.path("data", table), pattern = "[.]parquet$",
                      recursive = TRUE, full.names = TRUE)
  do.call(rbind, lapply(files, function(f) as.data.frame(arrow::read_parquet(f))))
}}
reports <- read_parts("reports")
t3 <- read_parts("t3_requests")
received <- t3[t3$row == "new_received" & t3$report_id %in% reports$report_id[reports$published], ]
print(aggregate(total ~ report_year, data = received, FUN = sum))
```

### Database

`{dataset}-{version}.duckdb` 以一个文件收录每个表（类型与发布一致，每列注释取自数据字典），
并有无需连接的视图，其中 `sections_by_agency` 为报告正文连同机关与年度，用 ILIKE 以简体字检索
（DuckDB 的全文检索扩展不在其安装包内，构建时不下载任何内容，故无全文索引）。
各表主键写在表注释中（即 `datapackage.json` 的 `primaryKey`），不建索引；
表中行序不作保证，请用 ORDER BY。
/ `{dataset}-{version}.duckdb` holds every table in one file, typed as published, each
column commented from the data dictionary, with views that need no join:
`report_summary` (one row per report: agency, level, region, year, headline numbers),
`t3_by_agency` (table 三 with agency and year), `totals_by_year_level`,
`totals_by_year_province` and `sections_by_agency` (the reports' own words with agency and
year; search them with ILIKE in simplified characters: DuckDB's full-text extension is not
built into its wheel and nothing is downloaded, so there is no full-text index). Each
table's key is named in its comment (`primaryKey` in `datapackage.json`); it is not an
index, and a table's rows are in no promised order: use `ORDER BY`. Open it
with the DuckDB CLI (`duckdb {dataset}-{version}.duckdb`)
or in Python (`duckdb.connect("{dataset}-{version}.duckdb", read_only=True)`). It is made
from this release's Parquet files; DuckDB's format is not byte-reproducible, so it is not
among the checksums of `datapackage.json` nor in the whole zip.

```sql
-- New requests by year and agency level, without a join
SELECT report_year, level, reports, new_requests FROM totals_by_year_level ORDER BY ALL;
-- One row per report with its agency and headline numbers
SELECT agency, province, report_year, new_requests, admin_reviews
FROM report_summary WHERE published ORDER BY ALL;
-- Sections whose own words mention 依申请 (requests), with agency and year
SELECT report_year, agency, section, heading FROM sections_by_agency
WHERE text ILIKE '%依申请%' ORDER BY ALL;
```
"""


def _counts_table(counts: Counts) -> str:
    values = counts.as_dict()
    lines = ["| | 数量 count | 定义 | definition |", "|---|---|---|---|"]
    lines += [f"| {zh} {en} | {values[key]} | {def_zh} | {def_en} |"
              for key, (zh, en, def_zh, def_en) in DEFINITIONS.items()]
    return "\n".join(lines)


def write_readme(release: Path, descriptor: dict, changes: Changes, counts: Counts) -> None:
    text = README.format(
        title=descriptor["title"], version=descriptor["version"], created=descriptor["created"],
        dataset=descriptor["name"], changes=summary(changes), counts_table=_counts_table(counts),
        guard=FORMULA_GUARD, text_checks=TEXT_CHECKS,
        text_checks_zh=TEXT_CHECKS_ZH, **_figures(release))
    (release / "README.md").write_text(text, encoding="utf-8")
