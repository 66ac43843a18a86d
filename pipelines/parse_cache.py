"""Parse results kept per (parser fingerprint, sha256), so unchanged reports are not
parsed again. Entries are written whole (temporary file, then rename) and never changed."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pipelines.report import ParsedReport


class ParseCache:
    def __init__(self, root: Path, fingerprint: str) -> None:
        self.dir = Path(root) / fingerprint
        self.dir.mkdir(parents=True, exist_ok=True)

    def _path(self, sha256: str) -> Path:
        return self.dir / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str, name: str) -> ParsedReport | None:
        """The cached report for these bytes, under the name they have now."""
        path = self._path(sha256)
        if not path.is_file():
            return None
        report = ParsedReport.from_json(json.loads(path.read_text(encoding="utf-8")))
        report.file = name
        return report

    def put(self, report: ParsedReport) -> None:
        path = self._path(report.sha256)
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        # One dumps and one write: json.dump writes piece by piece, several times slower.
        text = json.dumps(report.as_json(), ensure_ascii=False)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
