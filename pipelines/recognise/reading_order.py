"""Table 四 read from a PDF's text in reading order: kept only where the text shows the
order of its columns and of its column groups, or where that order does not matter.

A reading-order converter (`pdftotext` without `-layout`) prints table 四's 15 counts
one after another, left to right, and `text_order.t4_values` places them in the
template's order where their count and identities hold. The identities cannot tell
the order within a level: any order of a group's four parts keeps its 总计, and the
three groups (行政复议 beside 行政诉讼, and under it 未经复议直接起诉 beside 复议后起诉)
each sum on their own. A page that prints 结果纠正 before 结果维持, or 复议后起诉 before
未经复议直接起诉, passes every identity read in the template's order, with cells in
the wrong columns. So each level's order is read from the header as this text prints
it, never assumed:

- **on one line**: a converter puts words on one line only where they share a
  baseline, in the order of their place on it, left to right. Reading order cuts a
  wrapped label into pieces (`结果维 结果纠 其他结 尚未审 总`, `维持 纠正 果 审结 计`),
  and a piece may start or end several labels (`结果`, `果`): five consecutive words,
  each a piece of a column label, that name the five columns one each in exactly one
  way, show one group's order. A run of such words may cross from one group into the
  next (`纠正 果 审结 计 维持`): the template's order repeated, read as a rotation of it.
  Any other order on a line is the header's own: the table is null, flagged
  `columns_out_of_order`. Group labels are compared where both of a level stand on
  one line (`行政复议 行政诉讼`, a header printed run together).
- **the lines' order says nothing**: blocks are printed in the converter's order, not
  the page's (`复议后起诉` on a line of its own above `… 总 未经复议直接起诉`).
- **a baseline shared**: `未经复议直接起诉` after column label pieces on its line is
  right of 行政复议's columns (the only column labels beside it), so 行政复议 is left of
  行政诉讼, and its group is the lawsuit group next to 行政复议, the left one: nothing of
  that baseline prints between two words side by side (`_lawsuit_beside_review`;
  `总 复议后起诉` reads the lawsuits swapped). Where only the lawsuit groups' order is
  unread, 行政复议's five cells are kept and the lawsuits' ten nulled.

A level whose order is not read leaves the table null, flagged `column_order_unread`,
unless its values are the same in any of its orders: every group's five counts equal
(all 0) for the columns, the two lawsuit groups equal, or all three groups equal.

Table 三's rows printed whole on their label's line (`text_order.t3_line_rows`) are
placed in the template's column order too, which 三's identities cannot check (its six
applicant columns are interchangeable in every one): kept where a line of its header
names its seven columns left to right, or its upper row (自然人 / 法人或其他组织 / 总计)
and its five organisations a line each; else only each row's 总计, the same in any order.
So are the rows read from their labels and the runs of values after them
(`text_order.t3_label_runs`, WPS's PDF): its header prints one piece a line, and the
order of those pieces is not the columns' (001.pdf: `总计` between `社会公益` / `组织` and
`法律服务`, `其他` between `法律服务` and `机构`: pdftotext orders a header's blocks by
more than their place left to right, and the lines of two cells it joins into one block
top to bottom, so `其他` printed left of 法律服务机构 would read the same). No order of
pieces proves the columns' there; only 总计 and the rows of zeros are kept.

Such text prints no empty cell, and its reader keeps a row's label while dropping the
values it cannot place (`Document.values_withheld`): a row read there without its values
is never published as printed empty, but null, not placed (flag `values_not_placed`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import permutations

from pipelines.recognise.column_order import out_of_order, unplace, withdraw
from pipelines.recognise.grid import Grid
from pipelines.recognise.normalise import normalise
from pipelines.report import Flag
from schemas.template import cell_id_of, load_template

_HEADING = re.compile(r"^[五六七八][、.．]")  # the section after table 四 ends its header
_TITLE_SLACK = 8  # characters a title line may hold beyond table 四's title (its number)


@cache
def _shape(version_id: str) -> tuple[str, tuple[str, ...], tuple[tuple[str, str], ...],
                                      tuple[str, ...], re.Pattern]:
    """Table 四's title, its column labels, its levels of group labels (行政复议 /
    行政诉讼, 未经复议直接起诉 / 复议后起诉) in the template's order, its cell ids in
    printed order (its groups side by side), and a pattern of its whole labels (longest
    first) to split a header printed run together."""
    t4 = load_template().version(version_id).tables["t4"]
    columns = tuple(normalise(c.label) for c in t4.columns)
    review, *lawsuits = (normalise(r.label) for r in t4.data_rows)
    levels = ((review, normalise(t4.header[0])), (lawsuits[0], lawsuits[1]))
    cells = tuple(cell_id_of("t4", r.id, c.id) for r in t4.data_rows for c in t4.columns)
    words = sorted({*columns, review, *lawsuits, *(normalise(h) for h in t4.header)},
                   key=len, reverse=True)
    return (normalise(t4.title), columns, levels, cells,
            re.compile("|".join(map(re.escape, words))))


def _title_line(lines: list[str], title: str) -> int | None:
    """The line printing a table's title as a heading (at most its section number more)."""
    return next((i for i, ln in enumerate(lines) if title[:8] in normalise(ln)
                 and len(normalise(ln)) <= len(title) + _TITLE_SLACK), None)


