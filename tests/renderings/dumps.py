"""Text renderings of every labelled report made with the real tools, and their scores.

Helpers for the rendering tests and `bench/bench_renderings.py`, not tests. Each labelled
report (`../shared/corpus/truth`) is written as HTML in up to three ways:

- `word`: the page Word writes when a document is saved as a web page (make.py);
- `plain`: a plain bordered `<table>` page with the same spans and plain-text cells;
- `page`: the corpus's own HTML file, as it is (011.html).

Each HTML page is then dumped to text by the real tools (`TOOLS`: w3m, lynx, elinks and
pandoc, some at several widths and in GBK, w3m with ASCII borders, pandoc to plain text,
Markdown, GitHub Markdown, CommonMark, reStructuredText, AsciiDoc, Org, MediaWiki, HTML
and DOCX, Chromium's `innerText`, the text a user copies from the browser, and its
`--dump-dom`, LibreOffice's text and DOCX; pandoc also reads the DOCX of the layout back
to text, Markdown, GitHub Markdown and HTML) and, when Chromium is at hand, printed to
PDF and turned into text by `pdftotext` (`-layout`, `-layout -fixed 3`, `-raw`, and in
reading order) and pdfminer's `pdf2txt.py`; the laid-out tables of the `plain` page are
also printed by the `tabulate` library in seven formats, and each page's text nodes are
joined as Python crawlers join them (lxml/BeautifulSoup). A dump is scored against its
truth by `../shared/tools/score.py` itself (which runs `ogi parse --json`). Its truth is
the report's truth with one change: a tool that drops blank cells (`drops_blanks`) makes
the non-null cells of every printed row with a blank cell unrecoverable (the issue's
rule: the right output there is a flagged null unless counts or identities fix the
values).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from make import (
    CORPUS_TRUTH,
    Cell,
    Grid,
    Layout,
    docx_bytes,
    flattened,
    layout,
    load_truth,
    placed,
    word_html_bytes,
)

ROOT = Path(__file__).parents[2]
CORPUS = CORPUS_TRUTH.parent
SCORE = CORPUS.parent / "tools" / "score.py"


@dataclass(frozen=True)
class Tool:
    """One way of dumping an HTML page to text: the command, `{src}` for the page."""

    name: str
    command: tuple[str, ...]
    drops_blanks: bool = False  # prints nothing for an empty cell (lynx, pdftotext)
    via_pdf: bool = False  # `{src}` is a PDF printed from the page by Chromium
    # `{src}` is the DOCX of the page's layout (make.docx_bytes): pages made from the
    # truth only, once (the Word page has the plain page's layout).
    via_docx: bool = False

    def available(self) -> bool:
        if self.command[0] in ("tabulate", "lxml", "python"):
            return True
        if self.command[0] == "chromedriver":
            return all(shutil.which(c) for c in ("chromedriver", "chromium"))
        needed = [self.command[0]] + (["chromium"] if self.via_pdf else [])
        return all(shutil.which(c) for c in needed)


TOOLS: tuple[Tool, ...] = (
    Tool("w3m", ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8",
                 "-cols", "80", "{src}")),
    Tool("w3m-160", ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8",
                     "-cols", "160", "{src}")),
    Tool("w3m-40", ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8",
                    "-cols", "40", "{src}")),
    Tool("lynx", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                  "-display_charset=utf-8", "-width=80", "{src}"), drops_blanks=True),
    Tool("lynx-200", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                      "-display_charset=utf-8", "-width=200", "{src}"), drops_blanks=True),
    Tool("lynx-40", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                     "-display_charset=utf-8", "-width=40", "{src}"), drops_blanks=True),
    Tool("elinks", ("elinks", "-dump", "-no-references", "-no-numbering", "-dump-charset",
                    "utf-8", "-dump-width", "80", "{src}")),
    Tool("elinks-60", ("elinks", "-dump", "-no-references", "-no-numbering", "-dump-charset",
                       "utf-8", "-dump-width", "60", "{src}")),
    Tool("elinks-160", ("elinks", "-dump", "-no-references", "-no-numbering",
                        "-dump-charset", "utf-8", "-dump-width", "160", "{src}")),
    # Links 2 (Debian's `links`): ASCII borders whose walls drift, a CJK character
    # counted one column wide while the terminal shows it two
    Tool("links", ("links", "-dump", "-width", "80", "-codepage", "utf-8", "{src}")),
    Tool("links-160", ("links", "-dump", "-width", "160", "-codepage", "utf-8", "{src}")),
    # as they come: every link's number before its text (`[4]12`), the links listed last
    Tool("lynx-refs", ("lynx", "-dump", "-assume_charset=utf-8", "-display_charset=utf-8",
                       "-width=80", "{src}"), drops_blanks=True),
    Tool("elinks-refs", ("elinks", "-dump", "-dump-charset", "utf-8", "-dump-width", "80",
                         "{src}")),
    Tool("pandoc-plain", ("pandoc", "-f", "html", "-t", "plain", "{src}")),
    Tool("pandoc-plain-40", ("pandoc", "-f", "html", "-t", "plain", "--columns=40", "{src}")),
    Tool("pandoc-markdown", ("pandoc", "-f", "html", "-t", "markdown", "{src}")),
    # GitHub Markdown: pipe tables, and raw HTML <table>s where a table has spans
    Tool("pandoc-gfm", ("pandoc", "-f", "html", "-t", "gfm", "{src}")),
    Tool("pandoc-rst", ("pandoc", "-f", "html", "-t", "rst", "{src}")),
    # GBK output (as on a Chinese Windows console): the reader decodes it; w3m then
    # prints a box rule `─` two columns wide.
    Tool("w3m-gbk", ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "GBK",
                     "-cols", "100", "{src}")),
    Tool("lynx-gbk", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                      "-display_charset=GBK", "-width=132", "{src}"), drops_blanks=True),
    Tool("elinks-250", ("elinks", "-dump", "-no-references", "-no-numbering",
                        "-dump-charset", "utf-8", "-dump-width", "250", "{src}")),
    # AsciiDoc: a `|` opens a cell, rows wrap over lines, a trailing `|` is an empty cell
    Tool("pandoc-asciidoc", ("pandoc", "-f", "html", "-t", "asciidoc", "{src}")),
    # Org: pipe rows with no `|---|` rule, the walls aligned on every line
    Tool("pandoc-org", ("pandoc", "-f", "html", "-t", "org", "{src}")),
    # A browser's copied text: `document.body.innerText` in headless Chromium (a row a
    # line, cells split by tabs, the cells a rowspan covers left out).
    Tool("chromium-innertext", ("chromedriver", "innerText")),
    # A browser's "save as single file": the page as MHTML (Page.captureSnapshot), its
    # HTML quoted-printable, serialised from the DOM Chromium built (broken markup
    # repaired Chromium's way, not lxml's).
    Tool("chromium-mhtml", ("chromedriver", "mhtml")),
    # pdftotext prints nothing for an empty cell, and its character columns drift by a
    # few characters from line to line: where a row's blanks were is lost as with lynx.
    Tool("pdftotext", ("pdftotext", "-layout", "-enc", "UTF-8", "{src}", "-"), via_pdf=True,
         drops_blanks=True),
    # The same at a fixed pitch of 3 points a character: wider gaps, more lines wrapped.
    Tool("pdftotext-fixed3", ("pdftotext", "-layout", "-fixed", "3", "-enc", "UTF-8", "{src}",
                              "-"), via_pdf=True, drops_blanks=True),
    # The content stream's order: a row's label and values on one line, no layout.
    Tool("pdftotext-raw", ("pdftotext", "-raw", "-enc", "UTF-8", "{src}", "-"), via_pdf=True,
         drops_blanks=True),
    # Reading order (no -layout) and pdfminer's pdf2txt.py: a table block by block, its
    # values out of row order; read as `text_reading_order`, every table value null.
    Tool("pdftotext-reading", ("pdftotext", "-enc", "UTF-8", "{src}", "-"), via_pdf=True,
         drops_blanks=True),
    Tool("pdf2txt", ("pdf2txt.py", "{src}"), via_pdf=True, drops_blanks=True),
    # The tables printed by the `tabulate` library (as Python scripts and notebooks
    # print them), spans flattened: ("tabulate", format).
    *(Tool(f"tabulate-{f}", ("tabulate", f))
      for f in ("grid", "fancy_grid", "psql", "outline", "simple", "pipe", "rst")),
    # w3m's borders in ASCII (`+---+`, `|`) instead of box drawing, as on a terminal
    # without line-drawing characters.
    Tool("w3m-nograph", ("w3m", "-dump", "-no-graph", "-T", "text/html", "-I", "UTF-8",
                         "-O", "UTF-8", "-cols", "80", "{src}")),
    # lynx past ~300 columns counts bytes as columns and cuts a wide cell's label inside
    # a UTF-8 character (read/decode.py reads such text, the cut character as U+FFFD).
    Tool("lynx-400", ("lynx", "-dump", "-nolist", "-assume_charset=utf-8",
                      "-display_charset=utf-8", "-width=400", "{src}"), drops_blanks=True),
    # The page re-published by pandoc (HTML again), in CommonMark, and as a wiki page
    # (`{|` tables, one cell a line, a blank cell a bare `|`: read/text_mediawiki.py).
    Tool("pandoc-html", ("pandoc", "-f", "html", "-t", "html", "{src}")),
    Tool("pandoc-commonmark", ("pandoc", "-f", "html", "-t", "commonmark", "{src}")),
    Tool("pandoc-mediawiki", ("pandoc", "-f", "html", "-t", "mediawiki", "{src}")),
    # The page saved as a DOCX by pandoc, read by the DOCX reader.
    Tool("pandoc-docx", ("pandoc", "-f", "html", "-t", "docx", "-o", "{out}", "{src}")),
    # The DOM a crawler saves with headless Chromium (`--dump-dom`): HTML again.
    Tool("chromium-dumpdom", ("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                              "--dump-dom", "file://{src}")),
    # LibreOffice opens the page in Writer and saves it as text (one cell a line, an
    # empty line for a blank cell) or as a DOCX: ("soffice", filter, extension).
    Tool("soffice-txt", ("soffice", "txt:Text (encoded):UTF8", "txt")),
    Tool("soffice-docx", ("soffice", "docx:MS Word 2007 XML", "docx")),
    # A Word document saved as text by LibreOffice (the DOCX of the layout).
    Tool("docx-soffice-txt", ("soffice", "txt:Text (encoded):UTF8", "txt"), via_docx=True),
    # pandoc from a Word document: the DOCX of the layout as text, Markdown, GitHub
    # Markdown and HTML.
    *(Tool(f"docx-pandoc-{f}", ("pandoc", "-f", "docx", "-t", f, "{src}"), via_docx=True)
      for f in ("plain", "markdown", "gfm", "html")),
    # A Python crawler's page text: the text nodes of the parsed page (lxml `itertext()`,
    # BeautifulSoup `get_text()`), joined by a line break as they are, or stripped, empty
    # ones (blank cells) dropped, and joined by a space (`get_text(" ", strip=True)`).
    Tool("lxml-itertext", ("lxml", "\n", "")),
    Tool("lxml-gettext-space", ("lxml", " ", "strip"), drops_blanks=True),
    # Python libraries a crawler or a notebook turns a page into text with: ("python",
    # library, setting). html2text writes Markdown, a table as pipe rows with no outer
    # walls, its lines wrapped at 78 columns by default (`body_width=0`: never), or the
    # tables kept as HTML (`bypass_tables`); inscriptis lays a table out as aligned
    # columns; Scrapy's html-text joins the text with a line break a block.
    Tool("html2text", ("python", "html2text", "default")),
    Tool("html2text-nowrap", ("python", "html2text", "body_width=0")),
    Tool("html2text-bypass", ("python", "html2text", "bypass_tables")),
    Tool("inscriptis", ("python", "inscriptis", "default")),
    Tool("html-text", ("python", "html_text", "default")),
    # Debian's html2text (a C++ program of the same name; its path, because PyPI
    # html2text's script is found first in the project's environment): tables laid out
    # as columns, no borders, bold written plainly (`-nobs`).
    Tool("debian-html2text", ("/usr/bin/html2text", "-utf8", "-nobs", "-width", "80",
                              "{src}")),
)


@dataclass(frozen=True)
class Page:
    """One HTML page of one labelled report (UTF-8), with the truth it is scored on."""

    stem: str  # the truth file's stem
    source: str  # word | plain | page
    html: bytes
    truth: dict
    layout: Layout | None = None  # the tables as laid out, for pages made from the truth


# --- the HTML pages -----------------------------------------------------------------------

def _utf8(page: bytes) -> bytes:
    """Word's GB18030 page as UTF-8, its charset declaration changed to match."""
    text = page.decode("gb18030").replace("charset=gb2312", "charset=utf-8")
    return text.encode("utf-8")


