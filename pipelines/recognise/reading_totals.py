"""Table 三's right columns read from a PDF's text in reading order where the table's right
part prints as one run of values, one a line, a row after another (issue 13).

Chromium's print of a report, turned into text by `pdftotext` without options, cuts
table 三 into two blocks: the left columns (自然人, 商业企业, …) printed between and
around the row labels, cut over lines, no order tying them to a row; and the right k
columns (科研机构 … 总计, or 法律服务机构, 其他, 总计) printed later, after 四's title,
as a run of n × k values one a line, k a row, row after row down the page (001, 004:
24 rows × 5 and × 3). The first block is left null (`values_not_placed`); of the
second, each row's values are kept where all of this holds, else nothing:

- **rows**: the run placed as the last k columns of n consecutive template rows puts
  every row the column identities need (the result rows and (七)总计; 新收, 结转 and
  结转下年 where placed), and they hold in all k columns (新收 + 结转 = (七)总计 + 结转下年,
  (七)总计 the sum of the result rows); no other run, width k or position of the n rows
  makes them hold. A value given to another row breaks a sum; shifting the rows breaks
  them all (numbers redrawn with every identity holding, `--revalued`, keep this).
- **总计 is the run's rightmost column**: the identities hold in every column alike, so
  they do not tell which is 总计. A line of 三's header ends with 总计 after other words
  of it and no line puts a word after 总计 (a converter puts words on one line only
  where they share a baseline, left to right: `科研 社会公 法律服 其 总计`), and in every
  row the last value of the k is at least the sum of the others (总计 is the sum of the
  six), which no other of the k is in every row.

- **the other k - 1 columns** are kept only where a header line's last k words name
  三's last k columns in order, each word starting exactly one column's label
  (`科研 社会公 法律服 其 总计`: pieces of a wrapped header, header_pieces.column_started):
  the applicant columns are interchangeable in every identity, so only the header tells
  them apart. Elsewhere (a header naming them in another order, or not one a word) each
  row's 总计 only.

The rows are flagged `row_placed_by_order` (their labels print away from their values).
"""

from __future__ import annotations

import re

from pipelines.read.text_order import simplified_lines, t3_versions
from pipelines.recognise.grid import Grid
from pipelines.recognise.header_pieces import column_started
from pipelines.recognise.normalise import normalise
from pipelines.report import CellValue, Flag
from schemas.template import cell_id_of

_COUNT = re.compile(r"\d+")  # a count alone on its line
_TOTAL = "总计"
_WIDTH = 7  # 三's columns: the run's rows hold 1 to 7 of them

Run = list[tuple[int, int]]  # (0-based line, count)


def _runs(lines: list[str], start: int) -> list[Run]:
    """Runs of lines holding one count each (empty lines between them kept in the run)."""
    runs: list[Run] = []
    current: Run = []
    for no in range(start, len(lines)):
        word = lines[no].strip()
        if not word:
            continue
        if _COUNT.fullmatch(word):
            current.append((no, int(word)))
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


def _holds(placed: dict[int, list[int]], k: int, balance: tuple, totals: tuple) -> bool:
    """The column identities in all k columns: the results totals evaluable and holding,
    the balances holding where their rows are placed."""
    evaluable = [(t, parts) for t, parts in totals
                 if t in placed and all(p in placed for p in parts)]
    if not evaluable:
        return False
    for c in range(k):
        if any(placed[t][c] != sum(placed[p][c] for p in parts) for t, parts in evaluable):
            return False
        if any(all(r in placed for r in b) and placed[b[0]][c] + placed[b[1]][c]
               != placed[b[2]][c] + placed[b[3]][c] for b in balance):
            return False
    return True


def _total_rightmost(header: list[str]) -> bool:
    """A header line ends with 总计 after other words; none puts a word after it."""
    ends = False
    for line in header:
        words = line.split()
        if _TOTAL in words[:-1]:
            return False
        ends = ends or (len(words) > 1 and words[-1] == _TOTAL)
    return ends


