"""DOCX variants of the labelled reports printed and dumped by ordinary tools (issue 13).

Helpers for `test_cross_docx.py` and `bench/bench_cross_docx.py`, not tests. Agencies write
the report in Word/WPS and publish the DOCX or a PDF made from it; a crawler keeps the DOCX,
the PDF, its text, or the DOCX's text. Each DOCX variant of `variants.py` (`Variant(...,
".docx", ...)`: nested tables, a 序号 or 备注 column, hidden runs, split tables…) is converted by

- `docx`: the document itself, read by the DOCX reader;
- `pdf`: LibreOffice's PDF export (`soffice --convert-to pdf`), read by the PDF reader;
- `pdf-layout`, `pdf-raw`, `pdf-reading`: that PDF through `pdftotext -layout` / `-raw` /
  without options (reading order) (cross_pdftext);
- `soffice-txt`, `soffice-html`: LibreOffice's text and HTML export;
- `pandoc-plain`, `pandoc-markdown`, `pandoc-gfm`: pandoc from the DOCX;

and read back, scored against the cells the variant must read as. Conversions are cached
under `<worktree>/.cache/xdocx/<converter>/` by what the DOCX is made from (the truth,
the variant, `make.py` and `variants.py`: a DOCX holds the time it was made). LibreOffice
starts once for all the files a sweep lacks (`prepare`): one soffice at a time, a private
profile.

pdftotext prints nothing for an empty cell: the non-null cells of a printed row with a blank
are unrecoverable there (as `cross_pdftext.lost`), except where the variant prints its
blanks as text.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from pathlib import Path

from cross import PRINTED_BLANKS, read_back, scored
from cross_pdftext import pdf_text
from dumps import lost_blank_cells
from variants import Score, Variant, named, variants

ROOT = Path(__file__).parents[2]
CACHE = ROOT / ".cache" / "xdocx"

# converter -> (soffice filter, extension) for LibreOffice's exports of the DOCX.
SOFFICE: dict[str, tuple[str, str]] = {
    "pdf": ("pdf:writer_pdf_Export", "pdf"),
    "soffice-txt": ("txt:Text (encoded):UTF8", "txt"),
    "soffice-html": ("html:HTML (StarWriter)", "html"),
}
PANDOC = {"pandoc-plain": "plain", "pandoc-markdown": "markdown", "pandoc-gfm": "gfm"}
PDFTEXT = {"pdf-layout": "layout", "pdf-raw": "raw", "pdf-reading": "reading"}
# `docx`: the Word document itself, as the agency publishes it (no tool between).
CONVERTERS: tuple[str, ...] = ("docx", "pdf", *PDFTEXT, "soffice-txt", "soffice-html",
                               *PANDOC)


def docx_variants() -> list[Variant]:
    """The variants that are Word documents."""
    return [v for v in variants() if v.suffix == ".docx"]


def docx_variant(name: str) -> Variant:
    """The DOCX variant of this name; `<name>+revalued`: its document with other numbers
    (variants.renumbered)."""
    return named(name, docx_variants())


def cache_name(variant: Variant, truth_path: Path) -> str:
    """The variant's DOCX of the report, as its conversions are cached: keyed by what it
    is made from (a DOCX holds the time it was made), so a cached one is not made again."""
    made_from = [truth_path.read_bytes(), variant.name.encode(),
                 *(Path(__file__).with_name(f).read_bytes() for f in ("make.py", "variants.py"))]
    key = hashlib.sha256(b"\0".join(made_from)).hexdigest()[:16]
    return f"{truth_path.stem}-{variant.name}-{key}"


def wanted(variant: Variant, truth_path: Path) -> dict:
    """The cells the variant of the report must read as (its own numbers where it draws
    them anew, as `Variant.make`)."""
    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    return variant.cells(variant.renumber(truth) if variant.renumber else truth["cells"])


def docx_of(variant: Variant, truth_path: Path, cache: Path = CACHE) -> bytes:
    """The variant's DOCX of the report, kept under `cache/docx/` (making one takes seconds
    on a loaded machine, and every converter starts from it)."""
    kept = cache / "docx" / f"{cache_name(variant, truth_path)}.docx"
    if kept.is_file():
        return kept.read_bytes()
    data = variant.make(json.loads(truth_path.read_text(encoding="utf-8")))[0]
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(data)
    return data


def _target(converter: str, name: str, cache: Path) -> Path:
    ext = SOFFICE[converter][1] if converter in SOFFICE else "txt"
    return cache / converter / f"{name}.{ext}"


def prepare(converter: str, docs: list[tuple[Variant, Path]], cache: Path = CACHE) -> None:
    """LibreOffice's `converter` export of every (variant, report) DOCX not cached yet, in
    one soffice run (it starts slowly; the machine is shared: nice, one at a time)."""
    todo = [(cache_name(v, t), v, t) for v, t in docs]
    todo = [(n, v, t) for n, v, t in todo if not _target(converter, n, cache).is_file()]
    if not todo:
        return
    filt, ext = SOFFICE[converter]
    with tempfile.TemporaryDirectory() as work:
        src, out = Path(work, "src"), Path(work, "out")
        src.mkdir()
        for name, variant, truth_path in todo:
            (src / f"{name}.docx").write_bytes(docx_of(variant, truth_path, cache))
        profile = Path(work, "profile")
        subprocess.run(["nice", "soffice", f"-env:UserInstallation={profile.as_uri()}",
                        "--headless", "--convert-to", filt, "--outdir", str(out),
                        *sorted(str(p) for p in src.iterdir())],
                       check=True, capture_output=True, timeout=120 + 30 * len(todo))
        for name, _, _ in todo:
            made_file = out / f"{name}.{ext}"
            if made_file.is_file():
                target = _target(converter, name, cache)
                target.parent.mkdir(parents=True, exist_ok=True)
                made_file.replace(target)


def converted(converter: str, variant: Variant, truth_path: Path, cache: Path = CACHE
              ) -> tuple[Path, dict]:
    """The cached conversion of the variant's DOCX (made where missing), and its cells."""
    name, want = cache_name(variant, truth_path), wanted(variant, truth_path)
    target = _target(converter, name, cache)
    if target.is_file():
        return target, want
    source = "pdf" if converter in PDFTEXT else converter
    made_from = _target(source, name, cache)
    if not made_from.is_file():
        if source in SOFFICE:
            prepare(source, [(variant, truth_path)], cache)
        else:
            with tempfile.TemporaryDirectory() as work:
                docx = Path(work, f"{name}.docx")
                docx.write_bytes(docx_of(variant, truth_path, cache))
                text = subprocess.run(["pandoc", "-f", "docx", "-t", PANDOC[source],
                                       str(docx)], check=True, capture_output=True,
                                      timeout=120).stdout
            made_from.parent.mkdir(parents=True, exist_ok=True)
            made_from.write_bytes(text)
    if converter in PDFTEXT:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pdf_text(PDFTEXT[converter], made_from))
    return target, want


