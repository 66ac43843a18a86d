"""The `ogi` command line, run as a user would (a real subprocess, in a pipe and on a
terminal): its output, its exit statuses and its one-line errors."""

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipelines.cli import _root_cause

ROOT = Path(__file__).parents[1]
SAMPLES = ROOT / "samples" / "inbox"
DATASET = "china-gov-info-disclosure-annual-reports"


def ogi(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def ogi_on_a_terminal(*args: str) -> tuple[int, str]:
    """Run `ogi` with stdout and stderr on a pseudo-terminal; return status and output."""
    main, child = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.cli", *args], cwd=ROOT,
                            stdout=child, stderr=child, stdin=subprocess.DEVNULL)
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return proc.wait(timeout=600), b"".join(chunks).decode("utf-8", "replace")


def _one_line(proc: subprocess.CompletedProcess, command: str) -> str:
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(f"ogi {command}: ")
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_parse_json_prints_one_object_per_file() -> None:
    files = [SAMPLES / "seed-shaoguan-zhenjiang-2019.txt", SAMPLES / "notice-not-a-report.txt"]
    proc = ogi("parse", *map(str, files), "--json")
    assert proc.returncode == 1, proc.stderr  # a file is not a report
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


def test_parse_exits_0_when_every_file_is_a_report() -> None:
    proc = ogi("parse", str(SAMPLES / "seed-shaoguan-zhenjiang-2019.txt"),
               str(SAMPLES / "taiping-2022-truncated.txt"))
    assert proc.returncode == 0, proc.stderr
    assert [line.split(": ", 1)[1].split()[0] for line in proc.stdout.splitlines()] == [
        "complete", "partial"]


def test_parse_names_a_missing_file_and_a_directory(tmp_path: Path) -> None:
    proc = ogi("parse", "no-such-report.txt", "--json")
    assert proc.returncode == 2
    assert _one_line(proc, "parse") == "ogi parse: no-such-report.txt: no such file"
    proc = ogi("parse", str(tmp_path), str(SAMPLES / "seed-shaoguan-zhenjiang-2019.txt"))
    assert proc.returncode == 2
    assert _one_line(proc, "parse") == (
        f"ogi parse: {tmp_path}: is a directory (give the files in it, e.g. DIR/*)")
    assert proc.stdout.count("\n") == 1  # the file was parsed all the same


def test_parse_into_head_stops_quietly() -> None:
    files = " ".join(str(SAMPLES / "seed-shaoguan-zhenjiang-2019.txt") for _ in range(40))
    proc = subprocess.run(["bash", "-c", f"{sys.executable} -m pipelines.cli parse --json "
                           f"{files} | head -c 100 >/dev/null; echo ${{PIPESTATUS[0]}}"],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.stderr == ""
    assert proc.stdout.strip() == "141"


def test_version() -> None:
    proc = ogi("--version")
    assert proc.returncode == 0
    assert re.fullmatch(r"ogi \d+\.\d+\.\d+\S*\n", proc.stdout)


def test_root_cause_of_a_dagster_failure_is_one_line() -> None:
    from dagster_shared.error import SerializableErrorInfo

    inner = SerializableErrorInfo("FileExistsError: version 1.0.0 already published\n", [],
                                  "FileExistsError")
    outer = SerializableErrorInfo("Error occurred while executing op:\n", [],
                                  "DagsterExecutionStepExecutionError", inner)
    assert _root_cause(outer) == "version 1.0.0 already published"
    bug = SerializableErrorInfo("KeyError: 'x'\n", [], "KeyError")
    assert _root_cause(bug) == "KeyError: 'x'"


def _build(tmp_path: Path, *more: str) -> list[str]:
    return ["build", "--inbox", str(SAMPLES), "--out", str(tmp_path / "out"),
            "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"), *more]


