"""Structural variants of the HTML and Word renderings of a labelled report, and their score.

Helpers for the variant tests and the red-team table, not tests. Each variant starts from
make.py's `layout(truth)` and changes one thing real CMS pages and Word files show:
`<th>`/`<thead>`, layout tables around the data tables, block elements in cells, `<br>` and
soft hyphens in labels, item numbers in a cell of their own, repeated header rows, tables
split into several `<table>`s, a leading 序号 or trailing 备注 column, full-width digits,
thousands separators, units and spaces in value cells, label punctuation and the
template's aliases (traditional characters), blank cells printed as `&nbsp;`, dashes,
slashes, 无 or 0, `<div>` tables, and DOCX with merges, a nested table and extra columns.
`converted(...)` adds LibreOffice's and pandoc's HTML of the DOCX (real tools, slow).

A variant returns the file's bytes and the cells it must read as: the truth's, except
where the variant itself prints other numbers (blanks printed as 0; counts scaled by
1001 to print thousands separators, which keeps every identity, since they are linear).
`score(report, cells, unrecoverable)` counts as `../shared/tools/score.py` does.
"""

from __future__ import annotations

import html
import io
import json
import random
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from figures import table_cells
from make import (
    CORPUS_TRUTH,
    FIXTURE_TRUTH,
    Cell,
    Grid,
    Layout,
    _docx_table,
    docx_bytes,
    layout,
    placed,
    split_cells,
    word_html_bytes,
)

from schemas.template import load_template

Transform = Callable[[Layout], Layout]
_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ITEM = re.compile(r"^((?:\d{1,2}[.、．])|(?:（[一二三四五六七]）))(.+)$", re.S)
_SCALE = 1001  # counts × 1001 print with a thousands separator from 1 on


def labelled_truths() -> list[Path]:
    """Every labelled report: the fixtures', then the corpus's not already among them."""
    found = {p.name: p for p in sorted(FIXTURE_TRUTH.glob("*.json"))}
    for p in sorted(CORPUS_TRUTH.glob("*.json")) if CORPUS_TRUTH.is_dir() else ():
        found.setdefault(p.name, p)
    return list(found.values())


# --- layout transforms --------------------------------------------------------------------

def _map_cells(report: Layout, fn: Callable[[Cell], Cell]) -> Layout:
    body = [replace(g, rows=[[fn(c) for c in row] for row in g.rows])
            if isinstance(g, Grid) else g for g in report.body]
    return replace(report, body=body)


def _map_grids(report: Layout, fn: Callable[[Grid], Grid]) -> Layout:
    return replace(report, body=[fn(g) if isinstance(g, Grid) else g for g in report.body])


def counts_only(fn: Transform) -> Transform:
    """`fn` applied to tables 三 and 四 only, whose cells are all counts (table 二 mixes
    amounts in)."""
    def run(report: Layout) -> Layout:
        grids = [i for i, g in enumerate(report.body) if isinstance(g, Grid)]
        changed = fn(replace(report, body=[report.body[i] for i in grids[1:]]))
        body = list(report.body)
        for i, g in zip(grids[1:], changed.body, strict=True):
            body[i] = g
        return replace(report, body=body)
    return run


def values(fn: Callable[[str], str], blanks: str | None = None) -> Transform:
    """Value cells' printed text changed by `fn`; empty ones printed as `blanks`."""
    def cell(c: Cell) -> Cell:
        if not c.value:
            return c
        if not c.text:
            return c if blanks is None else replace(c, text=blanks)
        return replace(c, text=fn(c.text))
    return lambda report: _map_cells(report, cell)


def labels(fn: Callable[[str], str]) -> Transform:
    def cell(c: Cell) -> Cell:
        return c if c.value or not c.text else replace(c, text=fn(c.text),
                                                       continued=fn(c.continued))
    return lambda report: _map_cells(report, cell)


def _scaled(text: str) -> str:
    m = re.fullmatch(r"(-?)(\d+)", text)
    if not m:
        return text  # amounts (万元, decimals) keep their value
    return f"{m[1]}{int(m[2]) * _SCALE:,}"


def _punctuation(text: str) -> str:
    text = text.replace("（", "(").replace("）", ")")
    return re.sub(r"^(\d{1,2})\.", r"\1、", text)


def _soft_hyphens(text: str) -> str:
    return "\u00ad".join(text) if len(text) >= 4 else text


def _aliases(traditional_only: bool) -> Callable[[str], str]:
    """Labels printed as the template's first alias (traditional: only those that are)."""
    from pipelines.textnorm import to_simplified

    template = load_template()
    alias: dict[str, str] = {}
    for v in template.versions.values():
        for t in v.tables.values():
            rows = list(t.rows) + [r for b in getattr(t, "blocks", ()) for r in b.rows]
            cols = list(getattr(t, "columns", ())) + [
                c for b in getattr(t, "blocks", ()) for c in b.columns]
            for item in rows + cols:
                for a in getattr(item, "aliases", ()):
                    if not traditional_only or (to_simplified(a) != a and "\n" not in a):
                        alias.setdefault(item.label, a)
                        break
    return lambda text: alias.get(text, alias.get(text.replace("\n", ""), text))


def item_numbers_apart(report: Layout) -> Layout:
    """An item number ("1." / "（三）") in a cell of its own before the label's text."""
    def grid(g: Grid) -> Grid:
        rows = []
        for row in g.rows:
            out: list[Cell] = []
            for c in row:
                m = None if c.value else _ITEM.match(c.text)
                if m:
                    out += [replace(c, text=m[1], continued=m[1]),
                            replace(c, text=m[2], continued=m[2])]
                else:
                    out.append(c)
            rows.append(out)
        return replace(g, rows=rows)
    return _map_grids(report, grid)


def extra_column(header: str, leading: bool, numbered: bool) -> Transform:
    """A leading or trailing column: 序号 numbering the value rows, or an empty 备注."""
    def grid(g: Grid) -> Grid:
        rows, n = [], 0
        for i, row in enumerate(g.rows):
            if i == 0:
                extra = Cell(header)
            elif any(c.value for c in row):
                n += 1
                extra = Cell(str(n) if numbered else "")
            else:
                extra = Cell("")
            rows.append([extra, *row] if leading else [*row, extra])
        return replace(g, width=g.width + 1, rows=rows)
    return lambda report: _map_grids(report, grid)


