"""The figures a visitor asks for first, from a release's tables: per report year, per
agency level and per province (trends), and the agencies with the most requests, the
most refusals and the most failing identities.

What belongs here: pandas over a few columns of `reports` and `t3_requests` (published
reports only; a null is not reported, never 0). Rendering is pipelines/release/page.py's.
"""

from __future__ import annotations

import pandas as pd

from schemas.template import load_template

# Short names of the agency levels (schemas/vocabulary.py AGENCY_LEVELS) for tables.
LEVEL_ZH = {"national_department": "国务院部门", "province": "省级", "prefecture": "地级",
            "county": "县级", "township": "乡级", "department": "政府工作部门"}
MEASURES = {  # column -> (Chinese, English)
    "new_received": ("新收申请", "new requests"),
    "denied": ("不予公开", "refused (不予公开)"),
    "checks_failed": ("不成立的勾稽关系", "failing identities"),
}


def _members(outcome: str) -> list[str]:
    """Table 三's data rows summed into an outcome (the row, or its sub-rows)."""
    rows = load_template().all_rows("t3")
    return [r.id for r in rows if r.id == outcome or r.parent == outcome]


def per_report(reports: pd.DataFrame, t3: pd.DataFrame) -> pd.DataFrame:
    """One row per report: its place, year and measures (null: not reported, or not
    published); `published_only` keeps the published ones."""
    published = reports.copy()
    published["report_id"] = published["report_id"].astype(str)
    rows = t3.assign(report_id=t3["report_id"].astype(str), row=t3["row"].astype(str))
    for outcome in ("new_received", "denied"):
        mine = rows[rows["row"].isin(_members(outcome))]
        sums = mine.groupby("report_id")["total"].sum(min_count=1)
        published[outcome] = published["report_id"].map(sums)
    published["report_year"] = pd.to_numeric(published["report_year"].astype(object),
                                             errors="coerce").astype("Int64")
    return published


def published_only(frame: pd.DataFrame) -> pd.DataFrame:
    return frame[frame["published"].astype(str) == "true"]


def by_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Per report year: reports published, new requests, refusals, reports failing."""
    grouped = frame.groupby("report_year", dropna=True)
    out = pd.DataFrame({"reports": grouped.size(),
                        "new_received": grouped["new_received"].sum(),
                        "denied": grouped["denied"].sum(),
                        "failing": grouped["checks_failed"].apply(lambda s: int((s > 0).sum()))})
    return out.sort_index()


def by_group_and_year(frame: pd.DataFrame, column: str, measure: str) -> pd.DataFrame:
    """`measure` summed per value of `column` (null: 未识别) and report year."""
    keyed = frame.assign(**{column: frame[column].astype(object).fillna("")})
    table = keyed.pivot_table(index=column, columns="report_year", values=measure,
                              aggfunc="sum", fill_value=0, observed=True)
    table = table.assign(_total=table.sum(axis=1)).sort_values("_total", ascending=False)
    return table.drop(columns="_total")


def agency_key(frame: pd.DataFrame) -> pd.Series:
    """An agency: its stable id where resolved, else its printed name."""
    ids = frame["agency_id"].astype(object)
    return ids.where(ids.notna(), "name:" + frame["agency"].astype(object).fillna(""))


def top_agencies(frame: pd.DataFrame, measure: str, n: int = 10) -> pd.DataFrame:
    """The `n` agencies with the largest sum of `measure` over their published reports."""
    keyed = frame[frame["agency"].notna()].assign(key=lambda f: agency_key(f),
                                                  place=lambda f: place(f))
    grouped = keyed.groupby("key", observed=True)
    out = pd.DataFrame({
        "agency": grouped["agency"].first().astype(str), "place": grouped["place"].first(),
        "level": grouped["level"].first().astype(object),
        "value": grouped[measure].sum()})
    out = out[out["value"] > 0].reset_index()
    out = out.sort_values(["value", "key"], ascending=[False, True]).head(n)
    years = keyed[keyed["key"].isin(out["key"])].groupby("key")["report_year"].apply(
        lambda s: ", ".join(str(y) for y in sorted(s.dropna().unique())))
    return out.assign(years=out["key"].map(years))


def place(frame: pd.DataFrame) -> pd.Series:
    """Province, prefecture and county of each row, as one text ("" when none is known)."""
    parts = [frame[k].astype(object).fillna("").astype(str)
             for k in ("province", "prefecture", "county")]
    return (parts[0] + " " + parts[1] + " " + parts[2]).str.split().str.join(" ")
