"""The release page's offline search over agencies and places: a compact index written
beside the page, loaded only when a visitor searches, with no network request.

What belongs here: turning the published reports into `search/index.js` (every agency
once: name, place, level, and where its reports are) and `search/reports-<n>.js`
(the reports, SHARD_REPORTS a file, sorted by agency then year: each with its year,
status, requests, refusals, failing identities, source and sha256). They are scripts,
not JSON, because a page opened from disk (file://) may load a script but not fetch a
file. The index grows with the number of agencies, not of reports, so the page stays
fast at a million reports: a visitor loads the index (a few MB) when searching, then only
the shard or two that hold the agency chosen. The page's script (page.py) reads them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from pipelines.release.trends import LEVEL_ZH, agency_key, place

FOLDER = "search"
INDEX = "index.js"
SHARD_REPORTS = 2000


def shard_name(n: int) -> str:
    return f"reports-{n}.js"


def _script(name: str, data: object) -> str:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"OGI_LOAD({json.dumps(name)},{body});\n"


def _number(value: object) -> float | int | None:
    if value is None or pd.isna(value):
        return None
    return int(value) if float(value).is_integer() else float(value)


def _source(url: object, name: object) -> list:
    """[text, 1 when it is a web address to link]; only http(s) addresses are linked."""
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        return [url, 1]
    return [str(name or ""), 0]


def _layout(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The reports with an agency in index order (agency, then year), and the agencies
    (index: their key) with the position and number of their reports."""
    rows = frame[frame["agency"].notna()].assign(key=agency_key, place=place)
    rows = rows.sort_values(["agency", "key", "report_year", "report_id"],
                            key=lambda s: s.astype(str)).reset_index(drop=True)
    rows["position"] = rows.index
    agencies = rows.groupby("key", sort=False, observed=True).agg(
        agency=("agency", "first"), place=("place", "first"), level=("level", "first"),
        first=("position", "first"), n=("position", "size"))
    return rows, agencies


def agency_positions(frame: pd.DataFrame) -> dict[str, int]:
    """Each agency key's position in the index: the page links to `#agency-<n>`."""
    return {key: i for i, key in enumerate(_layout(frame)[1].index)}


def write_search(release_dir: Path, frame: pd.DataFrame) -> None:
    """Write the index and the shards for every report with an agency (published or not)."""
    folder = Path(release_dir) / FOLDER
    folder.mkdir(exist_ok=True)
    rows, agencies = _layout(frame)
    places = sorted(set(agencies["place"]))
    levels = sorted({str(v) for v in agencies["level"].dropna()})
    place_at = {p: i for i, p in enumerate(places)}
    level_at = {v: i for i, v in enumerate(levels)}
    names = [f"{LEVEL_ZH.get(v, v)} {v}" for v in levels]
    index = {"shard": SHARD_REPORTS, "places": places, "levels": names,
             "agencies": [[str(a.agency), place_at[a.place],
                           level_at.get(str(a.level), -1) if pd.notna(a.level) else -1,
                           int(a.first), int(a.n)] for a in agencies.itertuples()]}
    (folder / INDEX).write_text(_script("index", index), encoding="utf-8")
    for start in range(0, len(rows), SHARD_REPORTS):
        part = rows.iloc[start:start + SHARD_REPORTS]
        data = [[_number(r.report_year), str(r.status), 1 if str(r.published) == "true" else 0,
                 _number(r.new_received), _number(r.denied), _number(r.checks_failed),
                 *_source(r.source_url, r.file_name), str(r.sha256)]
                for r in part.itertuples()]
        n = start // SHARD_REPORTS
        (folder / shard_name(n)).write_text(_script(f"s{n}", data), encoding="utf-8")


