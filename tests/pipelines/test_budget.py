"""Each file's budget: a zip bomb, a PDF that takes too long and one that takes too much
memory end `failed` with `resource_limit`, and the reports beside them are read."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from pipelines.budget import FileBudget
from pipelines.inputs import InboxBytes, parse_inputs, scan_inbox
from pipelines.parse import parse_bytes

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
REPORT = "pingtan-2020.txt"


def zip_bomb(unpacked: int) -> bytes:
    """A DOCX-shaped zip whose document.xml inflates to `unpacked` bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\0" * (1 << 20)
            for _ in range(unpacked >> 20):
                member.write(block)
    return out.getvalue()


def slow_pdf(operators: int) -> bytes:
    """A one-page PDF whose content stream shows one character `operators` times (each
    costs pdfminer an object; a million took 2 min 17 s and 2.6 GB)."""
    ops = b"BT /F1 12 Tf\n" + b"".join(b"1 0 0 1 %d %d Tm (a) Tj\n" % (i % 500, i % 700)
                                        for i in range(operators)) + b"ET\n"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(ops) + ops + b"endstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    bomb = zip_bomb(300 << 20)  # 300 MiB of zeros in a few hundred KB
    assert len(bomb) < 1 << 20
    report = parse_bytes("bomb.docx", bomb)  # the default budget
    assert (report.status, [f.code for f in report.flags]) == ("failed", ["resource_limit"])
    assert report.reason == ("bomb.docx: its zip members unpack to 314572808 bytes, over the "
                             "limit of 268435456 bytes (OGI_PARSE_MAX_UNPACKED_BYTES)")


def test_a_zip_within_the_budget_goes_to_its_reader() -> None:
    report = parse_bytes("small.docx", zip_bomb(2 << 20), FileBudget(unpacked_bytes=3 << 20))
    assert [f.code for f in report.flags] != ["resource_limit"]


def _inbox(tmp_path: Path, hostile: dict[str, bytes]) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(SAMPLES / REPORT, inbox / REPORT)
    for name, data in hostile.items():
        (inbox / name).write_bytes(data)
    return inbox


def _parsed(inbox: Path, budget: FileBudget) -> dict[str, tuple[str, list[str], str | None]]:
    batch = parse_inputs(scan_inbox(inbox), InboxBytes(inbox), None, budget=budget)
    return {r.file: (r.status, [f.code for f in r.flags][:1], r.reason) for r in batch.reports}


def test_a_file_over_its_time_fails_alone(tmp_path: Path) -> None:
    # 300,000 operators take far over 5 s without a limit; the report, 1 s cold, 0.02 s warm.
    inbox = _inbox(tmp_path, {"a-slow.pdf": slow_pdf(300_000)})
    parsed = _parsed(inbox, FileBudget(seconds=5))
    assert parsed["a-slow.pdf"] == ("failed", ["resource_limit"], "a-slow.pdf: parsing took "
                                    "longer than the limit of 5 s (OGI_PARSE_SECONDS)")
    assert parsed[REPORT][0] == "complete"  # read after it, in the same worker


@pytest.mark.slow
def test_a_file_over_its_memory_fails_alone(tmp_path: Path) -> None:
    # 30,000 operators need more than 150 MB of address space (they fit in 200 MB).
    inbox = _inbox(tmp_path, {"a-big.pdf": slow_pdf(30_000)})
    parsed = _parsed(inbox, FileBudget(seconds=0, memory_bytes=150_000_000))
    assert parsed["a-big.pdf"] == (
        "failed", ["resource_limit"], "a-big.pdf: parsing needed more memory than the "
        "limit of 150000000 bytes (OGI_PARSE_MEMORY_BYTES)")
    assert parsed[REPORT][0] == "complete"