def test_build_in_a_pipe_then_on_a_terminal(tmp_path: Path) -> None:
    proc = ogi(*_build(tmp_path, "--version", "0.1.0"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    release = tmp_path / "out" / DATASET / "0.1.0"
    assert proc.stdout == f"{release}\n"
    # In a pipe: plain lines, no bar, no Dagster log; one summary at the end.
    assert "\r" not in proc.stderr and "DEBUG" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert re.fullmatch(r"files archived: 8/8 \([\d,.]+/s, 0:00:\d\d\)", lines[0])
    assert re.fullmatch(r"files parsed: 7/7 \([\d,.]+/s, 0:00:\d\d\)", lines[1])
    assert lines[-1] == (f"published 0.1.0: 8 files, 7 distinct reports, 5 published "
                         f"(4 complete, 2 partial, 1 failed); 7 parsed, 0 reused; "
                         f"log {tmp_path / 'cache' / 'logs' / 'build.log'}")
    log = (tmp_path / "cache" / "logs" / "build.log").read_text(encoding="utf-8")
    assert 'Started execution of step "data_package"' in log

    status, screen = ogi_on_a_terminal(*_build(tmp_path, "--version", "auto"))
    assert status == 3, screen
    assert "\r\x1b[K[########################] files archived: 8/8" in screen
    assert screen.rstrip().endswith("ogi build: no changes since 0.1.0, no release made")

    proc = ogi(*_build(tmp_path, "--version", "auto", "--json"))
    assert proc.returncode == 3
    summary = json.loads(proc.stdout)
    assert {k: summary[k] for k in ("status", "version", "files", "distinct", "published",
                                    "parsed", "reused")} == {
        "status": "no_changes", "version": "0.1.0", "files": 8, "distinct": 7,
        "published": 5, "parsed": 0, "reused": 7}


def test_bad_arguments_fail_at_once_in_one_line(tmp_path: Path) -> None:
    existing = tmp_path / "out" / DATASET / "0.1.0"
    (existing / "data").mkdir(parents=True)
    (existing / "datapackage.json").write_text("{}", encoding="utf-8")
    cases = {
        ("--version", "banana"): "version 'banana' is not MAJOR.MINOR.PATCH[-PRERELEASE]",
        ("--version", "0.1.0"): f"version 0.1.0 is already published at {existing}",
    }
    for more, start in cases.items():
        proc = ogi(*_build(tmp_path, *more))
        assert proc.returncode == 2
        assert _one_line(proc, "build").startswith(f"ogi build: {start}")
    assert not (tmp_path / "archive").exists()  # no work was done
    proc = ogi("build", "--inbox", str(SAMPLES), "--out", "/proc/ogi-out",
               "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"))
    assert proc.returncode == 2
    assert _one_line(proc, "build").startswith(
        "ogi build: output folder /proc/ogi-out cannot be written")
    proc = ogi(*_build(tmp_path, "--workers", "-1"))
    assert proc.returncode == 2 and "is negative" in proc.stderr


@pytest.mark.slow
def test_build_publishes_a_package_that_validates(tmp_path: Path) -> None:
    proc = ogi(*_build(tmp_path, "--version", "0.1.0"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    release = Path(proc.stdout.strip())
    validate = subprocess.run(
        [str(Path(sys.executable).with_name("frictionless")), "validate",
         str(release / "datapackage.json")], capture_output=True, text=True, timeout=600)
    assert validate.returncode == 0, validate.stdout[-2000:]
    full = ogi("validate", str(release), "--workers", "2")
    assert full.returncode == 0, full.stdout[-2000:]
    assert re.fullmatch(r"2020: 313 rows, \d+\.\d s, 0 problems; checked by 0\.1\.0's "
                        r"validation at 20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                        full.stdout.splitlines()[1])
    assert full.stdout.splitlines()[-1] == (
        f"valid; written to {release.parent / 'validation' / '0.1.0.json'}")


def test_validate_names_a_folder_that_is_not_a_release(tmp_path: Path) -> None:
    proc = ogi("validate", str(tmp_path))
    assert proc.returncode == 2
    assert _one_line(proc, "validate") == f"ogi validate: {tmp_path} has no datapackage.json"


def test_build_rejects_a_missing_inbox(tmp_path: Path) -> None:
    proc = ogi("build", "--inbox", str(tmp_path / "nope"), "--out", str(tmp_path),
               "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"))
    assert proc.returncode == 2
    assert _one_line(proc, "build") == (
        f"ogi build: inbox {tmp_path / 'nope'} does not exist: give the folder of report "
        "files (--inbox)")


@pytest.mark.slow
@pytest.mark.corpus
def test_build_reads_an_inbox_page_with_the_table_images_beside_it(tmp_path: Path) -> None:
    """上海 2019 as a page whose three tables are PNG files next to it (tests/renderings/
    pictures.py): one report, read through its images; the images are listed as skipped,
    each naming the page that read it, not as reports of their own."""
    sys.path.insert(0, str(ROOT / "tests" / "renderings"))
    from pictures import picture_page

    html, images = picture_page(ROOT.parent / "shared" / "corpus" / "truth" / "011.json")
    inbox = tmp_path / "inbox" / "shanghai"
    (inbox / "images").mkdir(parents=True)
    (inbox / "page.html").write_text(html, encoding="utf-8")
    for src, png in images.items():
        (inbox / src).write_bytes(png)
    proc = ogi("build", "--inbox", str(tmp_path / "inbox"), "--out", str(tmp_path / "out"),
               "--archive", str(tmp_path / "archive"), "--cache", str(tmp_path / "cache"),
               "--version", "0.1.0")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.splitlines()[-1].startswith(
        "published 0.1.0: 1 files, 1 distinct reports, 1 published (1 complete, 0 partial, "
        "0 failed)")
    release = Path(proc.stdout.strip())
    reports = (release / "data" / "reports" / "reports-2019.csv").read_text(encoding="utf-8")
    assert '"shanghai/page.html"' in reports and ',"image","gov_2019",' in reports
    assert (release / "skipped.csv").read_text(encoding="utf-8-sig").splitlines()[1:] == [
        f"shanghai/images/t{n}.png,file,\"an image shown by the page shanghai/page.html: "
        "read as part of that page, not as a report\"" for n in (2, 3, 4)]
