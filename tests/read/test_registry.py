"""The reader registry is the one list of readers and renderings: every reader it names
exists, is picked for real files, returns only the renderings it registered, and those
are exactly the published enum; the parser fingerprint covers every reader module."""

from __future__ import annotations

import base64
from importlib import import_module
from pathlib import Path

import docx
import pytest
from PIL import Image

from pipelines.fingerprint import PARSER_CODE, ROOT
from pipelines.read import read_file, registry
from pipelines.read.decode import decode
from schemas import vocabulary
from schemas.resources import resources

FIXTURES = Path(__file__).parents[1] / "fixtures" / "reports"
# Reading these needs LibreOffice: slow.
_SLOW = {"shanghai-office-2019-word97.doc"}


def _picked(path: Path) -> registry.Reader:
    data = path.read_bytes()
    for reader in registry.READERS:
        if reader.reads == "bytes" and reader.sniff(data):
            return reader
    return next(r for r in registry.READERS if r.reads == "text" and r.sniff(decode("", data)))


def _fixture_params() -> list:
    return [pytest.param(p, marks=[pytest.mark.slow] if p.name in _SLOW else [], id=p.name)
            for p in sorted(FIXTURES.iterdir())]


@pytest.mark.parametrize("path", _fixture_params())
def test_a_reader_returns_a_rendering_it_registered(path: Path) -> None:
    assert read_file(path).rendering in _picked(path).renderings


@pytest.fixture(scope="module")
def samples(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The fixture reports, a scanned table and a DOCX made here (no DOCX report is
    committed)."""
    document = docx.Document()
    document.add_paragraph("2019年某某区人民政府政府信息公开工作年度报告")
    path = tmp_path_factory.mktemp("docx") / "made.docx"
    document.save(path)
    scans = FIXTURES.parent / "scans"
    picture = scans / "huaian-2024-t4.tif"  # a picture: the OCR reader
    # The same table as a PDF page that is a picture (rendering scan), and in a page as
    # an <img> (rendering image, through the HTML reader).
    pdf = path.parent / "scan.pdf"
    with Image.open(scans / "huaian-2024-p5.jpg") as image:
        image.save(pdf, "PDF", resolution=150)
    page = path.parent / "page.html"
    uri = "data:image/tiff;base64," + base64.b64encode(picture.read_bytes()).decode()
    page.write_text(f"<html><body><p>表四</p><img src=\"{uri}\"></body></html>")
    dumps = FIXTURES.parent / "dumps"  # text browsers' dumps: bordered and aligned text
    runs = FIXTURES.parent / "runs"  # pdftohtml's page of positioned runs
    saved = FIXTURES.parent / "saved"  # a page saved by a browser as one file (MHTML)
    return [*sorted(FIXTURES.iterdir()), *sorted(dumps.iterdir()), *sorted(runs.iterdir()),
            *sorted(saved.iterdir()), picture, pdf, page, path]


def test_a_docx_reader_returns_a_rendering_it_registered(samples: list[Path]) -> None:
    assert read_file(samples[-1]).rendering in _picked(samples[-1]).renderings


def test_every_reader_is_picked_for_a_sample_and_has_a_read_function(
        samples: list[Path]) -> None:
    picked = {_picked(p).module for p in samples}
    assert picked == {r.module for r in registry.READERS}
    for reader in registry.READERS:
        assert callable(import_module(f"pipelines.read.{reader.module}").read)


@pytest.mark.slow
def test_every_registered_rendering_is_returned_for_some_sample(samples: list[Path]) -> None:
    returned = {read_file(p).rendering for p in samples}
    assert returned == set(registry.RENDERINGS) - {registry.UNKNOWN}


def test_the_published_enum_is_the_registry() -> None:
    enum = next(f.enum for f in resources()["reports"].fields if f.name == "rendering")
    assert list(enum) == list(registry.RENDERINGS) == list(vocabulary.RENDERINGS)
    # A rendering two readers return (image: a picture file, or a page whose tables are
    # pictures) means one thing: one description.
    meanings = {(n, text) for r in registry.READERS for n, text in r.renderings.items()}
    assert len(meanings) == len(registry.RENDERINGS) - 1, "one rendering, two descriptions"


def test_the_parser_fingerprint_covers_every_reader_module() -> None:
    covered = [ROOT / part for part in PARSER_CODE]
    for reader in registry.READERS:
        module = Path(import_module(f"pipelines.read.{reader.module}").__file__)
        assert any(module == c or c in module.parents for c in covered), reader.module


def test_an_unregistered_rendering_is_an_error_not_a_silent_value(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader made to return a rendering its entry does not list is stopped at once."""
    text = next(r for r in registry.READERS if r.module == "text")
    narrowed = registry.Reader(text.module, text.reads, text.sniff, {"text_pipes": "x"})
    monkeypatch.setattr(registry, "READERS", tuple(
        narrowed if r is text else r for r in registry.READERS))
    monkeypatch.setattr("pipelines.read.READERS", registry.READERS)
    with pytest.raises(ValueError, match="unregistered rendering 'text_cells'"):
        read_file(FIXTURES / "seed-shaoguan-zhenjiang-2019.txt")
