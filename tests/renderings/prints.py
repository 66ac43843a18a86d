"""PDF renderings of every labelled report, made with the real tools, and their scores.

Helpers for the slow PDF rendering tests and `bench/bench_pdf_renderings.py`, not tests.
Each producer turns a labelled report into a PDF the way a person would:

- `chromium-word-html`: headless Chromium prints the Word-style HTML of `make.py`;
- `chromium-plain-html`: Chromium prints a plain page, one bordered `<table>` per table;
- `chromium-borderless-html`: the same page with tables drawn without any border;
- `soffice-docx`: LibreOffice exports the DOCX of `make.py` to PDF;
- `soffice-docx-repeated-headers`: the same DOCX with its header rows marked to repeat on
  every page a table continues on;
- `soffice-html`: LibreOffice (Writer) exports the Word-style HTML to PDF;
- `chromium-corpus`: Chromium prints the corpus's own HTML reports (011.html);
- `chromium-corpus-a4`: the same on A4 paper (CSS `@page`), the paper Chinese offices
  print on: 011's table 三 is wider than the page and its 总计 column is cut at the edge;
- `chromium-corpus-scale050`: the corpus's HTML printed on A4 at scale 0.5 (a print
  dialog's "Scale: 50"; DevTools `Page.printToPDF`, which the command line cannot set):
  the tables shrink so close together that pdfplumber snapped 011's table 四 column edges
  onto table 三's, and a digit fell into the next cell;
- `chromium-word-html-scale150`: the Word-style HTML printed on A4 at scale 1.5 (a user
  who zooms before printing): narrow label cells wrap every two glyphs, and an item
  number in a Latin font sits 3.4 pt below the CJK glyph beside it, more than
  pdfplumber's fixed 3 pt line tolerance (`1.本机关` read as `本` over `1.机关`);
- `chromium-borderless-html-scale125`: the page without table borders on A4 at scale
  1.25: labels wrap around their values, which may print on no line of the label;
- `chromium-borderless-html-scale150`: the same at scale 1.5: a label's last line below
  its values prints beside a group label's piece, and a label filling its column
  stands 0.73 em from the next column's number;
- `chromium-borderless-html-letter125`, `-landscape150`: the borderless page on Letter at
  1.25 and on A4 landscape at 1.5: 011's table 三 continues on a page where no row
  prints its last columns;
- `chromium-corpus-scale125`: the corpus's HTML on A4 at scale 1.25: 011's table 三 is
  cut after its 4th column, the columns past the edge are not in the file;
- `corpus-pdf`: the corpus's own PDFs (001.pdf), as published.

PDFs are cached under `.cache/pdf-renderings/<producer>/` by a hash of their input, so a
second run costs only the parse. Scores come from `../shared/tools/score.py` (which runs
`ogi parse --json`), run on a folder holding each PDF beside its truth file.
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from make import (
    CORPUS_TRUTH,
    FIXTURE_TRUTH,
    Grid,
    Layout,
    docx_bytes,
    layout,
    load_truth,
    placed,
    word_html_bytes,
)

ROOT = Path(__file__).parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
CACHE = ROOT / ".cache" / "pdf-renderings"
TIMEOUT = 120  # seconds for one conversion; a normal one takes 1–5 s

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync")  # headers and footers printed, as a person's print


@dataclass(frozen=True)
class Rendering:
    """One PDF to score: the producer, the report's stem, the PDF and its truth."""

    producer: str
    stem: str
    pdf: Path
    truth: Path


@dataclass(frozen=True)
class Score:
    right: int
    wrong: int
    missed: int
    invented: int
    cells: int

    @property
    def accuracy(self) -> float:
        return self.right / self.cells if self.cells else 0.0


# --- the tools ----------------------------------------------------------------------------

def chromium_pdf(source: Path, out: Path, tries: int = 3) -> None:
    """Chromium's print-to-PDF of a local page, with a throwaway profile. On a loaded
    machine headless Chromium now and then exits 0 having written nothing: tried again."""
    for _ in range(tries):
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["chromium", *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
                            f"--print-to-pdf={out}", source.resolve().as_uri()],
                           check=True, capture_output=True, timeout=TIMEOUT)
        if out.is_file():
            return
    raise RuntimeError(f"chromium wrote no PDF for {source} ({tries} tries)")


