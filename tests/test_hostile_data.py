"""A build over hostile inputs, all at once (issue 10's data classes): numbers too large to
publish exactly, non-numbers printed in value cells, names and texts that a spreadsheet
would run as formulas, and texts in UTF-16/UTF-32 without a BOM, Big5, with a stray NUL
byte, or binary. Each input is the real seed report with one thing changed; the build
(`ogi build`, a real subprocess running the Dagster job) exits 0, lists every file with
its exact outcome, no CSV cell starts a formula, no number is rounded, and `ogi validate`
passes the release."""

from __future__ import annotations

import csv
import random
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import opencc
import pytest

from pipelines.parts import read_parquet

ROOT = Path(__file__).parents[1]
SEED = (ROOT / "tests" / "fixtures" / "reports" / "seed-shaoguan-zhenjiang-2019.txt"
        ).read_text(encoding="utf-8")
AGENCY = "韶关市浈江区人民政府"
COUNT = "t3.new_received.natural_person"  # line 102 of the seed
AMOUNT = "t2.centralized_procurement.procurement_total_amount"  # line 80
LICENSING = "t2.administrative_licensing.prev_year_items"  # line 36
CHANGE = "t2.administrative_licensing.change"  # line 37: a 0 each file changes, to differ


def _line(n: int, text: str, report: str = SEED) -> str:
    lines = report.split("\n")
    lines[n - 1] = "\t" + text
    return "\n".join(lines)


# file name -> (bytes, the cell that differs from the seed: (id, value, state, raw_text, flag))
HOSTILE: dict[str, tuple[bytes, tuple | None]] = {
    "count-2p53-plus-1.txt": (_line(102, "9007199254740993").encode(),
                              (COUNT, None, "unreadable", "9007199254740993",
                               "value_out_of_range")),
    "count-20-digits.txt": (_line(102, "12345678901234567890").encode(),
                            (COUNT, None, "unreadable", "12345678901234567890",
                             "value_out_of_range")),
    "amount-17-digits.txt": (_line(80, "0.12345678901234567万元").encode(),
                             (AMOUNT, None, "unreadable", "0.12345678901234567万元",
                              "value_out_of_range")),
    "value-nan.txt": (_line(36, "NaN").encode(),
                      (LICENSING, None, "unreadable", "NaN", "unreadable_value")),
    "value-formula.txt": (_line(36, "=SUM(B2:B5)").encode(),
                          (LICENSING, None, "unreadable", "=SUM(B2:B5)", "unreadable_value")),
    "value-inf.txt": (_line(102, "-Infinity").encode(),
                      (COUNT, None, "unreadable", "-Infinity", "unreadable_value")),
    "=HYPERLINK(1).txt": (_line(37, "1").encode(), (CHANGE, 1, "number", "1", None)),
    "+cmd.txt": (_line(37, "2").encode(), (CHANGE, 2, "number", "2", None)),
    "-2+3.txt": (_line(37, "-3").encode(), (CHANGE, -3, "number", "-3", None)),
    "@SUM(1).txt": (_line(37, "4").encode(), (CHANGE, 4, "number", "4", None)),
    "\tTAB.txt": (_line(37, "5").encode(), (CHANGE, 5, "number", "5", None)),
    "agency-formula.txt": (("=" + _line(37, "6")).encode(), (CHANGE, 6, "number", "6", None)),
    "utf16le-no-bom.txt": (_line(37, "7").encode("utf-16-le"),
                           (CHANGE, 7, "number", "7", None)),
    "utf16be-no-bom.txt": (_line(37, "8").encode("utf-16-be"),
                           (CHANGE, 8, "number", "8", None)),
    "utf32-le-no-bom.txt": (_line(37, "9").encode("utf-32-le"),
                            (CHANGE, 9, "number", "9", None)),
    "big5.txt": (opencc.OpenCC("s2tw").convert(SEED.replace("\xa0", " ")).encode("cp950"),
                 None),
    "nul-byte.txt": (_line(37, "10").encode().replace("严格依法".encode(),
                                                     b"\x00" + "严格依法".encode(), 1),
                     (CHANGE, 10, "number", "10", None)),
    "binary.bin": (random.Random(0).randbytes(5000), None),
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?|-+")


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    inbox = root / "inbox"
    inbox.mkdir()
    for name, (data, _) in HOSTILE.items():
        (inbox / name).write_bytes(data)
    proc = _ogi("build", "--inbox", str(inbox), "--out", str(root / "out"), "--version",
                "1.0.0", "--archive", str(root / "archive"), "--cache", str(root / "cache"))
    assert proc.returncode == 0, proc.stderr[-3000:]
    return Path(proc.stdout.strip().splitlines()[-1])


def _ogi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)


