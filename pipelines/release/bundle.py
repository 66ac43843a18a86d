"""The single-file download: a deterministic zip of every file of a release.

Parquet files are stored as they are (they are compressed already: deflating them again
costs time and saves nothing); text files are deflated at level 3, which at the sizes of
a full release was three times as fast as the default level 6 for files ~25% larger.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

STORED = {".parquet", ".zip"}  # already compressed
DEFLATE_LEVEL = 3


def zip_name(dataset: str, version: str) -> str:
    return f"{dataset}-{version}.zip"


def write_zip(release: Path, dataset: str, version: str, created: str) -> Path:
    """Zip the release under `<dataset>-<version>/`; entries sorted, times from `created`
    so that the same files give the same zip."""
    target = release / zip_name(dataset, version)
    stamp = (int(created[:4]), int(created[5:7]), int(created[8:10]),
             int(created[11:13]), int(created[14:16]), int(created[17:19]))
    files = sorted(p for p in release.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w") as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{dataset}-{version}/{path.relative_to(release)}", stamp)
            info.compress_type = (zipfile.ZIP_STORED if path.suffix in STORED
                                  else zipfile.ZIP_DEFLATED)
            info._compresslevel = DEFLATE_LEVEL  # public as compress_level from Python 3.13
            info.external_attr = 0o644 << 16
            with path.open("rb") as source, archive.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(source, out, 1 << 20)  # tables can be gigabytes
    return target