A4_PRINT = {"paperWidth": 8.27, "paperHeight": 11.69, "marginTop": 0.4, "marginBottom": 0.4,
            "marginLeft": 0.4, "marginRight": 0.4}  # inches, as Chromium's print dialog
LETTER_PRINT = dict(A4_PRINT, paperWidth=8.5, paperHeight=11.0)
A4_LANDSCAPE_PRINT = dict(A4_PRINT, paperWidth=11.69, paperHeight=8.27)


def chromium_scaled_pdf(scale: float, paper: dict | None = None
                        ) -> Callable[[Path, Path], None]:
    """Chromium's print of a local page on `paper` (A4 if None) at `scale`, through
    DevTools (chromedriver)."""
    def convert(source: Path, out: Path) -> None:
        import base64

        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for flag in CHROMIUM_FLAGS:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "chromium"
        driver = webdriver.Chrome(options=options,
                                  service=Service(shutil.which("chromedriver")))
        try:
            driver.get(source.resolve().as_uri())
            data = driver.execute_cdp_cmd("Page.printToPDF",
                                          dict(paper or A4_PRINT, scale=scale))
        finally:
            driver.quit()
        out.write_bytes(base64.b64decode(data["data"]))
    return convert


def soffice_pdf(source: Path, out: Path) -> None:
    """LibreOffice's PDF export of a DOCX or HTML file (HTML opened in Writer)."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        filt = "pdf:writer_pdf_Export" if source.suffix != ".docx" else "pdf"
        args = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                "--convert-to", filt, "--outdir", work]
        if source.suffix in (".html", ".htm"):
            args.insert(3, "--infilter=HTML (StarWriter)")
        subprocess.run([*args, str(source)], check=True, capture_output=True,
                       timeout=TIMEOUT)
        made = Path(work) / (source.stem + ".pdf")
        if not made.is_file():
            raise RuntimeError(f"soffice wrote no PDF for {source}")
        shutil.move(made, out)


# --- a plain bordered page ------------------------------------------------------------------

def _plain_table(grid: Grid, border: int = 1) -> str:
    rows: dict[int, list[str]] = {}
    for r, _, cell in placed(grid.rows):
        spans = "".join(f' {k}="{n}"' for k, n in (("colspan", cell.colspan),
                                                   ("rowspan", cell.rowspan)) if n > 1)
        text = "<br>".join(html.escape(line) for line in cell.text.split("\n"))
        rows.setdefault(r, []).append(f"<td{spans}>{text or '&nbsp;'}</td>")
    body = "".join(f"<tr>{''.join(cells)}</tr>\n" for _, cells in sorted(rows.items()))
    return f'<table border="{border}" cellspacing="0" cellpadding="4">\n{body}</table>\n'


def plain_html_bytes(report: Layout, border: int = 1) -> bytes:
    """A CMS-style page: a heading, paragraphs and one table per statutory table, bordered
    or (`border=0`) not."""
    parts = []
    for item in report.body:
        if isinstance(item, Grid):
            parts.append(_plain_table(item, border))
        elif item == report.title:
            parts.append(f"<h1>{html.escape(item)}</h1>\n")
        else:
            parts.append(f"<p>{html.escape(item)}</p>\n")
    return ('<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
            f"<title>{html.escape(report.title)}</title>"
            "<style>table{border-collapse:collapse}td{text-align:center}</style></head>\n"
            f"<body>\n{''.join(parts)}</body></html>\n").encode()


def misprinted(report: Layout, printed: str, misprint: str) -> Layout:
    """The layout with a label misprinted, as an agency's typo prints it."""
    body = []
    for item in report.body:
        if isinstance(item, Grid):
            rows = [[replace(c, text=misprint) if c.text == printed else c for c in row]
                    for row in item.rows]
            item = replace(item, rows=rows)
        body.append(item)
    return replace(report, body=body)


