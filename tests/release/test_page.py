"""The download pages: figures, self-containment, escaping, and rendering in Chromium."""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pandas as pd
import pytest
from selenium.webdriver.support.ui import WebDriverWait

from pipelines.parts import files_of
from pipelines.release.bundle import write_zip
from pipelines.release.page import (
    dataset_page,
    release_page,
    write_dataset_page,
    write_pages,
)
from pipelines.release.verify import declared_files, read_back

SAMPLES = Path(__file__).parents[2] / "samples" / "inbox"
CREATED = "2025-01-02T03:04:05Z"  # tests/release/conftest.py builds releases with it
TITLE = ("中国政府信息公开工作年度报告数据集 China government information disclosure "
         "annual reports 1.0.0")
# Measured on the sample inbox (8 files, one a byte-identical copy).
FIGURES = {
    "files": "8", "distinct": "7", "duplicates": "1", "published": "5", "reports-failing": "1",
    "status-complete": "4", "status-partial": "2", "status-failed": "1",
    "year-2019": "2", "year-2020": "1", "year-2022": "3", "year-unknown": "1",
    "version-gov_2019": "3", "version-gov_2021": "2", "version-unknown": "2",
    # Table 三's total column summed over the 5 published reports.
    "requests-new_received": "955", "requests-carried_over": "19", "requests-granted": "28",
    "requests-partially_granted": "16", "requests-denied": "4", "requests-unable": "44",
    "requests-not_processed": "3", "requests-other_processing": "8",
    "requests-results_total": "902", "requests-carried_forward": "72",
    "requests-new_received-not-reported": "0", "requests-granted-not-reported": "1",
    "requests-denied-reported": "3", "requests-denied-not-reported": "2",
    "checks-fail": "2", "checks-fail-reports": "1", "checks-not-evaluable": "73",
    "checks-not-evaluable-reports": "2",
    "fail-t3_results_total_natural_person": "1", "fail-t3_results_total_total": "1",
    "not-evaluable-t3_results_total_total": "2",
    # Text against tables: pingtan 2022's text says 75 requests (72 from persons), its table
    # 74 (71); shanghai leaves the outcome rows' 总计 blank.
    "text-pass": "9", "text-pass-reports": "3", "text-fail": "2", "text-fail-reports": "1",
    "text-not_evaluable": "7", "text-not_evaluable-reports": "2",
}
EVIL_AGENCY = "韶关市<script>alert(1)</script>浈江区人民政府"
EVIL_FILE = "<img src=x onerror=alert(1)>.txt"
CJK_FONTS = ("Noto Sans CJK", "Noto Sans SC", "Source Han Sans", "WenQuanYi")


@pytest.fixture(scope="module")
def release(sample_release: Path) -> Path:
    write_pages(sample_release)
    return sample_release


@pytest.fixture(scope="module")
def page(release: Path) -> lxml.html.HtmlElement:
    return lxml.html.parse(str(release / "index.html")).getroot()


