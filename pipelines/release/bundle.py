"""The single-file download: a deterministic zip of every file of a release."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path


def zip_name(dataset: str, version: str) -> str:
    return f"{dataset}-{version}.zip"


def write_zip(release: Path, dataset: str, version: str, created: str) -> Path:
    """Zip the release under `<dataset>-<version>/`; entries sorted, times from `created`
    so that the same files give the same zip."""
    target = release / zip_name(dataset, version)
    stamp = (int(created[:4]), int(created[5:7]), int(created[8:10]),
             int(created[11:13]), int(created[14:16]), int(created[17:19]))
    files = sorted(p for p in release.rglob("*") if p.is_file() and p != target)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{dataset}-{version}/{path.relative_to(release)}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with path.open("rb") as source, archive.open(info, "w", force_zip64=True) as out:
                shutil.copyfileobj(source, out, 1 << 20)  # tables can be gigabytes
    return target
