"""Synthetic annual reports at any count, for benchmarks and reader tests.

    uv run python bench/generate.py --count N --out DIR --seed S \
        [--mix text=0.45,pipes=0.2,html=0.25,docx=0.05,pdf=0.03,junk=0.02] [--jobs J]

Writes `DIR/inbox/<index>.<ext>` (one file per report) and `DIR/truth.jsonl` (one line per
file, in index order: file, rendering, kind, format_version, agency, report_year, level,
cells as printed, the deliberate agency error if any).

What a corpus holds:
- both format versions (report years 2019-2024, each in the format whose `report_years`
  in schemas/template.yaml cover it);
- every rendering the parser reads, in exact proportions for a given count (`--mix`):
  `text` (page text, one cell per tab-prefixed line, a blank line between rows: the seed
  style), `pipes` (`a | b | c`, one table row per line), `html` (half Word's "save as web
  page" markup from tests/renderings/make.py, half a plain CMS page), `docx` (python-docx
  merges, make.py), `pdf` (ruled tables drawn with fpdf2 and a CJK font), `junk` (a notice
  without tables, an empty file, random bytes);
- numbers with realistic magnitudes by agency level (a township mostly zeros, a
  prefecture government hundreds of requests), table 三 and 四 satisfying every identity,
  except ~3% of reports with one deliberate agency error (a total off by a few);
- ~2% of text/pipe/HTML reports cut off inside table 三 (crawled pages that end early);
- ~5% of zero cells printed empty (blank, a null in the truth: blank is not zero).

Deterministic: the same count, seed and mix give byte-identical files. Each report
depends only on (seed, index), so `--start` extends a corpus with new reports. PDFs are
slow to draw, so they are cached by content under `--cache` (default ~/.cache/ogi-bench).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import json
import math
import os
import random
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))

from schemas.template import load_template  # noqa: E402
from tests.renderings.figures import table_cells  # noqa: E402
from tests.renderings.make import (  # noqa: E402
    Grid,
    Layout,
    docx_bytes,
    placed,
    table_2,
    table_3,
    table_4,
    word_html_bytes,
)

RENDERINGS = ("text", "pipes", "html", "docx", "pdf", "junk")
DEFAULT_MIX = {"text": 0.45, "pipes": 0.2, "html": 0.25, "docx": 0.05, "pdf": 0.03,
               "junk": 0.02}
EXTENSIONS = {"text": "txt", "pipes": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}
TRUNCATED_SHARE = 0.02  # of the reports (not junk); only page renderings are cut off
ERROR_SHARE = 0.03  # of the reports: one deliberate agency error each
BLANK_SHARE = 0.05  # of zero cells, printed empty
GB18030_SHARE = 0.1  # of text and pipe files
YEARS = range(2019, 2025)
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "ogi-bench"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

# --- agencies: real place names --------------------------------------------------------

# (province, prefecture, county, townships and sub-districts)
PLACES = (
    ("广东省", "韶关市", "浈江区", ("十里亭镇", "犁市镇", "花坪镇", "东河街道")),
    ("江苏省", "淮安市", "淮阴区", ("王营街道", "码头镇", "渔沟镇", "三树镇")),
    ("山东省", "济宁市", "微山县", ("两城镇", "韩庄镇", "欢城镇", "夏镇街道")),
    ("浙江省", "杭州市", "桐庐县", ("分水镇", "富春江镇", "瑶琳镇", "城南街道")),
    ("河南省", "洛阳市", "栾川县", ("庙子镇", "合峪镇", "潭头镇", "城关镇")),
    ("四川省", "绵阳市", "江油市", ("太白镇", "青莲镇", "武都镇", "中坝街道")),
    ("湖北省", "宜昌市", "当阳市", ("玉阳街道", "坝陵街道", "河溶镇", "王店镇")),
    ("福建省", "福州市", "平潭县", ("潭城镇", "苏澳镇", "流水镇", "澳前镇")),
    ("江苏省", "苏州市", "昆山市", ("玉山镇", "周庄镇", "锦溪镇", "千灯镇")),
    ("山东省", "潍坊市", "寿光市", ("圣城街道", "羊口镇", "侯镇", "稻田镇")),
    ("湖南省", "岳阳市", "平江县", ("三市镇", "加义镇", "长寿镇", "汉昌街道")),
    ("安徽省", "芜湖市", "南陵县", ("籍山镇", "弋江镇", "许镇镇", "家发镇")),
)
DEPARTMENTS = ("教育局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局",
               "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "农业农村局",
               "水利局", "商务局", "文化和旅游局", "卫生健康委员会", "应急管理局",
               "市场监督管理局", "医疗保障局", "统计局", "城市管理局")
PROVINCE_DEPARTMENTS = ("教育厅", "公安厅", "民政厅", "司法厅", "财政厅", "自然资源厅",
                        "生态环境厅", "住房和城乡建设厅", "交通运输厅", "水利厅", "商务厅")
# (level, share of reports, mean new requests a year, scale of table 二's counts)
LEVELS = (
    ("township", 0.35, 0.4, 0.05),
    ("county_department", 0.33, 3.0, 1.0),
    ("county", 0.10, 15.0, 3.0),
    ("prefecture_department", 0.14, 20.0, 3.0),
    ("prefecture", 0.05, 150.0, 10.0),
    ("province_department", 0.03, 250.0, 10.0),
)


@dataclass(frozen=True)
class Planned:
    """One file of the corpus: its index, rendering and what kind of report it is."""

    index: int
    rendering: str
    kind: str  # ok | error | truncated | junk

    @property
    def name(self) -> str:
        if self.rendering == "junk":
            return f"{self.index:06d}.{('txt', 'html', 'bin')[self.index % 3]}"
        return f"{self.index:06d}.{EXTENSIONS[self.rendering]}"


# --- the plan: which rendering and kind each file has -----------------------------------

def parse_mix(text: str | None) -> dict[str, float]:
    """`text=0.45,pipes=0.2,...` as shares summing to 1 (renderings not named get 0)."""
    if not text:
        return dict(DEFAULT_MIX)
    mix = dict.fromkeys(RENDERINGS, 0.0)
    for part in text.split(","):
        name, _, share = part.partition("=")
        if name.strip() not in mix:
            raise ValueError(f"unknown rendering {name!r}; expected one of {RENDERINGS}")
        mix[name.strip()] = float(share)
    total = sum(mix.values())
    if total <= 0:
        raise ValueError("the mix gives no rendering a share")
    return {k: v / total for k, v in mix.items()}


def allocate(count: int, mix: dict[str, float]) -> dict[str, int]:
    """Files per rendering: exact for a count (largest remainder, ties in RENDERINGS order)."""
    exact = {r: count * mix.get(r, 0.0) for r in RENDERINGS}
    out = {r: math.floor(v) for r, v in exact.items()}
    by_remainder = sorted(RENDERINGS, key=lambda r: (-(exact[r] - out[r]), RENDERINGS.index(r)))
    for r in by_remainder[: count - sum(out.values())]:
        out[r] += 1
    return out


def plan(count: int, seed: int, mix: dict[str, float], start: int = 0) -> list[Planned]:
    rng = random.Random(f"plan:{seed}:{start}:{count}")
    counts = allocate(count, mix)
    renderings = [r for r in RENDERINGS for _ in range(counts[r])]
    rng.shuffle(renderings)
    reports = [i for i, r in enumerate(renderings) if r != "junk"]
    pages = [i for i in reports if renderings[i] in ("text", "pipes", "html")]
    truncated = set(rng.sample(pages, min(len(pages), round(TRUNCATED_SHARE * len(reports)))))
    whole = [i for i in reports if i not in truncated]
    errors = set(rng.sample(whole, min(len(whole), round(ERROR_SHARE * len(reports)))))
    kinds = ["junk" if r == "junk" else "truncated" if i in truncated
             else "error" if i in errors else "ok" for i, r in enumerate(renderings)]
    return [Planned(start + i, r, k) for i, (r, k) in enumerate(zip(renderings, kinds,
                                                                     strict=True))]


def _agency(rng: random.Random, level: str) -> str:
    province, prefecture, county, towns = rng.choice(PLACES)
    if level == "township":
        town = rng.choice(towns)
        return f"{county}{town}{'办事处' if town.endswith('街道') else '人民政府'}"
    if level == "county_department":
        return f"{county}{rng.choice(DEPARTMENTS)}"
    if level == "county":
        return f"{county}人民政府"
    if level == "prefecture_department":
        return f"{prefecture}{rng.choice(DEPARTMENTS)}"
    if level == "prefecture":
        return f"{prefecture}人民政府"
    return f"{province}{rng.choice(PROVINCE_DEPARTMENTS)}"


def _agency_error(rng: random.Random, cells: dict) -> dict:
    """One total printed wrong by a few: the kind of slip agencies make."""
    candidates = [c for c in cells if c.startswith(("t3.results_total.", "t4."))
                  and c.endswith(".total")] + [
        c for c in cells if c.startswith("t3.") and c.endswith(".total")]
    cell = rng.choice(sorted(set(candidates)))
    off = rng.choice((-3, -2, -1, 1, 2, 3, 5, 10))
    printed = max(0, cells[cell] + off)
    if printed == cells[cell]:
        printed = cells[cell] + 1
    error = {"cell_id": cell, "correct": cells[cell], "printed": printed}
    cells[cell] = printed
    return error


def report_truth(seed: int, item: Planned, year: int | None = None) -> dict:
    """A report's metadata and cells, from (seed, index) alone. `year` fixes the report
    year (the year is still drawn, so the other draws stay the same)."""
    rng = random.Random(f"report:{seed}:{item.index}")
    level, _, mean, scale = rng.choices(LEVELS, weights=[lv[1] for lv in LEVELS])[0]
    drawn = rng.choice(YEARS)
    year = year or drawn
    version_id = load_template().version_for_year(year)
    version = load_template().version(version_id)
    cells: dict = table_cells(rng, version, mean, scale)
    error = _agency_error(rng, cells) if item.kind == "error" else None
    for cid, v in cells.items():  # blank is not zero: some zeros are printed empty
        if v == 0 and not isinstance(v, float) and rng.random() < BLANK_SHARE:
            cells[cid] = None
    return {"file": item.name, "rendering": item.rendering, "kind": item.kind,
            "format_version": version_id, "agency": _agency(rng, level), "report_year": year,
            "level": level, "cells": cells, "agency_error": error}


# --- the page around the tables ---------------------------------------------------------

def _prose(rng: random.Random, truth: dict) -> dict[str, list[str]]:
    agency, year = truth["agency"], truth["report_year"]
    published = rng.randrange(20, 60000)
    visits = rng.randrange(1000, 9000000)
    return {
        "intro": [f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制，"
                  f"所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"
                  f"本报告电子版可在{agency}门户网站下载。如对本报告有疑问，请与本机关办公室联系"
                  f"（电话：0{rng.randrange(100, 999)}-{rng.randrange(1000000, 9999999)}）。"],
        "一、总体情况": [
            f"{year}年，{agency}认真贯彻落实《条例》，全年主动公开政府信息{published}条，"
            f"政府网站总访问量{visits}人次。",
            "（一）主动公开。围绕重点领域信息公开，及时发布政策文件和工作动态。",
            "（二）依申请公开。严格按照法定时限答复，规范答复文书。",
            "（三）政府信息管理。落实公开属性源头认定和保密审查制度。",
        ],
        "五、存在的主要问题及改进情况": [
            rng.choice(("公开内容的规范性和及时性有待加强，政策解读形式较为单一。",
                        "个别单位对政府信息公开工作重视不够，工作人员业务能力有待提高。",
                        "主动公开的深度和广度不够，回应社会关切的时效有待提升。")),
            "下一步，将加强业务培训，完善工作机制，推动政府信息公开工作再上新台阶。",
        ],
        "六、其他需要报告的事项": [
            rng.choice(("本年度未收取信息处理费。", "本机关无其他需要报告的事项。",
                        f"{year}年度，本机关共办理人大代表建议和政协提案"
                        f"{rng.randrange(0, 200)}件，已全部按时办结。"))],
        "signature": [agency, f"{year + 1}年1月{rng.randrange(5, 31)}日"],
    }


def report_layout(seed: int, truth: dict) -> Layout:
    rng = random.Random(f"prose:{seed}:{truth['file']}")
    version = load_template().version(truth["format_version"])
    title = f"{truth['agency']}{truth['report_year']}年政府信息公开工作年度报告"
    prose = _prose(rng, truth)
    problems, other = "五、存在的主要问题及改进情况", "六、其他需要报告的事项"
    body: list[str | Grid] = [title, *prose["intro"], "一、总体情况", *prose["一、总体情况"],
                              "二、主动公开政府信息情况", table_2(truth, version),
                              T3_HEADING, table_3(truth, version),
                              "四、政府信息公开行政复议、行政诉讼情况", table_4(truth, version),
                              problems, *prose[problems], other, *prose[other],
                              *prose["signature"]]
    return Layout(title, body)


T3_HEADING = "三、收到和处理政府信息公开申请情况"


def _row_cells(grid: Grid) -> list[list[tuple[str, bool]]]:
    """Each row's printed cells left to right as (text, is value), with an empty cell where
    a merge from a row above covers a position (as page text copied from a browser has)."""
    rows: list[list[tuple[int, str, bool]]] = [[] for _ in grid.rows]
    for r, c, cell in placed(grid.rows):
        rows[r].append((c, cell.text, cell.value))
        for below in range(r + 1, r + cell.rowspan):
            rows[below].append((c, "", False))
    return [[(text, value) for _, text, value in sorted(row, key=lambda x: x[0])]
            for row in rows]


def _padded(rng: random.Random, style: str, text: str) -> str:
    if not text or style == "none":
        return text
    pad = "\xa0" if style == "nbsp" else " "
    return rng.choice((pad + text, text + pad, text))


def _table_rows(layout: Layout, lines: list[str], t3_rows: list[int],
                rows_of: Callable[[Grid], list]) -> Iterator[tuple[Grid, list | None]]:
    """Walk the report body for a line-based rendering: headings go straight to `lines`;
    each table row is yielded as (table, row) once the line where it will start is noted
    if it is a data row of table 三 (where truncation cuts); (table, None) ends a table."""
    in_t3 = False
    for item in layout.body:
        if isinstance(item, str):
            in_t3 = item == T3_HEADING
            lines.append(item)
            continue
        for i, row in enumerate(rows_of(item)):
            if in_t3 and i >= 3:
                t3_rows.append(len(lines))
            yield item, row
        yield item, None


def text_lines(seed: int, layout: Layout, rng: random.Random) -> tuple[list[str], list[int]]:
    """The seed style: tab-prefixed cell lines, a blank line between rows, a wrapped label's
    next line without a tab. Also the line numbers where table 三's data rows start."""
    style = rng.choice(("none", "none", "none", "nbsp", "space"))
    lines: list[str] = []
    t3_rows: list[int] = []
    for _, row in _table_rows(layout, lines, t3_rows, _row_cells):
        for text, value in row or ():
            text = _padded(rng, style, text) if value else text
            lines.append("\t" + text)
        lines.append("")
    return lines, t3_rows


