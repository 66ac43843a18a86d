"""The downloads: a deterministic zip of every file of a release, and a zip of each
report year's part.

A part's zip holds that part's CSV and Parquet file of every table and nothing that names
the release, with fixed entry times, so that an unchanged part gives the same zip in
every release: it is then the previous release's zip, hard-linked, not written again.

Parquet files are stored as they are (they are compressed already: deflating them again
costs time and saves nothing); text files are deflated at level 3, which at the sizes of
a full release was three times as fast as the default level 6 for files ~25% larger.

The whole zip names the release (its folder and times), so it is written in every
release; but the tables in it are the part zips' entries, copied as they are stored
(compressed bytes, CRC and sizes) rather than deflated again: the part zips of the parts
that did not change are the previous release's, so a build deflates only the changed
parts' tables and the release's documents. The copy is the same zip, byte for byte, as
deflating every file again (tests/release/test_bundle.py).
"""

from __future__ import annotations

import shutil
import struct
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
    with _Stored(_part_entries(release, dataset, version)) as stored:
        return _zip(release, files, f"{dataset}-{version}", stamp, target, stored)


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


def _part_entries(release: Path, dataset: str, version: str
                  ) -> dict[str, tuple[Path, zipfile.ZipInfo]]:
    """Every file of the release's part zips: its path in the release, the zip holding
    it and its entry there."""
    prefix = f"{dataset}-{version}-"
    found = {}
    for path in sorted(release.glob(f"{prefix}*.zip")):
        folder = f"{dataset}-{path.name.removeprefix(prefix).removesuffix('.zip')}/"
        with zipfile.ZipFile(path) as archive:
            for entry in archive.infolist():
                if entry.filename.startswith(folder):
                    found[entry.filename.removeprefix(folder)] = (path, entry)
    return found


class _Stored:
    """The part zips' entries, each readable as stored (compressed) bytes."""

    def __init__(self, entries: dict[str, tuple[Path, zipfile.ZipInfo]]) -> None:
        self.entries = entries
        self.open: dict[Path, object] = {}

    def __enter__(self) -> _Stored:
        return self

    def __exit__(self, *exc: object) -> None:
        for file in self.open.values():
            file.close()

    def entry(self, relative: str, path: Path, compress_type: int) -> zipfile.ZipInfo | None:
        """The part zip's entry for this file, if it was stored the same way and has its
        size (a part zip is written from, or linked with, the very files it holds)."""
        found = self.entries.get(relative)
        if found is None:
            return None
        _, entry = found
        ok = entry.compress_type == compress_type and entry.file_size == path.stat().st_size
        return entry if ok else None

    def copy(self, relative: str, out: object) -> None:
        """Write the entry's stored bytes (after its local header) to `out`."""
        source, entry = self.entries[relative]
        if source not in self.open:
            self.open[source] = source.open("rb")
        file = self.open[source]
        file.seek(entry.header_offset)
        header = file.read(30)  # the local file header: its name and extra field follow
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        file.seek(entry.header_offset + 30 + name_length + extra_length)
        left = entry.compress_size
        while left:
            chunk = file.read(min(left, 1 << 20))
            if not chunk:
                raise OSError(f"{source} ends inside {entry.filename}")
            out.write(chunk)
            left -= len(chunk)


def _zip(root: Path, files: list[Path], folder: str, stamp: tuple, target: Path,
         stored: _Stored | None = None) -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            relative = path.relative_to(root).as_posix()
            info = zipfile.ZipInfo(f"{folder}/{relative}", stamp)
            info.compress_type = (zipfile.ZIP_STORED if path.suffix in STORED
                                  else zipfile.ZIP_DEFLATED)
            info._compresslevel = DEFLATE_LEVEL  # public as compress_level from Python 3.13
            info.external_attr = 0o644 << 16
            entry = stored.entry(relative, path, info.compress_type) if stored else None
            if entry is not None:
                _append_stored(archive, info, entry, stored, relative)
                continue
            with path.open("rb") as source, archive.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(source, out, 1 << 20)  # tables can be gigabytes
    return target


def _append_stored(archive: zipfile.ZipFile, info: zipfile.ZipInfo, entry: zipfile.ZipInfo,
                   stored: _Stored, relative: str) -> None:
    """Append `info` with `entry`'s stored bytes: what `archive.open(info, "w",
    force_zip64=True)` writes for the same file on a seekable target (the local header
    with the zip64 field, the data; the central directory at close), without compressing
    again. zipfile has no public way to add compressed bytes, hence its internals."""
    info.CRC, info.compress_size, info.file_size = (entry.CRC, entry.compress_size,
                                                    entry.file_size)
    archive.fp.seek(archive.start_dir)
    info.header_offset = archive.fp.tell()
    archive._writecheck(info)
    archive._didModify = True
    archive.fp.write(info.FileHeader(True))
    stored.copy(relative, archive.fp)
    archive.start_dir = archive.fp.tell()
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info