def extra_rows(label: str) -> Transform:
    """A row the statute does not have ("其中：网上申请") printed after each row of table
    三 whose label has no item number, with numbers in every value cell."""
    def grid(g: Grid) -> Grid:
        if not any("办理结果" in c.text for row in g.rows for c in row):
            return g
        rows = []
        for row in g.rows:
            rows.append(row)
            values_ = [c for c in row if c.value]
            labels_ = [c for c in row if not c.value]
            if values_ and len(labels_) == 1 and labels_[0].colspan == 3:
                rows.append([Cell(label, 3)] + [Cell(str(k + 1), value=True)
                                                for k in range(len(values_))])
        return replace(g, rows=rows)
    return lambda report: _map_grids(report, grid)


def _t4_parts(g: Grid) -> list[list[Cell]] | None:
    """make.table_4's rows (groups, lawsuit groups, column labels, values), if g is it."""
    return g.rows if len(g.rows) == 4 and len(g.rows[3]) == 15 else None


def t4_in_bands(one_table: bool) -> Transform:
    """Table 四 printed in bands, as on a narrow page: 行政复议's header over its five
    values, then 行政诉讼's two groups over their ten; as two tables, or one table whose
    first band ends in an empty cell spanning the rest."""
    def band_grids(g: Grid) -> list[Grid]:
        top, second, labels, values_ = _t4_parts(g)
        w = len(values_) // 3
        review = [[Cell(top[0].text, w)], [Cell(c.text) for c in labels[:w]], values_[:w]]
        suits = [[Cell(top[1].text, 2 * w)], [Cell(c.text, w) for c in second[w:]],
                 [Cell(c.text) for c in labels], values_[w:]]
        if not one_table:
            return [Grid(w, review), Grid(2 * w, suits)]
        filler = [Cell("", w)]
        return [Grid(2 * w, [[replace(review[0][0], colspan=2 * w)], review[1] + filler,
                              review[2] + filler, *suits])]

    def run(report: Layout) -> Layout:
        body: list[str | Grid] = []
        for item in report.body:
            banded = isinstance(item, Grid) and _t4_parts(item) is not None
            body += band_grids(item) if banded else [item]
        return replace(report, body=body)
    return run


def t4_group_rows(report: Layout) -> Layout:
    """Table 四 a group a row: the five result columns' header, then 行政复议's label and
    its values, then 行政诉讼 (spanning two rows) beside each lawsuit group's label and
    values."""
    def grid(g: Grid) -> Grid:
        if (parts := _t4_parts(g)) is None:
            return g
        top, second, labels, values_ = parts
        w = len(values_) // 3
        rows = [[Cell("", 2)] + [Cell(c.text) for c in labels[:w]],
                [Cell(top[0].text, 2), *values_[:w]]]
        for k, group in enumerate(second[w:]):
            suit = [Cell(top[1].text, rowspan=len(second) - w)] if k == 0 else []
            rows.append([*suit, Cell(group.text), *values_[w * (k + 1):w * (k + 2)]])
        return Grid(2 + w, rows)
    return _map_grids(report, grid)


def _is_t3(g: Grid) -> bool:
    return any("办理结果" in c.text for row in g.rows for c in row)


def _moved(cells: list[Cell], order: list[int]) -> list[Cell]:
    return [cells[k] for k in order]


def _values_moved(row: list[Cell], order: list[int], start: int = 0) -> list[Cell]:
    """The row with its value cells from `start` on put in `order`; labels stay."""
    at = [i for i, c in enumerate(row) if c.value][start:start + len(order)]
    out = list(row)
    for i, cell in zip(at, _moved([row[i] for i in at], order), strict=True):
        out[i] = cell
    return out


def t3_total_first(report: Layout) -> Layout:
    """Table 三's 总计 column printed first, its header saying so."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        top, (natural, orgs, total), *rest = g.rows
        width = len([c for c in g.rows[-1] if c.value])
        order = [width - 1, *range(width - 1)]
        return replace(g, rows=[top, [total, natural, orgs], rest[0],
                                *(_values_moved(r, order) for r in rest[1:])])
    return _map_grids(report, grid)


def t3_organisations_reversed(report: Layout) -> Layout:
    """Table 三's five organisations printed in reverse order (其他 first), the header
    saying so; 自然人 and 总计 stay."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        top, types, orgs, *rest = g.rows
        return replace(g, rows=[top, types, orgs[::-1],
                                *(_values_moved(r, [4, 3, 2, 1, 0], 1) for r in rest)])
    return _map_grids(report, grid)


def t3_legal_first(report: Layout) -> Layout:
    """Table 三's 法人或其他组织 (its five columns) printed before 自然人, the header saying
    so; 总计 stays last."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        top, (natural, orgs, total), *rest = g.rows
        return replace(g, rows=[top, [orgs, natural, total], rest[0],
                                *(_values_moved(r, [1, 2, 3, 4, 5, 0, 6]) for r in rest[1:])])
    return _map_grids(report, grid)


def _t4_columns_moved(order: Callable[[int], list[int]]) -> Transform:
    """Table 四's result columns put in `order(width)` in each group, header and values."""
    def grid(g: Grid) -> Grid:
        if (parts := _t4_parts(g)) is None:
            return g
        top, second, labels, values_ = parts
        w = len(values_) // 3
        def each(cells: list[Cell]) -> list[Cell]:
            return [c for k in range(0, len(cells), w) for c in _moved(cells[k:k + w], order(w))]
        return replace(g, rows=[top, each(second[:w]) + second[w:], each(labels), each(values_)])
    return lambda report: _map_grids(report, grid)


# Table 四's 总计 printed before 结果维持 in each group, its header saying so.
t4_total_first = _t4_columns_moved(lambda w: [w - 1, *range(w - 1)])
# Table 四's 结果纠正 printed before 结果维持 in each group, its header saying so.
t4_first_two_swapped = _t4_columns_moved(lambda w: [1, 0, *range(2, w)])


def t4_groups_swapped(report: Layout) -> Layout:
    """Table 四's two lawsuit groups printed the other way round (复议后起诉 before
    未经复议直接起诉), its header saying so."""
    def grid(g: Grid) -> Grid:
        if (parts := _t4_parts(g)) is None:
            return g
        top, second, labels, values_ = parts
        w = len(values_) // 3
        return replace(g, rows=[top, [*second[:w], *second[w:][::-1]], labels,
                                [*values_[:w], *values_[2 * w:], *values_[w:2 * w]]])
    return _map_grids(report, grid)