@pytest.fixture(scope="module")
def dataset(release: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Copies of the release under other versions, a zip of 1.0.0, `latest` at 1.0.0."""
    root = tmp_path_factory.mktemp("dataset") / release.parent.name
    for version in ("0.0.0-dev.20261126T101010Z", "0.9.0", "1.0.0",
                    "1.0.0-dev.20261126T101010Z", "1.10.0"):
        target = shutil.copytree(release, root / version,
                                 ignore=shutil.ignore_patterns("*.zip", "index.html"))
        descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
        descriptor["version"] = version
        (target / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False),
                                                 encoding="utf-8")
    write_pages(root / "1.0.0")
    write_zip(root / "1.0.0", release.parent.name, "1.0.0", CREATED)
    (root / "latest.json").write_text('{"version": "1.0.0"}', encoding="utf-8")
    write_dataset_page(root)
    return root


def _figure(page: lxml.html.HtmlElement, fig: str) -> str:
    return page.get_element_by_id(f"fig-{fig}").text_content()


def test_page_shows_the_measured_figures(page: lxml.html.HtmlElement, release: Path) -> None:
    assert page.findtext(".//title") == TITLE
    assert page.get_element_by_id("version").text_content() == "1.0.0"
    assert page.get_element_by_id("created").text_content() == CREATED
    assert {fig: _figure(page, fig) for fig in FIGURES} == FIGURES
    reports = read_back(release, "reports", "csv")
    for status, n in reports["status"].value_counts().items():
        assert _figure(page, f"status-{status}") == str(n)


def test_page_lists_every_file_with_size_and_hash(page: lxml.html.HtmlElement,
                                                  release: Path) -> None:
    descriptor = json.loads((release / "datapackage.json").read_text(encoding="utf-8"))
    rows = {tr.xpath("string(td[1])"): tr for tr in page.xpath('//table[@class="files"]//tr')}
    for entry in declared_files({"resources": descriptor["resources"]}):
        row = rows[entry["path"]]
        assert [unquote(h) for h in row.xpath("td[1]/a/@href")] == [entry["path"]]
        assert entry["hash"].removeprefix("sha256:") in row.text_content()
        assert f"{entry['bytes']:,} B" in row.text_content()
    for entry in descriptor.get("files", []):
        assert entry["hash"].removeprefix("sha256:") in rows[entry["path"]].text_content()
    assert "datapackage.json" in rows


def test_dictionary_comes_from_the_release_csv_when_present(release: Path,
                                                            tmp_path: Path) -> None:
    copy = shutil.copytree(release, tmp_path / "release")
    (copy / "data-dictionary.csv").unlink(missing_ok=True)
    from_schemas = lxml.html.fromstring(release_page(copy))
    fields = from_schemas.xpath('//section[@id="dictionary"]//tbody/tr')
    assert len(fields) == sum(len(r["schema"]["fields"]) for r in json.loads(
        (copy / "datapackage.json").read_text(encoding="utf-8"))["resources"])
    (copy / "data-dictionary.csv").write_bytes(
        "\ufeffkind,name,note\nfield,agency,<b>机关</b>\n".encode())
    table = lxml.html.fromstring(release_page(copy)).xpath('//section[@id="dictionary"]//table')
    assert [th.text_content() for th in table[0].xpath(".//th")] == ["kind", "name", "note"]
    assert table[0].xpath("string(.//tbody/tr/td[3])") == "<b>机关</b>"


def test_a_listed_file_outside_the_release_is_not_linked(release: Path, tmp_path: Path) -> None:
    copy = shutil.copytree(release, tmp_path / "release")
    descriptor = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    descriptor["files"] = [
        {"path": "https://example.org/x.csv", "title": "remote", "bytes": 1, "hash": "sha256:0"},
        {"path": "../other/x.csv", "title": "outside", "bytes": 1, "hash": "sha256:1"}]
    (copy / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    root = lxml.html.fromstring(release_page(copy))
    hrefs = root.xpath('//table[@class="files"]//a/@href')
    assert "datapackage.json" in hrefs
    assert not [h for h in hrefs if "example.org" in h or ".." in h]
    assert "https://example.org/x.csv" in root.xpath('string(//table[@class="files"])')


def _urls(page: lxml.html.HtmlElement) -> list[str]:
    attributes = page.xpath("//@src | //@href | //@*[local-name()='href'] | //@action")
    styles = " ".join(page.xpath("//style/text() | //@style"))
    return [str(a) for a in attributes] + re.findall(r"url\(\s*['\"]?([^'\")]*)", styles)


@pytest.mark.parametrize("which", ["release", "dataset"])
def test_pages_make_no_external_request(which: str, release: Path, dataset: Path) -> None:
    page = lxml.html.parse(str((release if which == "release" else dataset) / "index.html"))
    root = page.getroot()
    urls = _urls(root)
    assert urls
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc and not url.startswith(("/", "\\")), url
    assert not root.xpath("//script[@src] | //link | //img | //iframe | //object | //embed")
    # The search's inline script loads only the release's own search/ files.
    scripts = " ".join(root.xpath("//script/text()"))
    assert "://" not in scripts and "fetch(" not in scripts and "XMLHttpRequest" not in scripts
    assert "@import" not in " ".join(root.xpath("//style/text()"))


def test_text_from_reports_is_escaped(tmp_path: Path, release_builder) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    source = (SAMPLES / "seed-shaoguan-zhenjiang-2019.txt").read_text(encoding="utf-8")
    (inbox / EVIL_FILE).write_text(source.replace("韶关市浈江区人民政府", EVIL_AGENCY, 1),
                                   encoding="utf-8")

    def edit(tables: dict[str, pd.DataFrame]) -> None:
        # The parser refuses names with Latin letters (defaced mirrors), so the markup is
        # put in the table, as a future reader or a hand-made source could.
        tables["reports"]["agency"] = EVIL_AGENCY

    release = release_builder(inbox, tmp_path / "out", "1.0.0", edit)
    assert any(EVIL_AGENCY in path.read_text(encoding="utf-8")
               for path in files_of(release / "data", "reports", "csv"))
    html = (write_pages(release)).read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    root = lxml.html.fromstring(html)
    assert not root.xpath("//img") and len(root.xpath("//script")) == 1
    cells = [td.text_content() for td in root.xpath('//section[@id="agencies"]//td')]
    assert EVIL_AGENCY in cells
    # The search index holds them as JavaScript strings, shown with textContent only.
    index = (release / "search" / "index.js").read_text(encoding="utf-8")
    assert json.dumps(EVIL_AGENCY, ensure_ascii=False) in index
    shard = (release / "search" / "reports-0.js").read_text(encoding="utf-8")
    assert json.dumps(EVIL_FILE, ensure_ascii=False) in shard


def test_dataset_page_lists_releases_newest_first(dataset: Path) -> None:
    root = lxml.html.parse(str(dataset / "index.html")).getroot()
    rows = root.xpath('//table[@class="releases"]/tbody/tr')
    assert [r.xpath("string(td[1]/a)") for r in rows] == ["1.10.0", "1.0.0", "0.9.0"]
    dev = root.xpath('//table[@class="dev-builds"]/tbody/tr')
    assert [r.xpath("string(td[1]/a)") for r in dev] == [
        "1.0.0-dev.20261126T101010Z", "0.0.0-dev.20261126T101010Z"]
    assert [r.xpath("td[1]/a/@href")[0] for r in rows][1] == "1.0.0/index.html"
    latest = [r.xpath("string(td[1]/a)") for r in rows if "latest" in r.xpath("string(td[1])")]
    assert latest == ["1.0.0"]
    assert {r.xpath("string(td[3])") for r in rows + dev} == {"5"}
    archive = dataset / "1.0.0" / "china-gov-info-disclosure-annual-reports-1.0.0.zip"
    assert rows[1].xpath("td[4]/a/@href") == [f"1.0.0/{archive.name}"]
    assert f"{archive.stat().st_size:,} B" in rows[1].xpath("string(td[4])")
    assert [len(r.xpath("td[4]/a")) for r in rows] == [0, 1, 0]
    assert dataset_page(dataset) == (dataset / "index.html").read_text(encoding="utf-8")


def _platform_fonts(driver, selector: str) -> list[dict]:
    """The fonts Chromium actually used to draw the text of an element (DevTools)."""
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    document = driver.execute_cdp_cmd("DOM.getDocument", {})["root"]["nodeId"]
    node = driver.execute_cdp_cmd("DOM.querySelector",
                                  {"nodeId": document, "selector": selector})["nodeId"]
    return driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def _links_resolve(driver, selector: str) -> int:
    links = [a.get_attribute("href") for a in driver.find_elements("css selector", selector)]
    for href in links:
        assert href.startswith("file://"), href
        assert Path(unquote(urlsplit(href).path)).is_file(), href
    return len(links)


@pytest.mark.slow
def test_release_page_renders_in_chromium(browser, release: Path, tmp_path: Path) -> None:
    driver = browser
    driver.get((release / "index.html").as_uri())
    assert driver.title == TITLE
    for fig in ("distinct", "published", "status-complete", "year-2022",
                "requests-new_received", "fail-t3_results_total_total"):
        assert driver.find_element("id", f"fig-{fig}").text == FIGURES[fig]
    charts = driver.find_elements("css selector", "svg.chart")
    assert len(charts) >= 2
    for chart in charts:
        assert chart.size["width"] > 0 and chart.size["height"] > 0
        widths = driver.execute_script(
            "return [...arguments[0].querySelectorAll('rect.bar')]"
            ".map(r => r.getBoundingClientRect().width)", chart)
        assert widths and max(widths) > 0
    files = driver.find_elements("css selector", "table.files tbody tr")
    assert len(files) >= 15  # 7 resources as CSV and Parquet, and datapackage.json
    assert _links_resolve(driver, "a[href]:not([href^='#'])") == len(files)
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0

    # Chinese renders with a real CJK font: Chromium reports which font drew the glyphs,
    # and each ideograph is one em wide (a missing-glyph box is not).
    title = driver.find_element("id", "title-zh")
    fonts = _platform_fonts(driver, "#title-zh")
    assert any(f["familyName"].startswith(CJK_FONTS) for f in fonts), fonts
    assert sum(f["glyphCount"] for f in fonts if f["familyName"].startswith(CJK_FONTS)) == len(
        title.text)
    em = float(title.value_of_css_property("font-size").removesuffix("px"))
    assert title.size["width"] == pytest.approx(len(title.text) * em, rel=0.05)

    shot = tmp_path / "release.png"
    assert driver.save_screenshot(str(shot))
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and shot.stat().st_size > 10_000


@pytest.mark.slow
def test_dataset_page_links_resolve_in_chromium(browser, dataset: Path) -> None:
    browser.get((dataset / "index.html").as_uri())
    assert _links_resolve(browser, "a[href]") == 6


def test_the_release_page_links_its_own_zip_written_after_it(release: Path,
                                                              tmp_path: Path) -> None:
    copy = shutil.copytree(release, tmp_path / "release",
                           ignore=shutil.ignore_patterns("*.zip"))
    root = lxml.html.fromstring(release_page(copy))
    name = f"{release.parent.name}-1.0.0.zip"
    assert root.xpath(f'//table[@class="files"]//a[@href="{name}"]/text()') == [name]


def test_soft_checks_are_named_on_the_page(release: Path) -> None:
    from pipelines.release.page import identity_counts

    checks = pd.DataFrame({"report_id": ["a"], "check_id": ["xyear_carried_over_natural_person"],
                           "status": ["fail"]})
    (count,) = identity_counts(checks)
    assert count["table"] == "t3" and count["text"]


def test_chart_labels_are_never_clipped() -> None:
    from pipelines.release.page import CHART_LABEL, _text_width, bar_chart

    long = "（四）无法提供 unable to provide: the information does not exist " * 2
    svg = lxml.html.fromstring(bar_chart("c", "t", [(long, 3), ("short", 1)]))
    label = svg.xpath("//g//text()")[0]
    x = float(svg.xpath("//g/text")[0].get("x"))
    assert label.endswith("…") and _text_width(label) <= x <= CHART_LABEL + 8


def _resources(driver) -> list[str]:
    """Every resource the page has loaded besides itself (DevTools' resource tree)."""
    driver.execute_cdp_cmd("Page.enable", {})
    tree = driver.execute_cdp_cmd("Page.getResourceTree", {})["frameTree"]
    return sorted(r["url"] for r in tree.get("resources", []))


def _no_overflow(driver, width: int, shot: Path, anchor: str | None = None) -> None:
    """At `width` CSS px, the page does not scroll sideways; a screenshot of the whole
    page (its first 8000 px), or of the screen at an element."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    sizes = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.documentElement.scrollHeight]")
    assert sizes[0] <= sizes[1] and width - 20 <= sizes[1] <= width, sizes  # a scroll bar
    if anchor is None:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": min(sizes[2], 8000), "deviceScaleFactor": 1,
            "mobile": width < 600})
    else:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", anchor)
    assert driver.save_screenshot(str(shot))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


@pytest.mark.slow
def test_a_visitor_finds_an_agency_its_report_and_source_offline(browser,
                                                                  tmp_path: Path) -> None:
    """A 2,000-report synthetic release (bench/page_release.py): search an agency, open
    its reports, follow one to its source URL and archived sha256; nothing is requested
    from outside the release; no sideways scroll at 1400 px nor at 390 px."""
    sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))
    import page_release

    release = page_release.write_release(tmp_path / "release", 2000)
    write_pages(release)
    reports = pd.read_csv(release / "data" / "reports.csv", dtype=str)
    driver = browser
    driver.get((release / "index.html").as_uri())
    for width in (1400, 390):
        _no_overflow(driver, width, tmp_path / f"page-{width}.png")
    assert _resources(driver) == []  # the page alone: nothing loaded

    agency = "淮安市淮阴区人民政府"
    box = driver.find_element("id", "search-box")
    box.send_keys("淮阴区")
    wait = WebDriverWait(driver, 60, poll_frequency=0.05)
    results = wait.until(lambda d: d.find_elements("css selector", "#search-results a"))
    assert agency in [a.text for a in results]
    next(a for a in results if a.text == agency).click()
    rows = wait.until(lambda d: d.find_elements("css selector", "#agency-reports tr[id]"))
    mine = reports[reports["agency"] == agency].sort_values(["report_year", "report_id"])
    assert [r.get_attribute("id") for r in rows] == [f"report-{i}" for i in mine["report_id"]]
    with_url = mine[mine["source_url"].notna()].iloc[0]
    row = driver.find_element("id", f"report-{with_url['report_id']}")
    assert row.find_element("css selector", "a.source").get_attribute("href") == (
        with_url["source_url"])
    assert with_url["sha256"] in row.find_element("css selector", ".hash").text
    assert row.find_element("css selector", "td").text == with_url["report_year"]

    # The search loaded the index and this agency's shard, all from the release's folder.
    loaded = _resources(driver)
    base = (release / "search").as_uri() + "/"
    assert loaded and all(name.startswith(base) for name in loaded), loaded
    assert f"{base}index.js" in loaded
    for width in (1400, 390):
        _no_overflow(driver, width, tmp_path / f"search-{width}.png", "search")
        _no_overflow(driver, width, tmp_path / f"reports-{width}.png", "agency-reports")
    if "OGI_SCREENSHOTS" in os.environ:  # to look at them
        for shot in tmp_path.glob("*.png"):
            shutil.copy(shot, Path(os.environ["OGI_SCREENSHOTS"]) / shot.name)


def test_every_agency_level_has_a_short_chinese_name() -> None:
    from pipelines.release.trends import LEVEL_ZH
    from schemas.vocabulary import AGENCY_LEVELS

    assert set(LEVEL_ZH) == set(AGENCY_LEVELS)
