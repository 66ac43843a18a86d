"""The agency and report year, read from the title line or the statistics period."""

from __future__ import annotations

import pytest

from pipelines.recognise.metadata import _opening_prose, _prose, read_metadata


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("韶关市浈江区人民政府2019年政府\n信息公开工作年度报告\n一、总体情况",
         ("韶关市浈江区人民政府", 2019)),  # a title wrapped over two lines
        ("标题: 平潭综合实验区2022年度政府信息公开工作年度报告", ("平潭综合实验区", 2022)),
        ("2019年上海市人民政府办公厅政府信息公开工作年度报告", ("上海市人民政府办公厅", 2019)),
        ("拖市鎮(zhèn)2020年政府信息公開工作年度報告", ("拖市镇", 2020)),
        ("uedbet体育_uedbet官网@:某某县人民政府2020年政府信息公开工作年度报告",
         ("某某县人民政府", 2020)),
        ("本报告统计期限自2021年1月1日起至2021年12月31日止。", (None, 2021)),
        ("关于做好春节期间安全生产工作的通知", (None, None)),
    ],
)
def test_read_metadata(text: str, expected: tuple) -> None:
    assert read_metadata(text) == expected


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("登录 | 注册\n抚松县东岗镇人民政府2020年政府信息公开工作年度报告", "抚松县东岗镇人民政府"),
        ("当前位置:街镇 > 河包镇 > 政务公开 > 政府信息公开年报\n"
         "河包镇2020年政府信息公开工作年度报告", "河包镇"),
    ],
)
def test_page_header_is_not_part_of_the_agency(text: str, agency: str) -> None:
    assert read_metadata(text)[0] == agency


def test_spam_keywords_without_at_sign_are_removed() -> None:
    text = ("365bet网上娱乐_365BETAPP官网_365体育平台网址人民政府合作交流办公室\n"
            "2022年政府信息公开工作年度报告")
    agency, year = read_metadata(text)
    assert year == 2022
    assert "365" not in (agency or "")


def test_the_opening_is_prepared_line_by_line() -> None:
    """The first 100 lines prepared alone give the first lines of the whole opening
    prepared (simplified, pinyin and markup removed): what the title and opening are
    read from, with traditional characters, pinyin and markup at the cut."""
    lines = [f"**第{k}行**數(shù)據(jù)，後臺&nbsp;[連結](http://x.cn/{k})" for k in range(150)]
    text = "\n".join(["# 某縣人民政府2023年政府信息公開工作年度報告", *lines])
    prose, whole = _opening_prose(text)
    assert not whole
    full = _prose(text[:20_000]).splitlines()
    assert prose.splitlines() == full[:len(prose.splitlines())]
    assert len(prose.splitlines()) >= 80
    assert read_metadata(text) == ("某县人民政府", 2023)


# w3m's dump of a CMS page whose sidebar lists the agency's reports of other years
# before the report: the first title line named 2023 for the 2024 report
SIDEBAR = ("年度报告\n\n  • 淮安市人民政府2023年政府信息公开工作年度报告\n"
           "  • 淮安市人民政府2022年政府信息公开工作年度报告\n\n")
TITLE = "淮安市人民政府2024年政府信息公开工作年度报告\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (SIDEBAR + TITLE + "本报告根据《中华人民共和国政府信息公开条例》要求编制。\n",
         ("淮安市人民政府", 2024)),  # the last title before the report's first lines
        (SIDEBAR + TITLE + "统计期限自2024年1月1日起至2024年12月31日止。\n",
         ("淮安市人民政府", 2024)),  # the title of the statistics period's year
        (TITLE + "本报告根据条例编制。\n" + SIDEBAR, ("淮安市人民政府", 2024)),  # after it
        (SIDEBAR + TITLE, (None, None)),  # nothing tells which title is the report's
        # other agencies' reports of the same year (a department list) before it
        ("  • 某某市教育局2024年政府信息公开工作年度报告\n" + TITLE + "一、总体情况\n",
         ("淮安市人民政府", 2024)),
        # a sentence naming the report is no title line, so no second agency (现将)
        ("河包镇2020年政府信息公开工作年度报告\n现将2020年度政府信息公开工作报告公布如下"
         "(本报告所列数据统计期限自2020年1月1日起至2020年12月31日止):\n一、总体情况\n",
         ("河包镇", 2020)),
    ],
)
def test_titles_of_other_reports_before_the_report_do_not_name_it(
        text: str, expected: tuple) -> None:
    assert read_metadata(text) == expected
