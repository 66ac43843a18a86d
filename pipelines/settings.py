"""Where the pipeline reads and writes, as one Dagster resource overridable per environment."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import dagster as dg


def dev_version() -> str:
    """A unique version for ad-hoc builds (releases are immutable, so never reuse one)."""
    return datetime.now(UTC).strftime("0.0.0-dev.%Y%m%dT%H%M%SZ")


class Settings(dg.ConfigurableResource):
    """Paths and the release version. Defaults come from OGI_* environment variables."""

    inbox_dir: str = os.environ.get("OGI_INBOX", "samples/inbox")
    datapackages_dir: str = os.environ.get("OGI_DATAPACKAGES", "datapackages")
    dataset_version: str = os.environ.get("OGI_VERSION", "")

    def version(self) -> str:
        return self.dataset_version or dev_version()
