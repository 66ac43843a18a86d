"""The changelog across releases built through the raw archive, as `ogi build` builds:
a byte-identical copy is not a report added and does not rename the report (the first
name seen stays), a rename is reported as one, and the counts agree on every surface."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import lxml.html
import pandas as pd
import pytest

from pipelines.archive import RawArchive
from pipelines.inputs import InboxBytes, archive_inbox, parse_inputs
from pipelines.package import PackageInfo, publish
from pipelines.parts import files_of
from pipelines.release.page import write_pages
from pipelines.tidy import tidy

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
SEED = "seed-shaoguan-zhenjiang-2019.txt"
COPY = "seed-copy-duplicate.txt"  # the seed's bytes; its name sorts before the seed's
CREATED = "2026-11-26T10:00:00Z"



def _reports(release: Path) -> pd.DataFrame:
    """The reports table, every part's CSV."""
    return pd.concat([pd.read_csv(p, encoding="utf-8-sig")
                      for p in files_of(release / "data", "reports", "csv")], ignore_index=True)

def _build(inbox: Path, archive: RawArchive, out: Path, version: str) -> Path:
    batch = parse_inputs(archive_inbox(archive, inbox).inputs, InboxBytes(inbox), None)
    tables = tidy(batch.reports, batch.duplicates, batch.inputs)
    return publish(tables, out, PackageInfo(version, [{"title": "samples"}], CREATED))


def _changes(release: Path) -> list[list[str]]:
    frame = pd.read_csv(release / "changes.csv", dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    return frame[["change", "file_name", "file_name_old", "note"]].values.tolist()


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("changelog")
    inbox, archive, out = root / "inbox", RawArchive(root / "archive"), root / "out"
    shutil.copytree(SAMPLES, inbox, ignore=shutil.ignore_patterns(COPY))
    first = _build(inbox, archive, out, "1.0.0")
    shutil.copy(SAMPLES / COPY, inbox / COPY)  # a copy of a published report arrives
    second = _build(inbox, archive, out, "1.0.1")
    (inbox / SEED).unlink()  # the first name goes: the report is now known by the copy's
    third = _build(inbox, archive, out, "1.0.2")
    return {"first": first, "second": second, "third": third}


def test_a_duplicate_is_not_a_report_added_and_renames_nothing(releases) -> None:
    assert _changes(releases["second"]) == [
        ["file_added", COPY, "", f"duplicate of {SEED}"]]
    reports = _reports(releases["second"])
    seed = reports[reports["also_found_as"] == COPY]
    assert seed["file_name"].tolist() == [SEED]  # the first name seen stays the name
    text = (releases["second"] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "Since 1.0.0: 0 reports added, 0 removed, 0 changed (0 cells changed), 0 renamed; " \
           "1 other files added, 0 removed; schema unchanged." in text
    assert f"- `{COPY}`: duplicate of {SEED}" in text


def test_a_name_change_is_reported_as_a_rename(releases) -> None:
    assert _changes(releases["third"]) == [["report_renamed", COPY, SEED, ""]]
    text = (releases["third"] / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"- `{SEED}` -> `{COPY}`" in text


def test_the_first_release_adds_only_published_reports(releases) -> None:
    changes = _changes(releases["first"])
    assert [c for c, *_ in changes].count("report_added") == 5
    assert {c for c, *_ in changes} == {"report_added", "file_added"}
    assert ["file_added", "notice-not-a-report.txt", "", "not published: "
            "no statutory table was recognised"] in changes


def _numbers(text: str, pattern: str) -> tuple[int, ...]:
    match = re.search(pattern, text)
    assert match, pattern
    return tuple(int(g) for g in match.groups())


@pytest.mark.parametrize("which", ["first", "second", "third"])
def test_counts_agree_across_changelog_readme_page_and_descriptor(releases, which) -> None:
    release = releases[which]
    write_pages(release)
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    counts = descriptor["counts"]
    reports = _reports(release)
    expected = (len(reports) + reports["also_found_as"].notna().sum(), len(reports),
                int(reports["published"].sum()))
    assert (counts["files"], counts["distinct"], counts["published"]) == expected
    sentence = r"(\d+) files, (\d+) distinct reports \(\d+ duplicate files\), (\d+) published"
    changelog = (release / "CHANGELOG.md").read_text(encoding="utf-8")
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert _numbers(changelog, sentence) == expected
    assert _numbers(readme, sentence) == expected
    zh = r"(\d+) 个文件，(\d+) 份不同的报告（\d+ 个重复文件），其中 (\d+) 份已发布"
    assert _numbers(readme, zh) == expected
    page = lxml.html.parse(str(release / "index.html")).getroot()
    assert tuple(int(page.get_element_by_id(f"fig-{k}").text_content())
                 for k in ("files", "distinct", "published")) == expected
