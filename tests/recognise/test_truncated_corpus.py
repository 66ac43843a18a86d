"""The corpus's truncated page starts (015–032): partial, with exactly the tables present."""

from pathlib import Path

import pytest

from pipelines.parse import parse_file

# Tables reached before each excerpt ends, from ../shared/corpus/manifest.csv.
TABLES_PRESENT = {
    "015": ["t2", "t3"], "016": ["t2"], "017": ["t2", "t3"], "018": ["t2"], "019": ["t2"],
    "020": ["t2", "t3"], "021": ["t2", "t3"], "022": ["t2"], "023": ["t2", "t3"],
    "024": ["t2"], "025": ["t2"], "026": ["t2"], "027": ["t2", "t3"], "028": [], "029": [],
    "030": [], "031": [], "032": ["t2"],
}
# Reports printed on the 2019 layout after 2020 (018, 019 are 2023 reports).
OUTDATED_LAYOUT = {"018", "019"}


@pytest.mark.corpus
@pytest.mark.parametrize("stem", sorted(TABLES_PRESENT))
def test_truncated_page_is_partial_with_its_tables(corpus: Path, stem: str) -> None:
    report = parse_file(corpus / "reports" / f"{stem}.txt")
    assert report.status == "partial"
    assert report.tables_found == TABLES_PRESENT[stem]
    assert report.reason.startswith("truncated")
    codes = [f.code for f in report.flags]
    assert "truncated" in codes
    missing = [f.message for f in report.flags if f.code == "table_missing"]
    assert len(missing) == 3 - len(TABLES_PRESENT[stem])
    assert ("version_year_mismatch" in codes) == (stem in OUTDATED_LAYOUT)
    assert bool(report.cells) == bool(TABLES_PRESENT[stem])
