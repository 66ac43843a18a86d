"""Harvest and build runs for real (Dagster `materialize`, a loopback server): the second
run fetches only what changed and re-parses nothing unchanged, as the runs' own records
say; a run killed midway loses and duplicates nothing."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest
from loopback import FIXTURES, LoopbackServer, send

from pipelines.checks import schema_checks
from pipelines.definitions import ALL_ASSETS, BUILD_ASSETS
from pipelines.settings import Settings

SEED = Path(__file__).parents[1] / "fixtures" / "reports" / "seed-shaoguan-zhenjiang-2019.txt"
ROOT = Path(__file__).parents[2]


def _conditional(server: LoopbackServer, path: str, name: str, etag: str) -> None:
    """Serve a fixture with an ETag, answering 304 to a matching If-None-Match."""
    body = (FIXTURES / name).read_bytes()

    def answer(handler) -> None:
        if handler.headers.get("If-None-Match") == etag:
            send(handler, 304, b"", {"ETag": etag})
        else:
            send(handler, 200, body, {"ETag": etag, "Content-Type": "text/plain"})
    server.routes[path] = answer


def _settings(tmp: Path, sources: Path, version: str = "auto") -> Settings:
    return Settings(inbox_dir=str(tmp / "inbox"), sources_csv=str(sources),
                    archive_dir=str(tmp / "archive"), cache_dir=str(tmp / "cache"),
                    datapackages_dir=str(tmp / "packages"), dataset_version=version,
                    http_timeout=2.0, http_retries=0, http_min_interval=0.0)


def _harvest(settings: Settings, year: str) -> dict:
    result = dg.materialize([*ALL_ASSETS, *schema_checks], partition_key=year,
                            selection=dg.AssetSelection.assets("harvested_sources"),
                            resources={"settings": settings})
    (event,) = result.asset_materializations_for_node("harvested_sources")
    return {k: v.value for k, v in event.metadata.items()}


def _build(settings: Settings) -> tuple[dict, str]:
    result = dg.materialize([*ALL_ASSETS, *schema_checks],
                            selection=dg.AssetSelection.assets(*BUILD_ASSETS),
                            resources={"settings": settings})
    (parsed,) = result.asset_materializations_for_node("parsed_reports")
    return ({k: v.value for k, v in parsed.metadata.items()},
            Path(result.output_for_node("data_package")).name)


@pytest.fixture
def workspace(tmp_path: Path, server: LoopbackServer) -> tuple[Path, Path]:
    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / SEED.name).write_bytes(SEED.read_bytes())
    sources = tmp_path / "sources.csv"
    sources.write_text("url,year\n"
                       f"{server.url('/nilka-2023.txt')},2023\n"
                       f"{server.url('/shanghai.html')},\n"
                       f"{server.url('/changtu-2023.txt')},2019\n", encoding="utf-8")
    return tmp_path, sources


def test_second_run_fetches_and_parses_only_what_changed(workspace, server) -> None:
    tmp, sources = workspace
    _conditional(server, "/nilka-2023.txt", "015.txt", '"v1"')
    _conditional(server, "/shanghai.html", "011.html", '"s1"')
    _conditional(server, "/changtu-2023.txt", "020.txt", '"c1"')
    settings = _settings(tmp, sources)

    first = _harvest(settings, "2023")  # the 2023 source and the one with no year hint
    assert (first["sources"], first["fetched"]) == (2, 2)
    parsed, version = _build(settings)
    assert (parsed["parsed"], parsed["reused"], version) == (3, 0, "1.0.0")

    _conditional(server, "/nilka-2023.txt", "020.txt", '"v2"')  # the page was re-issued
    second = _harvest(settings, "2023")
    assert (second["fetched"], second["not_modified"]) == (1, 1)
    assert server.hits("/nilka-2023.txt")[-1].headers["if-none-match"] == '"v1"'
    parsed, version = _build(settings)
    assert (parsed["parsed"], parsed["reused"], version) == (1, 2, "1.0.1")

    changes = (tmp / "packages" / "china-gov-info-disclosure-annual-reports" / "1.0.1" /
               "CHANGELOG.md").read_text(encoding="utf-8")
    assert "0 reports added, 0 removed, 1 changed" in changes
    assert server.url("/nilka-2023.txt") in changes

    third, version = _build(settings)  # nothing new: no parse, no release
    assert (third["parsed"], third["reused"], version) == (0, 3, "1.0.1")


KILLABLE = """
import dagster as dg, sys
from pipelines.definitions import ALL_ASSETS
from pipelines.settings import Settings
settings = Settings(**__import__("json").loads(sys.argv[1]))
dg.materialize(ALL_ASSETS, partition_key="2023",
               selection=dg.AssetSelection.assets("harvested_sources"),
               resources={"settings": settings})
"""


def _lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_a_killed_harvest_loses_and_duplicates_nothing(workspace, server) -> None:
    tmp, sources = workspace
    sources.write_text("url,year\n" + "".join(
        f"{server.url(p)},2023\n" for p in ("/a.txt", "/b.html", "/slow.txt")), encoding="utf-8")
    _conditional(server, "/a.txt", "015.txt", '"a"')
    _conditional(server, "/b.html", "011.html", '"b"')
    server.slow("/slow.txt", 120)
    settings = _settings(tmp, sources)
    log = tmp / "archive" / "provenance.jsonl"
    proc = subprocess.Popen([sys.executable, "-c", KILLABLE, json.dumps(settings.model_dump())],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        for _ in range(600):  # bounded wait for the two quick fetches to be archived
            if len(_lines(log)) == 2 or proc.poll() is not None:
                break
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    assert [r["url"] for r in _lines(log)] == [server.url("/a.txt"), server.url("/b.html")]

    _conditional(server, "/slow.txt", "020.txt", '"s"')  # the slow site answers now
    again = _harvest(settings, "2023")
    assert (again["fetched"], again["not_modified"]) == (1, 2)
    records = _lines(log)
    assert sorted(r["url"].rsplit("/", 1)[1] for r in records) == ["a.txt", "b.html", "slow.txt"]
    objects = [p for p in (tmp / "archive" / "objects").rglob("*") if p.is_file()]
    assert len(objects) == 3 and list((tmp / "archive" / "tmp").iterdir()) == []
    parsed, version = _build(settings)
    assert (parsed["reports"], version) == (4, "1.0.0")
