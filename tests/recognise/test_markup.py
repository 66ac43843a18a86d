"""Lightweight markup removed from the lines metadata is read from (recognise/markup.py)."""

from __future__ import annotations

import pytest

from pipelines.recognise.markup import _by_rules, unmarked, unmarked_text
from pipelines.recognise.metadata import read_metadata

TITLE = "淮安市人民政府2024年政府信息公开工作年度报告"


@pytest.mark.parametrize(
    "line",
    [
        f"**{TITLE}**",  # pandoc gfm/markdown/rst of Word's bold title
        f"__{TITLE}__",
        f"*{TITLE}*",
        f"'''{TITLE}'''",  # pandoc mediawiki
        f"# {TITLE}",
        f"### {TITLE} ###",
        f"[{TITLE}](https://www.huaian.gov.cn/a.html)",
        f"**[{TITLE}](http://x.cn/1.html)**",
        f"`{TITLE} <http://x.cn/1.html>`__",
        f"<strong>{TITLE}</strong>",
        f"&nbsp;{TITLE}&nbsp;",
    ],
)
def test_decoration_is_removed_from_a_title_line(line: str) -> None:
    assert unmarked(line).strip() == TITLE


def test_pandoc_markdown_spans_of_word_are_read_as_their_text() -> None:
    # the first line of `pandoc -t markdown` of Word's page (one span a digit)
    line = ('**[淮安市人民政府]{style="font-size:10.5pt;font-family:宋体"}[2]{lang="EN-US"}'
            '[0]{lang="EN-US"}[2]{lang="EN-US"}[4]{lang="EN-US"}'
            '[年政府信息公开工作年度报告]{style="font-size:10.5pt"}**')
    assert unmarked(line) == TITLE


@pytest.mark.parametrize("line", ["==========", "----------", ".. container:: WordSection1",
                                  '::: {.WordSection1 style="layout-grid:15.6pt"}', ":::"])
def test_markup_only_lines_are_empty(line: str) -> None:
    assert unmarked(line) == ""


def test_underscores_inside_words_are_no_emphasis() -> None:
    # spam injected into a sentence (corpus 016) stays whole for the spam filter
    line = "市uedbet体育_uedbet官网@:做好，现编制形成了《uedbet体育_uedbet官网@:西柳镇人民政府》"
    assert unmarked(line) == line
    assert unmarked("_淮安市人民政府_") == "淮安市人民政府"


def test_text_without_markup_is_unchanged() -> None:
    text = "本报告根据《中华人民共和国政府信息公开条例》要求编制，自2024年1月1日起。\n一、总体情况"
    assert unmarked_text(text) == text


@pytest.mark.parametrize(
    "text",
    [
        ".. container:: WordSection1\n\n   **淮安市人民政府2024年政府信息公开工作年度报告**\n",
        "=============\n淮安市人民政府2024年政府信息公开工作年度报告\n=============\n",
        "# 淮安市人民政府2024年政府信息公开工作年度报告\n",
        "**淮安市人民政府2024年政府\n信息公开工作年度报告**\n",  # bold title wrapped
    ],
)
def test_agency_of_a_marked_up_title(text: str) -> None:
    assert read_metadata(text) == ("淮安市人民政府", 2024)


def test_a_line_without_markup_characters_is_its_text_stripped() -> None:
    """The shortcut for lines none of the rules can change gives what the rules give."""
    lines = ["  一、总体情况  ", "2024年，本机关共收到申请12件（其中依申请公开3件）。",
             "微山县人民政府办公室\u3000\t", "", "   ", "（二）依申请公开：答复率100％。",
             "據(jù)《條例》第二十条"]
    for line in lines:
        assert unmarked(line) == _by_rules(line) == line.strip()
