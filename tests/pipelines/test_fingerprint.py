"""The parser fingerprint covers every module the parser runs: a module it missed would
let a code change go out without re-parsing the reports it changes."""

from __future__ import annotations

import ast
from pathlib import Path

from pipelines.fingerprint import PARSER_CODE, ROOT


def _project_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return {m for m in out if m.split(".")[0] in ("pipelines", "schemas")}


def _file(module: str) -> Path | None:
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None  # a name imported from a module, not a module


def _closure(start: str) -> set[Path]:
    seen: set[Path] = set()
    todo = [start]
    while todo:
        path = _file(todo.pop())
        if path is None or path in seen:
            continue
        seen.add(path)
        todo += _project_imports(path)
        parts = path.relative_to(ROOT).with_suffix("").parts
        todo += [".".join(parts[:i]) for i in range(1, len(parts))]  # parent packages
    return seen


def test_every_module_the_parser_imports_is_in_the_fingerprint() -> None:
    covered = [ROOT / part for part in PARSER_CODE]
    missed = [p.relative_to(ROOT).as_posix() for p in _closure("pipelines.parse")
              if not any(p == c or c in p.parents for c in covered)]
    assert missed == []