def lost(converter: str, variant: Variant, truth: dict, want: dict) -> frozenset[str]:
    """Cells no reading can place: the truth's, and (pdftotext, which prints nothing for an
    empty cell) a dropped blank's row."""
    out = set(truth.get("unrecoverable", ()))
    if converter in PDFTEXT and variant.name.removeprefix("docx-") not in PRINTED_BLANKS:
        out |= set(lost_blank_cells({"cells": want}))
    return frozenset(out)


def read(converter: str, variant: Variant, truth_path: Path, cache: Path = CACHE
         ) -> tuple[Score, dict[str, list[str]], Path]:
    """The variant's DOCX as `converter` makes it, read back: its score, its wrong, missed
    and invented cells (`id=got/want`), and the converted file."""
    from pipelines.parse import parse_file

    truth = json.loads(truth_path.read_text(encoding="utf-8"))
    if converter == "docx":
        data, want = docx_of(variant, truth_path, cache), wanted(variant, truth_path)
        s, detail = read_back(truth_path.stem, data, want,
                              frozenset(truth.get("unrecoverable", ())), ".docx")
        return s, detail, truth_path
    path, want = converted(converter, variant, truth_path, cache)
    gone = lost(converter, variant, truth, want)
    if converter == "pdf":
        report = parse_file(path)
        s, detail = scored({cid: c.value for cid, c in report.cells.items()}, want, gone)
        return s, detail, path
    s, detail = read_back(truth_path.stem, path.read_bytes(), want, gone, path.suffix)
    return s, detail, path