def _header_lines(lines: list[str], title: str, pattern: re.Pattern,
                  end: str | None = None) -> list[list[str]]:
    """The words (normalised) of each line between a table's title, printed as a heading,
    and the next section's heading (or the line of `end`, the next table's title); a
    word printed run together from whole labels (`结果维持结果纠正…`) split into them."""
    start = _title_line(lines, title)
    if start is None:
        return []
    out = []
    for line in lines[start + 1:]:
        norm = normalise(line)
        if _HEADING.match(norm) or (end is not None and end[:8] in norm):
            break
        words = []
        for word in (normalise(w) for w in line.split()):
            whole = pattern.findall(word)
            words += whole if whole and "".join(whole) == word else [word]
        out.append(words)
    return out


def _window_orders(words: list[str], columns: tuple[str, ...]) -> list[tuple[int, ...]]:
    """The orders of the five columns that windows of consecutive words on one line
    name in exactly one way (each word a piece of the label of the column it names)."""
    width = len(columns)
    found = []
    for at in range(len(words) - width + 1):
        window = words[at:at + width]
        options = [{k for k, label in enumerate(columns) if w and w in label} for w in window]
        if not all(options):
            continue
        fits = [p for p in permutations(range(width)) if all(p[i] in options[i]
                                                               for i in range(width))]
        if len(fits) == 1:
            found.append(fits[0])
    return found


def _rotation(order: tuple[int, ...]) -> bool:
    """Whether `order` is the template's order of the columns, started anywhere: a
    window crossing from one group into the next."""
    width = len(order)
    return all(order[i] == (order[0] + i) % width for i in range(width))


def _level_order(lines: list[list[str]], level: tuple[str, str]) -> bool | None:
    """True where one line prints the level's two group labels in the template's order,
    False where one prints them the other way, None where no line holds both."""
    verdict = None
    for words in lines:
        if level[0] in words and level[1] in words:
            if words.index(level[0]) > words.index(level[1]):
                return False
            verdict = True
    return verdict