def _plain_table(grid: Grid) -> str:
    rows: dict[int, list[tuple[int, Cell]]] = {}
    for r, c, cell in placed(grid.rows):
        rows.setdefault(r, []).append((c, cell))
    out = ["<table border=1>"]
    for r in sorted(rows):
        tds = []
        for _, cell in sorted(rows[r], key=lambda x: x[0]):
            spans = "".join(f" {k}={n}" for k, n in (("colspan", cell.colspan),
                                                      ("rowspan", cell.rowspan)) if n > 1)
            tds.append(f"<td{spans}>{html.escape(cell.text).replace(chr(10), '<br>')}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    return "\n".join(out) + "\n</table>\n"


def plain_html_bytes(report: Layout) -> bytes:
    """A plain page: paragraphs and bordered tables with rowspan/colspan, UTF-8."""
    body = [_plain_table(i) if isinstance(i, Grid) else f"<p>{html.escape(i)}</p>\n"
            for i in report.body]
    return ("<html><head><meta charset=\"utf-8\"><title>" + html.escape(report.title)
            + "</title></head>\n<body>\n" + "".join(body) + "</body></html>\n").encode()


def truth_paths() -> list[Path]:
    return sorted(CORPUS_TRUTH.glob("*.json"))


def pages() -> Iterator[Page]:
    """Every labelled report's HTML pages: Word's, a plain one, and the corpus's own."""
    for path in truth_paths():
        truth = load_truth(path)
        printed = {**truth, "unrecoverable": []}  # made from the truth: every cell printed
        report = layout(truth)
        yield Page(path.stem, "word", _utf8(word_html_bytes(report)), printed)
        yield Page(path.stem, "plain", plain_html_bytes(report), printed, report)
        own = CORPUS / "reports" / truth["file"]
        if own.suffix == ".html":
            yield Page(path.stem, "page", own.read_bytes(), truth)


# --- dumping ------------------------------------------------------------------------------

def _print_pdf(src: Path, out: Path) -> None:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={out}", src.as_uri()],
                   check=True, capture_output=True, timeout=120)


