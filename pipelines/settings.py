"""The pipeline's one configuration: paths, storage, harvest limits and each file's budget.

A Dagster resource whose defaults come from OGI_* environment variables, so each
environment (a laptop, CI, the production daemon) overrides what it needs without code:
in the shell, in `dagster.yaml`/the launchpad's run config, or per schedule.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import dagster as dg

from pipelines.budget import FileBudget
from pipelines.harvest.fetch import FetchSettings
from pipelines.parallel import default_workers

_DEFAULT_FETCH = FetchSettings()
_DEFAULT_BUDGET = FileBudget()


def dev_version() -> str:
    """A unique version for ad-hoc builds (releases are immutable, so never reuse one)."""
    return datetime.now(UTC).strftime("0.0.0-dev.%Y%m%dT%H%M%SZ")


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


class Settings(dg.ConfigurableResource):
    """Where the pipeline reads and writes, and how politely it harvests."""

    inbox_dir: str = _env("OGI_INBOX", "samples/inbox")
    sources_csv: str = _env("OGI_SOURCES", "")  # empty: no harvest
    archive_dir: str = _env("OGI_ARCHIVE", "archive")
    cache_dir: str = _env("OGI_CACHE", "cache")
    datapackages_dir: str = _env("OGI_DATAPACKAGES", "datapackages")
    # "" gives a unique dev version; "auto" the next version the changes call for.
    dataset_version: str = _env("OGI_VERSION", "")
    # Rows of each table stock frictionless checks while building a release (0: all). The
    # project's own checks read every row in the build (the pandera gate, the staged-file
    # checks, CSV against Parquet); the stock pass over every row is the validate_release
    # job (pipelines/release/validate.py), run after the build.
    validation_rows: int = int(_env("OGI_VALIDATION_ROWS", "10000"))
    # Processes that parse and make tables; 0: one per core this process may use.
    workers: int = int(_env("OGI_WORKERS", "0"))
    http_timeout: float = float(_env("OGI_HTTP_TIMEOUT", str(_DEFAULT_FETCH.timeout)))
    http_retries: int = int(_env("OGI_HTTP_RETRIES", str(_DEFAULT_FETCH.retries)))
    http_min_interval: float = float(_env("OGI_HTTP_MIN_INTERVAL",
                                          str(_DEFAULT_FETCH.min_interval)))
    http_max_bytes: int = int(_env("OGI_HTTP_MAX_BYTES", str(_DEFAULT_FETCH.max_bytes)))
    # Seconds one URL may take in all (attempts, redirects, body): a slow-drip server
    # otherwise holds a URL for as long as it sends a byte within each read timeout.
    http_deadline: float = float(_env("OGI_HTTP_DEADLINE", str(_DEFAULT_FETCH.deadline)))
    # Hosts fetched at once (each host still one request at a time, OGI_HTTP_MIN_INTERVAL).
    http_hosts: int = int(_env("OGI_HTTP_HOSTS", str(_DEFAULT_FETCH.hosts)))
    # Listing pages discovery walks per listing and run (pipelines/harvest/discover.py).
    discovery_max_pages: int = int(_env("OGI_DISCOVERY_MAX_PAGES", "500"))
    # An inbox file larger than this is skipped with the reason (it is read into memory).
    max_file_bytes: int = int(_env("OGI_MAX_FILE_BYTES", str(256 * 1024**2)))
    # Each file's budget (pipelines/budget.py); 0 switches a limit off.
    parse_seconds: float = float(_env("OGI_PARSE_SECONDS", str(_DEFAULT_BUDGET.seconds)))
    parse_memory_bytes: int = int(_env("OGI_PARSE_MEMORY_BYTES",
                                       str(_DEFAULT_BUDGET.memory_bytes)))
    parse_max_unpacked_bytes: int = int(_env("OGI_PARSE_MAX_UNPACKED_BYTES",
                                             str(_DEFAULT_BUDGET.unpacked_bytes)))

    def worker_count(self) -> int:
        return self.workers or default_workers()

    def version(self) -> str:
        return self.dataset_version or dev_version()

    def fetch_settings(self) -> FetchSettings:
        return FetchSettings(timeout=self.http_timeout, retries=self.http_retries,
                             min_interval=self.http_min_interval, max_bytes=self.http_max_bytes,
                             deadline=self.http_deadline, hosts=self.http_hosts)

    def file_budget(self) -> FileBudget:
        return FileBudget(seconds=self.parse_seconds, memory_bytes=self.parse_memory_bytes,
                          unpacked_bytes=self.parse_max_unpacked_bytes)
