"""Dependencies run one way: read -> recognise -> enrich (called from parse.py); the text
normaliser and the reader registry sit on the ground floor."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}


def _project(path: Path) -> set[str]:
    return {m for m in _imports(path) if m.split(".")[0] in ("pipelines", "schemas")}


@pytest.mark.parametrize("path", sorted((ROOT / "pipelines" / "recognise").glob("*.py")),
                         ids=lambda p: p.name)
def test_recognition_does_not_call_enrichment(path: Path) -> None:
    assert not any(m.startswith("pipelines.enrich") for m in _project(path))


# Two readers of stop 19 decide structure from the statute's words, and break the rule
# knowingly until they are moved behind the recogniser (the stop's closing note): the
# wrapped labels of a picture table are cut where every piece is a template label, and
# reading-order text is known by table 三's and 四's template marks (and, since stop 20,
# table 四's counts are placed there by its group identities). Listed with exactly
# what they import, so that no other reader and no other import slips in.
KNOWN_DEBT = {
    "table_wrapped.py": {"pipelines.recognise.labels", "pipelines.recognise.ocr_labels"},
    "text_order.py": {"schemas.identities", "schemas.template"},
}


@pytest.mark.parametrize("path", sorted((ROOT / "pipelines" / "read").glob("*.py")),
                         ids=lambda p: p.name)
def test_readers_know_no_statute(path: Path) -> None:
    statute = {m for m in _project(path)
               if m.startswith(("pipelines.recognise", "pipelines.enrich", "schemas"))}
    assert statute == KNOWN_DEBT.get(path.name, set())


@pytest.mark.parametrize("module", ["pipelines/textnorm.py", "pipelines/read/registry.py"])
def test_ground_floor_modules_import_nothing_of_the_project(module: str) -> None:
    assert _project(ROOT / module) == set()


def test_numbering_builds_on_the_text_normaliser_only() -> None:
    assert _project(ROOT / "pipelines" / "numbering.py") == {"pipelines.textnorm"}


def test_schemas_take_only_the_reader_registry_from_pipelines() -> None:
    for path in (ROOT / "schemas").glob("*.py"):
        from_pipelines = {m for m in _project(path) if m.startswith("pipelines")}
        # `from pipelines.read import registry`, the one allowed
        assert from_pipelines <= {"pipelines.read"}, path.name