# The page's search: plain DOM (textContent only, never markup from the data), scripts
# loaded from the release's own search/ folder, nothing from the network.
SEARCH_SCRIPT = r"""
(function () {
  "use strict";
  var box = document.getElementById("search-box"),
      status = document.getElementById("search-status"),
      list = document.getElementById("search-results"),
      detail = document.getElementById("agency-reports");
  var index = null, shards = {}, waiting = [], asked = {};
  var STATUS = {complete: "完整 complete", partial: "部分 partial", failed: "失败 failed"};
  window.OGI_LOAD = function (name, data) {
    if (name === "index") { index = data; } else { shards[name] = data; }
    var todo = waiting; waiting = [];
    todo.forEach(function (f) { f(); });
  };
  function load(file) {
    if (asked[file]) { return; }
    asked[file] = 1;
    var s = document.createElement("script");
    s.src = "search/" + file;
    document.head.appendChild(s);
  }
  function withIndex(f) {
    if (index) { f(); return; }
    waiting.push(function () { withIndex(f); });
    status.textContent = "正在载入索引… loading the index…";
    load("index.js");
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function num(v) { return v === null ? "—" : v.toLocaleString("en-US"); }
  function search() {
    withIndex(function () {
      var q = box.value.trim(), found = 0, shown = 0;
      list.textContent = "";
      if (!q) { status.textContent = ""; return; }
      for (var i = 0; i < index.agencies.length; i++) {
        var a = index.agencies[i], place = index.places[a[1]];
        if (a[0].indexOf(q) < 0 && place.indexOf(q) < 0) { continue; }
        found++;
        if (shown >= 50) { continue; }
        shown++;
        var li = el("li"), link = el("a", a[0]);
        link.href = "#agency-" + i;
        li.appendChild(link);
        li.appendChild(document.createTextNode(" " + place + " · " +
          (index.levels[a[2]] || "") + " · " + a[4] + " 份报告 reports"));
        list.appendChild(li);
      }
      status.textContent = found + " 个机关 agencies found" +
        (found > shown ? "（显示前 " + shown + " 个 first " + shown + " shown）" : "");
    });
  }
  function cell(row, content) {
    var td = el("td");
    if (typeof content === "string") { td.textContent = content; } else { td.appendChild(content); }
    row.appendChild(td);
    return td;
  }
  function render(a, first, n) {
    var size = index.shard, table = el("table", null, "agency-reports"), head = el("tr");
    ["年度 year", "状态 status", "新收申请 new requests", "不予公开 refused",
     "不成立 identities failing", "来源 source", "存档文件的 sha256 of the archived file"
    ].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    for (var p = first; p < first + n; p++) {
      var r = shards["s" + Math.floor(p / size)][p % size], tr = el("tr");
      tr.id = "report-" + r[8].slice(0, 16);
      cell(tr, r[0] === null ? "—" : String(r[0]));
      cell(tr, (STATUS[r[1]] || r[1]) + (r[2] ? "" : " · 未发布 not published"));
      [r[3], r[4], r[5]].forEach(function (v) { cell(tr, num(v)).className = "num"; });
      if (r[7]) {
        var link = el("a", r[6], "source");
        link.href = r[6];
        link.rel = "noreferrer noopener";
        cell(tr, link);
      } else {
        cell(tr, r[6]).className = "file";
      }
      var hash = el("span", r[8], "hash");
      hash.title = "archive/objects/" + r[8].slice(0, 2) + "/" + r[8].slice(2);
      cell(tr, hash);
      table.appendChild(tr);
    }
    detail.textContent = "";
    detail.appendChild(el("h3", a[0] + " " + index.places[a[1]]));
    var wrap = el("div", null, "scroll");
    wrap.appendChild(table);
    detail.appendChild(wrap);
    detail.scrollIntoView();
  }
  function showAgency() {
    var m = /^#agency-(\d+)$/.exec(location.hash);
    if (!m) { return; }
    withIndex(function () {
      var a = index.agencies[Number(m[1])];
      if (!a) { return; }
      var missing = [];
      for (var k = Math.floor(a[3] / index.shard);
           k <= Math.floor((a[3] + a[4] - 1) / index.shard); k++) {
        if (!shards["s" + k]) { missing.push(k); }
      }
      if (missing.length) {
        waiting.push(showAgency);
        missing.forEach(function (k) { load("reports-" + k + ".js"); });
        return;
      }
      status.textContent = "";
      render(a, a[3], a[4]);
    });
  }
  box.addEventListener("focus", function () { withIndex(function () {}); });
  box.addEventListener("input", search);
  window.addEventListener("hashchange", showAgency);
  showAgency();
})();
"""