def pipe_lines(seed: int, layout: Layout, rng: random.Random) -> tuple[list[str], list[int]]:
    """`a | b | c |`: each table row on one line, its printed cells padded to the table's
    width, a closing pipe after the last. Half the reports also open every row with a pipe
    (`| a | b |`, markdown); the others open only a row whose first cell is blank, since
    ` | 0 | 0 |` stripped of spaces cannot be told from a row opened by a border pipe."""
    bordered = rng.random() < 0.5
    lines: list[str] = []
    t3_rows: list[int] = []
    for table, row in _table_rows(layout, lines, t3_rows, lambda t: t.rows):
        if row is None:
            continue
        texts = [c.text.replace("\n", "") for c in row]
        texts += [""] * (table.width - len(texts))
        opening = "| " if bordered or not texts[0] else ""
        lines.append(opening + " | ".join(texts) + " |")
    return lines, t3_rows


def _cut(lines: list[str], t3_rows: list[int], rng: random.Random, truncated: bool) -> str:
    if truncated:
        at = t3_rows[rng.randrange(3, len(t3_rows) - 3)]
        lines = [*lines[:at], lines[at][:rng.randrange(0, max(1, len(lines[at])))]]
    return "\n".join(lines) + "\n"


def plain_html(layout: Layout, rng: random.Random) -> bytes:
    """A CMS article page: site chrome, the report as <p> and <table> with rowspan/colspan."""
    out = ["<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n",
           f"<title>{html.escape(layout.title)}</title>\n",
           "<link rel=\"stylesheet\" href=\"/css/article.css\">\n</head>\n<body>\n",
           "<div class=\"header\"><ul class=\"nav\"><li><a href=\"/\">首页</a></li>"
           "<li><a href=\"/zwgk/\">政务公开</a></li><li><a href=\"/hdjl/\">互动交流</a></li>"
           "<li><a href=\"/bsfw/\">办事服务</a></li></ul></div>\n",
           "<div class=\"crumbs\">当前位置：<a href=\"/\">首页</a> &gt; "
           "<a href=\"/zwgk/\">政务公开</a> &gt; 政府信息公开年报</div>\n",
           "<div class=\"article\">\n"]
    for item in layout.body:
        if isinstance(item, str):
            tag = "h1" if item == layout.title else "p"
            out.append(f"<{tag}>{html.escape(item)}</{tag}>\n")
            continue
        out.append("<table border=\"1\" cellspacing=\"0\" cellpadding=\"0\" width=\"100%\">"
                   "<tbody>\n")
        rows: dict[int, list[str]] = {}
        for r, _, cell in placed(item.rows):
            spans = "".join(f" {k}=\"{n}\"" for k, n in (("colspan", cell.colspan),
                                                         ("rowspan", cell.rowspan)) if n > 1)
            text = "<br/>".join(html.escape(p) for p in cell.text.split("\n")) or "&nbsp;"
            rows.setdefault(r, []).append(f"<td{spans}><p style=\"text-align:center\">"
                                          f"{text}</p></td>")
        for r in sorted(rows):
            out.append("<tr>" + "".join(rows[r]) + "</tr>\n")
        out.append("</tbody></table>\n")
    out.append("</div>\n<div class=\"footer\">主办单位：本机关办公室 | 网站标识码："
               f"{rng.randrange(1000000000, 9999999999)}</div>\n</body>\n</html>\n")
    return "".join(out).encode("utf-8")


