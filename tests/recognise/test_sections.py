"""A report's text cut at its statutory section headings, on real reports."""

from pathlib import Path

from pipelines.read import read_bytes
from pipelines.recognise.sections import read_sections

REPORTS = Path(__file__).parents[1] / "fixtures" / "reports"


def _sections(name: str) -> list[tuple]:
    doc = read_bytes(name, (REPORTS / name).read_bytes())
    return [(part, heading) for heading, _, part in read_sections(doc.text)]


def test_the_six_headings_of_a_page_in_order() -> None:
    assert _sections("shanghai-office-2019.html") == [
        (None, None), ("overview", "一、总体情况"), ("proactive", "二、主动公开政府信息情况"),
        ("requests", "三、收到和处理政府信息公开申请情况"),
        ("reviews", "四、政府信息公开行政复议、行政诉讼情况"),
        ("problems", "五、政府信息公开工作存在的主要问题及改进情况"),
        ("other", "六、其他需要报告的事项")]


def test_table_rows_numbered_like_headings_are_not_sections() -> None:
    # 三、本年度办理结果 and 四、结转下年度继续办理 are rows of table 三; the page prints no
    # heading for table 四 (its 四、 is in a sentence: 三是加强行政复议、行政诉讼…).
    parts = [p for p, _ in _sections("pingtan-2022-run-together.txt")]
    assert parts == [None, "overview", "proactive", "requests", "problems", "other"]


def test_headings_run_together_with_the_text_and_the_text_kept_whole() -> None:
    name = "pingtan-2020-run-together.txt"
    doc = read_bytes(name, (REPORTS / name).read_bytes())
    sections = read_sections(doc.text)
    # Nothing is lost between the sections (headings are kept without their spaces).
    assert "".join((h or "") + t for h, t, _ in sections).replace(" ", "") == \
        doc.text.replace(" ", "")
    assert [p for _, _, p in sections] == [None, "overview", "proactive", "requests",
                                           "reviews", "problems", "other"]


def test_traditional_headings_are_found_and_kept_as_printed() -> None:
    sections = _sections("tianmen-2020-traditional-pinyin-mirror.txt")
    assert sections[1:3] == [("overview", "一、總體情況"),
                             ("proactive", "二、行政機關主動公開政府信息情況")]