def repeated_headers(data: bytes) -> bytes:
    """The DOCX with each table's header rows (those before its first value) marked to
    repeat at the top of every page the table continues on (Word's "repeat as header
    row", `w:tblHeader`)."""
    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            if any(cell.text.strip().isdigit() for cell in row.cells):
                break
            row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- the producers ------------------------------------------------------------------------

def labelled_truths() -> list[Path]:
    """Every labelled report: the fixture truths and the corpus's, one per report."""
    found = {p.stem: p for p in sorted(CORPUS_TRUTH.glob("*.json"))}
    by_agency = {(d["agency"], d["report_year"]): stem
                 for stem, d in ((s, load_truth(p)) for s, p in found.items())}
    for p in sorted(FIXTURE_TRUTH.glob("*.json")):
        d = load_truth(p)
        if (d["agency"], d["report_year"]) not in by_agency:
            found[p.stem] = p
    return [found[s] for s in sorted(found)]


def _made(producer: str, stem: str, source: bytes, suffix: str,
          convert: Callable[[Path, Path], None], key: bytes = b"") -> Path:
    """The PDF `convert` makes of `source`, cached by `key` (default: the source)."""
    key = hashlib.sha256(key or source).hexdigest()[:16]
    out = CACHE / producer / f"{stem}-{key}.pdf"
    if not out.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        work = _source_dir(key)
        try:
            src = work / f"{stem}{suffix}"
            src.write_bytes(source)
            convert(src, out.with_suffix(".tmp"))
            out.with_suffix(".tmp").rename(out)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return out


def _source_dir(key: str) -> Path:
    """Where the source is written for its converter: the same path on every machine.
    Chromium prints the page's URL in each page's footer, and pdftotext's `-layout` lays
    out a page on one grid of characters, so a print under another TMPDIR or another
    random name can read differently (CI's fresh prints read 7 cells fewer of 005's
    `number-br`). `/tmp/tmp` and 8 characters: as long as the names the expected scores
    were printed under."""
    work = Path("/tmp") / f"tmp{key[:8]}"
    work.mkdir(exist_ok=True)
    return work


def _from_truth(producer: str, make_source: Callable[[Layout], bytes], suffix: str,
                convert: Callable[[Path, Path], None]) -> list[Rendering]:
    out = []
    for truth in labelled_truths():
        source = make_source(layout(load_truth(truth)))
        # A DOCX holds its creation time: the key is what it is made from instead.
        key = truth.read_bytes() + (Path(__file__).parent / "make.py").read_bytes()
        out.append(Rendering(producer, truth.stem,
                             _made(producer, truth.stem, source, suffix, convert, key),
                             truth))
    return out


def on_a4(page: bytes) -> bytes:
    """The page set to print on A4 paper (CSS `@page`, as a print dialog's paper choice)."""
    return b"<style>@page{size:A4}</style>\n" + page


def _corpus(producer: str, suffix: str, convert: Callable[[Path, Path], None] | None,
            edit: Callable[[bytes], bytes] = lambda data: data) -> list[Rendering]:
    out = []
    for report in sorted((CORPUS / "reports").glob(f"*{suffix}")):
        truth = CORPUS / "truth" / f"{report.stem}.json"
        if not truth.is_file():
            continue
        pdf = (report if convert is None
               else _made(producer, report.stem, edit(report.read_bytes()), suffix, convert))
        out.append(Rendering(producer, report.stem, pdf, truth))
    return out


