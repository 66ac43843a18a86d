"""The Dagster code location: assets, checks, jobs, schedules, the inbox and discovery
sensors, resources.

Schedules and the sensor start stopped: switch them on in `dagster dev` (Automation) and
run the daemon (`dagster dev` runs one; in production `dagster-daemon run`).
"""

import hashlib
from datetime import datetime
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg

from pipelines import lock
from pipelines.assets import (
    SOURCE_SITES,
    data_package,
    discovered_reports,
    harvested_sources,
    inbox_files,
    parsed_reports,
    published_tables,
    release_validation,
    run_active,
)
from pipelines.checks import schema_checks
from pipelines.harvest.discover import listing_sources, site_key
from pipelines.harvest.sources import read_sources
from pipelines.inbox import scan
from pipelines.settings import Settings

BUILD_ASSETS = [inbox_files, parsed_reports, published_tables, data_package]
ALL_ASSETS = [harvested_sources, discovered_reports, *BUILD_ASSETS, release_validation]
# Steps run in the run's own process: the work inside a step is spread over worker
# processes already (`Settings.workers`), so a process a step (Dagster's default) added
# only start-up: 60-82 s for a build_package run on the sample inbox against ~8 s for
# `ogi build`. The Celery executor (tests/pipelines/test_celery.py) and the
# build_package_multiprocess job remain for runs spread beyond one process.
EXECUTOR = dg.in_process_executor
SHANGHAI = "Asia/Shanghai"  # the agencies' deadlines are in China's time
# Each discovery run names its site: a run-queue limit of 1 per value of this tag keeps
# two walks of one site from running at once (docs/deploy.md, "Discovery").
SITE_TAG = "ogi/site"
AUTO_VERSION = {"resources": {"settings": {"config": {"dataset_version": "auto"}}}}

harvest_job = dg.define_asset_job(
    "harvest", selection=[harvested_sources],
    description="Fetch one report year's sources into the raw archive.")
discover_job = dg.define_asset_job(
    "discover", selection=[discovered_reports],
    description="Walk one site's listing pages and archive the reports they lead to.")
build_package_job = dg.define_asset_job(
    "build_package", selection=dg.AssetSelection.assets(*BUILD_ASSETS),
    description="Archive the inbox, parse what changed, build and check the tables, "
                "publish a release. Many reports per run. Runs on the code location's "
                "executor: in process (see EXECUTOR).")
# The same build with each step in a process of its own: isolation for very large runs
# (a step that runs out of memory does not take the run's process with it), at the cost of
# starting Python and loading the code location again for each step and check.
build_package_multiprocess_job = dg.define_asset_job(
    "build_package_multiprocess", selection=dg.AssetSelection.assets(*BUILD_ASSETS),
    executor_def=dg.multiprocess_executor,
    description="build_package with one process a step, for very large runs.")
validate_release_job = dg.define_asset_job(
    "validate_release", selection=[release_validation],
    description="Validate every row of the newest release (stock frictionless, keys "
                "streamed). Apart from the build, which checks a sample with frictionless.")


@dg.schedule(cron_schedule="0 3 * * *", job=harvest_job, execution_timezone=SHANGHAI,
             default_status=dg.DefaultScheduleStatus.STOPPED)
