"""Word renderings of a labelled report, made from its truth file and the template.

Helpers for the rendering tests, not tests. `layout(truth)` lays the statutory tables out
as the official formats print them (merged captions, spanning value cells, table 三's
three-row header and merged group labels, table 四's two-level header), with the truth's
values and null cells left empty. `docx_bytes` makes a Word document of that layout with
python-docx merges (w:gridSpan, w:vMerge); `word_html_bytes` makes the HTML Word writes
when a document is saved as a web page or pasted into a CMS: MsoNormal paragraphs in
every cell, a span per script run and per digit, `&nbsp;` in empty cells, `<br>` inside
labels, markup wrapped inside tags, rowspan/colspan, table 三 split into two tables inside
its （四） group, and optionally item numbers as Word's automatic list numbers.
"""

from __future__ import annotations

import html
import io
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from schemas.template import Block, Table, Version, load_template

FIXTURE_TRUTH = Path(__file__).parents[1] / "fixtures" / "truth"
CORPUS_TRUTH = Path(__file__).parents[3] / "shared" / "corpus" / "truth"
CORPUS_FALLBACK = ("seed-shaoguan-zhenjiang-2019.json", "011.json", "004.json")

T2_WIDTH = 4  # 信息内容 and three value columns
T3_LABEL_WIDTH = 3  # 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密


@dataclass(frozen=True)
class Cell:
    """One printed cell: its text ("\\n" is a line break), its spans, what it holds."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    value: bool = False
    continued: str = ""  # the text printed where a split table continues this merge


@dataclass(frozen=True)
class Grid:
    """A table as rows of the cells that start in them; spans cover the rest."""

    width: int
    rows: list[list[Cell]]
    split_at: int | None = None  # HTML: a second <table> starts at this row


@dataclass
class Layout:
    title: str
    body: list[str | Grid] = field(default_factory=list)  # paragraphs and tables in order


def truth_files() -> list[Path]:
    """The labelled reports: the fixture truth files, else a few of the corpus's."""
    found = sorted(FIXTURE_TRUTH.glob("*.json"))
    if found:
        return found
    return [p for p in (CORPUS_TRUTH / n for n in CORPUS_FALLBACK) if p.is_file()]


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# --- the layout ---------------------------------------------------------------------------

def _printed(value: int | float | None, unit_in_cell: bool) -> str:
    """The value as an agency prints it; an amount without a unit column carries 万元."""
    if value is None:
        return ""
    text = format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)
    return f"{text}万元" if unit_in_cell else text


def _value(truth: dict, cell_id: str, unit_in_cell: bool = False, colspan: int = 1) -> Cell:
    return Cell(_printed(truth["cells"].get(cell_id), unit_in_cell), colspan, value=True)


def _wrapped(label: str) -> str:
    """A long column label broken after three characters, as narrow Word columns print it."""
    return f"{label[:3]}\n{label[3:]}" if len(label) >= 6 else label


def _t2_block(truth: dict, block: Block) -> list[list[Cell]]:
    n = len(block.columns)
    last_span = T2_WIDTH - n  # the last value cell takes the columns the block lacks
    header = [Cell("信息内容")] + [
        Cell(_wrapped(c.label), last_span if i == n - 1 else 1)
        for i, c in enumerate(block.columns)
    ]
    rows = [[Cell(block.caption or "", T2_WIDTH)], header]
    for row in block.data_rows:
        values = [
            _value(truth, f"t2.{row.id}.{c.id}",
                   unit_in_cell=c.value_type.id == "amount_printed_unit",
                   colspan=last_span if i == n - 1 else 1)
            for i, c in enumerate(block.columns)
        ]
        rows.append([Cell(row.label), *values])
    return rows


def table_2(truth: dict, version: Version) -> Grid:
    rows = [r for b in version.tables["t2"].blocks for r in _t2_block(truth, b)]
    return Grid(T2_WIDTH, rows)


def _t3_header(table: Table) -> list[list[Cell]]:
    applicant, organisations = table.header
    natural, *orgs, total = table.columns
    return [
        [Cell(table.note or "", T3_LABEL_WIDTH, 3), Cell(applicant, len(table.columns))],
        [Cell(natural.label, rowspan=2), Cell(organisations, len(orgs)),
         Cell(total.label, rowspan=2)],
        [Cell(c.label) for c in orgs],
    ]


