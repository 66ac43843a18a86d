"""Discovery in Dagster for real: the sensor adds each listing's site as a partition (no
code change for a new site) and asks for its run; `materialize` of discovered_reports per
site archives the reports, logs every entry with its reason, and a second run finds
what changed only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
from cms_sites import CmsSite, jcms_site, json_site, trs_add_report, trs_site
from loopback import LoopbackServer

from pipelines.assets import SOURCE_SITES
from pipelines.checks import schema_checks
from pipelines.definitions import ALL_ASSETS, discovery_sensor
from pipelines.harvest.discover import site_key
from pipelines.settings import Settings


@pytest.fixture
def sites() -> Iterator[list[CmsSite]]:
    servers = [LoopbackServer() for _ in range(3)]
    yield [trs_site(servers[0]), jcms_site(servers[1]), json_site(servers[2])]
    for server in servers:
        server.stop()


def _settings(tmp: Path, sites: list[CmsSite]) -> Settings:
    sources = tmp / "sources.csv"
    sources.write_text("url,kind,agency,region,level\n" + "".join(
        f"{site.url(site.listing)},listing,,某市,市级\n" for site in sites)
        + f"{sites[0].url('/report.pdf')},,,,\n", encoding="utf-8")
    return Settings(sources_csv=str(sources), archive_dir=str(tmp / "archive"),
                    cache_dir=str(tmp / "cache"), http_timeout=2.0, http_retries=0,
                    http_min_interval=0.0)


def _discover(settings: Settings, instance: dg.DagsterInstance, site: str) -> dict:
    result = dg.materialize([*ALL_ASSETS, *schema_checks], partition_key=site,
                            selection=dg.AssetSelection.assets("discovered_reports"),
                            resources={"settings": settings}, instance=instance)
    (event,) = result.asset_materializations_for_node("discovered_reports")
    return {k: v.value for k, v in event.metadata.items() if k != "records"}


def test_sites_are_partitions_added_by_the_sensor_and_walked(tmp_path, sites) -> None:
    settings = _settings(tmp_path, sites)
    instance = dg.DagsterInstance.ephemeral()
    keys = sorted(site_key(site.url("/")) for site in sites)
    result = discovery_sensor(dg.build_sensor_context(instance=instance,
                                                      resources={"settings": settings}))
    assert sorted(r.partition_key for r in result.run_requests) == keys
    assert all(r.tags == {"ogi/site": r.partition_key} for r in result.run_requests)
    (added,) = result.dynamic_partitions_requests
    assert sorted(added.partition_keys) == keys
    instance.add_dynamic_partitions(SOURCE_SITES.name, list(added.partition_keys))
    again = discovery_sensor(dg.build_sensor_context(instance=instance,
                                                     resources={"settings": settings}))
    assert again.dynamic_partitions_requests == []  # known sites are not added again
    assert [r.run_key for r in again.run_requests] == [r.run_key for r in result.run_requests]

    trs, jcms, api = (_discover(settings, instance, site_key(s.url("/"))) for s in sites)
    assert (trs["discovered"], trs["skipped"], trs["failed"]) == (4, 6, 1)
    assert (jcms["discovered"], jcms["skipped"], jcms.get("failed", 0)) == (4, 3, 0)
    assert (api["discovered"], api["skipped"], api["failed"]) == (3, 2, 1)
    log = [json.loads(line) for line in
           (tmp_path / "archive" / "harvest-log.jsonl").read_text("utf-8").splitlines()]
    entries = [r for r in log if r["kind"] == "entry"]
    assert len(entries) == 11 + 7 + 6 and all(
        r["reason"] for r in entries if r["status"] in ("skipped", "failed"))

    trs_add_report(sites[0])
    second = _discover(settings, instance, site_key(sites[0].url("/")))
    assert (second["discovered"], second["unchanged"], second["listing:stopped"]) == (1, 1, 1)
