"""Shared fixtures: the committed fixture reports, their truth, and the optional corpus.

`tests/fixtures/reports` holds small real reports copied from the corpus, so the suite
runs without `/work/shared`. Tests marked `corpus` read `../shared/corpus` directly and
are skipped when it is absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"corpus not found at {CORPUS}")
    for item in items:
        if item.get_closest_marker("corpus"):
            item.add_marker(skip)


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def truth() -> Callable[[str], dict]:
    """Load `tests/fixtures/truth/<stem>.json`."""

    def load(stem: str) -> dict:
        return json.loads((FIXTURES / "truth" / f"{stem}.json").read_text(encoding="utf-8"))

    return load


@pytest.fixture
def corpus() -> Path:
    """The shared corpus directory (with `reports/` and `truth/`); skips when absent."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    return CORPUS
