"""The version scheme, its order and the `latest` pointer."""

import json
from pathlib import Path

import pytest

from pipelines.release.versions import (
    BadVersion,
    previous_version,
    published_versions,
    sort_key,
    update_latest,
)


def test_semver_order_with_dev_builds_before_their_release() -> None:
    versions = ["1.10.0", "0.0.0-dev.20261126T101010Z", "1.2.0", "1.2.0-dev.2", "1.2.0-dev.10",
                "2.0.0"]
    assert sorted(versions, key=sort_key) == [
        "0.0.0-dev.20261126T101010Z", "1.2.0-dev.2", "1.2.0-dev.10", "1.2.0", "1.10.0",
        "2.0.0"]


@pytest.mark.parametrize("bad", ["1.0", "v1.0.0", "1.0.0/../x", "latest", ""])
def test_versions_outside_the_scheme_are_refused(bad: str) -> None:
    with pytest.raises(BadVersion, match=r"MAJOR\.MINOR\.PATCH"):
        sort_key(bad)


def _release(root: Path, version: str) -> None:
    (root / version).mkdir(parents=True)
    (root / version / "datapackage.json").write_text(
        json.dumps({"created": f"created {version}"}), encoding="utf-8")


def test_latest_points_at_the_highest_release_not_a_dev_build(tmp_path: Path) -> None:
    for v in ("1.0.0", "1.1.0", "2.0.0-dev.1"):
        _release(tmp_path, v)
    (tmp_path / ".1.2.0.tmp-abc").mkdir()  # an interrupted build is not a release
    assert published_versions(tmp_path) == ["1.0.0", "1.1.0", "2.0.0-dev.1"]
    assert previous_version(tmp_path, "1.1.0") == "1.0.0"
    assert update_latest(tmp_path) == "1.1.0"
    assert json.loads((tmp_path / "latest.json").read_text()) == {
        "version": "1.1.0", "path": "1.1.0/", "created": "created 1.1.0",
        "datapackage": "1.1.0/datapackage.json"}
