"""A release's `datapackage.json` (Data Package v2): what the package and each resource
declare.

Belongs here: the package's title, description, licence and keywords, and each resource's
entry: its CSV parts as one multipart Frictionless resource (`path` a list), its parts
with rows, size and sha256 under PARTS_PROPERTY, its Parquet glob under
PARQUET_PROPERTY (custom properties namespaced, as v2 asks). A data file that is the
previous release's own (a hard link: the same inode) takes the size and hash that
release declared instead of being hashed again. Writing the release: `pipelines/package.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.parts import PARQUET_PROPERTY, PARTS_PROPERTY, parquet_glob, part_files
from pipelines.release.verify import declared_files, file_stats, read_descriptor
from schemas.descriptors import table_schema
from schemas.resources import Resource, resources

TITLE = ("中国政府信息公开工作年度报告数据集 / "
         "China government information disclosure annual reports")
DESCRIPTION = (
    "Tables read from the annual reports on government information disclosure "
    "(政府信息公开工作年度报告) that Chinese government agencies publish under the "
    "Regulations on the Disclosure of Government Information: every statutory cell with "
    "its printed text and state, the statutory tables in wide form, the result of the "
    "tables' own arithmetic identities, and the flags raised while reading. Blank, dash "
    "and 0 are kept apart. Every resource is published in parts by report year, as CSV "
    "and as Parquet with identical content; each resource's \"ogi:parts\" lists its parts "
    "(rows, size and sha256 of each file) and \"ogi:parquet\" says where its Parquet copy "
    "is (one glob over report_year=YYYY folders)."
)
DATA_PACKAGE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
KEYWORDS = ["政府信息公开", "年度报告", "government information disclosure", "annual reports",
            "China", "open government"]
LICENSES = [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
             "title": "Creative Commons Attribution 4.0"}]


def describe(name: str, version: str, created: str, sources: list[dict],
             entries: list[dict], keys: dict[str, str]) -> dict:
    """The package's descriptor; `keys`: each part's key, when the build knows it."""
    reports = next(e for e in entries if e["name"] == "reports")
    parts = [{"part": p["part"], "reports": p["rows"],
              **({"key": keys[p["part"]]} if p["part"] in keys else {})}
             for p in reports[PARTS_PROPERTY]]
    return {
        "$schema": DATA_PACKAGE_V2, "name": name, "title": TITLE, "description": DESCRIPTION,
        "version": version, "created": created, "licenses": LICENSES, "sources": sources,
        "keywords": KEYWORDS, PARTS_PROPERTY: parts, "resources": entries,
    }


def resource_entries(data: Path, parts: list[str], previous: Path | None
                     ) -> tuple[list[dict], set[str]]:
    """Every resource's entry, and the data files carried over from `previous` (paths as
    declared)."""
    known = _declared_stats(previous)
    carried: set[str] = set()
    entries = [_resource_entry(resource, data, parts, known, carried)
               for resource in resources().values()]
    return entries, carried


def _declared_stats(previous: Path | None) -> dict[str, tuple[os.stat_result, dict]]:
    """Each data file of the previous release: its inode and what it declares."""
    if previous is None:
        return {}
    out = {}
    for declared in declared_files(read_descriptor(previous)):
        path = previous / str(declared.get("path", ""))
        if str(declared.get("path", "")).startswith("data/") and path.is_file():
            out[declared["path"]] = (path.stat(), declared)
    return out


def _resource_entry(resource: Resource, data: Path, parts: list[str],
                    known: dict[str, tuple[os.stat_result, dict]], carried: set[str]) -> dict:
    listed = []
    for part in parts:
        csv_path, parquet_path = (f"data/{f}" for f in part_files(resource.name, part))
        listed.append({"part": part, "rows": pq.ParquetFile(data.parent / parquet_path
                                                            ).metadata.num_rows,
                       "csv": _file(data.parent, csv_path, known, carried),
                       "parquet": _file(data.parent, parquet_path, known, carried)})
    return {
        "name": resource.name, "type": "table", "title": resource.title,
        "description": resource.description,
        "path": [p["csv"]["path"] for p in listed], "format": "csv", "mediatype": "text/csv",
        "encoding": "utf-8", "schema": table_schema(resource),
        PARQUET_PROPERTY: {"path": parquet_glob(resource.name), "format": "parquet",
                           "mediatype": "application/vnd.apache.parquet"},
        PARTS_PROPERTY: listed,
    }


def _file(root: Path, path: str, known: dict[str, tuple[os.stat_result, dict]],
          carried: set[str]) -> dict:
    """A data file's size and sha256: the previous release's declaration when the file is
    the previous release's own (the same inode), otherwise hashed."""
    stat = (root / path).stat()
    if path in known and os.path.samestat(stat, known[path][0]):
        carried.add(path)
        return {"path": path, "bytes": known[path][1]["bytes"], "hash": known[path][1]["hash"]}
    return {"path": path, **file_stats(root / path)}