def tabulate_text(report: Layout, tablefmt: str) -> bytes:
    """The report as text with its tables printed by `tabulate` (a span's text in its
    first position, the positions it covers empty)."""
    from tabulate import tabulate

    parts = []
    for item in report.body:
        if not isinstance(item, Grid):
            parts.append(item)
            continue
        matrix = flattened(item)
        parts.append(tabulate(matrix, tablefmt=tablefmt, disable_numparse=True))
    return ("\n\n".join(parts) + "\n").encode()


_BROWSER: list = []  # one headless Chromium for every page (it takes seconds to start)


def browser_text(src: Path, prop: str) -> bytes:
    """`document.body.<prop>` of the page in headless Chromium (selenium, chromedriver):
    the text a user copies from the browser; for `mhtml`, the page saved as one file."""
    if not _BROWSER:
        import atexit

        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu"):
            options.add_argument(arg)
        _BROWSER.append(webdriver.Chrome(options=options,
                                         service=Service(shutil.which("chromedriver"))))
        atexit.register(_BROWSER[0].quit)
    _BROWSER[0].get(src.as_uri())
    if prop == "mhtml":
        return _BROWSER[0].execute_cdp_cmd("Page.captureSnapshot", {"format": "mhtml"}
                                           )["data"].encode()
    return _BROWSER[0].execute_script(f"return document.body.{prop}").encode()


