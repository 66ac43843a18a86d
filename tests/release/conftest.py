"""Fixtures for the release tests: a real release built from the sample inbox, and a
headless Chromium (the Debian packages `chromium`, `chromium-driver`, `fonts-noto-cjk`,
installed by .ci/run)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
import pytest

from pipelines.inputs import parse_inbox
from pipelines.package import PackageInfo, publish
from pipelines.tidy import schema_failures, tidy, withhold

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CREATED = "2025-01-02T03:04:05Z"

Edit = Callable[[dict[str, pd.DataFrame]], None]


def build_release(inbox: Path, out: Path, version: str, edit: Edit | None = None) -> Path:
    """Parse an inbox, make the published tables and publish them as a release."""
    batch = parse_inbox(inbox)
    tables = tidy(batch.reports, batch.duplicates, batch.inputs)
    withhold(tables, schema_failures(tables))
    if edit is not None:
        edit(tables)
    info = PackageInfo(version=version, sources=[{"title": "test inbox"}], created=CREATED)
    return publish(tables, out, info)


@pytest.fixture(scope="session")
def release_builder() -> Callable[..., Path]:
    """`build_release(inbox, out, version, edit=None)`, for tests that need their own."""
    return build_release


@pytest.fixture(scope="module")
def sample_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample inbox published as release 1.0.0 (without its page)."""
    return build_release(SAMPLES, tmp_path_factory.mktemp("datapackages"), "1.0.0")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    """A headless Chromium driven by the Debian chromedriver, kept off the network."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium chromium-driver "
                    "fonts-noto-cjk; .ci/run installs them)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--window-size=1280,1024",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()