def _dominant_last(rows: list[list[int]]) -> bool:
    """The last of each row's values is at least the sum of the others in every row, and
    no other position is in every row (k >= 2: which one is 总计 is shown)."""
    def dominant(i: int) -> bool:
        return all(2 * row[i] >= sum(row) for row in rows)
    k = len(rows[0])
    return k >= 2 and dominant(k - 1) and not any(dominant(i) for i in range(k - 1))


def _named_right_columns(header: list[str], k: int, columns: list[str]) -> bool:
    """A header line's last k words name 三's last k columns, in order: each word starts
    exactly one column's label (`社会公` 社会公益组织, `其` 其他), the k-th from the end
    the k-th column from the end (pdftotext prints a line's words left to right)."""
    want = list(range(len(columns) - k, len(columns)))
    for line in header:
        words = [normalise(w) for w in line.split()]
        if len(words) >= k and [column_started(w, columns) for w in words[-k:]] == want:
            return True
    return False


def _placement(lines: list[str], heading: str, columns: list[str], labels: tuple[str, ...],
               matched: dict[str, int], balance: tuple, totals: tuple
               ) -> dict[int, list[tuple[int, int, int]]] | None:
    """{row index: [(column index, line, value)]} for one format version, or None (module
    docstring): the runs after 三's title (`heading`, its last line above its first row's
    label); `columns` 三's column labels, normalised."""
    flat = ["".join(ln.split()) for ln in lines]
    first = next((no for no, ln in enumerate(flat) if matched.get(ln) == 0), None)
    title = next((no for no in range(first or 0, -1, -1) if heading in flat[no]), None)
    if first is None or title is None:
        return None
    found = []
    for run in _runs(lines, title):
        for k in range(1, _WIDTH + 1):
            if len(run) % k or len(run) // k > len(labels):
                continue
            n = len(run) // k
            for end in range(n, len(labels) + 1):
                placed = {end - n + r: [v for _, v in run[r * k:(r + 1) * k]] for r in range(n)}
                if _holds(placed, k, balance, totals):
                    found.append((k, run, placed))
    if len(found) != 1:
        return None  # none, or more than one placement the identities allow
    k, run, placed = found[0]
    header = lines[title + 1:first]
    if not _total_rightmost(header) or not _dominant_last(list(placed.values())):
        return None
    # every column of the run where the header names them, else its 总计 only
    kept = range(k) if _named_right_columns(header, k, columns) else [k - 1]
    start = min(placed)
    return {r: [(len(columns) - k + c, *run[(r - start) * k + c]) for c in kept]
            for r in placed}


def place_t3_totals(grid: Grid, text: str, rendering: str) -> None:
    """Each row's values of table 三's right block, or its 总计 only, from a run of values
    printed row after row (module docstring), in a text read in reading order where no
    cell of those rows holds a value."""
    if rendering != "text_reading_order":
        return
    lines = simplified_lines(text.split("\n"))
    table = grid.version.tables["t3"]
    rows = table.data_rows
    labels = tuple(r.label for r in rows)
    shapes = [s for s in t3_versions() if s[0] == labels]
    heading = "".join(table.title.split())
    columns = [normalise(c.label) for c in table.columns]
    placed = None if not shapes else _placement(lines, heading, columns, *shapes[0])
    if placed is None:
        return
    cells = [cell_id_of("t3", rows[r].id, c.id) for r in placed for c in table.columns]
    if any((c := grid.cells.get(cid)) is not None and c.value is not None for cid in cells):
        return  # another reading placed values there: not mixed with this one
    for r, values in sorted(placed.items()):
        for col, no, value in values:
            cid = cell_id_of("t3", rows[r].id, table.columns[col].id)
            grid.cells[cid] = CellValue(cid, value, "number", str(value), None, f"line {no + 1}")
        which = ("its 总计 only" if len(values) == 1 else
                 "its last " + str(len(values)) + " columns, as its header names them")
        grid.flags.append(Flag("row_placed_by_order", f"row t3.{rows[r].id}: its label was "
                               "printed away from its values, which were placed by their "
                               f"order ({which})"))
