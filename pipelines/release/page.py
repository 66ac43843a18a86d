"""The download pages: a release's `index.html` and the dataset's list of releases.

What belongs here: reading a published release (its `datapackage.json` and the CSVs in
`data/`), showing what a visitor wants to see first (the counts of release/counts.py,
trends per year, level and province and the top agencies of release/trends.py, requests
by outcome, identities that fail) and writing it as one static HTML file: inline CSS,
charts as inline SVG, every link relative, no request to the network. Its one inline
script is the offline search (release/search.py), which loads the release's own
`search/*.js` files only when a visitor searches. Every text that comes from a report or
a file is HTML-escaped (the search shows it with textContent). Nothing here parses
reports or changes a release's data.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterable
from html import escape
from pathlib import Path, PurePosixPath
from urllib.parse import quote, urlsplit

import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from pipelines.parts import files_of, read_descriptor
from pipelines.release.bundle import zip_name
from pipelines.release.counts import DEFINITIONS, count
from pipelines.release.search import SEARCH_SCRIPT, agency_positions, write_search
from pipelines.release.trends import (
    LEVEL_ZH,
    MEASURES,
    by_group_and_year,
    by_year,
    per_report,
    published_only,
    top_agencies,
)
from pipelines.release.verify import declared_parts
from pipelines.release.versions import BadVersion, is_release, sort_key
from pipelines.stage import CSV_PARSE
from schemas.identities import cross_year_identities, identities, roll_up_identities
from schemas.statements import CHECK_PREFIX
from schemas.template import load_template
from schemas.vocabulary import FORMAT_VERSIONS, REPORT_STATUSES

Row = dict[str, str | None]

FONTS = ('"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", '
         '"PingFang SC", "Microsoft YaHei", sans-serif')
CSS = """
body { font-family: %s; margin: 0; color: #1f2328; background: #fff; line-height: 1.5; }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem; overflow-wrap: anywhere; }
@media (max-width: 600px) { main { padding: .75rem; } h1 { font-size: 1.3rem; } }
h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
h1 .en { display: block; font-size: 1.1rem; }
h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; margin-top: 2rem; }
.en { color: #57606a; font-weight: normal; }
nav { display: flex; flex-wrap: wrap; gap: .2rem 1rem; }
.scroll { overflow-x: auto; max-width: 100%%; }
#search-box { font-size: 1rem; padding: .4rem; width: 100%%; max-width: 30rem;
              box-sizing: border-box; }
