"""Table 三's left block read from a PDF's text in reading order, once its right block is
placed (recognise/reading_totals.py), or the whole table where no right block is printed,
and the column identities both blocks share (issue 13).

Chromium's print through `pdftotext` without options prints 三's left m columns (自然人,
商业企业, …) around and between the row labels, cut over lines (`3001 53` / `0` / `0` /
`61` / `4 3119`, `（二）部分公开… 447 7`), and its right k = 7 - m columns later, as a
run one value a line (reading_totals). What the left block holds, in order, is every
count of the rows the run lacks: the rows above the run's first row whole (7 values:
the first row, whose 总计 is printed beside it), then m values a row for each row of the
run. Where no such run is printed (the 2019 format's pages, 三 narrower), every row
prints whole there, up to 四's title: the same rule with m = 7. A label never ends a
row's values (a value prints before or after its label, on its line or alone), so the
labels tie nothing; the counts' order alone does. Kept only where all of this holds,
else nothing:

- **the count**: the words that are counts alone (`447`, not `1.属于…`), from 三's title
  to the run's first line, are exactly the number those rows need. A blank cell prints
  nothing and page furniture (`1/3`, `9:25`) is no count; a count too many or too few
  places nothing, unless the surplus is the rows' numbers (`without_row_numbers`).
- **the identities**, in all 7 columns and rows: each row's 总计 is the sum of its six
  (a value given to the next row breaks two rows' sums), (七)总计 the sum of the result
  rows, 新收 + 上年结转 = (七)总计 + 结转下年 (a value given to another column breaks
  that column's sums).
- **a count beside a label**: a count printed on a line with words that are no counts
  (`3.补正后申请内容仍不明确 5`) shares the row label's baseline, and the label's
  neighbour is the row's first column: where a row's counts print apart (`0 0 0 0 0 5`
  on lines of their own, then the label's line with `5`), those beside the label are its
  first columns. Both readings, as printed and label first, are tried in every row at
  once; kept where exactly one (or both, the same) makes every identity hold.
- **values printed after their row**: where no reading of the counts in order holds
  (no right block), a few lines of counts a label's block printed after later rows are
  put back into the gaps their rows' sums leave (reading_displaced.py); the identities
  decide among those readings as among the others.
- **sub-rows** (`其中：网上申请` after 一, 二 and 结转下年: a breakdown no cell of 三
  holds, printed as a row, its counts around its label): the counts are cut into the rows
  as printed, sub-rows among them (reading_rows.printed_rows), and a sub-row's dropped,
  only where all of them print at its label (below the label printed above it, above the
  one printed below it); else that reading is refused, as order alone ties no count to it.
- **the columns' order**: the left columns are interchangeable in every identity, so the
  header tells them apart. A header line whose words each are a piece of a column label
  (`人 商业`, `然 商业 科研 社会公 法律服 其 总计`: a narrow column's label wraps) names
  those columns left to right (pdftotext puts words on one line only where they share a
  baseline, left to right); chained over the lines (`人 商业` and `企业 机构 益组织`),
  these facts must put the left m columns in the template's order, and no line may name
  columns out of it (a header printed in another order places nothing).
- **an order the header leaves open** (every row whole, no right block): Word's narrow
  columns wrap 法律服务机构 over three lines and print 其他 on one, so no line ties 其他
  to the columns left of it. Each order the header's lines allow is read (the identities
  hold in any order; every row's sum at 总计's place decides), and a cell is kept only
  where every order whose reading holds places the same value there (`agreed_block`).
"""

from __future__ import annotations

from pipelines.read.text_order import COUNT, count
from pipelines.recognise.normalise import normalise
from pipelines.recognise.reading_displaced import displaced_readings, label_block_lines
from pipelines.recognise.reading_rows import Printed, SubRow, template_rows

# ways of taking a run of row numbers out of the counts that are tried (`without_row_numbers`)
_NUMBERINGS = 2_000
# orders of 三's columns a header may leave open for `agreed_block` (法律服务机构 and 其他
# untied by Word's header: 6 hold of 21): more and the header shows next to nothing
_ORDERS = 120
Balance = tuple[tuple[int, int, int, int], ...]  # (新收, 结转, (七)总计, 结转下年) rows
Totals = tuple[tuple[int, tuple[int, ...]], ...]  # ((七)总计, its result rows)


