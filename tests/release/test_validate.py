"""The full validation of a release: every row through stock frictionless (keys left out)
and the keys streamed; a sound release passes, each kind of damage is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines.release.validate import validate_full, write_validation


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
    assert {r.name: r.rows for r in result.resources} == {
        "reports": 7, "cells": 994, "t2_proactive": 36, "t3_requests": 119, "t4_reviews": 15,
        "checks": 204, "flags": 91}
    path = write_validation(result, release.parent)
    assert path == release.parent / "validation" / "1.0.0.json"


def test_a_repeated_key_is_found_without_holding_every_key(release: Path) -> None:
    cells = release / "data" / "cells.csv"
    lines = cells.read_text(encoding="utf-8").split("\n")
    cells.write_text("\n".join([*lines[:3], lines[2], *lines[3:]]), encoding="utf-8")
    result = validate_full(release)
    assert not result.valid
    assert ("cells: primary key ['report_id', 'cell_id'] is not strictly increasing near "
            "row 2: a key repeats or the rows are out of order") in result.problems


def test_a_report_id_that_is_not_a_report_is_found(release: Path) -> None:
    _edit(release / "data" / "flags.csv", '"e67af8a49b64b515",21,', '"ffffffffffffffff",21,')
    result = validate_full(release)
    assert "flags: row 92: report_id not found in the table it refers to" in result.problems


def test_a_value_of_the_wrong_type_is_found_by_frictionless(release: Path) -> None:
    _edit(release / "data" / "t3_requests.csv", '"carried_forward",0,', '"carried_forward",x,')
    result = validate_full(release)
    assert any(p.startswith("t3_requests: row 2: type-error:") for p in result.problems)
    assert any(p.startswith("t3_requests: hash-count") or "hash" in p
               for p in result.problems)