PRODUCERS: dict[str, Callable[[], list[Rendering]]] = {
    "chromium-word-html": lambda: _from_truth("chromium-word-html", word_html_bytes, ".html",
                                              chromium_pdf),
    "chromium-plain-html": lambda: _from_truth("chromium-plain-html", plain_html_bytes,
                                               ".html", chromium_pdf),
    "chromium-borderless-html": lambda: _from_truth(
        "chromium-borderless-html", lambda r: plain_html_bytes(r, border=0), ".html",
        chromium_pdf),
    "soffice-docx": lambda: _from_truth("soffice-docx", docx_bytes, ".docx", soffice_pdf),
    "soffice-docx-repeated-headers": lambda: _from_truth(
        "soffice-docx-repeated-headers", lambda r: repeated_headers(docx_bytes(r)), ".docx",
        soffice_pdf),
    "soffice-html": lambda: _from_truth("soffice-html", word_html_bytes, ".html",
                                        soffice_pdf),
    "chromium-corpus": lambda: _corpus("chromium-corpus", ".html", chromium_pdf),
    "chromium-corpus-a4": lambda: _corpus("chromium-corpus-a4", ".html", chromium_pdf, on_a4),
    "chromium-corpus-scale050": lambda: _corpus("chromium-corpus-scale050", ".html",
                                                chromium_scaled_pdf(0.5)),
    "chromium-word-html-scale150": lambda: _from_truth(
        "chromium-word-html-scale150", word_html_bytes, ".html", chromium_scaled_pdf(1.5)),
    "chromium-borderless-html-scale125": lambda: _from_truth(
        "chromium-borderless-html-scale125", lambda r: plain_html_bytes(r, border=0),
        ".html", chromium_scaled_pdf(1.25)),
    "chromium-borderless-html-scale150": lambda: _from_truth(
        "chromium-borderless-html-scale150", lambda r: plain_html_bytes(r, border=0),
        ".html", chromium_scaled_pdf(1.5)),
    "chromium-borderless-html-letter125": lambda: _from_truth(
        "chromium-borderless-html-letter125", lambda r: plain_html_bytes(r, border=0),
        ".html", chromium_scaled_pdf(1.25, LETTER_PRINT)),
    "chromium-borderless-html-landscape150": lambda: _from_truth(
        "chromium-borderless-html-landscape150", lambda r: plain_html_bytes(r, border=0),
        ".html", chromium_scaled_pdf(1.5, A4_LANDSCAPE_PRINT)),
    "chromium-corpus-scale125": lambda: _corpus("chromium-corpus-scale125", ".html",
                                                chromium_scaled_pdf(1.25)),
    "corpus-pdf": lambda: _corpus("corpus-pdf", ".pdf", None),
}


def renderings(producer: str) -> list[Rendering]:
    return PRODUCERS[producer]()


# --- scoring ------------------------------------------------------------------------------

_LINE = re.compile(r"^(?P<file>\S+): (?P<r>\d+)/(?P<n>\d+) right, (?P<w>\d+) wrong, "
                   r"(?P<m>\d+) missed, (?P<i>\d+) invented")


def score(items: list[Rendering], detail: bool = False) -> tuple[dict[str, Score], str]:
    """Each rendering scored by score.py against its truth; also score.py's own output."""
    with tempfile.TemporaryDirectory() as work:
        reports, truths = Path(work) / "reports", Path(work) / "truth"
        reports.mkdir()
        truths.mkdir()
        for item in items:
            shutil.copy(item.pdf, reports / f"{item.stem}.pdf")  # score.py resolves links
            shutil.copy(item.truth, truths / f"{item.stem}.json")
        proc = subprocess.run([sys.executable, str(SCORE), str(truths), str(reports),
                               *(["--detail"] if detail else [])],
                              cwd=ROOT, capture_output=True, text=True, timeout=600)
    scores = {}
    for line in proc.stdout.splitlines():
        m = _LINE.match(line)
        if m:
            scores[Path(m["file"]).stem] = Score(int(m["r"]), int(m["w"]), int(m["m"]),
                                                 int(m["i"]), int(m["n"]))
    return scores, proc.stdout + proc.stderr


def converted_pdf(argv: list[str], pdf: Path, cache: Path | None, suffix: str,
                  timeout: int, env: dict[str, str] | None = None) -> bytes:
    """What `argv` (a converter run on `pdf`) prints, cached under `cache` by the PDF's
    hash (None: not cached)."""
    target = None
    if cache is not None:
        digest = hashlib.sha256(pdf.read_bytes()).hexdigest()[:16]
        target = cache / f"{pdf.stem}-{digest}{suffix}"
        if target.is_file():
            return target.read_bytes()
    out = subprocess.run(argv, check=True, capture_output=True, timeout=timeout, env=env).stdout
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(out)
    return out


def truth_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
