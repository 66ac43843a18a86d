"""Positioned text runs: a PDF turned into HTML (or XML) by a converter, read by position.

poppler's `pdftohtml` writes a PDF page as one absolutely positioned element per text
run: `<p style="position:absolute;top:…px;left:…px" class="ftNN">` in HTML (`-s`, and
`-c` over a background picture; a run of several lines holds `<br/>`, its lines
`line-height` apart), `<text top= left= width= height= font=>` in XML (`-xml`). There is
no `<table>`: a table exists only as positions, its rulings are gone. So each run becomes
glyphs, placed where it prints, and each page is read as the PDF reader reads a page of
text without ruling lines: lines parted into cells at wide gaps, columns, wrapped labels
and blanks (`pdf_page.text_line`, `pdf.page_of_rows`), tables continued over a page break
joined (`pdf.pages_cells`). One reading of positions for every reader (DESIGN.md).

A run's glyph widths are not in the file: a CJK glyph is 1 em wide, any other 0.55 em
(the digits of the fonts browsers and office suites embed). In XML a run's width is
given: the room its glyphs leave is its spaces' (a gap in the PDF). pdftohtml writes a
space in a run only where the PDF shows a gap between words (or prints a space); between
two digits it parts two numbers (a count's digits are printed edge to edge): there it is
at least half an em, more than the PDF reader's gap between two numbers' digits.

Coordinates stay in the converter's pixels: the PDF reader's thresholds are in font sizes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from lxml import etree

from pipelines.document import Document
from pipelines.read.decode import UnreadableFile
from pipelines.read.pdf import page_of_rows, pages_cells
from pipelines.read.pdf_page import PdfRow, text_line
from pipelines.read.registry import is_converter_xml

_EM_WIDE, _EM_NARROW = 1.0, 0.55  # a glyph's width in font sizes: CJK, any other
_EM_SPACE = 0.25  # a space where the file gives no width (HTML)
_EM_DIGITS = 0.5  # a space between two digits: two numbers (see the module docstring)
_LINE_TOLERANCE = 0.35  # font sizes two runs' tops may differ by on one line (pdf_page)


@dataclass(frozen=True)
class _Run:
    """One line of a run: where it starts, its font size, its width if the file gives it."""

    top: float
    left: float
    size: float
    text: str
    width: float | None = None


def _advances(run: _Run) -> list[float]:
    """Each character's advance (a space's is its gap), in the run's units."""
    chars = run.text
    base = [0.0 if ch.isspace() else run.size * (
        _EM_WIDE if unicodedata.east_asian_width(ch) in "WF" else _EM_NARROW) for ch in chars]
    spaces = [i for i, ch in enumerate(chars) if ch.isspace()]
    estimated = sum(base)
    if run.width and estimated > run.width:  # the font is set narrower: fit the width
        base = [b * run.width / estimated for b in base]
    room = ((run.width - sum(base)) / len(spaces)) if run.width and spaces else 0.0
    for i in spaces:
        digits = 0 < i < len(chars) - 1 and chars[i - 1].isdigit() and chars[i + 1].isdigit()
        base[i] = max(room, _EM_SPACE * run.size, _EM_DIGITS * run.size if digits else 0.0)
    return base


def _glyphs(run: _Run) -> list[dict]:
    """The run's glyphs as the PDF reader's char dicts (spaces are gaps, no glyph)."""
    out, x = [], run.left
    for ch, advance in zip(run.text, _advances(run), strict=True):
        if not ch.isspace():
            out.append({"text": ch, "x0": x, "x1": x + advance, "top": run.top,
                        "bottom": run.top + run.size, "doctop": run.top, "size": run.size,
                        "upright": True})
        x += advance
    return out


def _fitted(glyphs: list[dict], end: float | None, next_digit: bool) -> list[dict]:
    """A run's glyphs narrowed to end where the next run of its line starts: runs do not
    overlap (a converter starts a new run after the last one's text, at a gap or where
    the font changes: `1.` in a Latin font, `属于` in a CJK one), but estimated widths may
    reach past the next run (a font set narrower than its size), and its glyphs must not
    be read in among the next run's. A run ending in a digit before one starting with a
    digit ends half an em before it: a count's digits are one font, set edge to edge, so
    pdftohtml never starts a new run inside a number (none such in the bench's 71 PDFs)."""
    if not glyphs or end is None or glyphs[-1]["x1"] <= end:
        return glyphs
    if glyphs[-1]["text"].isdigit() and next_digit:
        end -= _EM_DIGITS * glyphs[-1]["size"]  # two numbers, as a space between digits
    left, right = glyphs[0]["x0"], glyphs[-1]["x1"]
    scale = max(end - left, 0.0) / (right - left)
    return [dict(g, x0=left + (g["x0"] - left) * scale, x1=left + (g["x1"] - left) * scale)
            for g in glyphs]


