"""Schedules and the inbox sensor, exercised with Dagster's own testing APIs."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
from test_lock import HOLD

from pipelines.definitions import daily_harvest, defs, inbox_sensor, weekly_release, yearly_release
from pipelines.settings import Settings

SHANGHAI = ZoneInfo("Asia/Shanghai")
AUTO = {"resources": {"settings": {"config": {"dataset_version": "auto"}}}}


def test_daily_harvest_asks_for_last_years_partition() -> None:
    when = datetime(2026, 2, 3, 3, 0, tzinfo=SHANGHAI)
    request = daily_harvest(dg.build_schedule_context(scheduled_execution_time=when))
    assert (request.partition_key, request.run_key) == ("2025", "harvest-2025-20260203")
    job = defs.resolve_job_def("harvest")
    assert "2025" in job.partitions_def.get_partition_keys()


def test_release_schedules_build_with_an_automatic_version() -> None:
    monday = datetime(2026, 11, 30, 4, 0, tzinfo=SHANGHAI)
    weekly = weekly_release(dg.build_schedule_context(scheduled_execution_time=monday))
    assert (weekly.run_config, weekly.tags) == (AUTO, {"ogi/release": "weekly"})
    february = datetime(2026, 2, 1, 6, 0, tzinfo=SHANGHAI)
    yearly = yearly_release(dg.build_schedule_context(scheduled_execution_time=february))
    assert yearly.tags == {"ogi/release": "yearly-2025"}
    assert {s.name: s.cron_schedule for s in defs.schedules} == {
        "daily_harvest": "0 3 * * *", "weekly_release": "0 4 * * 1",
        "yearly_release": "0 6 1 2 *"}
    assert all(s.default_status == dg.DefaultScheduleStatus.STOPPED for s in defs.schedules)


def _evaluate(inbox: Path, cursor: str | None, cache: Path | None = None):
    settings = Settings(inbox_dir=str(inbox), cache_dir=str(cache or inbox.parent / "cache"))
    context = dg.build_sensor_context(cursor=cursor, resources={"settings": settings})
    return inbox_sensor(context), context.cursor


def test_inbox_sensor_runs_once_per_change(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("一", encoding="utf-8")
    first, cursor = _evaluate(inbox, None)
    assert isinstance(first, dg.RunRequest) and first.run_config == AUTO
    again, same = _evaluate(inbox, cursor)
    assert isinstance(again, dg.SkipReason) and same == cursor
    (inbox / "b.txt").write_text("二", encoding="utf-8")
    new_files, moved = _evaluate(inbox, cursor)
    assert isinstance(new_files, dg.RunRequest) and moved != cursor
    assert new_files.run_key != first.run_key


def test_inbox_sensor_skips_a_missing_inbox(tmp_path: Path) -> None:
    result, _ = _evaluate(tmp_path / "nope", None)
    assert isinstance(result, dg.SkipReason)
    assert "does not exist" in result.skip_message


def test_inbox_sensor_waits_while_a_build_holds_the_cache(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("一", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path / "cache")],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        waiting, cursor = _evaluate(inbox, None)
    finally:
        holder.kill()
        holder.wait()
    assert isinstance(waiting, dg.SkipReason) and cursor is None  # the change is kept
    assert waiting.skip_message.startswith("a build holds the cache (run run-a (pid ")
    assert isinstance(_evaluate(inbox, cursor)[0], dg.RunRequest)


def test_the_scheduled_build_runs_its_steps_in_process() -> None:
    # A process a step cost 60-82 s of start-up on the sample inbox; the work inside a step
    # is spread over worker processes already.
    executors = {name: defs.resolve_job_def(name).executor_def.name
                 for name in ("build_package", "build_package_multiprocess", "harvest")}
    assert executors == {"build_package": "in_process", "build_package_multiprocess":
                         "multiprocess", "harvest": "in_process"}


def test_discovery_steps_go_to_their_own_celery_queue() -> None:
    """docs/deploy.md, "Discovery": the Celery executor routes a discovery step by this op
    tag; the build's steps stay on the default queue."""
    from dagster_celery.tags import DAGSTER_CELERY_QUEUE_TAG

    from pipelines.assets import CELERY_QUEUE_TAG, discovered_reports

    assert CELERY_QUEUE_TAG == DAGSTER_CELERY_QUEUE_TAG
    job = defs.resolve_job_def("discover")
    assert [node.tags.get(DAGSTER_CELERY_QUEUE_TAG) for node in job.graph.node_dict.values()
            ] == ["discovery"]
    assert discovered_reports.op.tags[DAGSTER_CELERY_QUEUE_TAG] == "discovery"
    build = defs.resolve_job_def("build_package")
    assert all(DAGSTER_CELERY_QUEUE_TAG not in node.tags
               for node in build.graph.node_dict.values())
