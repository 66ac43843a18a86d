"""The `ogi` command line, run as a user would (a real subprocess)."""

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "samples" / "inbox"


def ogi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def test_parse_json_prints_one_object_per_file() -> None:
    files = [SAMPLES / "seed-shaoguan-zhenjiang-2019.txt", SAMPLES / "notice-not-a-report.txt"]
    proc = ogi("parse", *map(str, files), "--json")
    assert proc.returncode == 0, proc.stderr
    seed, notice = (json.loads(line) for line in proc.stdout.splitlines())
    assert seed["status"] == "complete"
    assert seed["format_version"] == "gov_2019"
    assert seed["agency"] == "韶关市浈江区人民政府"
    assert seed["report_year"] == 2019
    assert len(seed["cells"]) == 198
    assert seed["cells"]["t2.centralized_procurement.procurement_total_amount"] == 5819.06
    assert seed["cells"]["t2.other_external_services.change"] == 6
    assert {c["status"] for c in seed["checks"]} == {"pass"}
    assert len(seed["checks"]) == 40
    assert notice["status"] == "failed"
    assert notice["format_version"] is None
    assert notice["flags"] == [{"cell_id": None, "code": "not_a_report",
                                "message": "no statutory table was recognised"}]


def test_parse_names_a_missing_file() -> None:
    proc = ogi("parse", "no-such-report.txt", "--json")
    assert proc.returncode == 1
    assert "no-such-report.txt: no such file" in proc.stderr


def test_build_publishes_a_package_that_frictionless_validates(tmp_path: Path) -> None:
    proc = ogi("build", "--inbox", str(SAMPLES), "--out", str(tmp_path), "--version", "0.1.0",
               "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    release = Path(proc.stdout.strip().splitlines()[-1])
    assert release == tmp_path / "china-gov-info-disclosure-annual-reports" / "0.1.0"
    validate = subprocess.run(
        [str(Path(sys.executable).with_name("frictionless")), "validate",
         str(release / "datapackage.json")], capture_output=True, text=True, timeout=600)
    assert validate.returncode == 0, validate.stdout[-2000:]
    full = ogi("validate", str(release), "--workers", "2")
    assert full.returncode == 0, full.stdout[-2000:]
    assert re.fullmatch(r"2020: 305 rows, \d+\.\d s, 0 problems; checked by 0\.1\.0's "
                        r"validation at 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                        full.stdout.splitlines()[1])
    assert full.stdout.splitlines()[-1] == (
        f"valid; written to {release.parent / 'validation' / '0.1.0.json'}")
    again = ogi("build", "--inbox", str(SAMPLES), "--out", str(tmp_path), "--version", "0.1.0",
                "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"))
    assert again.returncode == 1
    assert "already published" in again.stderr


def test_validate_names_a_folder_that_is_not_a_release(tmp_path: Path) -> None:
    proc = ogi("validate", str(tmp_path))
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"ogi validate: {tmp_path} has no datapackage.json"


def test_build_rejects_a_missing_inbox(tmp_path: Path) -> None:
    proc = ogi("build", "--inbox", str(tmp_path / "nope"), "--out", str(tmp_path),
               "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"))
    assert proc.returncode == 2
    assert "is not a directory" in proc.stderr
