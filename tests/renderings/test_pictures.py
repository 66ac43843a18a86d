"""Every labelled report as a page whose tables are pictures beside it (pictures.py),
read back through the images and scored; the same tables without ruling lines are not
read (no structure is guessed from them), so nothing is wrong or invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import scans
from pictures import picture_page

from pipelines.parse import parse_file

pytestmark = [pytest.mark.slow, pytest.mark.corpus]

# report -> (right, wrong, missed, invented), as measured. 006's two misses are numbers
# the identities did not vouch for: null, flagged ocr_uncertain.
RULED = {
    "001": (200, 0, 0, 0),
    "004": (200, 0, 0, 0),
    "005": (198, 0, 0, 0),
    "006": (196, 0, 2, 0),
    "011": (198, 0, 0, 0),
    "seed-shaoguan-zhenjiang-2019": (198, 0, 0, 0),
}


def _page(truth_path: Path, folder: Path, borderless: bool) -> Path:
    html, images = picture_page(truth_path, borderless)
    (folder / "images").mkdir(parents=True)
    for src, png in images.items():
        (folder / src).write_bytes(png)
    (folder / "page.html").write_text(html, encoding="utf-8")
    return folder / "page.html"


def _counts(truth_path: Path, report) -> tuple[int, ...]:
    got = scans.score(json.loads(truth_path.read_text(encoding="utf-8")), report.values())
    return got["right"], got["wrong"], got["missed"], got["invented"]


@pytest.mark.parametrize("stem", sorted(RULED))
def test_tables_as_pictures_beside_the_page_are_read(stem: str, tmp_path: Path) -> None:
    truth_path = scans.CORPUS / "truth" / f"{stem}.json"
    report = parse_file(_page(truth_path, tmp_path, borderless=False))
    assert (report.rendering, report.check_source) == ("image", "ocr")
    assert _counts(truth_path, report) == RULED[stem]


def test_tables_without_ruling_lines_are_not_guessed(tmp_path: Path) -> None:
    for _, truth_path in scans.labelled_reports():
        report = parse_file(_page(truth_path, tmp_path / truth_path.stem, borderless=True))
        assert (report.status, report.reason) == ("failed",
                                                  "no statutory table was recognised")
        _, wrong, _, invented = _counts(truth_path, report)
        assert (wrong, invented) == (0, 0)
