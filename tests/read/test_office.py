"""Legacy DOC/WPS conversion: a real Word 97 file through the real LibreOffice, and
LibreOffice absent, failing and hanging.

The real conversion needs LibreOffice (`.ci/run` installs Debian's
libreoffice-writer-nogui). For the failures a stand-in `soffice` script on PATH plays it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from pipelines.parse import parse_file
from pipelines.read import office
from pipelines.read.decode import UnreadableFile

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.slow
def test_a_real_word97_file_is_read_exactly() -> None:
    # The labelled Shanghai report written as DOCX (tests/renderings/make.py), saved by
    # LibreOffice with its "MS Word 97" filter: a binary DOC with merged cells.
    doc = FIXTURES / "reports" / "shanghai-office-2019-word97.doc"
    truth = json.loads((FIXTURES / "truth" / "shanghai-office-2019.json").read_text("utf-8"))
    report = parse_file(doc)
    assert (report.status, report.rendering, report.format_version) == (
        "complete", "doc", "gov_2019")
    assert (report.agency, report.report_year) == ("上海市人民政府办公厅", 2019)
    assert {cid: c.value for cid, c in report.cells.items()} == truth["cells"]


# Writes <outdir>/<input stem>.docx holding the input's bytes reversed, or misbehaves.
FAKE_SOFFICE = """#!{python}
import sys, time
from pathlib import Path
args = sys.argv[1:]
assert args[:1] == ["--headless"] and "--convert-to" in args, args
mode = {mode!r}
if mode == "fail":
    print("Error: source file could not be loaded")
    sys.exit(1)
if mode == "hang":
    time.sleep(60)
out = Path(args[args.index("--outdir") + 1])
source = Path(args[-1])
out.mkdir(parents=True, exist_ok=True)
(out / (source.stem + ".docx")).write_bytes(source.read_bytes()[::-1])
"""


def _fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "soffice"
    script.write_text(FAKE_SOFFICE.format(python=sys.executable, mode=mode))
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(bin_dir))


def test_without_libreoffice_the_file_is_unreadable(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing on PATH
    with pytest.raises(UnreadableFile) as e:
        office.convert_to_docx("报告.doc", b"\xd0\xcf\x11\xe0")
    assert str(e.value) == ("报告.doc: a legacy Word/WPS file needs LibreOffice (soffice) to "
                            "be converted; it is not installed")


def test_converts_with_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "convert")
    assert office.convert_to_docx("报告.wps", b"abc") == b"cba"


def test_a_failed_conversion_gives_the_converter_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "fail")
    with pytest.raises(UnreadableFile, match=r"^a\.doc: LibreOffice could not convert the file "
                       r"\(Error: source file could not be loaded\)$"):
        office.convert_to_docx("a.doc", b"abc")


def test_a_hanging_conversion_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_soffice(tmp_path, monkeypatch, "hang")
    with pytest.raises(UnreadableFile, match=r"^a\.doc: LibreOffice did not convert the file "
                       r"within 0\.5 s$"):
        office.convert_to_docx("a.doc", b"abc", timeout=0.5)
