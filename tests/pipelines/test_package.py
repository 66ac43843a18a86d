"""Publishing a release: layout, validation, CSV/Parquet identity, immutability, determinism."""

from __future__ import annotations

import fcntl
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import frictionless
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.inbox import Skipped
from pipelines.package import DATASET_NAME, PackageInfo, PackageInvalid, publish, remove_abandoned
from pipelines.release.verify import declared_files, read_back
from pipelines.release.verify import release_problems as validate_release
from schemas.resources import resources
from schemas.validation import PANDAS_DTYPES, schemas

RID = "0123456789abcdef"
NAN = math.nan
CREATED = "2025-01-02T03:04:05Z"
INFO = PackageInfo(version="2025.1.0",
                   sources=[{"title": "Test inbox", "path": "inbox/001.html"}],
                   created=CREATED)
NAMES = ["reports", "cells", "t2_proactive", "t3_requests", "t4_reviews", "checks", "flags",
         "sections"]


def CSV(name: str) -> str:
    """The one report's part (2020) of a table, CSV."""
    return f"data/{name}/{name}-2020.csv"


def PARQUET(name: str) -> str:
    return f"data/{name}/report_year=2020/{name}-2020.parquet"


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """A frame of a resource with the project's dtypes; unspecified fields are null."""
    fields = resources()[name].fields
    frame = pd.DataFrame([[row.get(f.name) for f in fields] for row in rows],
                         columns=[f.name for f in fields])
    return frame.astype({f.name: PANDAS_DTYPES[f.type] for f in fields})


def _tables() -> dict[str, pd.DataFrame]:
    amount = "t2.centralized_procurement.procurement_total_amount"
    return {
        "reports": _frame("reports", [dict(
            report_id=RID, file_name="001.html", sha256=RID + "0" * 48, size_bytes=20480,
            rendering="html", format_version="gov_2019", agency="某市人民政府办公室",
            report_year=2020, status="complete", published=True, tables_found="t2 t3 t4",
            cells_expected=220, cells_number=218, cells_null=2, cells_flagged=1,
            checks_failed=1)]),
        # Out of key order on purpose: the published file is sorted by (report_id, cell_id).
        "cells": _frame("cells", [
            dict(report_id=RID, cell_id="t3.new_received.total", table="t3",
                 block="t3", row="new_received", column="total", value=27.0,
                 raw_text="27", state="number", source_ref="table 2 row 3 col 9"),
            dict(report_id=RID, cell_id=amount, table="t2", block="art20_9",
                 row="centralized_procurement", column="procurement_total_amount",
                 value=7539.443252, raw_text="7539.443252", state="number", unit="万元",
                 source_ref="table 1 row 12 col 3"),
            dict(report_id=RID, cell_id="t3.carried_over.total", table="t3", block="t3",
                 row="carried_over", column="total", value=NAN, raw_text="-", state="dash",
                 source_ref="table 2 row 4 col 9"),
        ]),
        "t2_proactive": _frame("t2_proactive", [
            dict(report_id=RID, format_version="gov_2019", block="art20_5",
                 row="administrative_licensing", prev_year_items=120, change=-18,
                 decisions=102),
            dict(report_id=RID, format_version="gov_2019", block="art20_9",
                 row="centralized_procurement", procurement_items=3,
                 procurement_total_amount=7539.443252),
        ]),
        "t3_requests": _frame("t3_requests", [dict(
            report_id=RID, format_version="gov_2019", row="new_received", natural_person=25,
            commercial_enterprise=1, research_institution=0, public_interest_org=0,
            legal_service_org=1, other_org=0, total=27)]),
        "t4_reviews": _frame("t4_reviews", [dict(
            report_id=RID, format_version="gov_2019", row="admin_review", upheld=1,
            corrected=0, other_result=0, pending=1, total=2)]),
        "checks": _frame("checks", [
            dict(report_id=RID, check_id="t3_balance_total", table="t3", kind="stated",
                 status="not_evaluable", note="t3.carried_over.total is null"),
            dict(report_id=RID, check_id="t3_balance_natural_person", table="t3",
                 kind="stated", status="fail", lhs=25.1, rhs=0.0, difference=25.1,
                 note="25.1 != 0, as printed", likely_cause="as_printed"),
        ]),
        "flags": _frame("flags", [dict(
            report_id=RID, seq=1, cell_id=amount, code="annotated_value",
            message="printed as 7539.443252（万元）")]),
        "sections": _frame("sections", [dict(
            report_id=RID, section=0, heading=None,
            text="某市人民政府办公室2020年政府信息公开工作年度报告",
            text_original="某市人民政府辦公室2020年政府信息公開工作年度報告")]),
    }


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish(_tables(), tmp_path_factory.mktemp("out"), INFO)