def applies(tool: Tool, page: Page) -> bool:
    """Whether the tool renders this page: tabulate and the DOCX of the layout print the
    laid-out tables once."""
    once = tool.command[0] == "tabulate" or tool.via_docx
    return not once or page.layout is not None


def soffice_convert(src: Path, filt: str, extension: str) -> bytes:
    """The page (or DOCX) opened in LibreOffice Writer and saved with the export filter
    `filt`."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        infilter = ["--infilter=HTML (StarWriter)"] if src.suffix == ".html" else []
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        *infilter, "--convert-to", filt, "--outdir", work, str(src)],
                       check=True, capture_output=True, timeout=300)
        return (Path(work) / f"{src.stem}.{extension}").read_bytes()


def lxml_text(page: bytes, separator: str, strip: bool) -> bytes:
    """The page's text nodes joined by `separator` (scripts and styles left out); with
    `strip`, each stripped and the empty ones dropped, as BeautifulSoup's `strip=True`."""
    import lxml.html

    doc = lxml.html.fromstring(page)
    for node in doc.xpath("//script|//style"):
        node.drop_tree()
    texts = [t.strip() for t in doc.itertext()] if strip else list(doc.itertext())
    return separator.join(t for t in texts if t or not strip).encode()


def python_text(page: bytes, library: str, setting: str) -> bytes:
    """The page's text by a Python library (html2text, inscriptis, html_text) as a
    caller of its documented entry point gets it."""
    source = page.decode("utf-8")
    if library == "html2text":
        import html2text

        maker = html2text.HTML2Text()
        if setting == "body_width=0":
            maker.body_width = 0
        elif setting == "bypass_tables":
            maker.bypass_tables = True
        return maker.handle(source).encode()
    if library == "inscriptis":
        from inscriptis import get_text

        return get_text(source).encode()
    import html_text

    return html_text.extract_text(source).encode()


