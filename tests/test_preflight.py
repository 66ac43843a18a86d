"""A build's arguments and places, checked before any work (pipelines/preflight.py)."""

from pathlib import Path

import pytest

from pipelines.preflight import BuildRefused, check_build

SAMPLES = Path(__file__).parents[1] / "samples" / "inbox"


def _check(tmp_path: Path, version: str = "", **more: Path) -> None:
    places = {"inbox": SAMPLES, "out": tmp_path / "out", "archive": tmp_path / "archive",
              "cache": tmp_path / "cache"} | more
    check_build(places["inbox"], places["out"], places["archive"], places["cache"], version,
                more.get("sources"))


def test_a_good_build_passes_and_makes_nothing(tmp_path: Path) -> None:
    for version in ("", "auto", "1.2.3", "0.0.0-dev.20261126T101010Z"):
        _check(tmp_path, version)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("more", "message"), [
    ({"version": "v1"}, "version 'v1' is not MAJOR.MINOR.PATCH"),
    ({"inbox": Path("/nonexistent-inbox")}, "inbox /nonexistent-inbox does not exist"),
    ({"inbox": SAMPLES / "pingtan-2020.txt"}, "is not a directory"),
    ({"out": Path("/proc/ogi-out")}, "output folder /proc/ogi-out cannot be written"),
    ({"cache": SAMPLES / "pingtan-2020.txt" / "c"}, "is not a directory"),
    ({"sources": Path("/nonexistent.csv")}, "sources list /nonexistent.csv is not a file"),
])
def test_a_build_that_cannot_succeed_is_refused_in_one_line(tmp_path: Path, more: dict,
                                                           message: str) -> None:
    version = more.pop("version", "")
    with pytest.raises(BuildRefused, match=message) as caught:
        _check(tmp_path, version, **more)
    assert "\n" not in str(caught.value)


def test_an_existing_version_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out" / "china-gov-info-disclosure-annual-reports" / "1.0.0").mkdir(
        parents=True)
    with pytest.raises(BuildRefused, match=r"already published .* give a new version"):
        _check(tmp_path, "1.0.0")