def identities_hold(placed: dict[int, list[int]], width: int, balance: Balance,
                    totals: Totals) -> bool:
    """The column identities in all `width` columns of the placed rows: the results totals
    evaluable and holding, the balances holding where their rows are placed."""
    evaluable = [(t, parts) for t, parts in totals
                 if t in placed and all(p in placed for p in parts)]
    if not evaluable:
        return False
    for c in range(width):
        if any(placed[t][c] != sum(placed[p][c] for p in parts) for t, parts in evaluable):
            return False
        if any(all(r in placed for r in b) and placed[b[0]][c] + placed[b[1]][c]
               != placed[b[2]][c] + placed[b[3]][c] for b in balance):
            return False
    return True


def row_sums(values: list[int], total: int) -> bool:
    """A row's 总计, printed in column `total`, is the sum of its other six."""
    return 2 * values[total] == sum(values)


def header_words(lines: list[str], columns: list[str], note: str | None) -> list[list[str]]:
    """Each header line's words, normalised, without the pieces of 三's note that lead it.
    The note (`（本列数据的勾稽关系为：…）`) prints in the header's first cell, over the
    row labels, left of every column: a narrow cell wraps it, and a piece of it shares a
    line with column label pieces (`和，等于第三项加第四项 人 商业 科研 社会`, Word's
    pages). Left of them on their baseline, it says nothing of their order; dropped, the
    line's other words name their columns left to right. Only leading words are dropped,
    and only those naming no column."""
    whole = normalise(note) if note else ""
    out = []
    for line in lines:
        words = [normalise(w) for w in line.split()]
        lead = 0
        while (whole and lead < len(words) and words[lead] in whole
               and not any(words[lead] in label for label in columns)):
            lead += 1
        out.append(words[lead:])
    return out


def _line_columns(words: list[str], columns: list[str]) -> list[int] | None:
    """The columns a header line names left to right, or None where a word names none
    (a note's text, a count). A word naming several (`机构`: 科研机构, 法律服务机构)
    is the one between its neighbours' columns where exactly one is, else dropped."""
    hits = [[c for c, label in enumerate(columns) if word in label] for word in words]
    if not words or any(not h for h in hits):
        return None
    named = []
    for i, h in enumerate(hits):
        before = max((x[0] for x in hits[:i] if len(x) == 1), default=-1)
        after = min((x[0] for x in hits[i + 1:] if len(x) == 1), default=len(columns))
        fits = [c for c in h if before <= c <= after]
        if len(fits) == 1:
            named.append(fits[0])
    return named


def _named_left_columns(header: list[list[str]], m: int, columns: list[str]) -> bool:
    """The header's lines prove 三's first m columns printed in the template's order, and
    none names columns out of it (module docstring): each line says which columns print
    left of which (`人 商业`: 自然人 before 商业企业; `企业 机构 益组织`: 商业企业,
    科研机构, 社会公益组织), and those facts, chained, order the m columns one way."""
    return named_in_order(header, columns, range(m))


def named_in_order(header: list[list[str]], columns: list[str], wanted: range) -> bool:
    """The header's lines, chained (`_named_left_columns`), prove the `wanted` columns
    printed in the template's order, and none names columns out of it (reading_totals
    asks it of the right block's: `科研` alone, `社会 法律 其 总计` and `人 企业 机构 公益
    服务 他` chain 科研机构 … 总计)."""
    before = _printed_before(header, columns)
    if before is None:
        return False
    for via in range(len(columns)):  # chained: a before via before b
        before |= {(a, b) for a, v in before if v == via for w, b in before if w == via}
    return all((c, c + 1) in before for c in wanted[:-1])


def _printed_before(header: list[list[str]], columns: list[str]) -> set[tuple[int, int]] | None:
    """The pairs (a, b) of columns a header line prints a left of b, or None where a line
    names columns out of the template's order."""
    before: set[tuple[int, int]] = set()
    for words in header:
        named = _line_columns(words, columns)
        if named is None:
            continue
        if named != sorted(named):
            return None
        before |= {(a, b) for i, a in enumerate(named) for b in named[i + 1:] if a != b}
    return before


def header_orders(header: list[list[str]], columns: list[str]) -> list[tuple[int, ...]]:
    """Every order of the columns (template indexes, as printed left to right) the header's
    lines allow: each line's words name columns left to right (`named_in_order`), and
    what no line ties is free (Word's narrow columns: `人 商业 科研 社会`, `企业 机构 组织
    服务`, `其他 总计`, and `法律` on a line of its own, so 其他 may print anywhere left of
    总计). Empty where a line names columns out of the template's order, or where more
    than `_ORDERS` orders are left (the header shows next to nothing)."""
    before = _printed_before(header, columns)
    if before is None:
        return []
    # the orders built a column at a time, least first (permutations' order), a column
    # placed once every column printed before it is: no order the header refutes is
    # made, and the making stops past `_ORDERS` (a header naming little allows thousands)
    needs = {c: {a for a, b in before if b == c} for c in range(len(columns))}
    orders: list[tuple[int, ...]] = []

    def extend(order: list[int]) -> None:
        if len(order) == len(columns):
            orders.append(tuple(order))
        for c in range(len(columns)):
            if len(orders) > _ORDERS:
                return
            if c not in order and needs[c] <= set(order):
                extend([*order, c])

    extend([])
    return orders if len(orders) <= _ORDERS else []