def _cut_html(data: bytes, encoding: str, rng: random.Random) -> bytes:
    """The page cut off inside table 三 (after a few of its data rows)."""
    start = data.index(T3_HEADING.encode(encoding))
    rows = []
    at = data.find(b"<tr", start)
    while at != -1 and len(rows) < 40:
        rows.append(at)
        at = data.find(b"<tr", at + 3)
    cut = data[: rows[rng.randrange(6, 20)] + rng.randrange(0, 200)]
    for end in range(len(cut), len(cut) - 4, -1):  # whole characters: a page that ends early
        try:
            cut[:end].decode(encoding)
            return cut[:end]
        except UnicodeDecodeError:
            continue
    return cut


@cache
def _docx_package() -> tuple[dict[str, bytes], str, str]:
    """python-docx's default package (styles, settings, ...) and its document.xml around
    the body's content."""
    package = zipfile.ZipFile(io.BytesIO(docx_bytes(Layout("", []))))
    parts = {name: package.read(name) for name in package.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    head, _, rest = document.partition("<w:body>")
    sect = rest[rest.index("<w:sectPr"):]
    return parts, head + "<w:body>", sect


def _w_runs(text: str, value: bool) -> str:
    """Runs as Word leaves them (make.py's `_runs`): values one run per character, labels
    one run per line with a break between."""
    if value:
        return "".join(f"<w:r><w:t>{html.escape(ch)}</w:t></w:r>" for ch in text)
    lines = text.split("\n")
    return "".join(f"<w:r><w:t xml:space=\"preserve\">{html.escape(line)}</w:t>"
                   + ("<w:br/>" if i < len(lines) - 1 else "") + "</w:r>"
                   for i, line in enumerate(lines))


def _w_table(grid: Grid) -> str:
    """A table with Word's merges: w:gridSpan across, w:vMerge restart/continue down."""
    starts = {(r, c): cell for r, c, cell in placed(grid.rows)}
    covering = {(r0 + d, c): cell for (r0, c), cell in starts.items()
                for d in range(1, cell.rowspan)}
    out = ["<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" "
           "w:type=\"auto\"/><w:tblLook w:val=\"04A0\"/></w:tblPr><w:tblGrid>",
           "<w:gridCol w:w=\"864\"/>" * grid.width, "</w:tblGrid>"]
    for r in range(len(grid.rows)):
        out.append("<w:tr>")
        c = 0
        while c < grid.width:
            cell, continued = starts.get((r, c)), False
            if cell is None:
                cell, continued = covering.get((r, c)), True
            if cell is None:  # a position no cell covers (not in these layouts)
                c += 1
                continue
            props = (f"<w:gridSpan w:val=\"{cell.colspan}\"/>" if cell.colspan > 1 else "")
            if cell.rowspan > 1:
                props += "<w:vMerge/>" if continued else "<w:vMerge w:val=\"restart\"/>"
            runs = "" if continued else _w_runs(cell.text, cell.value)
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:pPr><w:jc w:val=\"center\"/>"
                       f"</w:pPr>{runs}</w:p></w:tc>")
            c += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _docx(layout: Layout) -> bytes:
    """The same document as make.py's `docx_bytes` (python-docx merges), written as XML:
    python-docx's merges take ~1 s a report, this a millisecond."""
    parts, head, sect = _docx_package()
    body = []
    for item in layout.body:
        if isinstance(item, Grid):
            body.append(_w_table(item))
            continue
        align = "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" if item == layout.title else ""
        body.append(f"<w:p>{align}{_w_runs(item, False)}</w:p>")
    document = (head + "".join(body) + sect).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, document if name == "word/document.xml" else content)
    return out.getvalue()