def daily_harvest(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every night, the reports on last year: they appear from January on."""
    year = context.scheduled_execution_time.year - 1
    return dg.RunRequest(partition_key=str(year), run_key=f"harvest-{year}-"
                         f"{context.scheduled_execution_time:%Y%m%d}")


@dg.schedule(cron_schedule="0 4 * * 1", job=build_package_job, execution_timezone=SHANGHAI,
             default_status=dg.DefaultScheduleStatus.STOPPED)
def weekly_release(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every Monday, a release if anything changed (version "auto")."""
    return dg.RunRequest(run_config=AUTO_VERSION, tags={"ogi/release": "weekly"})


@dg.schedule(cron_schedule="0 6 1 2 *", job=build_package_job, execution_timezone=SHANGHAI,
             default_status=dg.DefaultScheduleStatus.STOPPED)
def yearly_release(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """1 February, the day after the statutory 31 January deadline: the year's release."""
    year = context.scheduled_execution_time.year - 1
    return dg.RunRequest(run_config=AUTO_VERSION, tags={"ogi/release": f"yearly-{year}"})


def inbox_state(inbox: Path) -> str:
    """A digest of the inbox listing (path, size, modification time; skipped entries)."""
    digest = hashlib.sha256()
    listing = scan(inbox)
    for file in listing.files:
        digest.update(f"{file.source}\0{file.size}\0{file.mtime_ns}\n".encode())
    for item in listing.skipped:
        digest.update(f"{item.entry}\0{item.reason}\n".encode())
    return digest.hexdigest()[:20]


def _run_state(context: dg.SensorEvaluationContext, run_id: str) -> bool | None:
    """Whether the instance knows the run as going (None: unknown, or no instance)."""
    try:
        instance = context.instance
    except dg.DagsterInvariantViolationError:  # a context built without one (tests)
        return None
    return run_active(instance, run_id)


@dg.sensor(job=build_package_job, minimum_interval_seconds=60,
           default_status=dg.DefaultSensorStatus.STOPPED)
def inbox_sensor(context: dg.SensorEvaluationContext, settings: Settings):
    """A build when files land in (or leave) the inbox; one run for all of them."""
    inbox = Path(settings.inbox_dir)
    if not inbox.is_dir():
        return dg.SkipReason(f"inbox {inbox} does not exist")
    # A build now would fail on the lock, and the cursor would pass over the change.
    holder = lock.live_holder(Path(settings.cache_dir), partial(_run_state, context))
    if holder is not None:
        return dg.SkipReason(f"a build holds the cache ({holder.describe()}); the inbox is "
                             "looked at again when it has finished")
    state = inbox_state(inbox)
    if state == context.cursor:
        return dg.SkipReason("the inbox has not changed")
    context.update_cursor(state)
    return dg.RunRequest(run_key=f"inbox-{state}", run_config=AUTO_VERSION)


@dg.sensor(job=discover_job, minimum_interval_seconds=3600,
           default_status=dg.DefaultSensorStatus.STOPPED)
def discovery_sensor(context: dg.SensorEvaluationContext, settings: Settings):
    """Each site of the sources CSV's listing pages a partition (a new site is added, no
    code change), and each site walked once a day (Beijing time): the run key names the
    day, so the hourly evaluations ask for no second run."""
    if not settings.sources_csv or not Path(settings.sources_csv).is_file():
        return dg.SkipReason(f"no sources CSV ({settings.sources_csv or 'OGI_SOURCES unset'})")
    sources, _ = read_sources(Path(settings.sources_csv))
    sites = sorted({site_key(s.url) for s in listing_sources(sources)})
    if not sites:
        return dg.SkipReason("the sources CSV has no listing pages (kind=listing)")
    known = set(context.instance.get_dynamic_partitions(SOURCE_SITES.name))
    new = [site for site in sites if site not in known]
    day = datetime.now(ZoneInfo(SHANGHAI)).strftime("%Y%m%d")
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=site, run_key=f"discover-{site}-{day}",
                                    tags={SITE_TAG: site}) for site in sites],
        dynamic_partitions_requests=[SOURCE_SITES.build_add_request(new)] if new else [])


@dg.run_status_sensor(run_status=dg.DagsterRunStatus.SUCCESS,
                      monitored_jobs=[build_package_job], request_job=validate_release_job,
                      default_status=dg.DefaultSensorStatus.STOPPED)
def validate_after_build(context: dg.RunStatusSensorContext) -> dg.RunRequest:
    """After each successful build, the full validation of the release it published."""
    return dg.RunRequest(run_key=f"validate-{context.dagster_run.run_id}")


defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=schema_checks,
    jobs=[harvest_job, discover_job, build_package_job, build_package_multiprocess_job,
          validate_release_job],
    schedules=[daily_harvest, weekly_release, yearly_release],
    sensors=[inbox_sensor, discovery_sensor, validate_after_build],
    resources={"settings": Settings()},
    executor=EXECUTOR,
)
