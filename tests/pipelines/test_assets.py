"""The Dagster job for real: materialize the assets on the sample inbox."""

import json
from pathlib import Path

import dagster as dg
import pandas as pd
import pytest

from pipelines.checks import schema_checks
from pipelines.definitions import ALL_ASSETS, BUILD_ASSETS, defs, validate_after_build
from pipelines.parts import read_parquet
from pipelines.release.verify import read_back
from pipelines.settings import Settings
from schemas.resources import resources

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dg.ExecuteInProcessResult, Path]:
    out = tmp_path_factory.mktemp("packages")
    result = dg.materialize(
        [*ALL_ASSETS, *schema_checks], selection=BUILD,
        resources={"settings": _settings(out, "1.0.0")},
    )
    return result, out


BUILD = dg.AssetSelection.assets(*BUILD_ASSETS)


def _settings(out: Path, version: str) -> Settings:
    return Settings(inbox_dir=str(SAMPLES), datapackages_dir=str(out / "packages"),
                    archive_dir=str(out / "archive"), cache_dir=str(out / "cache"),
                    dataset_version=version)


def test_job_succeeds_and_every_schema_check_passes(built) -> None:
    result, _ = built
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) == len(resources())  # one schema check per published table
    assert all(e.passed for e in evaluations)


def test_every_inbox_file_ends_in_reports(built) -> None:
    result, _ = built
    staged = Path(result.output_for_node("published_tables", "reports")).parent
    reports = read_parquet(staged, "reports").to_pandas()
    names = set(reports["file_name"]) | {
        n for also in reports["also_found_as"].dropna() for n in also.split(" | ")}
    assert names == {p.name for p in SAMPLES.iterdir()}
    by_file = reports.set_index("file_name")
    # Identical bytes are one report, named by the first path in sorted order.
    assert by_file.loc["seed-copy-duplicate.txt", "status"] == "complete"
    assert by_file.loc["seed-copy-duplicate.txt", "also_found_as"] == (
        "seed-shaoguan-zhenjiang-2019.txt")
    assert by_file.loc["taiping-2022-truncated.txt", "status"] == "partial"
    assert by_file.loc["taiping-2022-truncated.txt", "reason"].startswith("truncated")
    assert by_file.loc["notice-not-a-report.txt", "status"] == "failed"
    assert not by_file.loc["notice-not-a-report.txt", "published"]
    assert by_file.loc["notice-not-a-report.txt", "reason"] == (
        "no statutory table was recognised")
    # A defaced mirror page that stops before its tables: a report, cut off.
    spam = by_file.loc["spam-mirror-no-table.txt"]
    assert (spam["status"], spam["published"]) == ("partial", False)
    assert pd.isna(spam["agency"])
    assert spam["reason"] == "truncated: the document ends before the statutory tables"


def test_package_is_published_with_the_agency_error_as_a_finding(built) -> None:
    _, out = built
    release = out / "packages" / "china-gov-info-disclosure-annual-reports" / "1.0.0"
    descriptor = json.loads((release / "datapackage.json").read_text())
    assert descriptor["version"] == "1.0.0"
    checks = read_back(release, "checks", "csv")
    reports = read_back(release, "reports", "csv")
    pingtan_2020 = reports.loc[reports["file_name"] == "pingtan-2020.txt", "report_id"].item()
    failed = checks[(checks["report_id"] == pingtan_2020) & (checks["status"] == "fail")]
    assert failed[["check_id", "lhs", "rhs"]].values.tolist() == [
        ["t3_results_total_natural_person", 20.0, 26.0],
        ["t3_results_total_total", 21.0, 27.0],
    ]


def test_a_schema_failure_blocks_publication(tmp_path: Path) -> None:
    """A blocking check that fails stops the downstream data_package asset."""
    broken = dg.asset_check(asset="cells", name="cells_schema", blocking=True)(
        lambda cells: dg.AssetCheckResult(passed=False, severity=dg.AssetCheckSeverity.ERROR))
    checks = [c for c in schema_checks if "cells" not in str(c.check_keys)] + [broken]
    result = dg.materialize(
        [*ALL_ASSETS, *checks], raise_on_error=False, selection=BUILD,
        resources={"settings": _settings(tmp_path, "1.0.0")},
    )
    assert not result.success
    assert not (tmp_path / "packages").exists()


def test_definitions_load_with_the_build_job() -> None:
    assert defs.resolve_job_def("build_package").name == "build_package"
    keys = {k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys()}
    assert {"inbox_files", "parsed_reports", "reports", "cells", "data_package"} <= keys


def test_the_validation_job_validates_the_release_the_build_published(tmp_path: Path) -> None:
    with dg.DagsterInstance.ephemeral() as instance:
        build = dg.materialize([*ALL_ASSETS, *schema_checks], selection=BUILD,
                               instance=instance,
                               resources={"settings": _settings(tmp_path, "1.0.0")})
        event = build.get_run_success_event()
        context = dg.build_run_status_sensor_context(
            sensor_name="validate_after_build", dagster_instance=instance,
            dagster_run=build.dagster_run, dagster_event=event)
        request = validate_after_build(context)
        assert request.run_key == f"validate-{build.run_id}"
        validation = dg.materialize([*ALL_ASSETS], selection=["release_validation"],
                                    instance=instance,
                                    resources={"settings": _settings(tmp_path, "unused")})
    (materialization,) = validation.asset_materializations_for_node("release_validation")
    metadata = {k: v.value for k, v in materialization.metadata.items()}
    dataset = tmp_path / "packages" / "china-gov-info-disclosure-annual-reports"
    assert (metadata["valid"], metadata["rows"], metadata["problems"]) == (True, 1517, "none")
    assert metadata["report"] == str(dataset / "validation" / "1.0.0.json")
    assert json.loads((dataset / "validation" / "1.0.0.json").read_text())["valid"] is True


def test_validation_without_a_release_fails_with_the_reason(tmp_path: Path) -> None:
    result = dg.materialize([*ALL_ASSETS], selection=["release_validation"],
                            raise_on_error=False,
                            resources={"settings": _settings(tmp_path, "1.0.0")})
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_failure_data.error.message == (
        "dagster._core.definitions.events.Failure: no release to validate: data_package has "
        "not been materialized\n")
