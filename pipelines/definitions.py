"""The Dagster code location: assets, checks, the build job and resources."""

from __future__ import annotations

import dagster as dg

from pipelines.assets import data_package, inbox_files, parsed_reports, published_tables
from pipelines.checks import schema_checks
from pipelines.settings import Settings

ALL_ASSETS = [inbox_files, parsed_reports, published_tables, data_package]

build_package_job = dg.define_asset_job(
    "build_package", selection=dg.AssetSelection.all(),
    description="Read every inbox file, build the tables, check them, publish a release.")

defs = dg.Definitions(
    assets=ALL_ASSETS,
    asset_checks=schema_checks,
    jobs=[build_package_job],
    resources={"settings": Settings()},
)