def dump(tool: Tool, page: Page, work: Path) -> bytes:
    """The tool's text rendering of the page (work: a scratch directory)."""
    if tool.command[0] == "lxml":
        return lxml_text(page.html, tool.command[1], tool.command[2] == "strip")
    if tool.command[0] == "python":
        return python_text(page.html, tool.command[1], tool.command[2])
    if tool.command[0] == "tabulate":
        assert page.layout is not None
        return tabulate_text(page.layout, tool.command[1])
    src = work / f"{page.stem}-{page.source}.html"
    src.write_bytes(page.html)
    if tool.command[0] == "chromedriver":
        return browser_text(src, tool.command[1])
    if tool.via_docx:
        assert page.layout is not None
        src = src.with_suffix(".docx")
        src.write_bytes(docx_bytes(page.layout))
    if tool.command[0] == "soffice":
        return soffice_convert(src, *tool.command[1:])
    if tool.via_pdf:
        pdf = src.with_suffix(".pdf")
        if not pdf.exists():
            _print_pdf(src, pdf)
        src = pdf
    env = {**os.environ, "HOME": str(work)}  # elinks writes its settings under HOME
    out = work / f"{page.stem}-{page.source}.out"
    command = [a.replace("{src}", str(src)).replace("{out}", str(out)) for a in tool.command]
    printed = subprocess.run(command, check=True, capture_output=True, env=env, cwd=work,
                             timeout=120).stdout
    return out.read_bytes() if "{out}" in tool.command else printed


