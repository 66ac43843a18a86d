"""The release's documents: every code block of every generated document runs verbatim in
the release folder, and the data dictionary explains every allowed value, flag code,
check kind and change kind in Chinese and English."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.parts import read_parquet
from pipelines.release.changelog import CHANGE_KINDS
from schemas.identities import cross_year_identities, roll_up_identities
from schemas.resources import resources
from schemas.vocabulary import MEANINGS_ZH, VOCABULARIES

DOCUMENTS = ("README.md", "CHANGELOG.md", "data-dictionary.md")
FENCE = re.compile(r"^```(\w+)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(release: Path, language: str) -> list[str]:
    return [code for name in DOCUMENTS for lang, code in
            FENCE.findall((release / name).read_text(encoding="utf-8")) if lang == language]


def test_the_documents_hold_only_code_that_is_run_here(sample_release: Path) -> None:
    languages = {lang for name in DOCUMENTS for lang, _ in
                 FENCE.findall((sample_release / name).read_text(encoding="utf-8"))}
    assert languages == {"python", "sql", "r"}


def test_python_snippets_run_verbatim(sample_release: Path) -> None:
    blocks = _blocks(sample_release, "python")
    assert blocks
    for code in blocks:
        proc = subprocess.run([sys.executable, "-c", code], cwd=sample_release,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr
    # The README's example prints new requests per report year of the published reports.
    assert proc.stdout.split("\n")[:4] == [
        "report_year", "2019    860.0", "2020     21.0", "2022     74.0"]


def test_sql_snippets_run_verbatim_in_duckdb(sample_release: Path, monkeypatch) -> None:
    monkeypatch.chdir(sample_release)
    # The database's views are not in these files: tests/release/test_database.py runs them.
    readme = (sample_release / "README.md").read_text(encoding="utf-8")
    database = readme.split("### Database", 1)[1]
    blocks = [b for b in _blocks(sample_release, "sql") if b not in database]
    assert blocks
    for code in blocks:
        rows = duckdb.sql(code).fetchall()
        assert rows and all(isinstance(year, int) for year, _ in rows)
    t3 = read_parquet(sample_release / "data", "t3_requests").to_pandas()
    reports = read_parquet(sample_release / "data", "reports").to_pandas()
    ids = set(reports.loc[reports["published"], "report_id"])
    expected = t3[(t3["row"] == "new_received") & t3["report_id"].isin(ids)]["total"].sum()
    assert sum(total for _, total in rows) == expected


@pytest.mark.skipif(shutil.which("Rscript") is None, reason="R is not installed")
def test_r_snippets_run_verbatim(sample_release: Path) -> None:
    for code in _blocks(sample_release, "r"):
        proc = subprocess.run(["Rscript", "-e", code], cwd=sample_release,
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr


def test_every_allowed_value_is_explained_in_both_languages(sample_release: Path) -> None:
    dictionary = pd.read_csv(sample_release / "data-dictionary.csv", encoding="utf-8-sig",
                             dtype=str, keep_default_na=False)
    values = dictionary[dictionary["kind"] == "value"]
    for vocabulary, meanings in VOCABULARIES.items():
        mine = values[values["type"] == vocabulary]
        assert dict(zip(mine["name"], mine["description"], strict=True)) == meanings
        assert dict(zip(mine["name"], mine["title_zh"], strict=True)) == MEANINGS_ZH[vocabulary]
    # Every enum of every published field is explained: a vocabulary, a template row or
    # table, or a statutory cell.
    explained = set(dictionary["name"])
    for resource in resources().values():
        for f in resource.fields:
            assert set(f.enum or ()) <= explained | {"t2", "t3", "t4"}, (resource.name, f.name)
    flags = values[values["type"] == "flag_code"]
    assert flags.set_index("name").loc["truncated", "table"] == "flags.code"
    changes = dictionary[dictionary["kind"] == "change"]
    assert set(changes["name"]) == set(CHANGE_KINDS)


def test_the_cross_year_and_roll_up_soft_checks_are_in_the_dictionary(
        sample_release: Path) -> None:
    dictionary = pd.read_csv(sample_release / "data-dictionary.csv", encoding="utf-8-sig")
    soft = dictionary[(dictionary["kind"] == "identity") & (dictionary["type"] == "soft")]
    assert set(soft["name"]) == {i.id for v in ("gov_2019", "gov_2021")
                                 for i in (*cross_year_identities(v), *roll_up_identities(v))}
    # Across years: table 三 per column (7 a version), table 二 (5 in 2019, 2 in 2021);
    # roll-ups: four table 三 totals a version.
    assert len(soft) == 21 + 8
    rollup = soft.set_index(["name", "format_version"]).loc[
        ("rollup_t3_new_received", "gov_2021")]
    assert rollup["description"] == (
        "t3.new_received.total >= departments:t3.new_received.total")
    markdown = (sample_release / "data-dictionary.md").read_text(encoding="utf-8")
    assert "## 取值及其含义" in markdown and "| flags.code | truncated |" in markdown


def test_the_readme_is_as_full_in_chinese_as_in_english(sample_release: Path) -> None:
    readme = (sample_release / "README.md").read_text(encoding="utf-8")
    chinese = readme[readme.index("## 中文说明"):readme.index("## English")]
    english = readme[readme.index("## English"):readme.index("## 文件与加载")]
    assert [h for h in re.findall(r"^### (.+)$", chinese, re.MULTILINE)] == [
        "数据内容", "各表与印刷报告的对应", "空值与单位", "已知局限", "许可与引用"]
    assert len(re.findall(r"^### ", english, re.MULTILINE)) == 5
    assert "data-dictionary.md" in chinese and "soft" in chinese