def agreed_block(lines: list[str], title: int, end: int, header: list[list[str]],
                 columns: list[str], rows: int, balance: Balance, totals: Totals
                 ) -> dict[int, list[tuple[int, int, int]]] | None:
    """Every row printed whole (no right block, `end` 四's title) where the header leaves
    the order of some columns open (`header_orders`): {row index: [(column index, line,
    value)]} of the cells that every order it allows, whose reading holds (every row's
    总计, where that order prints it, the sum of its six; the identities, which hold in
    any order of the columns), places alike; None where no order's reading holds. A row
    of zeros but its 总计 reads whole in any order; a row whose open columns print
    different values keeps only the cells no order moves."""
    found = []
    readings: dict[int, dict[int, list[tuple[int, int, int]]] | None] = {}
    for order in header_orders(header, columns):
        total = order.index(len(columns) - 1)
        if total not in readings:  # the reading depends on 总计's place only
            readings[total] = left_block(lines, title, end, {}, header, columns, rows,
                                         balance, totals, ordered=False, total=total)
        if (reading := readings[total]) is not None:
            found.append({(r, order[c]): (no, v) for r, row in reading.items()
                          for c, no, v in row})
    if not found:
        return None
    out: dict[int, list[tuple[int, int, int]]] = {}
    for (r, c), (no, v) in sorted(found[0].items()):
        if all(f[(r, c)][1] == v for f in found[1:]):
            out.setdefault(r, []).append((c, no, v))
    return out or None


def left_block(lines: list[str], title: int, run_start: int, right: dict[int, list[int]],
               header: list[list[str]], columns: list[str], rows: int, balance: Balance,
               totals: Totals, ordered: bool = True, after: dict[int, list[int]] | None = None,
               total: int | None = None, skip: frozenset[int] = frozenset(),
               printed: Printed | None = None, whole: int | None = None
               ) -> dict[int, list[tuple[int, int, int]]] | None:
    """{row index: [(column index, line, value)]} of the values printed in the left block,
    or None (module docstring). `lines` the text's lines, `title` 三's title line,
    `run_start` the right block's first line, `right` its rows' k values each (rightmost
    columns), `header` the header lines' normalised words, `rows` 三's number of rows.
    Without a right block (`right` empty, `run_start` 四's title) every row prints whole
    in the left block, 7 values a row (the 2019 format's pages). `ordered=False`: the
    header's order of the left columns not asked (the rows' sums and the identities, which
    hold in any order of them, are; the values are then no cells, only proof). `after`:
    the rows below the right block, printed whole after it (reading_totals' tail), 7
    values each; they take part in the checks, none of their counts is the left block's.
    `total`: the column (of `columns`, as printed) that is 总计, the sum of the others in
    every row (default the last; reading_totals passes a header's printed place). `skip`:
    lines before `run_start` that are the right block's (a run cut by a page break, a
    piece a page), none of their counts the left block's. `printed`: 三's rows as printed,
    sub-rows among them (reading_rows.printed_rows), `whole` of them printed above the run
    (7 counts each; default: the rows above its first); each sub-row's counts are cut out
    where its place in that order puts them, and only where they print at its label."""
    width = len(columns)
    total = width - 1 if total is None else total
    after = after or {}
    k = len(next(iter(right.values()))) if right else 0
    m = width - k
    # without a right block, every row above those printed after is the left block's
    first, last = ((min(right), max(right)) if right
                   else (rows - len(after), rows - len(after) - 1))
    if (m < 1 or last + len(after) != rows - 1
            or (ordered and not _named_left_columns(header, m, columns))):
        return None
    numbered, rows = rows, last + 1
    order = list(range(rows)) if printed is None else _through(printed, last)
    if template_rows(order) != list(range(rows)):
        return None
    if whole is None:  # the rows above the run's first (all, without a run)
        whole = order.index(first) if first in order else len(order)
    widths = [width if i < whole else m for i in range(len(order))]
    counts = [(no, count(w)) for no in range(title + 1, run_start) if no not in skip
              for w in lines[no].split() if COUNT.fullmatch(w)]
    beside = {no for no in range(title + 1, run_start)
              if any(not COUNT.fullmatch(w) for w in lines[no].split())}
    readings = []
    for kept in without_row_numbers(counts, sum(widths), numbered):
        for label_first in (False, True):
            reading = _rows(kept, order, widths, beside if label_first else set())
            if reading is not None and _holds(reading, right, after, width, balance,
                                              totals, total):
                readings.append(reading)
    # none in order: a few lines printed after their row (the search fills its gaps from
    # 总计 printed last)
    if not readings and not right and total == width - 1 and len(order) == rows:
        for kept in displaced_readings(counts, width, rows,
                                       label_block_lines(lines, title, run_start)):
            reading = _rows(kept, order, [width] * rows, set())
            if reading is not None and _holds(reading, right, after, width, balance,
                                              totals, total):
                readings.append(reading)

    def values(printed: dict[int, list[tuple[int, int, int]]]) -> dict[int, list[int]]:
        return {r: [v for _, _, v in row] for r, row in printed.items()}
    if not readings or any(values(r) != values(readings[0]) for r in readings[1:]):
        return None  # none holds, or two readings placing other values do
    return readings[0]