def table_3(truth: dict, version: Version) -> Grid:
    """Table 三: group labels merged down over their rows, split inside （四） for HTML."""
    table = version.tables["t3"]
    groups = {r.id for r in table.rows if r.is_group}
    children: dict[str, list[str]] = {}
    for r in table.data_rows:
        if r.parent:
            children.setdefault(r.parent, []).append(r.id)
    under_results = [r for r in table.data_rows if r.parent in groups]
    rows = _t3_header(table)
    split_at = None
    for r in table.data_rows:
        label_cells: list[Cell] = []
        if r.parent is None:
            label_cells.append(Cell(r.label, T3_LABEL_WIDTH))
        else:
            if r.id == under_results[0].id:
                group = table.row("results")
                label_cells.append(Cell(group.label, rowspan=len(under_results),
                                        continued=group.label))
            if r.parent == "results":
                label_cells.append(Cell(r.label, 2))
            else:
                siblings = children[r.parent]
                if r.id == siblings[0]:
                    label_cells.append(Cell(table.row(r.parent).label, rowspan=len(siblings)))
                    if r.parent == "unable":
                        split_at = len(rows) + 1  # the page break after its first row
                label_cells.append(Cell(r.label))
        values = [_value(truth, f"t3.{r.id}.{c.id}") for c in table.columns]
        rows.append([*label_cells, *values])
    return Grid(T3_LABEL_WIDTH + len(table.columns), rows, split_at)


def table_4(truth: dict, version: Version) -> Grid:
    table = version.tables["t4"]
    review, *lawsuits = table.data_rows
    width = len(table.columns)
    column_labels = [Cell(c.label) for c in table.columns]
    rows = [
        [Cell(review.label, width), Cell(table.header[0], width * len(lawsuits))],
        [*(Cell(c.label, rowspan=2) for c in table.columns),
         *(Cell(r.label, width) for r in lawsuits)],
        column_labels * len(lawsuits),
        [_value(truth, f"t4.{r.id}.{c.id}") for r in table.data_rows for c in table.columns],
    ]
    return Grid(width * len(table.data_rows), rows)


def layout(truth: dict) -> Layout:
    version = load_template().version(truth["format_version"])
    title = f"{truth['agency']}{truth['report_year']}年政府信息公开工作年度报告"
    report = Layout(title)
    report.body = [
        title,
        "本报告根据《中华人民共和国政府信息公开条例》要求编制，所列数据统计期限自当年1月1日起至"
        "当年12月31日止。",
        "一、总体情况",
        "本机关认真落实政府信息公开各项工作要求。",
        "二、主动公开政府信息情况",
        table_2(truth, version),
        "三、收到和处理政府信息公开申请情况",
        table_3(truth, version),
        "四、政府信息公开行政复议、行政诉讼情况",
        table_4(truth, version),
        "五、存在的主要问题及改进情况",
        "公开内容的规范性有待加强。",
        "六、其他需要报告的事项",
        "本机关无其他需要报告的事项。",
    ]
    return report


def placed(rows: list[list[Cell]]) -> list[tuple[int, int, Cell]]:
    """(row, grid column, cell) for every cell, skipping positions spans from above cover."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell))
            taken.update((r + dr, c + dc) for dr in range(cell.rowspan)
                         for dc in range(cell.colspan))
            c += cell.colspan
    return out


def flattened(grid: Grid) -> list[list[str]]:
    """The grid as a matrix of texts, a span's text in its first position and the
    positions it covers empty (as `tabulate` and similar printers show spans)."""
    matrix = [[""] * grid.width for _ in grid.rows]
    for r, c, cell in placed(grid.rows):
        matrix[r][c] = cell.text
    return matrix


# --- DOCX ---------------------------------------------------------------------------------

def _runs(text: str, value: bool) -> list[str]:
    """Run texts as Word leaves them: values one run per character, labels per line."""
    if value:
        return list(text)
    return text.split("\n")


def _docx_cell(cell: docx.table._Cell, spec: Cell) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    pieces = _runs(spec.text, spec.value)
    for i, piece in enumerate(pieces):
        run = paragraph.add_run(piece)
        if not spec.value and i < len(pieces) - 1:
            run.add_break()


def _docx_table(document: docx.document.Document, grid: Grid) -> None:
    table = document.add_table(rows=len(grid.rows), cols=grid.width)
    table.style = "Table Grid"
    for r, c, spec in placed(grid.rows):
        cell = table.cell(r, c)
        if spec.rowspan > 1 or spec.colspan > 1:
            cell = cell.merge(table.cell(r + spec.rowspan - 1, c + spec.colspan - 1))
        _docx_cell(cell, spec)


def docx_bytes(report: Layout) -> bytes:
    document = docx.Document()
    for item in report.body:
        if isinstance(item, Grid):
            _docx_table(document, item)
        else:
            paragraph = document.add_paragraph(item)
            if item == report.title:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- Word-style HTML ----------------------------------------------------------------------

_CJK_SPAN = "<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体'>{}</span>"
_EN_SPAN = ("<span\nlang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\",serif'>"
            "{}</span>")
_EMPTY = "<span lang=EN-US style='font-size:10.5pt'>&nbsp;<o:p></o:p></span>"
_ITEM_NUMBER = re.compile(r"^\d\.")
_CELL_STYLE = ("border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;"
               "padding:0cm 5.4pt 0cm 5.4pt")


def _spans(text: str) -> str:
    """Word's spans: one per run of CJK or Latin text, one per digit, `<br>` for breaks."""
    out: list[str] = []
    run = ""
    for ch in text:
        if ch == "\n" or ch.isdigit() or (run and run[-1].isascii() != ch.isascii()):
            if run:
                out.append((_EN_SPAN if run.isascii() else _CJK_SPAN).format(html.escape(run)))
            run = ""
        if ch == "\n":
            out.append("<br>")
        elif ch.isdigit():
            out.append(_EN_SPAN.format(ch))
        else:
            run += ch
    if run:
        out.append((_EN_SPAN if run.isascii() else _CJK_SPAN).format(html.escape(run)))
    return "".join(out)