# --- PDF --------------------------------------------------------------------------------

PDF_FONT_SIZE = 8.0  # pt
PDF_LINE = 3.6  # mm per text line
PDF_PAD = 1.2  # mm above and below a cell's text
PAGE_TOP, PAGE_BOTTOM, PAGE_LEFT, PAGE_WIDTH = 20.0, 277.0, 15.0, 180.0


def _font_chars() -> str:
    """Every character a PDF can print: the template's labels, this file's and make.py's."""
    sources = [ROOT / "schemas" / "template.yaml", Path(__file__),
               ROOT / "tests" / "renderings" / "make.py"]
    chars = set("".join(p.read_text(encoding="utf-8") for p in sources))
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    return "".join(sorted(c for c in chars if c.isprintable()))


@cache
def cjk_font(cache_dir: Path) -> Path:
    """A small TrueType font with the characters the reports print, made once and kept.

    fpdf2 embeds CFF-outline CJK fonts (Noto CJK) with an encoding CMap that pdfminer
    cannot read, so the glyphs needed are cut out of Noto Sans CJK SC and converted to
    TrueType outlines, which fpdf2 embeds with Identity-H.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable
    from fontTools.ttLib.ttCollection import TTCollection

    chars = _font_chars()
    key = hashlib.sha256(chars.encode()).hexdigest()[:16]
    path = cache_dir / f"noto-sans-cjk-sc-subset-{key}.ttf"
    if path.is_file():
        return path
    if not NOTO_CJK.is_file():
        raise FileNotFoundError(f"{NOTO_CJK} is missing: apt-get install fonts-noto-cjk")
    names = [f["name"].getDebugName(4) for f in TTCollection(str(NOTO_CJK), lazy=True).fonts]
    font = TTFont(str(NOTO_CJK), fontNumber=names.index("Noto Sans CJK SC"))
    options = subset.Options()
    options.desubroutinize, options.hinting, options.layout_features = True, False, []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=chars)
    subsetter.subset(font)
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, glyphs
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs = 0x00010000, len(order)
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font["head"].glyphDataFormat = 0
    font.recalcTimestamp = False  # the same characters give the same font bytes
    font.sfntVersion = "\x00\x01\x00\x00"
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    font.save(str(tmp))
    os.replace(tmp, path)
    return path


def _column_widths(grid: Grid) -> list[float]:
    if grid.width == 4:  # table 二: 信息内容 and three value columns
        return [66.0, 38.0, 38.0, 38.0]
    if grid.width == 10:  # table 三: three label columns, seven applicant columns
        return [20.0, 26.0, 50.0] + [12.0] * 7
    return [PAGE_WIDTH / grid.width] * grid.width


def _lines(pdf, text: str, width: float) -> list[str]:
    if not text:
        return []
    return pdf.multi_cell(width - 1.0, PDF_LINE, text, dry_run=True, output="LINES")


def _draw_grid(pdf, grid: Grid, y: float) -> float:
    """Draw a ruled table from `y`, breaking pages between rows; return the y below it."""
    widths = _column_widths(grid)
    xs = [PAGE_LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    cells = placed(grid.rows)
    heights = [2 * PDF_PAD + PDF_LINE] * len(grid.rows)
    for r, c, cell in cells:
        if cell.rowspan == 1:
            n = len(_lines(pdf, cell.text, xs[c + cell.colspan] - xs[c]))
            heights[r] = max(heights[r], 2 * PDF_PAD + n * PDF_LINE)
    tops, pages = [], []  # each row's top and page
    page = pdf.page
    for h in heights:
        if y + h > PAGE_BOTTOM:
            page, y = page + 1, PAGE_TOP
        tops.append(y)
        pages.append(page)
        y += h
    # page -> (column, first row, last row, text, colspan) of each cell's part on it
    segments: dict[int, list[tuple[int, int, int, str, int]]] = {}
    for r, c, cell in cells:
        first = r
        for row in range(r, r + cell.rowspan):
            last_on_page = row == r + cell.rowspan - 1 or pages[row + 1] != pages[row]
            if last_on_page:
                text = cell.text if first == r else ""
                segments.setdefault(pages[row], []).append((c, first, row, text, cell.colspan))
                first = row + 1
    for p in sorted(segments):
        while pdf.page < p:
            pdf.add_page()
        for c, r0, r1, text, span in segments[p]:
            x, w = xs[c], xs[c + span] - xs[c]
            top, h = tops[r0], tops[r1] + heights[r1] - tops[r0]
            pdf.rect(x, top, w, h)
            lines = _lines(pdf, text, w)
            if lines:
                pdf.set_xy(x + 0.5, top + (h - len(lines) * PDF_LINE) / 2)
                pdf.multi_cell(w - 1.0, PDF_LINE, text, align="C")
    return y


def pdf_bytes(layout: Layout, cache_dir: Path) -> bytes:
    """The report as a PDF with ruled tables, cached by content (drawing is slow)."""
    key = hashlib.sha256(repr(layout).encode() + Path(__file__).read_bytes()).hexdigest()
    path = cache_dir / "pdf" / key[:2] / f"{key}.pdf"
    if path.is_file():
        return path.read_bytes()
    from datetime import UTC, datetime

    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime(2021, 1, 1, tzinfo=UTC))
    pdf.set_producer("ogi bench")
    pdf.add_font("cjk", fname=str(cjk_font(cache_dir)))
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
    pdf.add_page()
    y = PAGE_TOP
    for item in layout.body:
        if isinstance(item, Grid):
            if item.width == 10:  # table 三 starts on a page of its own, as most do
                pdf.add_page()
                y = PAGE_TOP
            y = _draw_grid(pdf, item, y) + 4
            continue
        size = 14.0 if item == layout.title else 10.5
        pdf.set_font("cjk", size=size)
        lines = pdf.multi_cell(PAGE_WIDTH, size * 0.5, item, dry_run=True, output="LINES")
        if y + len(lines) * size * 0.5 > PAGE_BOTTOM:
            pdf.add_page()
            y = PAGE_TOP
        pdf.set_xy(PAGE_LEFT, y)
        pdf.multi_cell(PAGE_WIDTH, size * 0.5, item, align="C" if item == layout.title else "J")
        y += len(lines) * size * 0.5 + 1.5
        pdf.set_font("cjk", size=PDF_FONT_SIZE)
    data = bytes(pdf.output())
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp-{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return data


# --- junk -------------------------------------------------------------------------------

def junk_bytes(seed: int, item: Planned) -> tuple[str, bytes]:
    rng = random.Random(f"junk:{seed}:{item.index}")
    kind = rng.choices(("notice", "empty", "random"), weights=(0.5, 0.2, 0.3))[0]
    if kind == "empty":
        return kind, b""
    if kind == "random":
        return kind, rng.randbytes(rng.randrange(512, 20000))
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    text = (f"关于做好{year}年度政府信息公开工作年度报告编制和发布工作的通知\n"
            f"各{place[2][-1]}直各部门，各镇人民政府、街道办事处：\n"
            f"根据《中华人民共和国政府信息公开条例》规定，请各单位于{year + 1}年1月31日前"
            "在门户网站公布本单位上一年度政府信息公开工作年度报告，并报送电子版。\n"
            f"联系电话：{rng.randrange(1000000, 9999999)}\n"
            f"{place[2]}人民政府办公室\n{year}年12月{rng.randrange(1, 29)}日\n")
    return kind, text.encode("utf-8")


# --- one file ---------------------------------------------------------------------------

def render(seed: int, item: Planned, cache_dir: Path,
           year: int | None = None) -> tuple[bytes, dict]:
    """A file's bytes and its truth record (a report of `year`, when given)."""
    if item.rendering == "junk":
        kind, data = junk_bytes(seed, item)
        return data, {"file": item.name, "rendering": "junk", "kind": "junk", "junk": kind,
                      "format_version": None, "agency": None, "report_year": None,
                      "level": None, "cells": {}, "agency_error": None}
    truth = report_truth(seed, item, year)
    layout = report_layout(seed, truth)
    rng = random.Random(f"render:{seed}:{item.index}")
    truncated = item.kind == "truncated"
    if item.rendering in ("text", "pipes"):
        make_lines = text_lines if item.rendering == "text" else pipe_lines
        text = _cut(*make_lines(seed, layout, rng), rng, truncated)
        encoding = "gb18030" if rng.random() < GB18030_SHARE else "utf-8"
        truth["encoding"] = encoding
        return text.encode(encoding), truth
    if item.rendering == "html":
        word = rng.random() < 0.5
        truth["html"] = "word" if word else "cms"
        data = (word_html_bytes(layout, list_numbers=rng.random() < 0.3) if word
                else plain_html(layout, rng))
        return (_cut_html(data, "gb18030" if word else "utf-8", rng) if truncated
                else data), truth
    if item.rendering == "docx":
        return _docx(layout), truth
    return pdf_bytes(layout, cache_dir), truth