def _holds(printed: dict[int, list[tuple[int, int, int]]], right: dict[int, list[int]],
           after: dict[int, list[int]], width: int, balance: Balance, totals: Totals,
           total: int) -> bool:
    """Every row of the left block's reading, its right block's values after it, and the
    rows printed after, has its 总计 (column `total`) the sum of its six, and the column
    identities hold."""
    full = {r: [v for _, _, v in row] + right.get(r, []) for r, row in printed.items()} | after
    return (all(row_sums(values, total) for values in full.values())
            and identities_hold(full, width, balance, totals))


def without_row_numbers(counts: list[tuple[int, int]], need: int, rows: int
                        ) -> list[list[tuple[int, int]]]:
    """The counts as the table's values: as printed where they are exactly `need`, else,
    where the surplus s is at most `rows`, each distinct list left by taking out s of the
    rows' numbers (a 序号 column, named or not: `2 二、上年结转…`, `3` / `1288 21`), one
    count each; none where more than `_NUMBERINGS` ways exist (small counts, 1…n among
    them: nothing is proven then). A row's number prints in its row, so the numbers
    print in the rows' order, except where pdftotext prints a block out of the page's
    order: the first row's after the last's (huaian's `1` after 四's title), the first
    row's after a page break anywhere (004's `2` after 四's title), the last row's past
    a page break (005's `23` under 四's header, outside 三). So the numbers taken are s
    consecutive ones (j…j+s-1 of 1…n), printed in that order but for at most one printed
    anywhere. Which counts are the numbers is left to the identities: every reading is
    tried and the table kept only where all that hold place the same values."""
    surplus = len(counts) - need
    if surplus == 0:
        return [counts]
    if not 0 < surplus <= rows:
        return []
    found: set[tuple[int, ...]] = set()

    def take(run: range, start: int, taken: tuple[int, ...], loose: bool) -> bool:
        if not run:
            found.add(tuple(sorted(taken)))
            return len(found) <= _NUMBERINGS
        at_value = [at for at, (_, v) in enumerate(counts) if v == run[0] and at not in taken]
        return (all(take(run[1:], at + 1, (*taken, at), loose)
                    for at in at_value if at >= start)
                and (not loose or all(take(run[1:], start, (*taken, at), False)
                                      for at in at_value)))

    if not all(take(range(first, first + surplus), 0, (), True)
               for first in range(1, rows - surplus + 2)):
        return []
    kept = {tuple(c for at, c in enumerate(counts) if at not in taken)
            for taken in map(set, found)}
    return [list(k) for k in kept]


def _through(printed: Printed, last: int) -> Printed:
    """The rows as printed up to row `last` and the sub-rows printed below it, before the
    next row."""
    cut = next((i for i, r in enumerate(printed) if isinstance(r, int) and r > last),
               len(printed))
    return printed[:cut]


def _rows(counts: list[tuple[int, int]], order: Printed, widths: list[int],
          beside: set[int]) -> dict[int, list[tuple[int, int, int]]] | None:
    """{row index: [(column index, line, value)]}: the counts cut into the rows as printed
    (`order`, sub-rows among them) of `widths`, in order; in each row those on a line of
    `beside` (a label's line) first. A sub-row's counts are dropped (no cell of 三), or
    None where they do not print at its label."""
    out = {}
    at = 0
    for row, n in zip(order, widths, strict=True):
        window = counts[at:at + n]
        at += n
        if isinstance(row, SubRow):
            if not row.holds([no for no, _ in window]):
                return None
            continue
        window = ([c for c in window if c[0] in beside]
                  + [c for c in window if c[0] not in beside])
        out[row] = [(c, no, v) for c, (no, v) in enumerate(window)]
    return out
