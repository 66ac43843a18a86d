"""A labelled report as a CMS page whose statutory tables are pictures (`<img>`).

Helpers for the OCR tests, not tests. `picture_page(truth)` lays the report out as
make.py does (its Word HTML tables, merges and all), takes a screenshot of each table
with headless Chromium (`table_png`), and returns the page's HTML, in which each table
is an `<img src="images/tN.png">`, with the PNG bytes by src. `borderless=True` prints
the tables without any ruling line (the layout only: alignment by cell padding).
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import tempfile
from dataclasses import replace
from pathlib import Path

import numpy as np
from make import Grid, Layout, layout, load_truth, word_html_bytes
from PIL import Image

NO_BORDERS = (b"<style>table, td, th {border: none !important; "
               b"mso-border-alt: none !important}</style></head>")
# A table laid out as a spreadsheet prints it: no rules, a row a line, a gap between rows.
_ROW_A_LINE = (b"<style>table, td, th {border: none !important; white-space: nowrap; "
               b"padding: 3pt 8pt !important}</style></head>")
SCALE = 1.5  # device pixels per CSS pixel: 10.5pt text is ~20 px high, as a 144-dpi scan


def table_png(grid: Grid, borderless: bool = False, row_a_line: bool = False) -> bytes:
    """One table as Word's HTML shows it, screenshotted by Chromium and cropped to its ink;
    `row_a_line`: without rules, line breaks or wrapping, rows padded apart."""
    if row_a_line:  # one table: table 三's two halves would each have columns of their own
        grid = replace(grid, split_at=None)
    page = word_html_bytes(Layout("", [grid]))
    if borderless:
        page = page.replace(b"</head>", NO_BORDERS)
    if row_a_line:
        page = page.replace(b"<br>", b"").replace(b"</head>", _ROW_A_LINE)
    work = Path(tempfile.mkdtemp(prefix="picture-"))
    try:
        (work / "t.html").write_bytes(page)
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={work / 'profile'}", "--hide-scrollbars",
             f"--force-device-scale-factor={SCALE}",
             f"--window-size={2000 if row_a_line else 1000},5000",
             f"--screenshot={work / 't.png'}", (work / "t.html").as_uri()],
            check=True, capture_output=True, timeout=120)
        shot = Image.open(work / "t.png").convert("L")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ink = np.flatnonzero((np.asarray(shot) < 200).any(axis=1))
    cols = np.flatnonzero((np.asarray(shot) < 200).any(axis=0))
    if ink[-1] >= shot.height - 2 or cols[-1] >= shot.width - 2:
        raise ValueError("the table is larger than Chromium's window: the shot cuts it")
    margin = 12
    box = (max(0, int(cols[0]) - margin), max(0, int(ink[0]) - margin),
           min(shot.width, int(cols[-1]) + margin), min(shot.height, int(ink[-1]) + margin))
    out = io.BytesIO()
    shot.crop(box).save(out, "PNG")
    return out.getvalue()


def picture_page(truth_path: Path, borderless: bool = False,
                 row_a_line: bool = False) -> tuple[str, dict[str, bytes]]:
    """The report's page with its tables as images: (HTML, {src: PNG bytes})."""
    report = layout(load_truth(truth_path))
    body, images = [], {}
    for item in report.body:
        if isinstance(item, Grid):
            src = f"images/t{len(images) + 2}.png"
            images[src] = table_png(item, borderless, row_a_line)
            body.append(f'<p><img src="{src}" alt="表格"></p>')
        else:
            body.append(f"<p>{html.escape(item)}</p>")
    page = ("<html><head><meta charset=\"utf-8\"><title>"
            f"{html.escape(report.title)}</title></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
    return page, images
