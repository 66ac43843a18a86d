"""Releases end to end: reproducible bytes, a changelog naming exactly what changed, the
zip, the documentation, and immutability."""

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from pipelines.inputs import parse_inbox, scan_inbox
from pipelines.package import DATASET_NAME, PackageInfo, publish
from pipelines.parts import part_files
from pipelines.release.bundle import SEPARATE
from pipelines.release.verify import declared_files, release_problems
from pipelines.tidy import tidy
from schemas.resources import resources
from schemas.vocabulary import VOCABULARIES

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
CREATED = "2026-11-26T10:00:00Z"
DATA_FILES = [f"data/{f}" for n in resources() for part in ("2019", "2020", "2022", "unknown")
              for f in part_files(n, part)]


def _build(inbox: Path, out: Path, version: str, created: str = CREATED) -> Path:
    batch = parse_inbox(inbox, scan_inbox(inbox))
    tables = tidy(batch.reports, batch.duplicates, batch.inputs)
    return publish(tables, out, PackageInfo(version, [{"title": "samples"}], created))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("releases")
    inbox = root / "inbox"
    shutil.copytree(SAMPLES, inbox)
    first = _build(inbox, root / "a", "1.0.0")
    again = _build(inbox, root / "b", "1.0.0", created="2026-11-27T08:00:00Z")
    # One report re-issued: two printed values of the seed report corrected (and its
    # byte-identical copy gone, so that no file keeps the old bytes).
    (inbox / "seed-copy-duplicate.txt").unlink()
    seed = inbox / "seed-shaoguan-zhenjiang-2019.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("\t406\n", "\t407\n")
                    .replace("\t46999\n", "\t47000\n"), encoding="utf-8")
    third = _build(inbox, root / "a", "1.1.0")
    return {"first": first, "again": again, "third": third}


def test_same_inputs_give_byte_identical_data_files(releases: dict[str, Path]) -> None:
    for name in [*DATA_FILES, "data-dictionary.csv", "changes.csv", "CHANGELOG.md"]:
        assert _digest(releases["first"] / name) == _digest(releases["again"] / name), name
    a = json.loads((releases["first"] / "datapackage.json").read_text(encoding="utf-8"))
    b = json.loads((releases["again"] / "datapackage.json").read_text(encoding="utf-8"))
    assert a.pop("created") != b.pop("created")
    readme_a, readme_b = (r.pop("files") for r in (a, b))
    assert a == b
    assert [f["path"] for f in readme_a] == [f["path"] for f in readme_b]


def test_changelog_names_exactly_the_changed_report_and_cells(releases) -> None:
    changes = pd.read_csv(releases["third"] / "changes.csv", dtype=str, keep_default_na=False,
                          encoding="utf-8-sig")
    assert changes[["change", "file_name", "cell_id", "value_old", "value_new"]].values.tolist() \
        == [["report_changed", "seed-shaoguan-zhenjiang-2019.txt", "", "", ""],
            ["file_removed", "seed-copy-duplicate.txt", "", "", ""],
            ["cell_changed", "seed-shaoguan-zhenjiang-2019.txt",
             "t2.administrative_licensing.decisions", "46999", "47000"],
            ["cell_changed", "seed-shaoguan-zhenjiang-2019.txt",
             "t2.administrative_licensing.prev_year_items", "406", "407"]]
    text = (releases["third"] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert ("Since 1.0.0: 0 reports added, 0 removed, 1 changed (2 cells changed), "
            "0 renamed; 0 other files added, 1 removed; schema unchanged.") in text
    assert "- `t2.administrative_licensing.prev_year_items`: 406 -> 407" in text


def test_every_file_is_listed_with_size_and_sha256(releases) -> None:
    release = releases["third"]
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    listed = {f["path"]: f for f in declared_files(descriptor)}
    assert {p for p in listed if p.startswith("data/")} == set(DATA_FILES)
    on_disk = {str(p.relative_to(release)) for p in release.rglob("*") if p.is_file()}
    unlisted = on_disk - set(listed)
    # The page and its search index are written after the descriptor (they show it); the
    # database is made last and is not byte-deterministic.
    assert unlisted == {"datapackage.json", f"{DATASET_NAME}-1.1.0.zip", "index.html",
                        "search/index.js", "search/reports-0.js", f"{DATASET_NAME}-1.1.0.duckdb"}
    for path, entry in listed.items():
        content = (release / path).read_bytes()
        assert (entry["bytes"], entry["hash"]) == (
            len(content), "sha256:" + hashlib.sha256(content).hexdigest()), path
    assert release_problems(release) == []


def test_zip_unpacks_to_the_same_files(releases, tmp_path: Path) -> None:
    release = releases["third"]
    with zipfile.ZipFile(release / f"{DATASET_NAME}-1.1.0.zip") as archive:
        archive.extractall(tmp_path)
        methods = {Path(i.filename).suffix: i.compress_type for i in archive.infolist()}
    # Parquet is compressed already: stored as it is; text is deflated.
    assert methods[".parquet"] == zipfile.ZIP_STORED
    assert methods[".csv"] == methods[".md"] == zipfile.ZIP_DEFLATED
    unpacked = tmp_path / f"{DATASET_NAME}-1.1.0"
    files = sorted(str(p.relative_to(unpacked)) for p in unpacked.rglob("*") if p.is_file())
    expected = sorted(str(p.relative_to(release)) for p in release.rglob("*")
                      if p.is_file() and p.suffix not in SEPARATE)  # the other downloads
    assert files == expected
    assert all(_digest(unpacked / f) == _digest(release / f) for f in files)


def test_latest_and_immutability(releases) -> None:
    dataset = releases["third"].parent
    assert json.loads((dataset / "latest.json").read_text())["version"] == "1.1.0"
    with pytest.raises(FileExistsError, match="already published"):
        _build(SAMPLES, dataset.parent, "1.1.0")


def test_csv_opens_in_excel_with_chinese(releases) -> None:
    path = releases["first"] / "data" / part_files("reports", "2019")[0]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfreport_id,")
    reports = pd.read_csv(path, encoding="utf-8-sig")
    assert "韶关市浈江区人民政府" in set(reports["agency"])


def test_release_readme_and_dictionary(releases) -> None:
    readme = (releases["first"] / "README.md").read_text(encoding="utf-8")
    assert "8 个文件，7 份不同的报告（1 个重复文件），其中 5 份已发布" in readme
    assert "CC-BY-4.0" in readme and "duckdb" in readme.lower()
    dictionary = pd.read_csv(releases["first"] / "data-dictionary.csv", encoding="utf-8-sig")
    cell = dictionary[(dictionary["name"] == "t2.normative_documents.issued")].iloc[0]
    assert (cell["title_zh"], cell["format_version"], cell["type"]) == (
        "行政规范性文件 / 本年制发件数", "gov_2021", "count")
    assert dictionary["kind"].value_counts().to_dict() == {
        "cell": 398, "field": 110, "identity": 111, "row": 68, "change": 7, "statement": 49,
        "value": sum(len(values) for values in VOCABULARIES.values())}