#search-results li { margin: .2rem 0; }
svg.spark { vertical-align: middle; }
table.agency-reports td { overflow-wrap: normal; }
table.agency-reports .hash { display: inline-block; min-width: 22ch; }
table.agency-reports a.source { word-break: break-all; }
svg.spark polyline { fill: none; stroke: #0969da; stroke-width: 1.5; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; overflow-wrap: normal; }
td.num { overflow-wrap: normal; text-align: right; font-variant-numeric: tabular-nums;
         white-space: nowrap; }
code, .hash { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .8rem; }
.hash { word-break: break-all; }
summary { cursor: pointer; }
.figures { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
svg.chart { max-width: 100%%; height: auto; }
svg.chart text { font-family: %s; font-size: 12px; fill: #1f2328; }
svg.chart rect.bar { fill: #0969da; }
.note { color: #57606a; font-size: .9rem; }
.latest { background: #1a7f37; color: #fff; border-radius: 3px; padding: 0 .3rem; }
""" % (FONTS, FONTS)  # noqa: UP031 (the CSS's own braces make an f-string unreadable)

STATUS_ZH = {"complete": "完整", "partial": "部分", "failed": "失败"}
TOP_IDENTITIES = 15
TOP_REPORTS = 10
REPORT_COLUMNS = ("report_id", "file_name", "agency", "report_year", "format_version",
                  "status", "published", "also_found_as", "agency_id", "level", "province",
                  "prefecture", "county", "sha256", "source_url")
TOP_AGENCIES = 10

CHART_WIDTH, CHART_LABEL, CHART_ROW = 760, 380, 22


# Reading a release ---------------------------------------------------------------------

def _read_csv(path: Path) -> list[Row]:
    """Rows of a small CSV (the data dictionary); "" is null, as the table schemas declare."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(f)]


def _frame(release_dir: Path, name: str, strings: tuple[str, ...],
           numbers: tuple[str, ...] = ()) -> pd.DataFrame:
    """Some columns of a published CSV: strings as categories, numbers as floats, "" as
    null. Arrow reads only these columns, so a release with millions of rows fits; a
    column this release does not have is all null."""
    types = ({c: pa.dictionary(pa.int32(), pa.string()) for c in strings}
             | {c: pa.float64() for c in numbers})
    paths = files_of(release_dir / "data", name, "csv")
    if not paths:
        return pa.table({c: pa.array([], type=t) for c, t in types.items()}).to_pandas()
    options = pacsv.ConvertOptions(column_types=types, include_columns=list(types),
                                   include_missing_columns=True, null_values=[""],
                                   strings_can_be_null=True)
    parts = [pacsv.read_csv(path, parse_options=CSV_PARSE, convert_options=options)
             for path in paths]
    return pa.concat_tables(parts, promote_options="permissive").to_pandas()


def _text(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _stats(path: Path) -> dict:
    return {"bytes": path.stat().st_size, "hash": f"sha256:{_sha256(path)}"}


# Figures -------------------------------------------------------------------------------

def count_by(frame: pd.DataFrame, column: str) -> dict[str | None, int]:
    """Rows per value of a column; null is counted under None."""
    counts = frame[column].astype(object).value_counts(dropna=False)
    return {_text(k): int(n) for k, n in counts.items()}


def _published(reports: pd.DataFrame) -> pd.Index:
    """Ids of the published reports."""
    return pd.Index(reports.loc[reports["published"] == "true", "report_id"].astype(str))


def outcomes() -> list[tuple[str, str, str, frozenset[str]]]:
    """Table 三's outcomes (id, label, English, the data rows summed into it), from the
    template: top-level rows and the result rows, each with its sub-rows (2019's single
    其他处理 row and 2021's three 其他处理 rows fall under the same outcome)."""
    template = load_template()
    rows = {r.id: r for v in template.versions.values() for r in v.tables["t3"].rows}
    data = {r.id: r for r in template.all_rows("t3")}
    out = []
    for row in rows.values():
        if row.parent not in (None, "results") or row.id == "results":
            continue
        members = {r.id for r in data.values() if r.id == row.id or r.parent == row.id}
        out.append((row.id, _short_label(row.label), row.en, frozenset(members)))
    return out


def _short_label(label: str) -> str:
    return re.sub(r"（[^）]*）$", "", label)  # the printed instruction after the label


def request_totals(reports: pd.DataFrame, t3: pd.DataFrame) -> list[dict]:
    """Per outcome: the sum of the printed `total` column over published reports, the
    reports that print every cell of it, and the reports leaving one null (not reported)."""
    outcome_of = {row: oid for oid, _, _, rows in outcomes() for row in rows}
    rows = t3[t3["report_id"].isin(_published(reports))]
    rows = rows.assign(outcome=rows["row"].map(outcome_of), null=rows["total"].isna())
    per_report = rows.groupby(["outcome", "report_id"], observed=True).agg(
        total=("total", "sum"), null=("null", "max"))
    n_reports = rows["report_id"].nunique()
    out = []
    for oid, label, en, _ in outcomes():
        mine = per_report.loc[oid] if oid in per_report.index else per_report.iloc[:0]
        reported = int((~mine["null"]).sum())
        out.append({"id": oid, "label": label, "en": en, "total": float(mine["total"].sum()),
                    "reported": reported, "not_reported": n_reports - reported})
    return out


def identity_counts(checks: pd.DataFrame) -> list[dict]:
    """Per identity: reports where it fails and where it is not evaluable; failing first."""
    table = (checks.groupby(["check_id", "status"], observed=True).size().unstack(fill_value=0)
             .reindex(columns=["fail", "not_evaluable", "pass"], fill_value=0))
    rules = {i.id: i for v in FORMAT_VERSIONS
             for i in (*identities(v), *cross_year_identities(v), *roll_up_identities(v))}
    out = [{"id": cid, "table": rules[cid].table if cid in rules else "",
            "text": rules[cid].text if cid in rules else "", "fail": int(row["fail"]),
            "not_evaluable": int(row["not_evaluable"]), "pass": int(row["pass"])}
           for cid, row in table.iterrows()]
    return sorted(out, key=lambda d: (-d["fail"], -d["not_evaluable"], d["id"]))


def _reports_with(checks: pd.DataFrame, status: str) -> int:
    return int(checks.loc[checks["status"] == status, "report_id"].nunique())


# HTML pieces ---------------------------------------------------------------------------

def _e(value: object) -> str:
    return escape("" if value is None else str(value), quote=True)


def _fmt(value: float | int | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}"


def _bi(zh: str, en: str) -> str:
    return f'{_e(zh)} <span class="en" lang="en">{_e(en)}</span>'


def _html_table(headers: list[str], rows: Iterable[list[str]], cls: str = "") -> str:
    """A table from ready HTML cells; a cell starting with '<td' is used as is."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in r)
                   + "</tr>" for r in rows)
    attribute = f' class="{cls}"' if cls else ""
    # In a box of its own that scrolls: a wide table never widens the page (a phone).
    return (f'<div class="scroll"><table{attribute}><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table></div>")


def _figure(fig_id: str, value: float | int | None) -> str:
    return f'<td class="num" id="fig-{_e(fig_id)}">{_fmt(value)}</td>'


def _link(path: str, text: str) -> str:
    """A link to a file of the release; a path that is not relative is shown, not linked."""
    parts = urlsplit(path)
    relative = (not parts.scheme and not parts.netloc and not path.startswith(("/", "\\"))
                and ".." not in PurePosixPath(path).parts)
    if not relative:
        return _e(text)
    return f'<a href="{_e(quote(path))}">{_e(text)}</a>'


def _text_width(text: str) -> float:
    """Width of a label at the charts' 12 px: a wide (CJK) character ~12 px, others ~7."""
    return sum(12.0 if unicodedata.east_asian_width(ch) in "WF" else 7.0 for ch in text)


def _fit(text: str, width: float) -> str:
    """The label cut with an ellipsis to `width`, so that no label is clipped."""
    if _text_width(text) <= width:
        return text
    while text and _text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


def bar_chart(chart_id: str, title: str, bars: list[tuple[str, float]]) -> str:
    """A horizontal bar chart as inline SVG; bar length is proportional to the value.
    The label column is as wide as the widest label (at most CHART_LABEL), and a longer
    label is cut with an ellipsis: a label is never clipped (its full text is the bar's
    tooltip)."""
    if not bars:
        return ""
    top = max((v for _, v in bars), default=0) or 1
    label_width = min(max(_text_width(label) for label, _ in bars), CHART_LABEL) + 8
    value_width = max(_text_width(_fmt(v)) for _, v in bars) + 8
    span = CHART_WIDTH - label_width - value_width
    height = CHART_ROW * len(bars) + 30
    rows = []
    for i, (label, value) in enumerate(bars):
        y = 26 + i * CHART_ROW
        width = max(value, 0) / top * span
        rows.append(
            f'<g class="bar-row"><text x="{label_width - 6:.0f}" y="{y + 14}" '
            f'text-anchor="end">{_e(_fit(label, label_width - 8))}</text>'
            f'<rect class="bar" x="{label_width:.0f}" y="{y + 2}" '
            f'width="{width:.1f}" height="{CHART_ROW - 6}"><title>{_e(label)}: {_fmt(value)}'
            f'</title></rect><text x="{label_width + width + 4:.1f}" y="{y + 14}">'
            f'{_fmt(value)}</text></g>')
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="{_e(chart_id)}" '
            f'role="img" aria-label="{_e(title)}" width="{CHART_WIDTH}" height="{height}" '
            f'viewBox="0 0 {CHART_WIDTH} {height}"><text x="0" y="16" font-weight="bold">'
            f'{_e(_fit(title, CHART_WIDTH))}</text>{"".join(rows)}</svg>')


def sparkline(values: list[float]) -> str:
    """A small line of a series (a trend over report years), as inline SVG."""
    width, height = 120, 24
    top = max(values, default=0) or 1
    step = width / max(len(values) - 1, 1)
    points = " ".join(f"{i * step:.1f},{height - 2 - v / top * (height - 4):.1f}"
                      for i, v in enumerate(values))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}" role="img">'
            f'<polyline points="{points}"/></svg>')


def _page(title: str, body: str) -> str:
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
            f"{body}\n</main>\n</body>\n</html>\n")


def _titles(descriptor: dict) -> tuple[str, str]:
    title = str(descriptor.get("title") or descriptor.get("name") or "")
    zh, _, en = title.partition(" / ")
    return zh, en


# The release page ----------------------------------------------------------------------

def _header(descriptor: dict) -> str:
    zh, en = _titles(descriptor)
    licences = ", ".join(str(x.get("title") or x.get("name")) for x in
                         descriptor.get("licenses", []))
    return (f'<header><h1><span id="title-zh">{_e(zh)}</span>'
            f'<span class="en" lang="en">{_e(en)}</span></h1>'
            f'<p>版本 <span class="en">Version</span> <strong id="version">'
            f'{_e(descriptor.get("version"))}</strong> · 创建 <span class="en">Created</span> '
            f'<time id="created">{_e(descriptor.get("created"))}</time> · 许可 '
            f'<span class="en">Licence</span> {_e(licences)}</p>'
            f'<p class="note" lang="en">{_e(descriptor.get("description"))}</p></header>\n'
            '<nav><a href="#summary">概况 Summary</a><a href="#trends">趋势 Trends</a>'
            '<a href="#agencies">机关 Agencies</a><a href="#search">搜索 Search</a>'
            '<a href="#requests">申请 Requests</a><a href="#checks">勾稽关系 Identities</a>'
            '<a href="#files">下载 Files</a>'
            '<a href="#dictionary">数据字典 Dictionary</a></nav>')


def _summary(reports: pd.DataFrame, checks: pd.DataFrame) -> str:
    counts = count(reports).as_dict()
    head = _html_table([_bi("项目", "item"), _bi("数量", "count"), _bi("定义", "definition")], [
        [_bi(zh, en), _figure(key, counts[key]), _bi(def_zh, def_en)]
        for key, (zh, en, def_zh, def_en) in DEFINITIONS.items()
        if key in ("files", "distinct", "duplicates", "published")] + [
        [_bi("至少一项勾稽关系不成立", "with an identity failing"),
         _figure("reports-failing", _reports_with(checks, "fail")), ""]])
    years = sorted(count_by(reports, "report_year").items(), key=lambda kv: kv[0] or "~")
    by_year = _html_table([_bi("报告年度", "report year"), _bi("报告", "reports")], (
        [_e(y) if y else _bi("未识别", "not read"), _figure(f"year-{y or 'unknown'}", n)]
        for y, n in years))
    versions = count_by(reports, "format_version")
    by_version = _html_table([_bi("格式版本", "format version"), _bi("报告", "reports")], (
        [f"<code>{_e(v)}</code> {_e(FORMAT_VERSIONS.get(v, ''))}" if v
         else _bi("未识别", "not detected"), _figure(f"version-{v or 'unknown'}", n)]
        for v, n in sorted(versions.items(), key=lambda kv: kv[0] or "~")))
    statuses = count_by(reports, "status")
    by_status = _html_table([_bi("解析状态", "status"), _bi("报告", "reports")], (
        [_bi(STATUS_ZH.get(s, s), s), _figure(f"status-{s}", statuses.get(s, 0))]
        for s in REPORT_STATUSES))
    chart = bar_chart("chart-years", "按报告年度的报告数 Reports by report year",
                      [(y or "未识别 unknown", n) for y, n in years])
    return (f'<section id="summary"><h2>{_bi("概况", "Summary")}</h2><div class="figures">'
            f"{head}{by_year}{by_version}{by_status}</div>"
            f'<div class="charts">{chart}</div></section>')


def _requests(reports: pd.DataFrame, t3: pd.DataFrame) -> str:
    totals = request_totals(reports, t3)
    table = _html_table(
        [_bi("表三项目", "table 三 row"), _bi("合计", "total"),
         _bi("全部填报的报告", "reports printing every cell"),
         _bi("有空值（未填报）的报告", "reports with a null (not reported)")],
        ([_bi(t["label"], t["en"]), _figure(f"requests-{t['id']}", t["total"]),
          _figure(f"requests-{t['id']}-reported", t["reported"]),
          _figure(f"requests-{t['id']}-not-reported", t["not_reported"])] for t in totals))
    chart = bar_chart("chart-requests", "按办理结果的申请数 Requests by outcome",
                      [(f"{t['label']} {t['en']}", t["total"]) for t in totals])
    return (f'<section id="requests"><h2>{_bi("政府信息公开申请", "Information requests")}</h2>'
            '<p class="note">已发布报告表三“总计”列之和。空值（空白、横线、缺失）视为未填报，'
            '不计为 0。 <span lang="en">Sums of table 三\'s total column over the published '
            "reports. A null (printed blank, dash or missing) is not reported and is not "
            "counted as 0; the last column counts the reports that left at least one cell "
            f"of the row null.</span></p>{table}{chart}</section>")


def _checks(checks: pd.DataFrame) -> str:
    counts = identity_counts(checks)
    totals = _html_table([_bi("结果", "result"), _bi("校验数", "checks"), _bi("报告", "reports")], [
        [_bi("不成立", "fail"), _figure("checks-fail", sum(c["fail"] for c in counts)),
         _figure("checks-fail-reports", _reports_with(checks, "fail"))],
        [_bi("无法校验", "not evaluable"),
         _figure("checks-not-evaluable", sum(c["not_evaluable"] for c in counts)),
         _figure("checks-not-evaluable-reports", _reports_with(checks, "not_evaluable"))]])
    failing = [c for c in counts if c["fail"]][:TOP_IDENTITIES]
    table = _html_table(
        [_bi("勾稽关系", "identity"), _bi("表", "table"), _bi("规则", "rule"),
         _bi("不成立的报告", "reports failing"), _bi("无法校验的报告", "not evaluable")],
        ([f"<code>{_e(c['id'])}</code>", _e(c["table"]), _e(c["text"]),
          _figure(f"fail-{c['id']}", c["fail"]),
          _figure(f"not-evaluable-{c['id']}", c["not_evaluable"])] for c in failing),
    ) if failing else f'<p id="no-failures">{_bi("无", "none fails")}</p>'
    chart = bar_chart("chart-identities", "不成立的勾稽关系 Identities failing (reports)",
                      [(c["id"], c["fail"]) for c in failing])
    legend = _bi("不成立：按报告所印数字不满足；无法校验：有单元格为空值。soft 类只是提示："
                 "xyear_ 为同一机关跨年度，rollup_ 为本级政府报告不少于其部门报告之和"
                 "（说明中写明找到及加总的部门数）。",
                 "Fail: the identity does not hold as printed. Not evaluable: a cell of it "
                 "is null. Soft checks are warnings: xyear_ across years of one agency, "
                 "rollup_ a government's totals at least the sum of its departments' "
                 "reports (the note states how many departments were found and summed).")
    return (f'<section id="checks"><h2>{_bi("勾稽关系校验", "Identities checked")}</h2>'
            f"<p>{legend}</p>{totals}"
            f'<h3>{_bi(f"不成立最多的 {TOP_IDENTITIES} 项", "Most often failing")}</h3>'
            f"{table}{chart}</section>")


def _level(level: object) -> str:
    text = _text(level)
    return _bi(LEVEL_ZH.get(text, text), text) if text else _bi("未识别", "not resolved")


def _trends(frame: pd.DataFrame) -> str:
    """Per report year, per level and per province: reports, requests and refusals."""
    published = published_only(frame)
    years = by_year(published)
    table = _html_table(
        [_bi("报告年度", "report year"), _bi("已发布报告", "published reports"),
         *(_bi(*MEASURES[m]) for m in ("new_received", "denied")),
         _bi("有不成立勾稽关系的报告", "reports with an identity failing")],
        ([_e(y), _figure(f"trend-{y}-reports", r["reports"]),
          _figure(f"trend-{y}-new_received", r["new_received"]),
          _figure(f"trend-{y}-denied", r["denied"]),
          _figure(f"trend-{y}-failing", r["failing"])] for y, r in years.iterrows()), "years")
    chart = bar_chart("chart-trend", "按报告年度的新收申请 New requests by report year",
                      [(str(y), r["new_received"]) for y, r in years.iterrows()])
    groups = [_group_table("level", _level, published, "按机关层级", "by agency level"),
              _group_table("province", lambda p: _e(_text(p)) or _bi("未识别", "not resolved"),
                           published, "按省份", "by province")]
    note = _bi("已发布报告表三“总计”列之和；空值不计为 0。", "Sums of table 三's total "
               "column over the published reports; a null is not counted as 0.")
    return (f'<section id="trends"><h2>{_bi("趋势", "Trends")}</h2><p class="note">{note}</p>'
            f'{table}<div class="charts">{chart}</div>{"".join(groups)}</section>')


def _group_table(column: str, name: object, frame: pd.DataFrame, zh: str, en: str) -> str:
    """New requests per value of `column` and report year, with a trend line."""
    if frame.empty:
        return ""
    table = by_group_and_year(frame, column, "new_received")
    years = list(table.columns)
    rows = ([name(key or None), *(f'<td class="num">{_fmt(v)}</td>' for v in row),
             sparkline([float(v) for v in row])] for key, row in table.iterrows())
    return (f"<h3>{_bi(f'新收申请，{zh}', f'New requests {en}')}</h3>"
            + _html_table([_bi("", ""), *(_e(y) for y in years), _bi("趋势", "trend")],
                          rows, f"by-{column}"))


def _agencies(frame: pd.DataFrame, positions: dict[str, int]) -> str:
    """The agencies with the most requests, refusals and failing identities; each links
    to its reports in the search."""
    out = []
    for measure, (zh, en) in MEASURES.items():
        top = top_agencies(published_only(frame), measure, TOP_AGENCIES)
        rows = ([f'<a href="#agency-{positions[r.key]}">{_e(r.agency)}</a>'
                 if r.key in positions else _e(r.agency), _e(r.place), _level(r.level),
                 _e(r.years), _figure(f"top-{measure}-{i}", r.value)]
                for i, r in enumerate(top.itertuples()))
        out.append(f'<h3>{_bi(f"{zh}最多的机关", f"Most {en}")}</h3>' + _html_table(
            [_bi("机关", "agency"), _bi("地区", "place"), _bi("层级", "level"),
             _bi("年度", "years"), _bi(zh, en)], rows, f"top-{measure}"))
    return (f'<section id="agencies"><h2>{_bi("机关", "Agencies")}</h2>{"".join(out)}'
            "</section>")


def _search_section() -> str:
    return (f'<section id="search"><h2>{_bi("搜索机关和地区", "Search agencies and places")}'
            '</h2><p class="note">' + _bi(
                "索引随本页提供，离线可用，不发送任何网络请求。",
                "The index ships with this page: it works offline and sends no request.")
            + '</p><label for="search-box">' + _bi("机关或地名", "agency or place") + "</label>"
            '<br><input id="search-box" type="search" autocomplete="off" '
            'placeholder="如 韶关 / e.g. 韶关"><p id="search-status" class="note"></p>'
            '<ol id="search-results"></ol><div id="agency-reports"></div></section>'
            f"<script>{SEARCH_SCRIPT}</script>")


def _file_entries(release_dir: Path, descriptor: dict) -> list[dict]:
    """Every downloadable file: each resource's parts (CSV and Parquet), the optional
    `files` list, and, hashed here when not listed, the descriptor (it cannot list its
    own hash) and the release's zip."""
    out = []
    for res in descriptor.get("resources", []):
        title = f"{res.get('title', '')} ({res.get('name', '')})"
        out += [{**part[fmt], "title": f"{title} {part.get('part')}", "format": fmt}
                for part in declared_parts(res) for fmt in ("csv", "parquet")
                if isinstance(part.get(fmt), dict)]
    out += [f for f in descriptor.get("files", []) if isinstance(f, dict)]
    archive = zip_name(str(descriptor.get("name", "")), str(descriptor.get("version", "")))
    listed = {str(f.get("path")) for f in out}
    for path, title in (("datapackage.json", "数据包描述 Data package descriptor"),
                        (archive, "全部文件（zip） Whole release (zip)")):
        if path not in listed and (release_dir / path).is_file():
            out.append({"path": path, "title": title, **_stats(release_dir / path)})
        elif path == archive and path not in listed:
            # The zip holds this page, so the page is written first: it links the zip by
            # its name; its size and sha256 are on the dataset page.
            out.append({"path": path, "title": f"{title}（大小与 sha256 见版本列表 size and "
                        "sha256 on the list of releases）", "format": "zip"})
    return out


def _size(n: object) -> str:
    if not isinstance(n, int):
        return "—"
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= scale:
            return f"{n:,} B ({n / scale:.1f} {unit})"
    return f"{n:,} B"


def _files(release_dir: Path, descriptor: dict) -> str:
    rows = ([_link(str(f.get("path", "")), str(f.get("path", ""))), _e(f.get("title")),
             _e(f.get("format") or PurePosixPath(str(f.get("path", ""))).suffix.lstrip(".")),
             f'<td class="num">{_size(f.get("bytes"))}</td>',
             f'<span class="hash">{_e(str(f.get("hash") or "").removeprefix("sha256:"))}</span>']
            for f in _file_entries(release_dir, descriptor))
    table = _html_table([_bi("文件", "file"), _bi("说明", "title"), _bi("格式", "format"),
                         _bi("大小", "size"), "sha256"], rows, "files")
    return (f'<section id="files"><h2>{_bi("下载", "Files")}</h2><p class="note">'
            f'{_bi("CSV 与 Parquet 内容相同。", "CSV and Parquet copies hold identical content.")}'
            f"</p>{table}</section>")


def _dictionary(release_dir: Path, descriptor: dict) -> str:
    rows = _read_csv(release_dir / "data-dictionary.csv")
    if rows:
        headers = list(rows[0])
        table = _html_table([_e(h) for h in headers], ([_e(r[h]) for h in headers] for r in rows))
    else:
        table = _html_table(
            [_bi("表", "table"), _bi("字段", "field"), _bi("标题", "title"), _bi("类型", "type"),
             _bi("说明", "description")],
            ([f"<code>{_e(res.get('name'))}</code>", f"<code>{_e(f.get('name'))}</code>",
              _e(f.get("title")), _e(f.get("type")), _e(f.get("description"))]
             for res in descriptor.get("resources", [])
             for f in res.get("schema", {}).get("fields", [])))
    source = "data-dictionary.csv" if rows else "datapackage.json"
    return (f'<section id="dictionary"><h2>{_bi("数据字典", "Data dictionary")}</h2>'
            f'<details><summary>{_bi(f"展开（来自 {source}）", f"show (from {source})")}'
            f'</summary><div class="scroll">{table}</div></details></section>')


def _text_checks(checks: pd.DataFrame) -> str:
    """What the reports' text states against their tables (checks of kind `text`)."""
    counts = checks["status"].value_counts()
    legend = _bi("报告正文所述数字（如“收到申请75件”）与其表格对应单元格的比对：不一致是对报告的"
                 "发现（标记 text_disagrees），表格按原样发布。",
                 "Numbers the reports' text states (收到申请75件…) against the cells they speak "
                 "of: a disagreement is a finding about the report (flagged text_disagrees); "
                 "the table is published as printed.")
    table = _html_table([_bi("结果", "result"), _bi("校验数", "checks"), _bi("报告", "reports")], (
        [_bi(zh, en), _figure(f"text-{status}", int(counts.get(status, 0))),
         _figure(f"text-{status}-reports", _reports_with(checks, status))]
        for status, zh, en in (("pass", "一致", "agree"), ("fail", "不一致", "disagree"),
                               ("not_evaluable", "无法比对", "not evaluable"))))
    return (f'<section id="text-checks"><h2>{_bi("正文与表格", "Text against tables")}</h2>'
            f"<p>{legend}</p>{table}</section>")


def _render(release_dir: Path) -> tuple[str, pd.DataFrame]:
    """The page's HTML, and the reports with their measures (for the search index)."""
    descriptor = read_descriptor(release_dir)
    reports = _frame(release_dir, "reports", REPORT_COLUMNS, ("checks_failed",))
    t3 = _frame(release_dir, "t3_requests", ("report_id", "row"), ("total",))
    checks = _frame(release_dir, "checks", ("report_id", "check_id", "status"))
    text = checks["check_id"].str.startswith(CHECK_PREFIX)
    checks, text_checks = checks[~text], checks[text]
    frame = per_report(reports, t3)
    positions = agency_positions(frame)
    zh, en = _titles(descriptor)
    body = "\n".join([
        _header(descriptor), _summary(reports, checks), _trends(frame),
        _agencies(frame, positions), _search_section(), _requests(reports, t3),
        _checks(checks), _text_checks(text_checks), _files(release_dir, descriptor),
        _dictionary(release_dir, descriptor)])
    return _page(f"{zh} {en} {descriptor.get('version', '')}".strip(), body), frame


def release_page(release_dir: Path) -> str:
    """The download page of one release, as HTML."""
    return _render(Path(release_dir))[0]


def write_pages(release_dir: Path) -> Path:
    """Write `release_dir/index.html` and its search index; return the page's path."""
    target = Path(release_dir) / "index.html"
    html, frame = _render(Path(release_dir))
    write_search(Path(release_dir), frame)
    target.write_text(html, encoding="utf-8")
    return target


# The dataset page ----------------------------------------------------------------------

def _version_key(version: str) -> tuple:
    """Newest last; versions outside the scheme sort before every versioned release."""
    try:
        return (1, sort_key(version), version)
    except BadVersion:
        return (0, (), version)


def _release_row(release: Path, latest: str | None) -> list[str]:
    descriptor = read_descriptor(release)
    version = str(descriptor.get("version") or release.name)
    published = len(_published(_frame(release, "reports", ("report_id", "published"))))
    page = "index.html" if (release / "index.html").is_file() else "datapackage.json"
    archive = release / zip_name(str(descriptor.get("name", "")), version)
    download = "—"
    if archive.is_file():
        stats = _stats(archive)
        download = (_link(f"{release.name}/{archive.name}", archive.name)
                    + f'<br>{_size(stats["bytes"])}<br>'
                    f'<span class="hash">{stats["hash"].removeprefix("sha256:")}</span>')
    badge = ' <span class="latest">最新 latest</span>' if version == latest else ""
    return [_link(f"{release.name}/{page}", version) + badge, _e(descriptor.get("created")),
            f'<td class="num">{_fmt(published)}</td>', download]


def _is_release(release: Path) -> bool:
    version = str(read_descriptor(release).get("version") or release.name)
    try:
        return is_release(version)
    except BadVersion:
        return False


def dataset_page(dataset_dir: Path) -> str:
    """The list of a dataset's releases, newest first, as HTML."""
    dataset_dir = Path(dataset_dir)
    releases = [p for p in dataset_dir.iterdir() if (p / "datapackage.json").is_file()]
    releases.sort(key=lambda p: _version_key(str(read_descriptor(p).get("version") or p.name)),
                  reverse=True)
    pointer = dataset_dir / "latest.json"
    latest = json.loads(pointer.read_text(encoding="utf-8")).get("version") \
        if pointer.is_file() else None
    zh, en = _titles(read_descriptor(releases[0])) if releases else (dataset_dir.name, "")
    headers = [_bi("版本", "version"), _bi("创建", "created"),
               _bi("已发布报告", "reports published"), _bi("下载", "download")]
    # Dev builds (a pre-release version) are never `latest`: listed apart, below.
    dev = [p for p in releases if not _is_release(p)]
    table = _html_table(headers, (_release_row(p, latest) for p in releases
                                  if p not in dev), "releases")
    dev_table = _html_table(headers, (_release_row(p, latest) for p in dev), "dev-builds")
    body = (f'<header><h1><span id="title-zh">{_e(zh)}</span>'
            f'<span class="en" lang="en">{_e(en)}</span></h1>'
            f'<p>{_bi("全部版本，最新在前。", "Every release, newest first.")}</p></header>'
            f'<section id="releases"><h2>{_bi("版本", "Releases")}</h2>{table}</section>'
            f'<section id="dev-builds"><h2>{_bi("开发构建", "Dev builds (not releases)")}'
            f'</h2><p class="note">{_bi("临时构建，不会成为最新版本。", "Never latest.")}'
            f"</p>{dev_table}</section>")
    return _page(f"{zh} {en}".strip(), body)


def write_dataset_page(dataset_dir: Path) -> Path:
    """Write `dataset_dir/index.html`; return its path."""
    target = Path(dataset_dir) / "index.html"
    # Whole or not at all: a kill mid-write must not leave a truncated page.
    fd, tmp = tempfile.mkstemp(prefix=".index.", dir=dataset_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(dataset_page(dataset_dir))
    os.chmod(tmp, 0o644)
    os.replace(tmp, target)
    return target
