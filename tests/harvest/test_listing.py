"""Listing pages read into entries and further pages: each pagination style."""

import json

from pipelines.harvest.listing import Entry, read_listing

BASE = "http://gov.example/xxgk/ndbg/index.html"


def _page(body: str, charset: str = "utf-8") -> bytes:
    return (f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'
            ).encode("gb18030" if charset == "gb2312" else "utf-8")


def test_entries_take_the_whole_title_from_the_title_attribute() -> None:
    page = read_listing(_page(
        '<a href="/">首页</a><a href="#top">回到顶部</a><a href="javascript:void(0)">打印本页</a>'
        '<a href="./202401/t1.html" title="市教育局2023年政府信息公开工作年度报告">'
        '市教育局2023年政府...</a>'
        '<a href="../zn/">政府信息公开指南</a>'), BASE)
    assert page.entries == [
        Entry("市教育局2023年政府信息公开工作年度报告", "http://gov.example/xxgk/ndbg/202401/t1.html"),
        Entry("政府信息公开指南", "http://gov.example/xxgk/zn/")]
    assert page.pages == []


def test_next_and_numbered_links_are_pages_not_entries() -> None:
    page = read_listing(_page(
        '<a href="list.jsp?p=2">2</a><a href="list.jsp?p=3">3</a>'
        '<a href="list.jsp?p=2">下一页</a><a rel="next" href="list.jsp?p=2&amp;x=1">更多</a>',
        "gb2312"), "http://gov.example/list.jsp?p=1")
    assert page.entries == []
    assert page.pages == ["http://gov.example/list.jsp?p=2", "http://gov.example/list.jsp?p=3",
                          "http://gov.example/list.jsp?p=2",
                          "http://gov.example/list.jsp?p=2&x=1"]


def test_the_trs_script_names_every_index_page() -> None:
    page = read_listing(_page('<script>createPageHTML(4, 0,"index", "shtml");</script>'), BASE)
    assert page.pages == [f"http://gov.example/xxgk/ndbg/{name}" for name in (
        "index.shtml", "index_1.shtml", "index_2.shtml", "index_3.shtml")]


def test_a_page_count_on_an_index_page_names_its_siblings() -> None:
    page = read_listing(_page("<div>共 3 页</div>"),
                        "http://gov.example/xxgk/ndbg/index_1.html")
    assert page.pages == [f"http://gov.example/xxgk/ndbg/{name}" for name in (
        "index.html", "index_1.html", "index_2.html")]
    assert read_listing(_page("<div>共 3 页</div>"), "http://gov.example/list.jsp").pages == []


def test_json_endpoints_by_page_count_and_by_next_url() -> None:
    counted = json.dumps({"data": {"pageNo": 1, "totalPages": 2, "list": [
        {"title": "某区2023年政府信息公开工作年度报告", "url": "/art/1.html"}]}}).encode()
    page = read_listing(counted, "http://gov.example/api/list?pageNo=1&size=20",
                        "application/json")
    assert page.entries == [Entry("某区2023年政府信息公开工作年度报告", "http://gov.example/art/1.html")]
    assert page.pages == ["http://gov.example/api/list?pageNo=1&size=20",
                          "http://gov.example/api/list?pageNo=2&size=20"]
    linked = json.dumps({"results": [{"DOCTITLE": "甲", "DOCPUBURL": "a.html"}],
                         "next": "/api/list?cursor=abc"}).encode()
    page = read_listing(linked, "http://gov.example/api/list")
    assert page.entries == [Entry("甲", "http://gov.example/api/a.html")]
    assert page.pages == ["http://gov.example/api/list?cursor=abc"]


def test_what_is_no_listing_lists_nothing() -> None:
    assert read_listing(b"%PDF-1.4\x00\x01\x02", BASE).entries == []
    assert read_listing(b"{not json", BASE, "application/json").entries == []


def test_an_entry_s_date_is_read_from_its_row_outside_the_link() -> None:
    page = read_listing(_page(
        '<ul><li><a href="a.html">某市2023年政府信息公开工作年度报告</a>'
        '<span>2024-01-15</span></li>'
        '<li><a href="b.html">某市2022年政府信息公开工作年度报告</a></li></ul>'
        '<table><tr><td><a href="c.html">某县2021年政府信息公开工作年度报告</a></td>'
        '<td>发布日期：2022年1月20日</td></tr></table>'
        '<div><a href="d.html">某县2020年政府信息公开工作年度报告（2021-01-20更新）</a></div>'
        '<p>2021-01-01 <a href="e.html">某县2019年政府信息公开工作年度报告</a>'
        '<a href="f.html">某县2018年政府信息公开工作年度报告</a></p>'), BASE)
    assert [(e.url.rsplit("/", 1)[1], e.date) for e in page.entries] == [
        ("a.html", "2024-01-15"), ("b.html", None), ("c.html", "2022-01-20"),
        ("d.html", None),  # a date in the title is not the row's
        ("e.html", None), ("f.html", None)]  # a row of two links is not one entry's
    listed = json.dumps({"list": [
        {"title": "某区2023年政府信息公开工作年度报告", "url": "/1.html",
         "pubDate": "2024/1/5 10:00"},
        {"title": "某区2022年政府信息公开工作年度报告", "url": "/2.html", "pubDate": "2023"}]})
    assert [e.date for e in read_listing(listed.encode(), BASE, "application/json").entries
            ] == ["2024-01-05", None]
