"""Characters a page prints around every cell of a table, taken off its cells.

A text browser or pandoc ignores CSS, so a page that hides characters in its cells (an
anti-scraping `<span style="display:none">9</span>` before each cell's text, a
`visibility:hidden` `8` after it) dumps them as printed: `9一、本年新收政府信息公开申请
数量8  930018  9538  908`. The same characters then stand before and after the text of
every cell of the table, its label and header cells included, which no real count or
label does: they are the page's, not the cell's, and are taken off every cell.

The unit is a table: the cells a reader read as one drawn or ruled table (their ref's
`table N`), or, where the reader kept no table (lynx's rows a line, a cell a line), a run
of consecutive cells that all carry the affixes. Within it the leading affix is the
longest start every cell shares and the trailing one the longest end, so neither can
reach into a count: a label's text differs from a count's at once (`一、…` and `30018`).
A label a text browser cut into cells (lynx's wrap outside a drawn table: `9本年制`
ending a line, `发件数8` starting the next; elinks' rowspan cut by the rules of the rows
beside it) is a run of pieces, the first carrying the leading affix only, the last the
trailing one, those between neither, no whole cell among them; any other cell lacking
either affix means they are not every cell's, and nothing is taken off. Nor where a
label left bare starts or ends with a digit (`1一、本年…`: the page's hidden characters
differ between cells, a random digit after a fixed one), nor where the unit holds fewer
than three labels and one count. A page where another table carries the affixes taken
off but could not have them taken off is left as printed (its counts would be read with
them). Each cell taken off is marked `affixed`: the recogniser keeps its value only
where its table's identities then hold (pipelines/recognise/affixed.py).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipelines.document import REF_BOX_CELL, REF_RULED_CELL, REF_TABLE, TextCell
from pipelines.textnorm import HAN_CHAR

_MIN_LABELS = 3  # labels carrying the affixes, for them to be the table's
_MIN_RUN = 6  # cells of a run outside drawn tables (a table's rows, not a line of prose)
# A label's own leading digits: an item number (`1.属于国家秘密`, `２、`).
_ITEM_NUMBER = re.compile(r"\d{1,2}\s*[.、．]")
# A count or an amount, its unit after it (`30018`, `３０ 件`, `７５３９.４４万元`).
_COUNT = re.compile(r"[-−]?\d[\d,，.．]*\s*\D{0,3}$")


def without_page_affixes(cells: list[TextCell]) -> list[TextCell]:
    """The cells with the affixes every cell of their table carries taken off (module
    docstring); cells of tables without such affixes as they were."""
    if not _worth_a_look(cells):
        return cells
    bare: dict[int, str] = {}
    pairs: set[tuple[str, str]] = set()  # the affixes taken off
    left: list[list[int]] = []  # the units not taken off
    for unit in _units(cells):
        taken = _taken_off(unit, [cells[i].text for i in unit],
                           [_column(cells[i].ref) for i in unit])
        if taken:
            bare.update(taken[0])
            pairs.add(taken[1])
        else:
            left.append(unit)
    if not bare or _left_carrying(cells, left, pairs):
        return cells
    return [replace(c, text=bare[i], affixed=True) if i in bare else c
            for i, c in enumerate(cells)]


def _left_carrying(cells: list[TextCell], left: list[list[int]],
                   pairs: set[tuple[str, str]]) -> bool:
    """Whether a table not taken off (`left`) has most of its cells carrying the affixes
    taken off another: its counts would be read with the page's characters in them, so
    the page is left as printed."""
    for unit in left:
        printed = [t for i in unit if (t := cells[i].text.strip())]
        if any(2 * sum(t.startswith(lead) and t.endswith(trail) for t in printed)
               > len(printed) for lead, trail in pairs):
            return True
    return False


def _worth_a_look(cells: list[TextCell]) -> bool:
    """A cheap test first (most pages have no affixes): some first or last character that
    labels and counts share, on a tenth of the cells."""
    ends = Counter((c.text[:1], c.text[-1:]) for c in cells if len(c.text) >= 2)
    printed = sum(1 for c in cells if c.text)
    return bool(ends) and ends.most_common(1)[0][1] * 10 >= printed


def _units(cells: list[TextCell]) -> list[list[int]]:
    """Indices of each table's cells: a drawn or ruled table's by its ref, the others in
    runs of consecutive cells sharing a first or a last character."""
    tables: dict[str, list[int]] = {}
    loose: list[int] = []
    for i, cell in enumerate(cells):
        found = REF_TABLE.match(cell.ref)
        if found:
            tables.setdefault(found.group(1), []).append(i)
        else:
            loose.append(i)
    return [*tables.values(), *_runs(cells, loose)]


def _runs(cells: list[TextCell], loose: list[int]) -> list[list[int]]:
    """Runs of consecutive cells (of `loose`) each empty, or starting with the most common
    first character of the page's labels, or ending with the most common last one."""
    labels = [cells[i].text for i in loose if len(HAN_CHAR.findall(cells[i].text)) >= 2]
    if len(labels) < _MIN_LABELS:
        return []
    first = Counter(t[0] for t in labels).most_common(1)[0][0]
    last = Counter(t[-1] for t in labels).most_common(1)[0][0]
    runs: list[list[int]] = [[]]
    for i in loose:
        text = cells[i].text.strip()
        if not text or text[0] == first or text[-1] == last:
            runs[-1].append(i)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if len(run) >= _MIN_RUN]


