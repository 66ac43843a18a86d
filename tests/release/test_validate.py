"""The full validation of a release: every row through stock frictionless (keys left out)
and the keys streamed, every file against its declared size and hash, every Parquet file
read and compared with its CSV, the zip; a sound release passes, each kind of damage is
named, with the file it is in."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.cli import main
from pipelines.parts import part_files
from pipelines.release.validate import validate_full, write_validation

PARTS = ["2019", "2020", "2022", "unknown"]  # the sample reports' years


def CSV(name: str, part: str = "2019") -> str:
    return f"data/{part_files(name, part)[0]}"


def PARQUET(name: str, part: str = "2019") -> str:
    return f"data/{part_files(name, part)[1]}"


def _part_holding(release: Path, name: str, text: str) -> Path:
    """The CSV part of a table that holds `text`."""
    return next(path for part in PARTS
                if text in (path := release / CSV(name, part)).read_text(encoding="utf-8"))


@pytest.fixture
def release(sample_release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "dataset" / sample_release.name
    shutil.copytree(sample_release, copy)
    return copy


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_a_sound_release_passes_with_every_row_counted(release: Path) -> None:
    result = validate_full(release, workers=2)
    assert (result.valid, result.problems) == (True, [])
    assert {r.name: r.rows for r in result.parts} == ROWS
    assert {r.checked for r in result.parts} == {"1.0.0"}
    assert (result.files.name, result.files.rows, result.files.problems) == ("files", 11, [])
    path = write_validation(result, release.parent)
    assert path == release.parent / "validation" / "1.0.0.json"


def test_parts_validated_before_are_carried_over_by_their_hashes(release: Path) -> None:
    write_validation(validate_full(release), release.parent)
    again = shutil.copytree(release, release.parent / "1.0.1")  # the same bytes, new inodes
    _flip_a_byte(again / CSV("flags", "2022"))
    result = validate_full(again)
    checked = {r.name: r.checked for r in result.parts}
    assert checked == {"2019": "1.0.0", "2020": "1.0.0", "2022": "1.0.1", "unknown": "1.0.0"}
    assert result.files.checked == "1.0.1"
    assert {r.name: r.rows for r in result.parts} == ROWS
    assert any(p.startswith(f"{CSV('flags', '2022')}: hash is declared") for p in result.problems)


def test_a_file_changed_under_a_carried_part_is_caught(release: Path) -> None:
    write_validation(validate_full(release), release.parent)
    _flip_a_byte(release.parent / "1.0.0" / CSV("cells", "2020"))  # after its validation
    again = shutil.copytree(release, release.parent / "1.0.1")
    result = validate_full(again)
    assert {r.name: r.checked for r in result.parts}["2020"] == "1.0.1"
    assert any(p.startswith(f"{CSV('cells', '2020')}: hash is declared") for p in result.problems)


def test_a_repeated_key_is_found_without_holding_every_key(release: Path) -> None:
    cells = release / CSV("cells")
    lines = cells.read_text(encoding="utf-8").split("\n")
    cells.write_text("\n".join([*lines[:3], lines[2], *lines[3:]]), encoding="utf-8")
    result = validate_full(release)
    assert not result.valid
    assert ("cells: cells-2019.csv: primary key ['report_id', 'cell_id'] is not strictly "
            "increasing near row 2: a key repeats or the rows are out of order"
            ) in result.problems


def test_a_report_id_that_is_not_a_report_is_found(release: Path) -> None:
    flags = _part_holding(release, "flags", '"e67af8a49b64b515",21,')
    _edit(flags, '"e67af8a49b64b515",21,', '"ffffffffffffffff",21,')
    result = validate_full(release)
    row = flags.read_text(encoding="utf-8").split("\n").index(
        next(line for line in flags.read_text(encoding="utf-8").split("\n")
             if line.startswith('"ffffffffffffffff",21,'))) + 1
    assert (f"flags: {flags.name}: row {row}: report_id not found in the table it refers to "
            "(this part of reports)") in result.problems


def test_a_value_of_the_wrong_type_is_found_by_frictionless(release: Path) -> None:
    t3 = _part_holding(release, "t3_requests", '"carried_forward",0,')
    _edit(t3, '"carried_forward",0,', '"carried_forward",x,')
    result = validate_full(release)
    assert f't3_requests: {t3.name}: row 25: type-error: type is "integer/default"' \
        in result.problems
    assert any("hash is declared" in p for p in result.problems)



TABLES = ["reports", "cells", "t2_proactive", "t3_requests", "t4_reviews", "checks", "flags"]
# Each table's two files of one part (the parts in turn), the documents, a part's zip.
FILES = [f(n, PARTS[i % len(PARTS)]) for i, n in enumerate(TABLES) for f in (CSV, PARQUET)] + [
    "README.md", "CHANGELOG.md", "changes.csv", "data-dictionary.csv", "data-dictionary.md",
    "china-gov-info-disclosure-annual-reports-1.0.0-2020.zip"]
ROWS = {"2019": 570, "2020": 313, "2022": 632, "unknown": 2}


def _flip_a_byte(path: Path, at: float = 0.5) -> None:
    data = bytearray(path.read_bytes())
    i = int(len(data) * at)
    data[i] ^= 0x01
    path.write_bytes(bytes(data))


def _zip(release: Path) -> Path:
    return release / "china-gov-info-disclosure-annual-reports-1.0.0.zip"


@pytest.mark.parametrize("path", FILES)
def test_a_flipped_byte_in_any_file_is_caught_and_named(release: Path, path: str) -> None:
    _flip_a_byte(release / path)
    result = validate_full(release)
    assert not result.valid
    assert any(p.startswith(f"{path}: hash is declared 'sha256:") for p in result.problems)


@pytest.mark.parametrize("path", FILES)
def test_a_deleted_file_is_caught_and_named(release: Path, path: str) -> None:
    (release / path).unlink()
    result = validate_full(release)
    assert f"{path}: the file is missing" in result.problems


@pytest.mark.parametrize("name", TABLES)
def test_an_unreadable_parquet_file_is_named(release: Path, name: str) -> None:
    path = release / PARQUET(name)
    path.write_bytes(b"PAR1 not parquet at all PAR1")
    result = validate_full(release)
    assert any(p.startswith(f"{name}: {name}-2019.parquet cannot be read: ")
               for p in result.problems)


def _redeclare(release: Path, path: str) -> None:
    """Declare a file's new size and hash, as a tamperer covering their tracks would."""
    descriptor_path = release / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    stats = {"bytes": (release / path).stat().st_size,
             "hash": "sha256:" + hashlib.sha256((release / path).read_bytes()).hexdigest()}
    for entry in descriptor["resources"]:
        for part in entry["ogi:parts"]:
            for declared in (part["csv"], part["parquet"]):
                if declared["path"] == path:
                    declared.update(stats)
    descriptor_path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n",
                               encoding="utf-8")


