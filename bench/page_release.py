"""The release page at scale: a synthetic release's page tables, the page generated from
them, and its size and load time in headless Chromium.

    uv run python bench/page_release.py --count 100000 [--out DIR]

A full build of 100,000 reports takes minutes (bench/run.py); the page reads only three
tables, so this writes those directly (`reports`, `t3_requests`, `checks` as CSV, with
the columns the page reads, plus `datapackage.json` and the data dictionary), with
agencies and places from bench/generate.py, then measures `write_pages` and the page in
Chromium: bytes of index.html and of the search index, time to load the page, and time
from typing a search to its first result and to an agency's reports. Used by
tests/release/test_page.py for its 2,000-report browser test.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generate import DEPARTMENTS, PLACES  # noqa: E402

from pipelines.release.docs import write_dictionary  # noqa: E402
from schemas.identities import identities  # noqa: E402
from schemas.template import load_template  # noqa: E402

YEARS = range(2019, 2025)
CREATED = "2026-12-01T00:00:00Z"


def _agencies(count: int) -> list[tuple[str, str, str, str, str]]:
    """(agency, level, province, prefecture, county): enough distinct agencies that each
    prints about one report a year."""
    out = []
    k = 0
    while len(out) < count:
        for province, prefecture, county, towns in PLACES:
            suffix = f"第{k}分局" if k else ""
            out.append((f"{prefecture}{county}人民政府{suffix}", "county", province,
                        prefecture, county))
            out += [(f"{county}{t}人民政府{suffix}", "township", province, prefecture, county)
                    for t in towns]
            out += [(f"{prefecture}{county}{d}{suffix}", "department", province, prefecture,
                     county) for d in DEPARTMENTS]
        k += 1
    return out[:count]


def write_release(root: Path, count: int, seed: int = 1) -> Path:
    """A release folder with `count` reports (about 3% failed, 40% harvested from URLs)."""
    rng = random.Random(seed)
    data = root / "data"
    data.mkdir(parents=True)
    agencies = _agencies(max(count // len(YEARS), 1))
    t3_rows = [r.id for r in load_template().version("gov_2021").tables["t3"].data_rows]
    checks_of = [i.id for i in identities("gov_2021")]
    reports, t3, checks = [], [], []
    for n in range(count):
        sha = f"{rng.getrandbits(256):064x}"
        agency, level, province, prefecture, county = agencies[n % len(agencies)]
        failed = rng.random() < 0.03
        year = YEARS[n // len(agencies) % len(YEARS)]
        url = f"https://www.example.gov.cn/xxgk/{year}/{n}.html" if rng.random() < 0.4 else None
        failing = 0 if failed or rng.random() > 0.05 else rng.randint(1, 3)
        reports.append({
            "report_id": sha[:16], "file_name": f"inbox/{n}.html", "sha256": sha,
            "source_url": url, "agency": None if failed else agency,
            "agency_id": None if failed else f"a{n % len(agencies)}", "level": level,
            "province": province, "prefecture": prefecture, "county": county,
            "report_year": None if failed else year, "format_version": None if failed
            else "gov_2021", "status": "failed" if failed else "complete",
            "published": "false" if failed else "true", "also_found_as": None,
            "checks_failed": failing})
        if failed:
            continue
        scale = {"county": 300, "township": 5, "department": 40}[level]
        t3 += [{"report_id": sha[:16], "row": row, "total": rng.randint(0, scale)}
               for row in t3_rows]
        checks += [{"report_id": sha[:16], "check_id": c,
                    "status": "fail" if i < failing else "pass"}
                   for i, c in enumerate(checks_of)]
    frames = {"reports": pd.DataFrame(reports).astype({"report_year": "Int64"}),
              "t3_requests": pd.DataFrame(t3), "checks": pd.DataFrame(checks)}
    for name, frame in frames.items():
        frame.to_csv(data / f"{name}.csv", index=False)
    descriptor = {"name": "china-gov-info-disclosure-annual-reports", "version": "1.0.0",
                  "title": "中国政府信息公开工作年度报告数据集 / China government information "
                  "disclosure annual reports", "created": CREATED,
                  "description": f"A synthetic release of {count} reports (bench).",
                  "licenses": [{"name": "CC-BY-4.0"}], "resources": []}
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False),
                                           encoding="utf-8")
    write_dictionary(root)
    return root


def _folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def measure_in_chromium(page: Path, query: str) -> dict:
    """Load time of the page, and of a search and an agency's reports, in Chromium."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(page.as_uri())
        timing = driver.execute_script(
            "const t = performance.getEntriesByType('navigation')[0];"
            "return [t.domContentLoadedEventEnd, t.loadEventEnd];")
        box = driver.find_element("id", "search-box")
        start = time.perf_counter()
        box.send_keys(query)
        wait = WebDriverWait(driver, 120, poll_frequency=0.02)
        link = wait.until(lambda d: d.find_elements("css selector", "#search-results a"))[0]
        searched = time.perf_counter() - start
        start = time.perf_counter()
        link.click()
        wait.until(lambda d: d.find_elements("css selector", "#agency-reports tr[id]"))
        opened = time.perf_counter() - start
    finally:
        driver.quit()
    return {"dom_content_loaded_ms": round(timing[0]), "load_ms": round(timing[1]),
            "first_search_result_s": round(searched, 2), "agency_reports_s": round(opened, 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--out", type=Path, help="where the release goes (default: a temp dir)")
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args(argv)
    from pipelines.release.page import write_pages

    root = args.out or Path(tempfile.mkdtemp(prefix="ogi-page-"))
    start = time.perf_counter()
    release = write_release(root / "release", args.count)
    made = time.perf_counter() - start
    start = time.perf_counter()
    page = write_pages(release)
    result = {"reports": args.count, "tables_s": round(made, 1),
              "write_pages_s": round(time.perf_counter() - start, 1),
              "index_html_bytes": page.stat().st_size,
              "search_index_bytes": (release / "search" / "index.js").stat().st_size,
              "search_folder_bytes": _folder_bytes(release / "search")}
    if not args.no_browser:
        result |= measure_in_chromium(page, "淮阴区")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