def _render_chunk(args: tuple[int, list[Planned], str, str, int | None]) -> list[str]:
    seed, items, inbox, cache_dir, year = args
    lines = []
    for item in items:
        data, truth = render(seed, item, Path(cache_dir), year)
        (Path(inbox) / item.name).write_bytes(data)
        lines.append(json.dumps(truth, ensure_ascii=False, separators=(",", ":")))
    return lines


def _chunks(items: list[Planned], size: int) -> Iterable[list[Planned]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def generate(out: Path, count: int, seed: int, mix: dict[str, float] | None = None,
             start: int = 0, jobs: int = 1, cache_dir: Path = DEFAULT_CACHE,
             truth_name: str = "truth.jsonl", year: int | None = None) -> list[Planned]:
    """Write `count` files (indices start..start+count-1) into out/inbox and their truth;
    every report of `year` when it is given (a day's new reports are of one year)."""
    items = plan(count, seed, mix or DEFAULT_MIX, start)
    inbox = out / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    if any(i.rendering == "pdf" for i in items):
        cjk_font(cache_dir)  # once, before the workers need it
    tasks = [(seed, chunk, str(inbox), str(cache_dir), year) for chunk in _chunks(items, 200)]
    with (out / truth_name).open("w", encoding="utf-8") as truth:
        if jobs > 1 and len(tasks) > 1:
            with ProcessPoolExecutor(jobs) as pool:
                results = pool.map(_render_chunk, tasks)
                for lines in results:
                    truth.writelines(line + "\n" for line in lines)
        else:
            for task in tasks:
                truth.writelines(line + "\n" for line in _render_chunk(task))
    return items


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mix", help="rendering=share,... (default: %(default)s)",
                        default=",".join(f"{k}={v}" for k, v in DEFAULT_MIX.items()))
    parser.add_argument("--start", type=int, default=0, help="index of the first file")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--truth", default="truth.jsonl", help="truth file name in --out")
    parser.add_argument("--year", type=int, choices=YEARS,
                        help="every report of this year (default: years drawn at random)")
    args = parser.parse_args(argv)
    items = generate(args.out, args.count, args.seed, parse_mix(args.mix), args.start,
                     args.jobs, args.cache, args.truth, args.year)
    counts = {r: sum(i.rendering == r for i in items) for r in RENDERINGS}
    kinds = {k: sum(i.kind == k for i in items) for k in ("ok", "error", "truncated", "junk")}
    print(f"{len(items)} files in {args.out / 'inbox'}: {counts}; {kinds}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