def test_fixture_frames_are_valid_tables():
    for name, frame in _tables().items():
        schemas()[name].validate(frame)


def test_layout(published: Path):
    assert published.parts[-2:] == (DATASET_NAME, "2025.1.0")
    expected = {"datapackage.json", "README.md", "CHANGELOG.md", "changes.csv", "index.html",
                "data-dictionary.csv", "data-dictionary.md", "search/index.js", "skipped.csv",
                "search/reports-0.js",
                f"{DATASET_NAME}-2025.1.0.zip", f"{DATASET_NAME}-2025.1.0-2020.zip",
                f"{DATASET_NAME}-2025.1.0.duckdb"} | {
        f(name) for name in NAMES for f in (CSV, PARQUET)}
    assert {str(p.relative_to(published)) for p in published.rglob("*") if p.is_file()} \
        == expected
    # Nothing but the release and the latest pointer: the temporary directory is gone.
    assert sorted(p.name for p in published.parent.iterdir()) == [
        "2025.1.0", "index.html", "latest.json"]


def test_descriptor(published: Path):
    descriptor = json.loads((published / "datapackage.json").read_text(encoding="utf-8-sig"))
    assert descriptor["name"] == DATASET_NAME
    assert descriptor["version"] == "2025.1.0"
    assert descriptor["created"] == CREATED
    assert descriptor["sources"] == [{"title": "Test inbox", "path": "inbox/001.html"}]
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert descriptor["ogi:parts"] == [{"part": "2020", "reports": 1}]  # no key: in memory
    # The CSV parts are a multipart Frictionless resource; Parquet is described beside.
    assert [r["name"] for r in descriptor["resources"]] == NAMES
    assert [r["path"] for r in descriptor["resources"]] == [[CSV(n)] for n in NAMES]
    assert {r["type"] for r in descriptor["resources"]} == {"table"}
    assert not any("profile" in r or "parquet" in r for r in descriptor["resources"])
    by_name = {r["name"]: r for r in descriptor["resources"]}
    assert by_name["cells"]["schema"]["foreignKeys"][0]["reference"]["resource"] == "reports"


def _stats(published: Path, path: str) -> dict:
    content = (published / path).read_bytes()
    return {"path": path, "bytes": len(content),
            "hash": f"sha256:{hashlib.sha256(content).hexdigest()}"}


def test_parts_property(published: Path):
    descriptor = json.loads((published / "datapackage.json").read_text(encoding="utf-8-sig"))
    rows = {"reports": 1, "cells": 3, "t2_proactive": 2, "t3_requests": 1, "t4_reviews": 1,
            "checks": 2, "flags": 1, "sections": 1}
    for entry in descriptor["resources"]:
        name = entry["name"]
        assert entry["ogi:parts"] == [{
            "part": "2020", "rows": rows[name], "csv": _stats(published, CSV(name)),
            "parquet": _stats(published, PARQUET(name))}]
        assert entry["ogi:parquet"] == {
            "path": f"data/{name}/*/*.parquet", "format": "parquet",
            "mediatype": "application/vnd.apache.parquet"}


def test_validate_release_finds_no_problem(published: Path):
    assert validate_release(published) == []