def _label(text: str) -> str:
    """A label; an item number such as "1." as Word writes an automatic list number."""
    m = _ITEM_NUMBER.match(text)
    if not m:
        return _spans(text)
    return ("<![if !supportLists]><span lang=EN-US>" + m.group()
            + "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span>"
            "<![endif]>" + _spans(text[m.end():]))


def _html_cell(spec: Cell, list_numbers: bool) -> str:
    spans = "".join(
        f" {name}={n}" for name, n in (("colspan", spec.colspan), ("rowspan", spec.rowspan))
        if n > 1
    )
    if not spec.text:
        content = _EMPTY
    else:
        content = _label(spec.text) if list_numbers and not spec.value else _spans(spec.text)
        content += "<span lang=EN-US><o:p></o:p></span>"
    return (f"  <td{spans} valign=middle style='{_CELL_STYLE}'>\n"
            f"  <p class=MsoNormal align=center style='text-align:center'>{content}</p>\n"
            "  </td>\n")


def _html_table(cells: list[tuple[int, int, Cell]], width: int, list_numbers: bool) -> str:
    rows: dict[int, list[tuple[int, Cell]]] = {}
    for r, c, spec in cells:
        rows.setdefault(r, []).append((c, spec))
    out = ["<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 "
           "style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>\n"]
    for i, r in enumerate(sorted(rows)):
        out.append(f" <tr style='mso-yfti-irow:{i}'>\n")
        out.extend(_html_cell(spec, list_numbers)
                   for _, spec in sorted(rows[r], key=lambda x: x[0]))
        out.append(" </tr>\n")
    out.append(" <![if !supportMisalignedColumns]>\n <tr height=0>\n")
    out.extend("  <td width=57 style='border:none'></td>\n" for _ in range(width))
    out.append(" </tr>\n <![endif]>\n</table>\n")
    return "".join(out)


def split_cells(cells: list[tuple[int, int, Cell]], at: int) -> tuple[list, list]:
    """Two tables at row `at`; a merge across the split continues in the second table."""
    first, second = [], []
    for r, c, spec in cells:
        if r >= at:
            second.append((r, c, spec))
        elif r + spec.rowspan > at:
            first.append((r, c, replace(spec, rowspan=at - r)))
            second.append((at, c, replace(spec, text=spec.continued,
                                          rowspan=r + spec.rowspan - at)))
        else:
            first.append((r, c, spec))
    return first, second


def word_html_bytes(report: Layout, list_numbers: bool = False) -> bytes:
    """The page as Word's "save as web page" writes it: GB2312-declared, GB18030 bytes.

    `list_numbers`: item numbers ("1.") written as Word writes automatic list numbers,
    inside `<![if !supportLists]>` ... `<![endif]>`.
    """
    body = []
    for item in report.body:
        if isinstance(item, Grid):
            cells = placed(item.rows)
            parts = split_cells(cells, item.split_at) if item.split_at else (cells,)
            body.append("<p class=MsoNormal>&nbsp;</p>\n".join(
                _html_table(p, item.width, list_numbers) for p in parts))
        elif item == report.title:
            body.append("<p class=MsoNormal align=center style='text-align:center'><b>"
                        f"{_spans(item)}</b></p>\n")
        else:
            body.append(f"<p class=MsoNormal style='text-indent:32.0pt'>{_spans(item)}</p>\n")
    page = (
        "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
        "xmlns:w=\"urn:schemas-microsoft-com:office:word\" "
        "xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
        "<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">\n"
        "<meta name=Generator content=\"Microsoft Word 15 (filtered)\">\n"
        "<style>\n<!--\n p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;}\n-->\n"
        "</style>\n</head>\n<body lang=ZH-CN style='text-justify-trim:punctuation'>\n"
        "<div class=WordSection1 style='layout-grid:15.6pt'>\n"
        + "".join(body)
        + "</div>\n</body>\n</html>\n"
    )
    return page.encode("gb18030")