def _lawsuit_beside_review(lines: list[list[str]], columns: tuple[str, ...],
                           levels: tuple[tuple[str, str], ...]) -> str | None:
    """The lawsuit group's label (未经复议直接起诉 or 复议后起诉) a line prints right after
    words that are all pieces of column labels, of no group label (`结果 结果 其他结 尚未 总
    未经复议直接起诉`); None where no line does, or lines print both so.

    On one line they share its baseline, left of it: the only column labels beside a
    lawsuit group's label are 行政复议's, whose cells span the header's two lower rows (the
    lawsuits' own columns print a row below their labels). So 行政复议 is left of 行政诉讼,
    and that label's group is the lawsuit group next to 行政复议, the left one: two words
    side by side on a line have no word of their baseline between them (pdftotext joins a
    line's words across a word's space only), so the other lawsuit label, on the same
    header row, is right of it. The other label printed on a line of its own says nothing
    (t4-groups-swapped prints `未经复议直接起诉` / `结果 … 总 复议后起诉`)."""
    groups = [label for level in levels for label in level]

    def column_piece(word: str) -> bool:
        return (any(word in c for c in columns) and
                not any(word in g for g in groups))

    found = set()
    for words in lines:
        for label in levels[1]:
            if label in words:
                at = words.index(label)
                if at > 0 and all(map(column_piece, words[:at])):
                    found.add(label)
    return found.pop() if len(found) == 1 else None


def _groups(grid: Grid, cells: tuple[str, ...], width: int) -> list[tuple] | None:
    values = [c.value if (c := grid.cells.get(cid)) is not None else None for cid in cells]
    if all(v is None for v in values):
        return None
    return [tuple(values[g:g + width]) for g in range(0, len(values), width)]


@cache
def _t3_shape(version_id: str) -> tuple[str, str, tuple[tuple[str, ...], ...], re.Pattern]:
    """Table 三's title, table 四's (where 三's text ends), the label sequences whose order
    on one line shows 三's column order (its seven columns; its upper header row, 自然人 /
    法人或其他组织 / 总计, with its five organisations under the middle one), and a
    pattern of its whole column and header labels (longest first)."""
    tables = load_template().version(version_id).tables
    t3 = tables["t3"]
    columns = tuple(normalise(c.label) for c in t3.columns)
    levels: tuple[tuple[str, ...], ...] = (columns,)
    if len(t3.header) > 1:  # 法人或其他组织 over every column but the first and last
        levels += ((columns[0], normalise(t3.header[-1]), columns[-1]), columns[1:-1])
    words = sorted({*columns, *(normalise(h) for h in t3.header)}, key=len, reverse=True)
    return (normalise(t3.title), normalise(tables["t4"].title), levels,
            re.compile("|".join(map(re.escape, words))))


def printed_t3_order(text: str, version_id: str) -> tuple[int, ...] | None:
    """The order 三's header prints its seven columns in (printed place -> template
    column), where a line names all seven one each in exactly one way (`_window_orders`:
    `商业 科研 社会公 法律服 其 然 计`, `企业 机构 益组织 务机构 他 人 计`), every line
    naming them says the same, and every line naming a level of the header (the upper
    row, the five organisations) agrees with it; or, where no line names the seven, a
    line names the upper row and one the five organisations, each in one order
    (`_composed`); None elsewhere. reading_totals reads 三's values in that order where
    the values confirm it (each row's 总计 the sum of the others where the header puts
    it)."""
    title, t4_title, levels, pattern = _t3_shape(version_id)
    lines = _header_lines(text.split("\n"), title, pattern, t4_title)
    orders = {o for words in lines for o in _window_orders(words, levels[0])}
    if not orders:
        return _composed(lines, levels)
    if len(orders) != 1:
        return None
    order = orders.pop()
    implied = _levels_implied(order, len(levels))
    if implied is None:
        return None
    for level, want in zip(levels[1:], implied, strict=True):
        if any(o != want for words in lines for o in _window_orders(words, level)):
            return None  # a level printed in another order than the seven's line says
    return order


def _composed(lines: list[list[str]], levels: tuple[tuple[str, ...], ...]
              ) -> tuple[int, ...] | None:
    """The seven columns' printed order where the header names them over two baselines:
    the upper row (自然人 / 法人或其他组织 / 总计) on one line, in one order (`总 自
    法人或其他组织`: 总计 left of 自然人, left of the organisations' group), and the five
    organisations on one (`企业 机构 益组织 务机构 他`); 法人或其他组织's cell spans the
    five, so its place is theirs, in their order. None where either level is named in no
    order or in two."""
    if len(levels) == 1:
        return None
    upper, orgs = ({o for words in lines for o in _window_orders(words, level)}
                   for level in levels[1:])
    if len(upper) != 1 or len(orgs) != 1:
        return None
    width = len(levels[0])
    spans = {0: (0,), 1: tuple(1 + c for c in orgs.pop()), 2: (width - 1,)}
    return tuple(c for u in upper.pop() for c in spans[u])


