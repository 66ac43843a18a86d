"""The build job on Dagster's Celery executor: a real Redis broker and two workers.

Starts `redis-server` on loopback, two `dagster-celery` workers listening on it, and runs
`build_package` through `dagster job execute` with the Celery executor on the sample
inbox. The release must be the one an in-process run of the same job publishes.

The job is the project's `build_package` with the Celery executor as its executor: the
workers reconstruct it from this file (`celery_defs` below), so it is defined at module
scope. Steps exchange their outputs through the default filesystem IO manager under
DAGSTER_HOME/storage, which both workers see because they run on this machine.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import pytest
import yaml
from dagster_celery import celery_executor

from pipelines.checks import schema_checks
from pipelines.definitions import ALL_ASSETS, build_package_job, defs
from pipelines.settings import Settings

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[2]
SAMPLES = ROOT / "samples" / "inbox"
DATASET = "china-gov-info-disclosure-annual-reports"
VERSION = "1.0.0"
WORKERS = ("ogi-w1", "ogi-w2")
BIN = Path(sys.executable).parent  # the project's venv: dagster, dagster-celery, celery

# The code location the workers load: build_package as in pipelines/definitions.py, with
# the Celery executor (broker and backend come from the run config).
celery_defs = dg.Definitions(
    assets=ALL_ASSETS, asset_checks=schema_checks, jobs=[build_package_job],
    resources={"settings": Settings()}, executor=celery_executor,
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A child in its own process group (so it and its children stop together)."""
    with log.open("wb") as out:
        return subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=ROOT, start_new_session=True)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _wait_for(ready, what: str, timeout: float, procs: list[subprocess.Popen],
              logs: list[Path]) -> None:
    """Poll `ready()` until true; fail (with the children's logs) after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ready():
            return
        if any(p.poll() is not None for p in procs):
            break
        time.sleep(0.3)
    tails = "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}"
                      for log in logs if log.exists())
    pytest.fail(f"{what} not ready within {timeout:.0f} s\n{tails}")


def _redis_ready(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
            s.sendall(b"PING\r\n")
            return s.recv(64).startswith(b"+PONG")
    except OSError:
        return False


def _workers_ready(broker: str) -> bool:
    from celery import Celery

    app = Celery(broker=broker)
    try:
        replies = app.control.ping(timeout=1.0) or []
    except Exception:  # the broker is up; a failed ping is just "not yet"
        return False
    finally:
        app.close()
    names = {name.split("@")[0] for reply in replies for name in reply}
    return set(WORKERS) <= names


def _settings_config(out: Path) -> dict:
    return {"inbox_dir": str(SAMPLES), "datapackages_dir": str(out / "packages"),
            "archive_dir": str(out / "archive"), "cache_dir": str(out / "cache"),
            "dataset_version": VERSION}


def _dagster_home(home: Path) -> None:
    """Run storage, event log and schedules in sqlite; compute logs and IO in files."""
    home.mkdir(parents=True)
    (home / "dagster.yaml").write_text(yaml.safe_dump({
        "storage": {"sqlite": {"base_dir": str(home / "history")}},
        "compute_logs": {"module": "dagster.core.storage.local_compute_log_manager",
                         "class": "LocalComputeLogManager",
                         "config": {"base_dir": str(home / "logs")}},
        "local_artifact_storage": {"module": "dagster.core.storage.root",
                                   "class": "LocalArtifactStorage",
                                   "config": {"base_dir": str(home)}},
        "telemetry": {"enabled": False},
    }))
    # Create the sqlite databases once, before the workers open them concurrently.
    with dg.DagsterInstance.from_config(str(home)):
        pass


@pytest.fixture(scope="module")
def celery_release(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the release on the Celery executor; return its directory."""
    redis_server = shutil.which("redis-server")
    if redis_server is None:
        pytest.skip("redis-server is not installed (Debian package redis-server; "
                    ".ci/run installs it)")
    tmp = tmp_path_factory.mktemp("celery")
    home = tmp / "dagster_home"
    _dagster_home(home)
    port = _free_port()
    broker, backend = f"redis://127.0.0.1:{port}/0", f"redis://127.0.0.1:{port}/1"
    executor = {"config": {"broker": broker, "backend": backend}}
    (tmp / "celery.yaml").write_text(yaml.safe_dump({"execution": executor}))
    (tmp / "run_config.yaml").write_text(yaml.safe_dump({
        "execution": executor,
        "resources": {"settings": {"config": _settings_config(tmp / "out")}},
    }))
    env = {**os.environ, "DAGSTER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    logs = [tmp / "redis.log", *(tmp / f"{w}.log" for w in WORKERS)]
    procs: list[subprocess.Popen] = []
    try:
        procs.append(_start([redis_server, "--port", str(port), "--bind", "127.0.0.1",
                             "--save", "", "--appendonly", "no", "--dir", str(tmp)], logs[0]))
        _wait_for(lambda: _redis_ready(port), "redis-server", 20, procs, logs)
        for name, log in zip(WORKERS, logs[1:], strict=True):
            procs.append(_start(
                [str(BIN / "dagster-celery"), "worker", "start", "-A", "dagster_celery.app",
                 "-y", str(tmp / "celery.yaml"), "-n", name, "--", "--concurrency=1"],
                log, env))
        _wait_for(lambda: _workers_ready(broker), "two celery workers", 60, procs, logs)
        run_log = tmp / "run.log"
        run = _start([str(BIN / "dagster"), "job", "execute", "-f", __file__,
                      "-a", "celery_defs", "-j", "build_package",
                      "-c", str(tmp / "run_config.yaml")], run_log, env)
        try:
            run.wait(timeout=180)
        except subprocess.TimeoutExpired:
            _stop(run)
        output = run_log.read_text(errors="replace")
        assert run.returncode == 0, output[-5000:]
        # Every step ran in a Celery worker, and both workers took part.
        for name in WORKERS:
            assert "succeeded in" in (tmp / f"{name}.log").read_text(errors="replace"), name
        yield tmp / "out" / "packages" / DATASET / VERSION
    finally:
        for proc in reversed(procs):
            _stop(proc)


@pytest.fixture(scope="module")
def in_process_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("in_process")
    result = defs.resolve_job_def("build_package").execute_in_process(
        run_config={"resources": {"settings": {"config": _settings_config(out)}}},
        instance=dg.DagsterInstance.ephemeral())
    assert result.success
    return out / "packages" / DATASET / VERSION


def _descriptor(release: Path) -> dict:
    """datapackage.json without what depends on the build time: `created`, and the
    hash and size of README.md (it prints the date)."""
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    del descriptor["created"]
    for entry in descriptor.get("files", []):
        if entry["path"] == "README.md":
            entry.pop("hash", None)
            entry.pop("bytes", None)
    return descriptor


def test_celery_release_equals_the_in_process_release(celery_release: Path,
                                                      in_process_release: Path) -> None:
    data = sorted(p.relative_to(celery_release).as_posix()
                  for p in (celery_release / "data").rglob("*") if p.is_file())
    names = ["data-dictionary.csv", "changes.csv", *data]
    assert any(n.endswith(".parquet") for n in names)
    assert data == sorted(p.relative_to(in_process_release).as_posix()
                          for p in (in_process_release / "data").rglob("*") if p.is_file())
    for name in names:
        assert (celery_release / name).read_bytes() == (in_process_release / name).read_bytes(), (
            name)
    assert _descriptor(celery_release) == _descriptor(in_process_release)
