"""Release-level checks: no silent loss of reports between releases.

Belongs here: counting a release's reports and published reports per report year and per
province (from its `reports` table), comparing them with the release before it, and
failing a release in which a count drops by more than the threshold unless the drop is
listed, with its reason, in `expected_changes.yaml` beside this module (PUDL runs such
expected row counts per year over its outputs). Counts that grow never fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from pipelines.parts import UNKNOWN, read_parquet

EXPECTED_CHANGES = Path(__file__).with_name("expected_changes.yaml")
DROP_FRACTION = 0.02  # a drop by more than 2% of a group's count fails the release...
DROP_REPORTS = 1  # ...and by more than this many reports (a group of 10 may not lose 1)
GROUPS = ("report_year", "province")
MEASURES = ("reports", "published_reports")


@dataclass(frozen=True)
class Drop:
    by: str  # report_year | province
    key: str
    measure: str  # reports | published_reports
    before: int
    after: int

    def __str__(self) -> str:
        return (f"{self.measure} of {self.by} {self.key}: {self.before} -> {self.after} "
                f"({self.after - self.before:+d})")


def counts(release: Path) -> dict[tuple[str, str, str], int]:
    """(by, key, measure) -> count, for every report year and province of a release."""
    reports = read_parquet(Path(release) / "data", "reports",
                           columns=["report_year", "province", "published"]).to_pandas()
    out: dict[tuple[str, str, str], int] = {}
    for by in GROUPS:
        keys = reports[by].map(lambda v: UNKNOWN if v is None or v != v else str(
            int(v) if isinstance(v, float) else v))
        for key, group in reports.groupby(keys):
            out[by, str(key), "reports"] = len(group)
            out[by, str(key), "published_reports"] = int(group["published"].sum())
    return out


def drops(before: dict[tuple[str, str, str], int], after: dict[tuple[str, str, str], int]
          ) -> list[Drop]:
    """Every count that fell by more than the threshold (a group that vanished: to 0)."""
    found = []
    for (by, key, measure), old in sorted(before.items()):
        new = after.get((by, key, measure), 0)
        # A known year or province losing all its reports is a loss; the unknown group
        # emptying is reports whose year or province became known.
        vanished = new == 0 < old and key != UNKNOWN
        if old - new > max(DROP_REPORTS, DROP_FRACTION * old) or vanished:
            found.append(Drop(by, key, measure, old, new))
    return found


def expected(version: str, path: Path = EXPECTED_CHANGES) -> set[tuple[str, str, str]]:
    """The drops listed for `version`: (by, key, measure)."""
    entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("expected") or []
    return {(str(e["by"]), str(e["key"]), str(e["measure"])) for e in entries
            if str(e.get("version")) == version and e.get("reason")}


def unexplained_drops(previous: Path | None, release: Path, version: str,
                      path: Path = EXPECTED_CHANGES) -> list[str]:
    """What makes the release fail: each unexplained drop since `previous`, in words."""
    if previous is None:
        return []
    listed = expected(version, path)
    return [f"{drop}: a drop beyond {DROP_FRACTION:.0%} (and {DROP_REPORTS} report) since "
            f"{previous.name}, not listed for {version} in {path.name}"
            for drop in drops(counts(previous), counts(release))
            if (drop.by, drop.key, drop.measure) not in listed]