def t3_lacks_column(report: Layout) -> Layout:
    """Table 三 printed without the 科研机构 column (values and header), as an agency that
    simplified the form would."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        top, (natural, orgs, total), labels_, *rest = g.rows
        rows = [[top[0], replace(top[1], colspan=top[1].colspan - 1)],
                [natural, replace(orgs, colspan=orgs.colspan - 1), total],
                [labels_[0], *labels_[2:]]]
        for row in rest:
            at = [i for i, c in enumerate(row) if c.value]
            rows.append([c for i, c in enumerate(row) if i != at[2]])
        return replace(g, width=g.width - 1, rows=rows)
    return _map_grids(report, grid)


def t3_subtotal_column(report: Layout) -> Layout:
    """A 小计 column (the five organisations' sum) before table 三's 总计, which the
    statute does not have."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        top, (natural, orgs, total), labels_, *rest = g.rows
        rows = [[top[0], replace(top[1], colspan=top[1].colspan + 1)],
                [natural, replace(orgs, colspan=orgs.colspan + 1), total], [*labels_, Cell("小计")]]
        for row in rest:
            at = [i for i, c in enumerate(row) if c.value]
            printed = [row[i].text for i in at[1:-1]]
            subtotal = str(sum(int(t) for t in printed if t.isdigit())) if any(printed) else ""
            rows.append([*row[:at[-1]], Cell(subtotal, value=True), *row[at[-1]:]])
        return replace(g, width=g.width + 1, rows=rows)
    return _map_grids(report, grid)


def t4_lacks_column(report: Layout) -> Layout:
    """Table 四 printed without its 其他结果 column in each group (values and header), as
    an agency that simplified the form would."""
    def grid(g: Grid) -> Grid:
        if (parts := _t4_parts(g)) is None:
            return g
        top, second, labels, values_ = parts
        w = len(values_) // 3
        def kept(cells: list[Cell]) -> list[Cell]:
            return [c for i, c in enumerate(cells) if i % w != 2]
        return replace(g, width=g.width - 3, rows=[
            [replace(c, colspan=c.colspan - c.colspan // w) for c in top],
            [*kept(second[:w]), *(replace(c, colspan=c.colspan - 1) for c in second[w:])],
            kept(labels), kept(values_)])
    return _map_grids(report, grid)


def t2_columns_swapped(report: Layout) -> Layout:
    """Table 二's blocks of three columns with their first two swapped (本年废止件数 before
    本年制发件数), the header saying so."""
    def grid(g: Grid) -> Grid:
        if _is_t3(g) or _t4_parts(g) is not None:
            return g
        rows, swap = [], False
        for row in g.rows:
            if row[0].text == "信息内容":
                swap = len(row) > 3
                row = [row[0], replace(row[2], colspan=row[1].colspan),
                       replace(row[1], colspan=row[2].colspan), *row[3:]] if swap else row
            elif swap and sum(c.value for c in row) > 2:
                i, j = [k for k, c in enumerate(row) if c.value][:2]
                row = [*row[:i], replace(row[j], colspan=row[i].colspan),
                       replace(row[i], colspan=row[j].colspan), *row[j + 1:]]
            rows.append(row)
        return replace(g, rows=rows)
    return _map_grids(report, grid)


def t2_lacks_column(report: Layout) -> Layout:
    """Table 二's blocks of three columns printed without their middle one (本年废止件数;
    in the 2019 form 本年新公开数量 and 本年增/减), header and values, as an agency that
    simplified the form would; the last column takes its width."""
    def grid(g: Grid) -> Grid:
        if _is_t3(g) or _t4_parts(g) is not None:
            return g
        rows, drop = [], False
        for row in g.rows:
            if row[0].text == "信息内容":
                drop = len(row) > 3
                at = [1, 2, 3] if drop else []
            elif drop and sum(c.value for c in row) > 2:
                at = [k for k, c in enumerate(row) if c.value][:3]
            else:
                at = []
            if at:
                row = [*row[:at[1]], replace(row[at[2]], colspan=row[at[1]].colspan
                                             + row[at[2]].colspan), *row[at[2] + 1:]]
            rows.append(row)
        return replace(g, rows=rows)
    return _map_grids(report, grid)


def title_in_table(report: Layout) -> Layout:
    """The paragraph before each table (its heading, "二、主动公开政府信息情况") printed as
    the table's first row, one cell spanning the table."""
    body: list[str | Grid] = []
    for item in report.body:
        if isinstance(item, Grid) and body and isinstance(body[-1], str):
            head = body.pop()
            item = replace(item, rows=[[Cell(head, item.width)], *item.rows])
        body.append(item)
    return replace(report, body=body)


def spanning_row(text: str, last: bool) -> Transform:
    """A row of one cell spanning each table, first (a unit, "单位：件") or last (a note)."""
    def grid(g: Grid) -> Grid:
        row = [Cell(text, g.width)]
        return replace(g, rows=[*g.rows, row] if last else [row, *g.rows])
    return lambda report: _map_grids(report, grid)


def empty_rows(report: Layout) -> Layout:
    """An empty row (every cell blank, a spacer the editor left) in each table: after the
    4th and the 9th row, or the first row after them where no merge crosses (a row put
    inside a merge would make a malformed table, which browsers print shifted)."""
    def grid(g: Grid) -> Grid:
        crossed = {b for r, _, c in placed(g.rows) for b in range(r, r + c.rowspan - 1)}
        free = [b for b in range(len(g.rows) - 1) if b not in crossed]
        after = {next((b for b in free if b >= k), None) for k in (3, 8)} - {None}
        rows = []
        for i, row in enumerate(g.rows):
            rows.append(row)
            if i in after:
                rows.append([Cell("") for _ in range(g.width)])
        return replace(g, rows=rows)
    return _map_grids(report, grid)


def t3_group_rows(report: Layout) -> Layout:
    """Table 三's group labels ("（三）不予公开", "（四）无法提供") printed as rows of their
    own spanning the table, above their items, which then span the three label columns."""
    def grid(g: Grid) -> Grid:
        if not _is_t3(g):
            return g
        rows = []
        for row in g.rows:
            if not any(c.value for c in row):
                rows.append(row)
                continue
            kept = []
            for c in row:
                if not c.value and c.rowspan > 1:
                    rows.append([Cell(c.text, g.width)])
                else:
                    kept.append(c)
            label = [c for c in kept if not c.value][:1]
            rows.append([replace(c, colspan=3) for c in label] + [c for c in kept if c.value])
        return replace(g, rows=rows)
    return _map_grids(report, grid)


def compose(*fns: Transform) -> Transform:
    def run(report: Layout) -> Layout:
        for fn in fns:
            report = fn(report)
        return report
    return run


# --- a plain CMS HTML writer with structural options --------------------------------------

@dataclass(frozen=True)
class Html:
    wrap: str = ""  # p | div | span: a block or inline element around each cell's text
    th_header: bool = False  # header rows (before the first value row) as <th> in <thead>
    th_labels: bool = False  # row labels as <th>
    nested: bool = False  # each table inside a layout table, the page inside another
    split: bool = False  # each table printed as two <table>s, the header repeated
    repeat_header: bool = False  # the header rows printed again mid-table
    div_rows: bool = False  # display:table <div>s instead of <table>
    blank: str = ""  # what an empty cell holds
    number_break: bool = False  # numbers of two digits and more wrapped with <br>
    unmerge: str = ""  # empty | fill: merged cells split, the copies empty or repeating
    hidden: bool = False  # a hidden span (display:none) with a digit in every cell
    links: bool = False  # every non-empty cell's text a link (to the documents it counts)
    caption: bool = False  # the paragraph before each table as its <caption>
    broken: str = ""  # a kind of malformed table markup CMS editors leave (BROKEN)


def _cell_html(spec: Cell, tag: str, opts: Html) -> str:
    text = html.escape(spec.text).replace("\n", "<br>")
    if spec.value and opts.number_break and len(spec.text) >= 2:
        text = text[:1] + "<br>" + text[1:]
    text = text or opts.blank
    if opts.links and spec.text:
        text = f'<a href="/zwgk/list.html">{text}</a>'
    if opts.hidden:
        text = (f'<span style="display: none">9</span>{text}'
                '<font style="visibility:hidden">8</font>')
    if opts.wrap:
        text = f"<{opts.wrap}>{text}</{opts.wrap}>"
    if opts.div_rows:
        return f'<div style="display:table-cell">{text}</div>'
    spans = "".join(f' {a}="{n}"' for a, n in (("colspan", spec.colspan),
                                              ("rowspan", spec.rowspan)) if n > 1)
    return f"<{tag}{spans}>{text}</{tag}>"


def _rows_html(cells: list[tuple[int, int, Cell]], opts: Html) -> list[tuple[bool, str]]:
    """(is a header row, its markup) for each row."""
    by_row: dict[int, list[tuple[int, Cell]]] = {}
    for r, c, spec in cells:
        by_row.setdefault(r, []).append((c, spec))
    first_value = min((r for r, _, s in cells if s.value), default=10**6)
    out = []
    for r in sorted(by_row):
        header = r < first_value
        tags = []
        for _, spec in sorted(by_row[r], key=lambda x: x[0]):
            th = (header and opts.th_header) or (not spec.value and opts.th_labels
                                                 and not header)
            tags.append(_cell_html(spec, "th" if th else "td", opts))
        row = "".join(tags)
        out.append((header, f'<div style="display:table-row">{row}</div>' if opts.div_rows
                    else f"<tr>{row}</tr>"))
    return out


# Malformed table markup as CMS editors (UEditor, KindEditor, a Word paste) leave it, each
# kind a change to every row's markup (row strings `<tr>…</tr>`, the table's in order):
# browsers and text tools repair each their own way. The cells a reader must find are the
# page's: a kind only drops or adds cells that print nothing.
_LAST_CELL = re.compile(r"<t([dh])((?: [a-z]+=\"\d+\")*)>([^<]*)</t[dh]></tr>$")


def _past_end(rows: list[str], value: str) -> list[str]:
    """The last row's first cell spanning rows the table does not have (`value` rows; 0
    is HTML's "to the end of the section")."""
    last = re.sub(r" rowspan=\"\d+\"", "", rows[-1], count=1) if rows else ""
    return [*rows[:-1], re.sub(r"^<tr><t([dh])", rf'<tr><t\1 rowspan="{value}"', last, count=1)
            ] if rows else rows


def _short(row: str) -> str:
    """A row whose last cell is empty and one wide, written without it (one cell short)."""
    m = _LAST_CELL.search(row)
    return row[:m.start()] + "</tr>" if m and not m[2] and not m[3].strip() else row


BROKEN: dict[str, Callable[[list[str]], list[str]]] = {
    # a rowspan past the table's last row: browsers draw no row past it
    "span-past-end": lambda rows: _past_end(rows, "9"),
    "rowspan-zero": lambda rows: _past_end(rows, "0"),
    # a merged label's rowspan one short of its rows (the next row's cells start one
    # column left in a browser)
    "rowspan-short": lambda rows: [re.sub(r' rowspan="(\d+)"', lambda m: (
        f' rowspan="{int(m[1]) - 1}"' if int(m[1]) > 2 else m[0]), r) for r in rows],
    # a merged cell's rowspan one past its rows (the next row's cells start one column
    # right in a browser, its last past the table's edge)
    "rowspan-long": lambda rows: [re.sub(r' rowspan="(\d+)"', lambda m: (
        f' rowspan="{int(m[1]) + 1}"'), r) for r in rows[:-1]] + rows[-1:],
    # a row's first value cell spanning two columns (the row one column wider)
    "value-colspan": lambda rows: [re.sub(r"<td>(?=[^<]*\d)", '<td colspan="2">', r, count=1)
                                   for r in rows],
    # every other row's first value cell spanning two rows (the row below one cell
    # short in its place: a browser shifts that row's cells one column right)
    "value-rowspan": lambda rows: [re.sub(r"<td>(?=[^<]*\d)", '<td rowspan="2">', r, count=1)
                                   if i % 2 == 0 and i + 1 < len(rows) else r
                                   for i, r in enumerate(rows)],
    # a row whose trailing empty cell is not written (the row one cell short)
    "short-rows": lambda rows: [_short(r) for r in rows],
    # an empty cell more at the end of every row holding a value
    "extra-empty-cell": lambda rows: [r[:-5] + "<td></td></tr>" if "<td>" in r and any(
        ch.isdigit() for ch in re.sub(r"<[^>]*>", "", r)) else r for r in rows],
    # </td>, </th> and </tr> left out (HTML's parsers close them)
    "unclosed": lambda rows: [re.sub(r"</t[dhr]>", "", r) for r in rows],
    # each row in a <tbody> of its own: browsers end a rowspan at its section's end
    "tbody-per-row": lambda rows: [f"<tbody>{r}</tbody>" for r in rows],
    # the first row's cells with no <tr> around them
    "cells-outside-row": lambda rows: [rows[0][4:-5], *rows[1:]] if rows else rows,
    # the first cell's text inside a one-cell table of its own (a Word paste)
    "header-nested-table": lambda rows: [re.sub(
        r"^(<tr><t[dh][^>]*>)(.*?)(</t[dh]>)",
        r'\1<table width="100%"><tr><td>\2</td></tr></table>\3', rows[0], count=1),
        *rows[1:]] if rows else rows,
}


def _table_html(cells: list[tuple[int, int, Cell]], opts: Html,
                header_again: list[str] | None = None) -> str:
    rows = _rows_html(cells, opts)
    if opts.broken:
        fixed = BROKEN[opts.broken]([r for _, r in rows])
        rows = [(h, r) for (h, _), r in zip(rows, fixed, strict=True)]
    if opts.div_rows:
        return '<div style="display:table">' + "".join(r for _, r in rows) + "</div>"
    head = [r for h, r in rows if h]
    body = [r for h, r in rows if not h]
    if opts.repeat_header and head and len(body) > 4:
        body = body[: len(body) // 2] + head + body[len(body) // 2:]
    if header_again:
        body = header_again + body
    if opts.th_header:
        inner = f"<thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody>"
    else:
        inner = "".join(head + body)
    table = f'<table border="1">{inner}</table>'
    if opts.nested:
        table = f'<table width="100%"><tr><td>{table}</td></tr></table>'
    return table


def _unmerged(cells: list[tuple[int, int, Cell]], fill: bool) -> list[tuple[int, int, Cell]]:
    out = []
    for r, c, spec in cells:
        for dr in range(spec.rowspan):
            for dc in range(spec.colspan):
                text = spec.text if (dr, dc) == (0, 0) or fill else ""
                out.append((r + dr, c + dc, replace(spec, text=text, colspan=1, rowspan=1)))
    return sorted(out, key=lambda x: (x[0], x[1]))


def _grid_html(g: Grid, opts: Html) -> str:
    cells = placed(g.rows)
    if opts.unmerge:
        cells = _unmerged(cells, opts.unmerge == "fill")
    if not opts.split:
        return _table_html(cells, opts)
    first_value = min(r for r, _, s in cells if s.value)
    last = max(r for r, _, _ in cells)
    at = max(first_value + 1, (first_value + last + 1) // 2)
    if at > last:  # one value row: nothing to split
        return _table_html(cells, opts)
    one, two = split_cells(cells, at)
    head = [r for h, r in _rows_html([x for x in one if x[0] < first_value], opts)]
    return (_table_html(one, opts) + "<p>（续表）</p>"
            + _table_html(two, opts, header_again=head))


def html_bytes(report: Layout, opts: Html) -> bytes:
    body = []
    for k, item in enumerate(report.body):
        after = report.body[k + 1] if k + 1 < len(report.body) else None
        if isinstance(item, Grid):
            table = _grid_html(item, opts)
            before = report.body[k - 1] if k else None
            if opts.caption and isinstance(before, str):
                table = table.replace('<table border="1">',
                                      f'<table border="1"><caption>{html.escape(before)}'
                                      "</caption>", 1)
            body.append(table)
        elif not (opts.caption and isinstance(after, Grid)):
            body.append(f"<p>{html.escape(item)}</p>")
    content = "\n".join(body)
    if opts.nested:
        content = ('<table width="100%"><tr><td class="nav">首页 &gt; 政务公开 &gt; 年度报告'
                   f'</td></tr><tr><td>{content}</td></tr><tr><td>版权所有 2024'
                   "</td></tr></table>")
    page = ('<!DOCTYPE html><html><head><meta charset="utf-8">'
            f"<title>{html.escape(report.title)}</title></head><body>{content}</body></html>")
    return page.encode("utf-8")


# --- DOCX variants ------------------------------------------------------------------------

def docx_nested_bytes(report: Layout) -> bytes:
    """Every table inside the single cell of a one-cell layout table."""
    document = docx.Document()
    for item in report.body:
        if isinstance(item, Grid):
            outer = document.add_table(rows=1, cols=1)
            holder = outer.cell(0, 0)
            inner = holder.add_table(rows=len(item.rows), cols=item.width)
            for r, c, spec in placed(item.rows):
                cell = inner.cell(r, c)
                if spec.rowspan > 1 or spec.colspan > 1:
                    cell = cell.merge(inner.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
                cell.paragraphs[0].add_run(spec.text.replace("\n", ""))
        else:
            document.add_paragraph(item)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_cells(container, cells: list[tuple[int, int, Cell]], width: int) -> None:
    top = min(r for r, _, _ in cells)
    height = max(r + spec.rowspan for r, _, spec in cells) - top
    table = container.add_table(rows=height, cols=width)
    for r, c, spec in cells:
        cell = table.cell(r - top, c)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(table.cell(r - top + spec.rowspan - 1, c + spec.colspan - 1))
        cell.paragraphs[0].add_run(spec.text.replace("\n", ""))


def docx_split_bytes(report: Layout) -> bytes:
    """Each table printed as two Word tables, the second repeating the header rows (a
    table continued on the next page by hand), with a paragraph between them."""
    document = docx.Document()
    for item in report.body:
        if not isinstance(item, Grid):
            document.add_paragraph(item)
            continue
        cells = placed(item.rows)
        first_value = min(r for r, _, s in cells if s.value)
        last = max(r for r, _, _ in cells)
        at = max(first_value + 1, (first_value + last + 1) // 2)
        if at > last:
            _docx_cells(document, cells, item.width)
            continue
        one, two = split_cells(cells, at)
        _docx_cells(document, one, item.width)
        document.add_paragraph("（续表）")
        head = [x for x in one if x[0] + x[2].rowspan <= first_value]
        rest = [(r - at + first_value, c, spec) for r, c, spec in two]
        _docx_cells(document, head + rest, item.width)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_hidden_bytes(report: Layout) -> bytes:
    """make.py's DOCX with a hidden run (w:vanish) holding a digit in every table cell."""
    document = docx.Document(io.BytesIO(docx_bytes(report)))
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                run = cell.paragraphs[0].add_run("9")
                run.font.hidden = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_ = _docx_table  # make.py's writer, used by docx_bytes


# --- the variants -------------------------------------------------------------------------

@dataclass(frozen=True)
class Variant:
    name: str
    suffix: str
    render: Callable[[Layout], bytes]
    transform: Transform = lambda r: r
    cells: Callable[[dict], dict] = lambda cells: dict(cells)  # the cells it must read as
    # the report's numbers drawn anew (`revalued`) before it is laid out and printed
    renumber: Callable[[dict], dict] | None = None

    def make(self, truth: dict) -> tuple[bytes, dict]:
        if self.renumber is not None:
            truth = {**truth, "cells": self.renumber(truth)}
        return self.render(self.transform(layout(truth))), self.cells(truth["cells"])


def _zeros(cells: dict) -> dict:
    return {k: 0 if v is None else v for k, v in cells.items()}


def _scaled_cells(cells: dict) -> dict:
    return {k: v * _SCALE if isinstance(v, int) and k.startswith(("t3.", "t4.")) else v
            for k, v in cells.items()}


def revalued(mean: float, scale: float, zeros_blank: bool = False, seed: str = ""
             ) -> Callable[[dict], dict]:
    """The report's cells drawn anew (figures.table_cells: every identity of 三 and 四
    holds), table 三's new requests averaging `mean`: the labelled pages hold mostly
    zeros and small counts, real reports of busy agencies three- and four-digit numbers
    in most cells. A cell the report printed blank stays blank where the new number is 0;
    with `zeros_blank` every 0 count is printed blank, as many agencies print them.
    Seeded by the report and `mean` (and `seed`, a salt for drawing other numbers at the
    same mean: empty, every pinned page stays as it was), so a variant's page is the same
    on every run."""
    salt = f"{seed}:" if seed else ""
    def renumber(truth: dict) -> dict:
        rng = random.Random(
            f"revalued:{mean}:{salt}{truth['agency']}:{truth['report_year']}")
        drawn = table_cells(rng, load_template().version(truth["format_version"]), mean,
                            scale)
        return {cid: None if (was is None or zeros_blank) and drawn[cid] == 0
                and not isinstance(drawn[cid], float) else drawn[cid]
                for cid, was in truth["cells"].items()}
    return renumber


def _html(opts: Html = Html()) -> Callable[[Layout], bytes]:
    return lambda report: html_bytes(report, opts)


def variants() -> list[Variant]:
    h = ".html"
    return [
        Variant("word-html", h, word_html_bytes),
        Variant("html-plain", h, _html()),
        Variant("th-thead", h, _html(Html(th_header=True))),
        Variant("th-labels", h, _html(Html(th_labels=True, th_header=True))),
        Variant("nested-layout", h, _html(Html(nested=True))),
        Variant("cell-p", h, _html(Html(wrap="p"))),
        Variant("cell-div", h, _html(Html(wrap="div"))),
        Variant("cell-span", h, _html(Html(wrap="span"))),
        Variant("soft-hyphens", h, _html(), labels(_soft_hyphens)),
        Variant("number-br", h, _html(Html(number_break=True))),
        Variant("item-apart", h, _html(), item_numbers_apart),
        Variant("header-repeated", h, _html(Html(repeat_header=True))),
        Variant("split-tables", h, _html(Html(split=True))),
        Variant("seq-column", h, _html(), extra_column("序号", True, True)),
        # numbers with no 序号 header: not known to be a column, so table 四 (16 cells for
        # 15) is null and flagged; rows with labels are read after their label
        Variant("unnamed-leading-column", h, _html(), extra_column("", True, True)),
        Variant("note-column", h, _html(), extra_column("备注", False, False)),
        Variant("fullwidth", h, _html(), values(lambda t: t.translate(_FULLWIDTH))),
        Variant("thousands", h, _html(), counts_only(values(_scaled)), _scaled_cells),
        Variant("units", h, _html(), counts_only(values(lambda t: f"{t}件"))),
        Variant("spaces", h, _html(), values(lambda t: f" {t}\u3000")),
        Variant("blank-nbsp", h, _html(Html(blank="&nbsp;"))),
        Variant("blank-dash", h, _html(), values(str, blanks="-")),
        Variant("blank-emdash", h, _html(), values(str, blanks="—")),
        Variant("blank-slash", h, _html(), values(str, blanks="/")),
        Variant("blank-none", h, _html(), values(str, blanks="无")),
        Variant("blank-zero", h, _html(), values(str, blanks="0"), _zeros),
        Variant("punctuation", h, _html(), labels(_punctuation)),
        Variant("aliases", h, _html(), labels(_aliases(False))),
        Variant("traditional", h, _html(), labels(_aliases(True))),
        Variant("unmerged-empty", h, _html(Html(unmerge="empty"))),
        Variant("unmerged-fill", h, _html(Html(unmerge="fill"))),
        # an unknown trailing column of numbers: a blank after the label is then no
        # proof of a label's empty copy
        Variant("unmerged-trailing-numbers", h, _html(Html(unmerge="empty")),
                extra_column("同比", False, True)),
        Variant("punctuation-fullwidth-dot", h, _html(),
                labels(lambda t: re.sub(r"^(\d{1,2})\.", r"\1．", t))),
        Variant("hidden-text", h, _html(Html(hidden=True))),
        Variant("no-item-numbers", h, _html(),
                labels(lambda t: re.sub(r"^(?:\d{1,2}[.、．]|（[一二三四五六七]）)", "", t))),
        Variant("extra-rows", h, _html(), extra_rows("其中：网上申请")),
        Variant("docx-extra-rows", ".docx", docx_bytes, extra_rows("其中：网上申请")),
        Variant("label-colons", h, _html(), labels(lambda t: t + "：")),
        Variant("cms-mixed", h, _html(Html(wrap="p", th_header=True, nested=True, split=True,
                                           blank="&nbsp;", hidden=True)),
                compose(values(lambda t: t.translate(_FULLWIDTH)),
                        counts_only(values(lambda t: f"{t} 件")), item_numbers_apart,
                        labels(_soft_hyphens), extra_column("序号", True, True))),
        Variant("div-table", h, _html(Html(div_rows=True))),
        Variant("t4-bands", h, _html(), t4_in_bands(one_table=False)),
        Variant("t4-bands-one-table", h, _html(), t4_in_bands(one_table=True)),
        Variant("t4-bands-word", h, word_html_bytes, t4_in_bands(one_table=False)),
        Variant("t4-group-rows", h, _html(), t4_group_rows),
        Variant("linked-cells", h, _html(Html(links=True))),
        # columns in another order than the template's, the header saying so: the table
        # is null (columns_out_of_order), never read in the template's order
        Variant("t3-total-first", h, _html(), t3_total_first),
        Variant("t4-total-first", h, _html(), t4_total_first),
        Variant("t4-groups-swapped", h, _html(), t4_groups_swapped),
        Variant("t2-columns-swapped", h, _html(), t2_columns_swapped),
        # addend columns permuted (总计 stays last, so the values cannot tell): only the
        # header shows it; red team of issue 13, `pdftotext -layout` of the print wraps
        # and interleaves every header cell's lines
        Variant("t3-orgs-reversed", h, _html(), t3_organisations_reversed),
        Variant("t3-natural-last", h, _html(), t3_legal_first),
        Variant("t4-swap-first-two", h, _html(), t4_first_two_swapped),
        Variant("docx-t3-total-first", ".docx", docx_bytes, t3_total_first),
        # a column the statute does not have in the middle of 三: 三 is null (never its
        # 小计 read as a blank 总计)
        Variant("t3-subtotal-column", h, _html(), t3_subtotal_column),
        # a column of 三 not printed at all: 三 is null (columns_missing), never its values
        # put under the template's columns by position (pandoc prints the merged 法人或其他
        # 组织's spare column empty)
        Variant("t3-lacks-column", h, _html(), t3_lacks_column),
        Variant("t4-lacks-column", h, _html(), t4_lacks_column),
        Variant("t2-lacks-column", h, _html(), t2_lacks_column),
        # structures CMS pages print around and inside the tables (issue 13)
        Variant("title-in-table", h, _html(), title_in_table),
        Variant("unit-row", h, _html(), spanning_row("单位：件", last=False)),
        Variant("note-row", h, _html(),
                spanning_row("注：本表数据统计时限为1月1日至12月31日，单位为件。", last=True)),
        Variant("empty-rows", h, _html(), empty_rows),
        Variant("trailing-blank-col", h, _html(), extra_column("", False, False)),
        Variant("t3-group-rows", h, _html(), t3_group_rows),
        Variant("caption", h, _html(Html(caption=True))),
        Variant("title-unit-note", h, _html(), compose(
            title_in_table, spanning_row("单位：件", last=False),
            spanning_row("注：本表数据统计时限为1月1日至12月31日，单位为件。", last=True))),
        Variant("word-title-in-table", h, word_html_bytes, title_in_table),
        # malformed table markup as CMS editors leave it (issue 13, h-badspan)
        *(Variant(f"broken-{kind}", h, _html(Html(broken=kind))) for kind in BROKEN),
        Variant("word-unit-row", h, word_html_bytes, spanning_row("单位：件", last=False)),
        # other numbers than the labelled reports': a prefecture's hundreds, a ministry's
        # thousands (four- and five-digit counts in most cells of 三)
        Variant("revalued", h, _html(), renumber=revalued(150.0, 10.0)),
        Variant("revalued-large", h, _html(), renumber=revalued(3000.0, 50.0)),
        Variant("revalued-word", h, word_html_bytes, renumber=revalued(150.0, 10.0)),
        Variant("revalued-blanks", h, _html(), renumber=revalued(150.0, 10.0, True)),
        Variant("revalued-blanks-word", h, word_html_bytes,
                renumber=revalued(150.0, 10.0, True)),
        Variant("docx", ".docx", docx_bytes),
        Variant("docx-nested", ".docx", docx_nested_bytes),
        Variant("docx-seq-column", ".docx", docx_bytes, extra_column("序号", True, True)),
        Variant("docx-note-column", ".docx", docx_bytes, extra_column("备注", False, False)),
        Variant("docx-thousands", ".docx", docx_bytes, counts_only(values(_scaled)), _scaled_cells),
        Variant("docx-punctuation", ".docx", docx_bytes, labels(_punctuation)),
        Variant("docx-blank-dash", ".docx", docx_bytes, values(str, blanks="-")),
        Variant("docx-hidden-runs", ".docx", docx_hidden_bytes),
        Variant("docx-split-tables", ".docx", docx_split_bytes),
        Variant("docx-t4-bands", ".docx", docx_bytes, t4_in_bands(one_table=False)),
    ]


def html_variants() -> list[Variant]:
    """The variants that are web pages (what the text tools dump and browsers print)."""
    return [v for v in variants() if v.suffix == ".html"]


REVALUED = "+revalued"  # a variant's name with this suffix: its page with other numbers


def renumbered(variant: Variant, renumber: Callable[[dict], dict] | None = None,
               tag: str = "") -> Variant:
    """The variant's page (or Word document) with a prefecture's numbers drawn anew (as
    the `revalued` variant), so each structural variant is measured on numbers it was
    not built from; with `renumber` (a `revalued(...)` of other seeds and means), those
    numbers instead, the name ending in `tag`."""
    if renumber is not None:
        return replace(variant, name=variant.name + REVALUED + tag, renumber=renumber)
    return replace(variant, name=variant.name + REVALUED,
                   renumber=variant.renumber or revalued(150.0, 10.0))


def _t2_scale(mean: float, scale: float | None) -> float:
    # table 二's counts follow the agency's size (figures.table_cells's `scale`)
    return scale if scale is not None else max(0.3, mean / 15)


def redraw_tag(mean: float, seed: str, zeros_blank: bool, scale: float | None = None) -> str:
    """What a variant's name ends in (after `+revalued`) when its numbers are drawn at this
    mean and seed: the name alone rebuilds it (`named`), in a sweep's worker processes."""
    return (f":m{mean:g}:s{seed}" + (":zb" if zeros_blank else "")
            + (f":t{scale:g}" if scale is not None else ""))


_REDRAWN = re.compile(r":m([\d.e+-]+):s([^:]+)(:zb)?(?::t([\d.e+-]+))?$")


def redrawn(picked: list[Variant], means: str, seeds: str, scale: float | None = None,
            zeros_blank: bool = False) -> list[Variant]:
    """Each variant with its numbers drawn anew (`revalued`) at every comma-separated mean
    and seed; a variant that draws its own numbers (`revalued-*`) is left out, as it would
    repeat its page's."""
    out = []
    for mean in (float(m) for m in means.split(",")):
        for seed in seeds.split(","):
            draw = revalued(mean, _t2_scale(mean, scale), zeros_blank, seed)
            tag = redraw_tag(mean, seed, zeros_blank, scale)
            out += [renumbered(v, draw, tag) for v in picked if v.renumber is None]
    return out


def named(name: str, pool: list[Variant]) -> Variant:
    """The variant of this name in `pool`, `renumbered` where it ends in `+revalued`, and
    drawn at a mean and seed where `+revalued` is followed by a `redraw_tag` (the name a
    sweep's worker processes are given)."""
    base, _, tag = name.partition(REVALUED)
    found = next(v for v in pool if v.name == base)
    if base == name:
        return found
    if not tag:
        return renumbered(found)
    drawn = _REDRAWN.fullmatch(tag)
    if drawn is None:
        raise ValueError(f"not a redrawn variant's name: {name}")
    mean, seed, zb, scale = drawn.groups()
    scale_ = None if scale is None else float(scale)
    return renumbered(found, revalued(float(mean), _t2_scale(float(mean), scale_), bool(zb),
                                      seed), tag)


def html_variant(name: str) -> Variant:
    """The HTML variant of this name (`named` among the web pages)."""
    return named(name, html_variants())


def chosen(names: str | None, reports: str | None, revalue: bool = False,
           pool: list[Variant] | None = None) -> tuple[list[Variant], list[Path]]:
    """The variants of `pool` (the HTML ones by default) and labelled reports a sweep's
    comma-separated options name (all of them where an option is empty); with `revalue`,
    each variant `renumbered`."""
    pool = html_variants() if pool is None else pool
    wanted = [v for v in pool if not names or v.name in names.split(",")]
    truths = [p for p in labelled_truths() if not reports or p.stem in reports.split(",")]
    return [renumbered(v) for v in wanted] if revalue else wanted, truths


def _convert(data: bytes, command: Callable[[Path, Path], list[str]], out_name: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.docx"
        src.write_bytes(data)
        subprocess.run(command(src, Path(tmp)), check=True, capture_output=True, timeout=180)
        return (Path(tmp) / out_name).read_bytes()


def soffice_html(data: bytes) -> bytes:
    return _convert(data, lambda src, out: [
        "soffice", "--headless", f"-env:UserInstallation=file://{out}/profile",
        "--convert-to", "html", "--outdir", str(out), str(src)], "report.html")


def pandoc_html(data: bytes) -> bytes:
    return _convert(data, lambda src, out: [
        "pandoc", "-f", "docx", "-t", "html", "-s", "-o", str(out / "report.html"),
        str(src)], "report.html")


def converted() -> list[Variant]:
    """HTML made from the DOCX by real tools (slow: LibreOffice starts per file)."""
    def via(tool: Callable[[bytes], bytes], transform: Transform = lambda r: r
            ) -> Callable[[Layout], bytes]:
        return lambda report: tool(docx_bytes(transform(report)))
    return [
        Variant("soffice-html", ".html", via(soffice_html)),
        Variant("pandoc-html", ".html", via(pandoc_html)),
        Variant("pandoc-html-seq", ".html", via(pandoc_html, extra_column("序号", True, True))),
    ]


# --- scoring ------------------------------------------------------------------------------

@dataclass
class Score:
    right: int = 0
    wrong: int = 0
    missed: int = 0
    invented: int = 0
    total: int = 0

    def add(self, other: Score) -> None:
        for k in ("right", "wrong", "missed", "invented", "total"):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def totals_table(totals: dict[tuple[str, str], Score], kind: str, width: int) -> str:
    """A sweep's scores as text: a line per (kind, variant), then all of them."""
    lines = [f"{kind:{width}} {'variant':26} {'right':>6} {'of':>6} {'wrong':>5} "
             f"{'missed':>6} {'invented':>8}"]
    grand = Score()
    for (first, name), t in totals.items():
        grand.add(t)
        lines.append(f"{first:{width}} {name:26} {t.right:6} {t.total:6} {t.wrong:5} "
                     f"{t.missed:6} {t.invented:8}")
    lines.append(f"all: {grand.right}/{grand.total} right, {grand.wrong} wrong, "
                 f"{grand.missed} missed, {grand.invented} invented")
    return "\n".join(lines)


def score(got: dict, want: dict, unrecoverable: set[str] = frozenset()) -> Score:
    """As score.py: a null where the label is null, or where the cell is unrecoverable,
    is right; equal numbers are right."""
    s = Score(total=len(want))
    for cid, val in want.items():
        g = got.get(cid)
        if (g is None and (val is None or cid in unrecoverable)) or (
                g is not None and val is not None and abs(float(g) - float(val)) < 1e-9):
            s.right += 1
        elif val is not None and g is not None:
            s.wrong += 1
        elif val is not None:
            s.missed += 1
        else:
            s.invented += 1
    return s


def run(variant: Variant, truth_path: Path) -> tuple[Score, object]:
    from pipelines.parse import parse_bytes

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    data, want = variant.make(truth)
    report = parse_bytes(f"{truth_path.stem}{variant.suffix}", data)
    got = {cid: c.value for cid, c in report.cells.items()}
    return score(got, want, set(truth.get("unrecoverable", ()))), report


def main() -> None:
    """Print the score table: one line per variant over every labelled report."""
    import sys

    chosen = variants() + (converted() if "--converted" in sys.argv else [])
    truths = labelled_truths()
    print(f"{'variant':20} {'right':>6} {'of':>6} {'wrong':>5} {'missed':>6} {'invented':>8}")
    for v in chosen:
        total = Score()
        for t in truths:
            s, report = run(v, t)
            total.add(s)
            if "-v" in sys.argv and s.right < s.total:
                print(f"   {t.stem}: {s} {report.status} {report.reason}")
        print(f"{v.name:20} {total.right:6} {total.total:6} {total.wrong:5} "
              f"{total.missed:6} {total.invented:8}", flush=True)


if __name__ == "__main__":
    main()
