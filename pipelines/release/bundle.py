"""The downloads: a deterministic zip of every file of a release, and a zip of each
report year's part.

A part's zip holds that part's CSV and Parquet file of every table and nothing that names
the release, with fixed entry times, so that an unchanged part gives the same zip in
every release: it is then the previous release's zip, hard-linked, not written again.

Parquet files are stored as they are (they are compressed already: deflating them again
costs time and saves nothing); text files are deflated at level 3, which at the sizes of
a full release was three times as fast as the default level 6 for files ~25% larger.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from pipelines.parts import link_or_copy, part_files
from schemas.resources import resources

STORED = {".parquet", ".zip"}  # already compressed
SEPARATE = {".zip", ".duckdb"}  # other downloads of the same data: not in the whole zip
DEFLATE_LEVEL = 3
PART_STAMP = (1980, 1, 1, 0, 0, 0)  # the zip format's first date: part zips name no release


def zip_name(dataset: str, version: str) -> str:
    return f"{dataset}-{version}.zip"


def part_zip_name(dataset: str, version: str, part: str) -> str:
    return f"{dataset}-{version}-{part}.zip"


def write_zip(release: Path, dataset: str, version: str, created: str) -> Path:
    """Zip the release under `<dataset>-<version>/`, its part zips and database left out
    (the whole holds their data); entries sorted, times from `created` so that the same
    files give the same zip."""
    target = release / zip_name(dataset, version)
    stamp = (int(created[:4]), int(created[5:7]), int(created[8:10]),
             int(created[11:13]), int(created[14:16]), int(created[17:19]))
    files = sorted(p for p in release.rglob("*") if p.is_file() and p.suffix not in SEPARATE)
    return _zip(release, files, f"{dataset}-{version}", stamp, target)


def write_part_zips(release: Path, dataset: str, version: str, parts: list[str],
                    previous: Path | None, carried: set[str]) -> dict[str, Path]:
    """A zip of each part under `<dataset>-<part>/`: the previous release's, hard-linked,
    when every file of the part was carried over from it; otherwise written."""
    out = {}
    for part in parts:
        files = [f"data/{f}" for name in resources() for f in part_files(name, part)]
        target = release / part_zip_name(dataset, version, part)
        before = _part_zip(previous, dataset, part)
        if before is not None and carried.issuperset(files):
            link_or_copy(before, target)
        else:
            _zip(release, [release / f for f in sorted(files)], f"{dataset}-{part}",
                 PART_STAMP, target)
        out[part] = target
    return out


def _part_zip(previous: Path | None, dataset: str, part: str) -> Path | None:
    if previous is None:
        return None
    found = previous / part_zip_name(dataset, previous.name, part)
    return found if found.is_file() else None


def _zip(root: Path, files: list[Path], folder: str, stamp: tuple, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(root)}", stamp)
            info.compress_type = (zipfile.ZIP_STORED if path.suffix in STORED
                                  else zipfile.ZIP_DEFLATED)
            info._compresslevel = DEFLATE_LEVEL  # public as compress_level from Python 3.13
            info.external_attr = 0o644 << 16
            with path.open("rb") as source, archive.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(source, out, 1 << 20)  # tables can be gigabytes
    return target
