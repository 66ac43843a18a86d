"""What a release counts, defined once: files, distinct reports, published reports.

Every document of a release (CHANGELOG.md, README.md, index.html, `datapackage.json`'s
`counts`) and the `ogi build` summary take their numbers from `release_counts`, so that
they cannot disagree:

- a **file** is one input: an inbox file or a harvested URL. Byte-identical files are
  several files;
- a **distinct report** is one distinct content (one sha256): one row of `reports`.
  Byte-identical files are one distinct report, whose other names are in
  `reports.also_found_as`. A file that is not a report (no statutory table) is a distinct
  report too, `failed` with its reason;
- a **published report** is a distinct report whose data is published
  (`reports.published`): its cells, tables and checks are in the release.

So files = distinct reports + duplicate files, and published <= distinct.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from pipelines.parts import read_parquet
from schemas.vocabulary import REPORT_STATUSES

SEPARATOR = " | "  # between the names in reports.also_found_as
# Each count's name and definition in Chinese and English, for every surface that shows it.
DEFINITIONS: dict[str, tuple[str, str, str, str]] = {
    "files": ("文件", "files", "输入的每个文件（收件箱文件或网址）；内容完全相同的文件分别计数",
              "every input (an inbox file or a URL); byte-identical files count apart"),
    "distinct": ("不同的报告", "distinct reports",
                 "每种不同内容（sha256）一份，即 reports 表的一行",
                 "one per distinct content (sha256): one row of reports"),
    "duplicates": ("重复文件", "duplicate files",
                   "与另一文件内容完全相同的文件，列在 also_found_as",
                   "files with another file's bytes, listed in also_found_as"),
    "published": ("已发布报告", "published reports", "数据已发布的不同报告（reports.published）",
                  "distinct reports whose data is published (reports.published)"),
    "complete": ("完整", "complete", "三张法定表格及其全部行均已找到的不同报告",
                 "distinct reports with every statutory table and row found"),
    "partial": ("部分", "partial", "部分表格或行缺失的不同报告",
                "distinct reports with some tables or rows missing"),
    "failed": ("失败", "failed", "没有读到法定表格的不同报告（含非年度报告的文件）",
               "distinct reports with no statutory table read (files that are no report too)"),
}


@dataclass(frozen=True)
class Counts:
    files: int
    distinct: int
    published: int
    duplicates: int  # files whose bytes are another file's: files - distinct
    complete: int  # distinct reports by status
    partial: int
    failed: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def en(self) -> str:
        return (f"{self.files} files, {self.distinct} distinct reports "
                f"({self.duplicates} duplicate files), {self.published} published")

    def zh(self) -> str:
        return (f"{self.files} 个文件，{self.distinct} 份不同的报告"
                f"（{self.duplicates} 个重复文件），其中 {self.published} 份已发布")


def aliases(also_found_as: object) -> list[str]:
    """The other names of a distinct report, from its `also_found_as` cell."""
    if also_found_as is None or (not isinstance(also_found_as, str) and pd.isna(also_found_as)):
        return []
    return [n for n in str(also_found_as).split(SEPARATOR) if n]


def count(reports: pd.DataFrame) -> Counts:
    """The counts of a `reports` table (columns published, status, also_found_as)."""
    duplicates = sum(len(aliases(a)) for a in reports["also_found_as"])
    published = reports["published"].astype(str).str.lower().isin(["true", "1"])
    statuses = reports["status"].astype(str).value_counts()
    by_status = {s: int(statuses.get(s, 0)) for s in REPORT_STATUSES}
    return Counts(files=len(reports) + duplicates, distinct=len(reports),
                  published=int(published.sum()), duplicates=duplicates, **by_status)


def release_counts(release: Path) -> Counts:
    """The counts of a published (or staged) release directory."""
    reports = read_parquet(Path(release) / "data", "reports",
                           columns=["published", "status", "also_found_as"]).to_pandas()
    return count(reports)