def _levels_implied(order: tuple[int, ...], levels: int) -> list[tuple[int, ...]] | None:
    """The orders of the upper row (自然人, 法人或其他组织, 总计) and of the five
    organisations that a printed order of the seven columns implies, or None where the
    organisations do not print side by side (法人或其他组织 spans them: no such page)."""
    if levels == 1:
        return []
    width = len(order)
    orgs = [at for at, c in enumerate(order) if 0 < c < width - 1]
    if orgs != list(range(orgs[0], orgs[0] + len(orgs))):
        return None
    places = (order.index(0), orgs[0], order.index(width - 1))
    upper = tuple(sorted(range(3), key=places.__getitem__))
    return [upper, tuple(c - 1 for c in order if 0 < c < width - 1)]


def _order_free(row: tuple) -> bool:
    """Whether a row of 三 is the same table in any order of its columns: its six
    applicant columns equal, 总计 their sum (any other order puts 总计 where the sum of
    the others is not, but for a row of zeros, where every order reads the same)."""
    *parts, total = row
    return len(set(parts)) == 1 and sum(parts) == total


def withdraw_unread_t3(grid: Grid, text: str, rendering: str) -> None:
    """Null the rows of table 三 a text in reading order placed in the template's column
    order (a row printed whole on its label's line, `text_order.t3_line_rows`) where
    its header does not show that order on a line (`人 业 研 社会 法律 其 总计`: seven
    pieces naming the seven columns one each, left to right; or `自然人 法人或其他组织
    总计` on one line and the five organisations on one, lynx), unless the row reads the
    same in any order (module docstring); its 总计 is kept, the same in any order.
    """
    if rendering != "text_reading_order":
        return
    title, t4_title, levels, pattern = _t3_shape(grid.version.id)
    t3 = grid.version.tables["t3"]
    rows = {r.id: tuple(c.value if (c := grid.cells.get(cell_id_of("t3", r.id, k.id))) is not None
                        else None for k in t3.columns) for r in t3.data_rows}
    placed = {rid: row for rid, row in rows.items() if any(v is not None for v in row)}
    if not placed:
        return
    lines = _header_lines(text.split("\n"), title, pattern, t4_title)
    read = []
    for level in levels:  # 三's columns are printed once: any order but the template's
        orders = [(o, words) for words in lines for o in _window_orders(words, level)]
        if wrong := [words for o, words in orders if o != tuple(range(len(level)))]:
            withdraw(grid, "t3", out_of_order("t3", wrong[0]))
            return
        read.append(bool(orders))
    # the seven columns on one line, or the upper row on one and the organisations on one
    if read[0] or all(read[1:]):
        return
    unproven = [rid for rid, row in placed.items()
                if None in row or not _order_free(row)]
    if not unproven:
        return
    # A row's 总计 is proven whatever the order: its seven counts hold one that is the
    # sum of the other six (the line row's check), and any two such are equal (each is
    # half the seven's sum), so that value is 总计's in every order the header may have.
    total = t3.columns[-1].id
    ids = {cell_id_of("t3", rid, k.id) for rid in unproven for k in t3.columns
           if not (k.id == total and None not in placed[rid]
                   and 2 * placed[rid][-1] == sum(placed[rid]))}
    for cid in sorted(ids):
        if (cell := grid.cells.get(cid)) is not None and cell.value is not None:
            unplace(grid, cid)
    grid.flags.append(Flag("column_order_unread", "t3's rows were read from text in reading "
                           "order, whose header does not show the order of its columns: the "
                           f"values of {len(unproven)} rows are not placed (their 总计, the "
                           "sum of the others in any order, is)"))


