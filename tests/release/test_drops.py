"""Release-level checks: a release that loses reports of a year or a province fails unless
the drop is listed, with its reason, among the expected changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from pipelines.package import PackageInvalid
from pipelines.release.drops import EXPECTED_CHANGES, Drop, counts, drops, unexplained_drops

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


def test_counts_per_year_and_province(sample_release: Path) -> None:
    found = counts(sample_release)
    assert {k[1]: v for k, v in found.items() if k[0] == "report_year" and k[2] == "reports"} \
        == {"2019": 2, "2020": 1, "2022": 3, "unknown": 1}
    assert found["province", "广东省", "published_reports"] == 1


def test_a_drop_beyond_the_threshold_is_found() -> None:
    before = {("report_year", "2020", "reports"): 100, ("report_year", "2021", "reports"): 100,
              ("province", "广东省", "reports"): 1}
    after = {("report_year", "2020", "reports"): 98, ("report_year", "2021", "reports"): 97}
    assert drops(before, after) == [Drop("province", "广东省", "reports", 1, 0),
                                    Drop("report_year", "2021", "reports", 100, 97)]


def test_the_expected_changes_file_is_valid() -> None:
    entries = yaml.safe_load(EXPECTED_CHANGES.read_text(encoding="utf-8"))["expected"]
    for e in entries:
        assert set(e) == {"version", "by", "key", "measure", "reason"}, e
        assert e["by"] in ("report_year", "province") and e["reason"].strip()


def test_a_release_losing_reports_fails_unless_expected(release_builder, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    shutil.copytree(SAMPLES, inbox)
    out = tmp_path / "out"
    first = release_builder(inbox, out, "1.0.0")
    (inbox / "pingtan-2020.txt").unlink()  # the only 2020 report
    with pytest.raises(PackageInvalid, match=r"reports of report_year 2020: 1 -> 0 \(-1\)"):
        release_builder(inbox, out, "1.1.0")
    listed = tmp_path / "expected.yaml"
    listed.write_text(yaml.safe_dump({"expected": [
        {"version": "1.1.0", "by": by, "key": key, "measure": measure,
         "reason": "test: the source was withdrawn"}
        for by, key in (("report_year", "2020"), ("province", "福建省"))
        for measure in ("reports", "published_reports")]}, allow_unicode=True))
    candidate = tmp_path / "candidate"
    release_builder(inbox, tmp_path / "other", "1.1.0")
    shutil.copytree(tmp_path / "other" / first.parent.name / "1.1.0", candidate)
    assert unexplained_drops(first, candidate, "1.1.0", listed) == []
    assert unexplained_drops(first, candidate, "1.2.0", listed) != []