def test_stock_frictionless_validates_the_package(published: Path):
    report = frictionless.Package(str(published / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert report.warnings == []
    assert [task.name for task in report.tasks] == NAMES
    assert all(task.warnings == [] for task in report.tasks)


@pytest.mark.parametrize("where", ["in the release", "from elsewhere"])
def test_stock_frictionless_cli_validates_the_package(published: Path, where: str):
    descriptor = "datapackage.json" if where == "in the release" \
        else str(published / "datapackage.json")
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", descriptor],
        cwd=published if where == "in the release" else published.parents[2],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert (report["valid"], report["stats"]["tasks"], report["stats"]["warnings"]) \
        == (True, len(NAMES), 0)


def _copy(published: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(published, tmp_path / "copy"))


def _declare_parquet_as_is(package: Path, name: str) -> None:
    """Rewrite the declared bytes and hash of a Parquet copy to match the file."""
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8-sig"))
    content = (package / PARQUET(name)).read_bytes()
    entry = next(r for r in descriptor["resources"] if r["name"] == name)
    entry["ogi:parts"][0]["parquet"].update(
        bytes=len(content), hash=f"sha256:{hashlib.sha256(content).hexdigest()}")
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def test_parquet_bytes_and_hash_are_checked(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    flags = copy / PARQUET("flags")
    # Same rows, other bytes: only the declared size and hash can tell.
    pq.write_table(pq.read_table(flags), flags, compression="snappy")
    problems = validate_release(copy)
    assert [p.split(" is declared")[0] for p in problems] \
        == [f"{PARQUET('flags')}: bytes", f"{PARQUET('flags')}: hash"]
    # Stock frictionless does not look at the Parquet copy at all.
    assert frictionless.Package(str(copy / "datapackage.json")).validate().valid


def test_parquet_with_fewer_rows_than_the_csv_is_caught(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    flags = copy / PARQUET("flags")
    pq.write_table(pq.read_table(flags).slice(0, 0), flags)
    _declare_parquet_as_is(copy, "flags")
    assert validate_release(copy) == [
        "flags: flags-2020.parquet and flags-2020.csv have different numbers of rows (they "
        "agree on the first 0)"]


def test_parquet_content_is_checked(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    flags = copy / PARQUET("flags")
    table = pq.read_table(flags)
    column = table.schema.get_field_index("message")
    pq.write_table(table.set_column(column, table.schema.field(column),
                                    pa.array(["printed otherwise"])), flags)
    _declare_parquet_as_is(copy, "flags")
    problems = validate_release(copy)
    assert len(problems) == 1
    assert problems[0] == "flags: flags-2020.parquet differs from flags-2020.csv in rows 1-1"


def test_parquet_types_are_checked(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    flags = copy / PARQUET("flags")
    table = pq.read_table(flags)
    column = table.schema.get_field_index("seq")
    pq.write_table(table.set_column(column, "seq", pa.array(["1"])), flags)
    _declare_parquet_as_is(copy, "flags")
    problems = validate_release(copy)
    assert problems == ["flags: parquet columns (report_id string not null, seq string, "
                        "cell_id string, code string not null, message string not null) "
                        "are not the declared ones"]


def test_corrupt_parquet_is_a_problem(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    (copy / PARQUET("flags")).write_bytes(b"not parquet")
    _declare_parquet_as_is(copy, "flags")
    problems = validate_release(copy)
    assert len(problems) == 1
    assert problems[0].startswith("flags: flags-2020.parquet cannot be read: ")


def test_undeclared_parquet_copy_is_a_problem(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    path = copy / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8-sig"))
    del descriptor["resources"][0]["ogi:parts"][0]["parquet"]
    path.write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")
    assert validate_release(copy) == ["reports: no parts with a csv and a parquet file declared"]


def test_missing_parquet_file_is_a_problem(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    (copy / PARQUET("checks")).unlink()
    assert validate_release(copy) == [f"{PARQUET('checks')}: the file is missing"]


def test_csv_problems_come_from_frictionless(published: Path, tmp_path: Path):
    copy = _copy(published, tmp_path)
    csv_path = copy / CSV("checks")
    text = csv_path.read_text(encoding="utf-8-sig")
    csv_path.write_text(text.replace(",25.1,0,25.1,", ",25.1,0,25.2,"), encoding="utf-8-sig")
    problems = validate_release(copy)
    assert len(problems) == 2
    assert problems[0].startswith(f"{CSV('checks')}: hash is declared 'sha256:")
    assert problems[1] == "checks: checks-2020.parquet differs from checks-2020.csv in rows 1-2"


def test_checks_csv_text(published: Path):
    assert (published / CSV("checks")).read_text(encoding="utf-8-sig") == (
        "report_id,check_id,table,kind,status,lhs,rhs,difference,note,likely_cause,"
        "statement,source_ref,source\n"
        '"0123456789abcdef","t3_balance_natural_person","t3","stated","fail",25.1,0,25.1,'
        '"25.1 != 0, as printed","as_printed",,,\n'
        '"0123456789abcdef","t3_balance_total","t3","stated","not_evaluable",,,,'
        '"t3.carried_over.total is null",,,,\n'
    )


def test_cells_csv_text(published: Path):
    lines = (published / CSV("cells")).read_text(encoding="utf-8-sig").splitlines()
    assert lines == [
        "report_id,cell_id,table,block,row,column,value,raw_text,state,unit,source_ref",
        '"0123456789abcdef","t2.centralized_procurement.procurement_total_amount","t2",'
        '"art20_9","centralized_procurement","procurement_total_amount",7539.443252,'
        '"7539.443252","number","万元","table 1 row 12 col 3"',
        '"0123456789abcdef","t3.carried_over.total","t3","t3","carried_over","total",,"-",'
        '"dash",,"table 2 row 4 col 9"',
        '"0123456789abcdef","t3.new_received.total","t3","t3","new_received","total",27,'
        '"27","number",,"table 2 row 3 col 9"',
    ]


@pytest.mark.parametrize("name", NAMES)
def test_csv_and_parquet_read_back_equal(published: Path, name: str):
    from_csv = read_back(published, name, "csv")
    from_parquet = read_back(published, name, "parquet")
    pd.testing.assert_frame_equal(from_csv, from_parquet)
    expected = _tables()[name]
    keys = list(resources()[name].primary_key)
    expected = expected.sort_values(keys, kind="mergesort").reset_index(drop=True)
    pd.testing.assert_frame_equal(from_csv, expected)


def test_read_back_values(published: Path):
    t2 = read_back(published, "t2_proactive", "parquet")
    assert t2["row"].tolist() == ["administrative_licensing", "centralized_procurement"]
    assert t2.loc[0, "change"] == -18
    assert pd.isna(t2.loc[0, "procurement_total_amount"])
    assert t2.loc[1, "procurement_total_amount"] == 7539.443252
    reports = read_back(published, "reports", "csv")
    assert reports["published"].tolist() == [True]
    assert reports["size_bytes"].tolist() == [20480]
    assert pd.isna(reports.loc[0, "reason"])


def test_republishing_a_version_is_refused(published: Path):
    before = {p: p.read_bytes() for p in published.rglob("*") if p.is_file()}
    other = _tables()
    other["flags"] = other["flags"].iloc[0:0]
    with pytest.raises(FileExistsError, match="releases are immutable") as excinfo:
        publish(other, published.parents[1], INFO)
    assert str(published) in str(excinfo.value)
    assert {p: p.read_bytes() for p in published.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in published.parent.iterdir()) == [
        "2025.1.0", "index.html", "latest.json"]


def test_publishing_is_byte_deterministic(tmp_path: Path):
    first = publish(_tables(), tmp_path / "a", INFO)
    second = publish(_tables(), tmp_path / "b", INFO)
    files = sorted(str(p.relative_to(first)) for p in first.rglob("*") if p.is_file())
    assert files == sorted(str(p.relative_to(second)) for p in second.rglob("*") if p.is_file())
    for rel in files:
        if rel.endswith(".duckdb"):  # DuckDB's format is not byte-deterministic
            continue
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_input_row_order_does_not_change_the_bytes(tmp_path: Path):
    shuffled = {name: frame.iloc[::-1] for name, frame in _tables().items()}
    first = publish(_tables(), tmp_path / "a", INFO)
    second = publish(shuffled, tmp_path / "b", INFO)
    for path in (CSV("cells"), PARQUET("cells")):
        assert (first / path).read_bytes() == (second / path).read_bytes()


def test_invalid_table_publishes_nothing(tmp_path: Path):
    tables = _tables()
    tables["cells"].loc[0, "state"] = "bogus"
    with pytest.raises(PackageInvalid, match=r"cells.*state.*constraint"):
        publish(tables, tmp_path, INFO)
    assert not (tmp_path / DATASET_NAME).exists()  # no trace of a failed first build


def test_dangling_foreign_key_publishes_nothing(tmp_path: Path):
    tables = _tables()
    tables["flags"].loc[0, "report_id"] = "fedcba9876543210"
    with pytest.raises(PackageInvalid, match="foreign-key"):
        publish(tables, tmp_path, INFO)
    assert not (tmp_path / DATASET_NAME).exists()  # no trace of a failed first build


def test_columns_must_match_the_resource(tmp_path: Path):
    tables = _tables()
    tables["checks"] = tables["checks"].drop(columns=["note"])
    with pytest.raises(PackageInvalid, match="checks: columns"):
        publish(tables, tmp_path, INFO)
    assert not (tmp_path / DATASET_NAME).exists()


def test_version_must_be_a_directory_name(tmp_path: Path):
    with pytest.raises(ValueError, match=r"is not MAJOR\.MINOR\.PATCH"):
        publish(_tables(), tmp_path, PackageInfo(version="../x", sources=[]))


def test_null_in_a_required_field_publishes_nothing(tmp_path: Path):
    tables = _tables()
    tables["cells"].loc[0, "state"] = None
    with pytest.raises(PackageInvalid, match=r"cells.*state.*non-nullable"):
        publish(tables, tmp_path, INFO)
    assert not (tmp_path / DATASET_NAME).exists()  # no trace of a failed first build


def test_a_sampled_frictionless_pass_publishes(tmp_path: Path) -> None:
    # Frictionless stops at the row limit with a warning; that is the sample asked for.
    info = PackageInfo(version="1.0.0", sources=INFO.sources, created=INFO.created,
                       validation_rows=1)
    release = publish(_tables(), tmp_path, info)
    assert validate_release(release, limit_rows=1) == []


HOSTILE = {"file_name": "=HYPERLINK(\"http://x\",\"a\").html", "agency": "+cmd|' /C calc'!A0",
           "raw_text": "@SUM(1+1)", "message": "\t=1+1", "source_ref": "-1+2",
           "reason": "\r=2"}


def _hostile_tables() -> dict[str, pd.DataFrame]:
    tables = _tables()
    tables["reports"].loc[0, ["file_name", "agency", "reason"]] = [
        HOSTILE["file_name"], HOSTILE["agency"], HOSTILE["reason"]]
    tables["cells"].loc[0, ["raw_text", "source_ref"]] = [HOSTILE["raw_text"],
                                                          HOSTILE["source_ref"]]
    tables["flags"].loc[0, "message"] = HOSTILE["message"]
    return tables


def test_csv_formula_guard(tmp_path: Path) -> None:
    release = publish(_hostile_tables(), tmp_path, INFO)
    texts = "".join((release / CSV(n)).read_bytes().decode("utf-8-sig")
                    for n in NAMES)  # bytes: read_text would turn the CR into a LF
    for value in HOSTILE.values():
        assert f"\"'{value}\"" in texts.replace('""', '"')  # quoted, guarded
    # A number is never guarded: -18 in a numeric field, a plain number or a dash as text.
    t2 = (release / CSV("t2_proactive")).read_text(encoding="utf-8-sig")
    assert ',120,-18,102,' in t2
    cells = (release / CSV("cells")).read_text(encoding="utf-8-sig")
    assert ',"-","dash",' in cells
    # Parquet keeps the originals; the comparison and stock frictionless know the guard.
    reports = pq.read_table(release / PARQUET("reports")).to_pylist()[0]
    assert (reports["file_name"], reports["agency"], reports["reason"]) == (
        HOSTILE["file_name"], HOSTILE["agency"], HOSTILE["reason"])
    assert pq.read_table(release / PARQUET("flags")).column("message").to_pylist() \
        == [HOSTILE["message"]]
    assert validate_release(release) == []


def test_no_csv_cell_of_a_guarded_release_starts_a_formula(tmp_path: Path) -> None:
    import csv

    release = publish(_hostile_tables(), tmp_path, INFO)
    for path in release.rglob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.reader(f):
                risky = [v for v in row if v[:1] in ("=", "+", "-", "@", "\t", "\r")
                         and not re.fullmatch(r"[+-]?\d+(\.\d+)?|-+", v)]
                assert risky == [], path.name


def test_no_enum_value_could_start_a_formula() -> None:
    # The guard leaves fields with an enum alone (stage.guard_formulas): safe only so.
    values = [v for r in resources().values() for f in r.fields if f.enum for v in f.enum]
    assert values and [v for v in values if v[:1] in ("=", "+", "-", "@", "\t", "\r")] == []


def incomplete(release: Path) -> list[str]:
    """What is missing from a published release or differs from its descriptor (none:
    the release is whole)."""
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    entries = declared_files(descriptor)
    problems = []
    for entry in entries:
        path = release / entry["path"]
        if not path.is_file():
            problems.append(f"{entry['path']} is missing")
        elif entry["hash"] != f"sha256:{hashlib.sha256(path.read_bytes()).hexdigest()}":
            problems.append(f"{entry['path']} differs from its declared hash")
    if not (release / f"{DATASET_NAME}-{release.name}.zip").is_file():
        problems.append("the zip is missing")
    return problems


def test_a_build_repairs_what_a_killed_build_left(tmp_path: Path) -> None:
    publish(_tables(), tmp_path, replace(INFO, version="1.0.0"))
    parent = publish(_tables(), tmp_path, replace(INFO, version="1.1.0")).parent
    # A kill after 1.1.0's rename and before its pointers, and two builds' temporary
    # folders: one killed (no flock), one alive (its flock held here).
    (parent / "latest.json").write_text('{"version": "1.0.0"}')
    (parent / "index.html").unlink()
    (parent / ".build.tmp-killed" / "data").mkdir(parents=True)
    (parent / ".build.tmp-alive").mkdir()
    alive = os.open(parent / ".build.tmp-alive", os.O_RDONLY | os.O_DIRECTORY)
    fcntl.flock(alive, fcntl.LOCK_EX)
    try:
        assert publish(_tables(), tmp_path, replace(INFO, version="auto")) == parent / "1.1.0"
    finally:
        os.close(alive)
    assert json.loads((parent / "latest.json").read_text())["version"] == "1.1.0"
    page = (parent / "index.html").read_text(encoding="utf-8")
    assert "1.0.0/" in page and "1.1.0/" in page
    assert sorted(p.name for p in parent.iterdir()) == [
        ".build.tmp-alive", "1.0.0", "1.1.0", "index.html", "latest.json"]
    assert incomplete(parent / "1.0.0") == incomplete(parent / "1.1.0") == []


def test_an_unheld_new_folder_is_left_while_it_is_young(tmp_path: Path) -> None:
    (tmp_path / ".build.new-young").mkdir()
    (tmp_path / ".build.new-old").mkdir()
    (tmp_path / ".latest.old").write_text("{")
    for name in (".build.new-old", ".latest.old"):
        os.utime(tmp_path / name, (0, 0))
    assert remove_abandoned(tmp_path) == [".build.new-old", ".latest.old"]
    assert [p.name for p in tmp_path.iterdir()] == [".build.new-young"]


def test_skipped_inbox_entries_are_published_with_their_reasons(tmp_path: Path) -> None:
    skipped = (Skipped("link", "symlink", "points outside the inbox: not followed"),
               Skipped("=cmd|'/c calc'!A1", "fifo", "a FIFO (named pipe): never opened"))
    release = publish(_tables(), tmp_path, replace(INFO, skipped=skipped))
    assert (release / "skipped.csv").read_text(encoding="utf-8-sig") == (
        "entry,kind,reason\n"
        "'=cmd|'/c calc'!A1,fifo,a FIFO (named pipe): never opened\n"
        "link,symlink,points outside the inbox: not followed\n")
    assert incomplete(release) == []