def withdraw_unread_t4(grid: Grid, text: str, rendering: str) -> None:
    """Null table 四 (flagged) where a text in reading order placed it in the template's
    order without showing that order (module docstring)."""
    if rendering != "text_reading_order":
        return
    title, columns, levels, cells, pattern = _shape(grid.version.id)
    groups = _groups(grid, cells, len(columns))
    if groups is None:
        return
    lines = _header_lines(text.split("\n"), title, pattern)
    orders = [(o, words) for words in lines for o in _window_orders(words, columns)]
    wrong = [words for o, words in orders if not _rotation(o)]
    if wrong:
        withdraw(grid, "t4", out_of_order("t4", wrong[0]))
        return
    unread = []
    if not any(o == tuple(range(len(columns))) for o, _ in orders) and any(
            len(set(g)) > 1 for g in groups):
        unread.append("its columns")
    top, lawsuits = (_level_order(lines, level) for level in levels)
    beside = _lawsuit_beside_review(lines, columns, levels)
    if beside is not None:
        top = True if top is None else top
        # a line printing both labels the other way: the header contradicts itself
        lawsuits = (beside == levels[1][0]) if lawsuits is None else (
            lawsuits and beside == levels[1][0])
    if top is False or lawsuits is False:
        printed = levels[0] if top is False else levels[1]
        withdraw(grid, "t4", out_of_order("t4", list(printed[::-1])))
        return
    # 行政诉讼 printed first would put the groups as (复议后起诉's, 行政复议's, 未经复议's)
    # or so: only equal groups read the same then; the lawsuits swapped, equal lawsuits
    if not (len(set(groups)) == 1 or (top and (lawsuits or groups[1] == groups[2]))):
        if top and not unread:
            # 行政复议 shown first and its columns' order shown: its five cells are
            # proven; the two lawsuit groups, in either order, are not
            width = len(columns)
            for cid in cells[width:]:
                unplace(grid, cid)
            grid.flags.append(Flag("column_order_unread", "t4's values were read from text "
                                   "in reading order, whose header does not show the order "
                                   "of its two lawsuit groups: those are not placed"))
            return
        unread.append("its column groups")
    if unread:
        withdraw(grid, "t4", Flag("column_order_unread", "t4's values were read from text "
                                   "in reading order, whose header does not show the order "
                                   f"of {' and '.join(unread)}: its values are not placed"))


def flag_rows_placed_by_order(grid: Grid, labels: tuple[str, ...]) -> None:
    """Flag `row_placed_by_order` each row of 三 the reader placed by its order
    (`Document.rows_placed_by_order`, text_order.t3_label_runs) that still holds a value."""
    rows = {r.label: r.id for r in grid.version.tables["t3"].data_rows}
    for label in labels:
        row = rows.get(label)
        if row is None or all(c.value is None for cid, c in grid.cells.items()
                              if cid.startswith(f"t3.{row}.")):
            continue
        grid.flags.append(Flag("row_placed_by_order", f"row t3.{row}: its label was printed "
                               "away from its values, which were placed by their order"))


def withhold_blanks(grid: Grid) -> None:
    """Null as not placed, flagged `values_not_placed`, every cell the grid took for
    printed empty in a text whose reader dropped the values it could not place
    (`Document.values_withheld`): a row there printed short of its values lost values,
    not blanks (a PDF's text in reading order prints no empty cell at all), so `blank`
    would say something the text never showed. One flag a row."""
    rows: dict[str, list[str]] = {}
    for cell_id, cell in grid.cells.items():
        if cell.state == "blank":
            rows.setdefault(cell_id.rsplit(".", 1)[0], []).append(cell_id)
    for row, cell_ids in rows.items():
        for cell_id in cell_ids:
            unplace(grid, cell_id)
        grid.flags.append(Flag("values_not_placed", f"row {row}: its label was read but not "
                               "its values, which the text does not tie to its row or "
                               f"columns ({len(cell_ids)} cells not placed)"))