def _taken_off(unit: list[int], texts: list[str], columns: list[str | None]
               ) -> tuple[dict[int, str], tuple[str, str]] | None:
    """Cell index -> its text without the affixes, for every cell of `unit`, and the
    affixes; None where not every cell carries them (module docstring)."""
    texts = [t.strip() for t in texts]
    printed = [t for t in texts if t]
    if not printed:
        return None
    lead, trail = _affixes(printed)
    if not lead and not trail:
        return None
    whole = [t.startswith(lead) and t.endswith(trail) and len(t) >= len(lead) + len(trail)
             for t in texts]
    if not _pieces_close(texts, columns, whole, lead, trail):
        return None
    bare = {unit[i]: _bare(t, lead, trail, whole[i]) for i, t in enumerate(texts) if t}
    if not _labels_and_counts([bare[unit[i]] for i, t in enumerate(texts) if t and whole[i]]):
        return None
    return bare, (lead, trail)


def _affixes(printed: list[str]) -> tuple[str, str]:
    """The leading and trailing affixes the cells carry: every cell's, else those of the
    cells carrying both of the commonest first and last characters (a wrapped label's
    pieces carry one each)."""
    lead, trail = _shared(printed)
    if lead or trail:
        return lead, trail
    first = Counter(t[0] for t in printed).most_common(1)[0][0]
    last = Counter(t[-1] for t in printed).most_common(1)[0][0]
    both = [t for t in printed if len(t) >= 2 and t[0] == first and t[-1] == last]
    return _shared(both) if both else ("", "")


def _shared(texts: list[str]) -> tuple[str, str]:
    """The longest start and end all `texts` share, never overlapping in the shortest."""
    lead = _common_start(texts)
    trail = _common_start([t[::-1] for t in texts])[::-1]
    if len(lead) + len(trail) > min(map(len, texts)):
        return "", ""
    return lead, trail


def _common_start(texts: list[str]) -> str:
    """The longest start all `texts` share."""
    first, last = min(texts), max(texts)  # the two that differ soonest
    end = next((i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first))
    return first[:end]


def _pieces_close(texts: list[str], columns: list[str | None], whole: list[bool],
                  lead: str, trail: str) -> bool:
    """Whether every printed cell not whole is a piece of a label a wrap cut: its start
    (the leading affix only), then pieces carrying neither, then its end (the trailing
    affix only), each with a Han character, no whole cell of its column between (a
    drawn table's cells come row by row, so the pieces of labels side by side alternate:
    `9科研机` `9社会公` / `构8` `益组织8`)."""
    open_: set[str | None] = set()
    for text, column, complete in zip(texts, columns, whole, strict=True):
        if not text:
            continue
        if complete:
            if column in open_:
                return False
            continue
        if not (lead and trail) or not HAN_CHAR.search(text):
            return False
        if text.startswith(lead):
            if column in open_:
                return False
            open_.add(column)
        elif text.endswith(trail):
            if column not in open_:
                return False
            open_.discard(column)
        elif column not in open_:
            return False
    return not open_


def _column(ref: str) -> str | None:
    """The column of a drawn or ruled table's cell (its ref), None for other cells."""
    found = REF_BOX_CELL.match(ref) or REF_RULED_CELL.match(ref)
    return found.group(2) if found else None


def _bare(text: str, lead: str, trail: str, whole: bool) -> str:
    """A cell's text without its affixes (a piece's one)."""
    if whole:
        return text[len(lead):len(text) - len(trail)].strip()
    if text.startswith(lead):  # a wrapped label's start
        return text[len(lead):].strip()
    if text.endswith(trail):  # ... its end
        return text[:len(text) - len(trail)].strip()
    return text.strip()  # ... a piece between


def _labels_and_counts(bare: list[str]) -> bool:
    """Whether the whole cells left bare hold labels enough, none starting with a digit
    that is no item number nor ending with a digit (a hidden character left), and a
    count."""
    counts = [t for t in bare if _COUNT.match(t)]
    labels = [t for t in bare if len(HAN_CHAR.findall(t)) >= 2 and not _COUNT.match(t)]
    return (len(labels) >= _MIN_LABELS and bool(counts)
            and not any(t[-1].isdigit() or (t[0].isdigit() and not _ITEM_NUMBER.match(t))
                        for t in labels))