def _page_rows(number: int, runs: list[_Run]) -> list[PdfRow]:
    """A page's runs as text lines: runs whose tops lie within a third of a font size
    of the line's first, left to right, each run's glyphs before the next run's."""
    lines: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (r.top, r.left)):
        if lines and run.top - lines[-1][0].top <= _LINE_TOLERANCE * lines[-1][0].size:
            lines[-1].append(run)
        else:
            lines.append([run])
    rows = []
    for line_no, line in enumerate(lines, start=1):
        line.sort(key=lambda r: r.left)
        ends = [(r.left, r.text.lstrip()[:1].isdigit()) for r in line[1:]] + [(None, False)]
        chars = [g for r, (end, digit) in zip(line, ends, strict=True)
                 for g in _fitted(_glyphs(r), end, digit)]
        if chars:
            # One line's glyphs at one height: a run's top is its font's ascent, a few
            # pixels apart for a Latin and a CJK font (`351` at 464, its words at 468),
            # and the text of a cell is read line by line by height.
            top, bottom = min(r.top for r in line), max(r.top + r.size for r in line)
            rows.append(text_line(number, line_no, top, bottom,
                                  [dict(g, top=top, doctop=top, bottom=bottom) for g in chars]))
    return rows


def _number(value: str | None) -> float:
    return float(value) if value and re.fullmatch(r"-?[\d.]+", value) else 0.0


_FONT_CLASS = re.compile(r"\.(ft\w+)\s*\{([^}]*)\}")
_PX = re.compile(r"(font-size|line-height|top|left|height)\s*:\s*(-?[\d.]+)px")


def _px(style: str) -> dict[str, float]:
    return {k: float(v) for k, v in _PX.findall(style)}


def _font(fonts: dict[str, dict[str, float]], name: str, page: int) -> dict[str, float]:
    """A run's font class: `ft<page><font>`. pdftohtml defines a font's class only on the
    first page that uses it (`.ft413` on page 4) and names it after the page it is used
    on (`ft513` on page 5): such a class is its font's definition on an earlier page."""
    if name in fonts or not name.startswith(f"ft{page}"):
        return fonts.get(name, {})
    font = name.removeprefix(f"ft{page}")
    return next((fonts[f"ft{p}{font}"] for p in range(page - 1, 0, -1)
                 if f"ft{p}{font}" in fonts), {})


def _html_pages(root: etree._Element) -> list[tuple[float, list[_Run]]]:
    """pdftohtml's HTML: each page's height and runs (a `<div id="pageN-div">` a page; a
    run's lines at its `line-height` apart)."""
    fonts = {name: _px(body) for style in root.iter("style")
             for name, body in _FONT_CLASS.findall(style.text or "")}
    pages: list[tuple[float, list[_Run]]] = []
    for div in root.iter("div"):
        page = re.fullmatch(r"page(\d+)-div", div.get("id", ""))
        if not page:
            continue
        runs = []
        for el in div.iter("p", "div"):
            at = _px(el.get("style", ""))
            if el is div or "top" not in at or "left" not in at:
                continue
            font = _font(fonts, el.get("class", ""), int(page[1]))
            size = font.get("font-size", 16.0)
            for br in el.iter("br"):
                br.tail = "\n" + (br.tail or "")
            lines = "".join(el.itertext()).split("\n")
            step = font.get("line-height", size * 1.25)
            runs.extend(_Run(at["top"] + k * step, at["left"], size, text)
                        for k, text in enumerate(lines) if text.strip())
        pages.append((_px(div.get("style", "")).get("height", 0.0), runs))
    return pages


def _xml_pages(root: etree._Element) -> list[tuple[float, list[_Run]]]:
    """pdftohtml's XML: each `<page>`'s height and `<text>` runs, sized by `<fontspec>`."""
    sizes = {f.get("id"): _number(f.get("size")) for f in root.iter("fontspec")}
    return [(_number(page.get("height")),
             [_Run(_number(t.get("top")), _number(t.get("left")),
                   sizes.get(t.get("font")) or _number(t.get("height")),
                   "".join(t.itertext()), _number(t.get("width")) or None)
              for t in page.iter("text") if "".join(t.itertext()).strip()])
            for page in root.iter("page")]


def read(name: str, sha256: str, size: int, decoded: str) -> Document:
    """Read a converter's positioned runs as the PDF reader reads a page of text."""
    if is_converter_xml(decoded):
        parser = etree.XMLParser(recover=True, no_network=True, load_dtd=False,
                                 resolve_entities=False)
        root = etree.fromstring(decoded.encode("utf-8"), parser)
        pages = _xml_pages(root) if root is not None else []
    else:
        root = etree.fromstring(decoded, etree.HTMLParser())
        pages = _html_pages(root) if root is not None else []
    rows: list[list[PdfRow]] = []
    for number, (_, runs) in enumerate(pages, start=1):
        rows.append(page_of_rows(_page_rows(number, runs), rows[-1] if rows else None))
    if not any(rows):
        raise UnreadableFile(f"{name}: positioned text runs hold no text")
    text = "\n".join(" ".join(c.text for c in row.cells) for page in rows for row in page)
    cells = pages_cells(rows, [height for height, _ in pages], 0)
    return Document(name, sha256, size, "positioned_runs", text, cells)
