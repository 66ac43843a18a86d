"""The whole zip: its tables are the part zips' stored entries, copied without deflating
again, and the result is the zip that deflating every file again gives, byte for byte."""

import zipfile
from pathlib import Path

from pipelines.package import DATASET_NAME
from pipelines.parts import read_descriptor
from pipelines.release import bundle


def _fresh(release: Path, target: Path) -> Path:
    """The whole zip as written before: every file deflated again."""
    created = read_descriptor(release)["created"]
    stamp = tuple(int(created[a:b]) for a, b in ((0, 4), (5, 7), (8, 10), (11, 13),
                                                  (14, 16), (17, 19)))
    files = sorted(p for p in release.rglob("*")
                   if p.is_file() and p.suffix not in bundle.SEPARATE)
    return bundle._zip(release, files, f"{DATASET_NAME}-{release.name}", stamp, target)


def test_whole_zip_is_copied_from_the_part_zips(sample_release: Path, tmp_path: Path) -> None:
    whole = sample_release / bundle.zip_name(DATASET_NAME, sample_release.name)
    entries = bundle._part_entries(sample_release, DATASET_NAME, sample_release.name)
    data = sorted(p.relative_to(sample_release).as_posix()
                  for p in (sample_release / "data").rglob("*")
                  if p.is_file() and p.suffix in (".csv", ".parquet"))
    assert sorted(entries) == data  # every table file of every part is copied
    assert whole.read_bytes() == _fresh(sample_release, tmp_path / "fresh.zip").read_bytes()
    with zipfile.ZipFile(whole) as archive:
        assert archive.testzip() is None  # every entry's CRC checks


def test_a_part_zip_that_does_not_match_is_not_copied(sample_release: Path,
                                                      tmp_path: Path) -> None:
    """A part zip entry whose size differs from the file is deflated again, not copied."""
    copy = tmp_path / sample_release.name
    copy.mkdir()
    for path in sample_release.rglob("*"):
        if path.is_file():
            (copy / path.relative_to(sample_release)).parent.mkdir(parents=True, exist_ok=True)
            (copy / path.relative_to(sample_release)).write_bytes(path.read_bytes())
    changed = next(p for p in sorted((copy / "data").rglob("*.csv")))
    changed.write_bytes(changed.read_bytes() + b"\n")
    whole = bundle.write_zip(copy, DATASET_NAME, copy.name, read_descriptor(copy)["created"])
    name = f"{DATASET_NAME}-{copy.name}/{changed.relative_to(copy).as_posix()}"
    with zipfile.ZipFile(whole) as archive:
        assert archive.read(name) == changed.read_bytes()
        assert archive.testzip() is None
    assert whole.read_bytes() == _fresh(copy, tmp_path / "fresh.zip").read_bytes()