def _table(release: Path, name: str) -> list[dict]:
    return read_parquet(release / "data", name).to_pylist()


@pytest.mark.slow
def test_every_file_is_listed_with_its_outcome(release: Path) -> None:
    reports = {r["file_name"]: r for r in _table(release, "reports")}
    assert set(reports) == set(HOSTILE)
    outcome = {n: (r["status"], r["published"], r["agency"]) for n, r in reports.items()}
    assert outcome == {n: ("complete", True, AGENCY) for n in HOSTILE} | {
        "agency-formula.txt": ("complete", True, "=" + AGENCY),  # kept as printed
        "binary.bin": ("failed", False, None)}
    assert reports["binary.bin"]["reason"] == (
        "binary.bin: binary data (14 NUL and 420 other control bytes in the first 4096, not "
        "text in UTF-8, UTF-16, UTF-32, GB18030 or Big5) is not a supported rendering yet")


@pytest.mark.slow
def test_each_hostile_cell_is_read_exactly(release: Path) -> None:
    ids = {r["report_id"]: r["file_name"] for r in _table(release, "reports")}
    cells: dict[str, dict[str, tuple]] = {}
    for c in _table(release, "cells"):
        cells.setdefault(ids[c["report_id"]], {})[c["cell_id"]] = (
            c["value"], c["state"], (c["raw_text"] or "").strip())
    flags = {(ids[f["report_id"]], f["cell_id"]): f["code"] for f in _table(release, "flags")}
    seed = cells["big5.txt"]  # Big5 reads exactly as the seed in UTF-8 does
    assert {k: v[0] for k, v in seed.items()} == _seed_values()
    for name, (_, changed) in HOSTILE.items():
        if changed is None:
            continue
        cell_id, value, state, raw, flag = changed
        assert cells[name][cell_id] == (value, state, raw), name
        assert flags.get((name, cell_id)) == flag, name
        others = {k: v[0] for k, v in cells[name].items() if k != cell_id}
        assert others == {k: v for k, v in _seed_values().items() if k != cell_id}, name


def _seed_values() -> dict[str, float | None]:
    from pipelines.parse import parse_bytes

    return {k: (None if v is None else float(v))
            for k, v in parse_bytes("seed.txt", SEED.encode()).values().items()}


@pytest.mark.slow
def test_no_number_is_rounded(release: Path) -> None:
    for c in _table(release, "cells"):
        if c["state"] == "number" and c["unit"] is None:
            printed = re.sub(r"[\s\u00a0,+件个项条次]", "", c["raw_text"])
            assert Decimal(printed) == Decimal(repr(c["value"])), c


@pytest.mark.slow
def test_no_csv_cell_starts_a_formula(release: Path) -> None:
    guarded = 0
    for path in sorted(release.rglob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                risky = [v for v in row if v.startswith(FORMULA_START)
                         and not PLAIN_NUMBER.fullmatch(v)]
                assert risky == [], path.name
                guarded += sum(v.startswith("'") for v in row)
    assert guarded >= 7  # five file names, an agency, a printed formula, each at least once


@pytest.mark.slow
def test_the_release_validates(release: Path) -> None:
    proc = _ogi("validate", str(release), "--workers", "2")
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert proc.stdout.splitlines()[-1].startswith("valid; written to ")
