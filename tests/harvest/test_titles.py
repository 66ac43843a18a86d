"""The title rules (pipelines/harvest/titles.yaml) on titles as agencies list them."""

import pytest

from pipelines.harvest.titles import judge

REPORTS = [
    ("北京市朝阳区人民政府2023年政府信息公开工作年度报告", 2023),
    ("2022年度 政府信息公开年报", 2022),
    ("二〇二一年度市教育局政府信息公开工作报告", 2021),
    ("某局2020年政府信息公開工作年度報告", 2020),
    ("市统计局2019年度政府信息公开年度报告", 2019),
    ("《某县2024年政府信息公开工作年度报告》", 2024),
    ("某区 2023 年 政府信息公开 工作 年度报告", 2023),
]
SKIPPED = [
    ("关于做好2023年政府信息公开工作年度报告编制工作的通知", "a notice"),
    ("关于公布2022年政府信息公开工作年度报告的公告", "a notice"),
    ("2023年政府信息公开工作年度报告解读", "an interpretation"),
    ("图解：2023年政府信息公开工作年度报告", "an interpretation"),
    ("2023年政务公开工作要点", "a work plan"),
    ("2023年政府網站工作年度報表", "a form"),
    ("2023年第一季度政府信息公开工作报告", "a report on part of a year"),
    ("2023年上半年政府信息公开工作报告", "a report on part of a year"),
    ("政府信息公开工作年度报告", "no report year"),
    ("2023年法治政府建设年度报告", "not an annual report on government information"),
    ("2023年政府信息公开工作年度报告（征求意见稿）", "a draft"),
]


@pytest.mark.parametrize(("title", "year"), REPORTS)
def test_reports_are_kept_with_the_year_of_their_title(title: str, year: int) -> None:
    verdict = judge(title)
    assert (verdict.is_report, verdict.year, verdict.reason) == (True, year, None)


@pytest.mark.parametrize(("title", "reason"), SKIPPED)
def test_near_titles_are_skipped_with_a_reason(title: str, reason: str) -> None:
    verdict = judge(title)
    assert (verdict.is_report, verdict.year) == (False, None)
    assert verdict.reason.startswith(reason)