# --- truth and scoring --------------------------------------------------------------------

def printed_row(cell_id: str) -> str:
    """The printed row a cell is in: table 四's 15 values are one printed row."""
    table, row, _ = cell_id.split(".")
    return table if table == "t4" else f"{table}.{row}"


def lost_blank_cells(truth: dict) -> list[str]:
    """Non-null cells of printed rows with a blank: their columns are lost with the blank."""
    with_blank = {printed_row(c) for c, v in truth["cells"].items() if v is None}
    return [c for c, v in truth["cells"].items() if v is not None and printed_row(c) in with_blank]


def scored_truth(tool: Tool, page: Page) -> dict:
    if not tool.drops_blanks:
        return page.truth
    unrecoverable = sorted({*page.truth.get("unrecoverable", []), *lost_blank_cells(page.truth)})
    return {**page.truth, "unrecoverable": unrecoverable}


@dataclass(frozen=True)
class Score:
    """score.py's verdict on one rendering; `unrecoverable` as the truth lists them."""

    cells: int
    right: int
    wrong: int
    missed: int
    invented: int
    unrecoverable: int
    missed_recoverable: int  # missed cells that are not in the unrecoverable list

    @property
    def recoverable_right(self) -> float:
        recoverable = self.cells - self.unrecoverable
        return 1.0 if not recoverable else 1 - (self.missed_recoverable + self.wrong
                                                + self.invented) / recoverable


_LINE = re.compile(r"^(?P<name>\S+): (?P<right>\d+)/(?P<cells>\d+) right, (?P<wrong>\d+) wrong, "
                   r"(?P<missed>\d+) missed, (?P<invented>\d+) invented")
_DETAIL = re.compile(r"^\s+(?P<kind>wrong|missed|invented): (?P<cell>\S+) ")


def score(named: dict[str, tuple[bytes, dict]]) -> dict[str, Score]:
    """Scores by score.py of renderings {file name: (bytes, truth)} in one `ogi parse`."""
    with tempfile.TemporaryDirectory() as tmp:
        reports, truths = Path(tmp, "reports"), Path(tmp, "truth")
        reports.mkdir()
        truths.mkdir()
        for name, (data, truth) in named.items():
            (reports / name).write_bytes(data)
            (truths / f"{Path(name).stem}.json").write_text(json.dumps(truth, ensure_ascii=False))
        out = subprocess.run(["uv", "run", "--quiet", "python", str(SCORE), str(truths),
                              str(reports), "--detail"], cwd=ROOT, capture_output=True,
                             text=True, timeout=900).stdout
    return _parse_score(out, named)


def _parse_score(out: str, named: dict[str, tuple[bytes, dict]]) -> dict[str, Score]:
    scores: dict[str, Score] = {}
    name, counts, missed = None, {}, []
    for line in [*out.splitlines(), ""]:
        m = _LINE.match(line)
        detail = _DETAIL.match(line)
        if detail:
            if detail["kind"] == "missed":
                missed.append(detail["cell"])
            continue
        if name is not None:
            unrec = set(named[name][1].get("unrecoverable", []))
            scores[name] = Score(**counts, unrecoverable=len(unrec),
                                 missed_recoverable=len(set(missed) - unrec))
            name = None
        if m:
            name, missed = m["name"], []
            counts = {k: int(m[k]) for k in ("cells", "right", "wrong", "missed", "invented")}
    return scores


def rendering_name(tool: Tool, page: Page) -> str:
    return f"{page.stem}--{page.source}--{tool.name}.txt"