def test_changed_parquet_values_are_caught_even_when_redeclared(release: Path) -> None:
    path = release / PARQUET("t3_requests")
    table = pq.read_table(path)
    column = table.schema.get_field_index("total")
    values = table.column(column).to_pylist()
    values[0] = (values[0] or 0) + 1
    pq.write_table(table.set_column(column, table.schema.field(column),
                                    pa.array(values, pa.int64())), path)
    _redeclare(release, PARQUET("t3_requests"))
    result = validate_full(release)
    assert result.problems == [
        f"t3_requests: t3_requests-2019.parquet differs from t3_requests-2019.csv in rows "
        f"1-{table.num_rows}",
        # the zip still holds the release as it was published
        f"china-gov-info-disclosure-annual-reports-1.0.0.zip: {PARQUET('t3_requests')} "
        "differs from the release's file",
        "china-gov-info-disclosure-annual-reports-1.0.0.zip: datapackage.json differs from "
        "the release's file"]


def test_a_damaged_zip_is_caught(release: Path) -> None:
    _flip_a_byte(_zip(release), 0.3)
    result = validate_full(release)
    assert any(p.startswith(f"{_zip(release).name}: ") for p in result.problems)


def test_a_zip_lacking_a_file_is_caught(release: Path) -> None:
    archive = _zip(release)
    with zipfile.ZipFile(archive) as old:
        members = [(i, old.read(i)) for i in old.infolist()]
    with zipfile.ZipFile(archive, "w") as new:
        for info, data in members:
            if not info.filename.endswith("flags-2019.csv"):
                new.writestr(info, data)
    result = validate_full(release)
    assert result.problems == [f"{archive.name}: lacks {CSV('flags')}"]


def test_a_deleted_zip_is_caught(release: Path) -> None:
    archive = _zip(release)
    archive.unlink()
    assert validate_full(release).problems == [f"{archive.name}: the file is missing"]


def test_ogi_validate_exits_1_and_names_the_file(release: Path, capsys) -> None:
    (release / PARQUET("flags")).unlink()
    assert main(["validate", str(release), "--workers", "1"]) == 1
    out = capsys.readouterr().out
    assert f"  {PARQUET('flags')}: the file is missing\n" in out
    assert "NOT VALID" in out
