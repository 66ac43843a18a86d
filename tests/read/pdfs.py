"""Minimal PDFs written by hand for the PDF reader's tests: pages, text, ruled tables."""

from __future__ import annotations


def pdf_bytes(pages: list[bytes], extra_objects: tuple[bytes, ...] = (),
              trailer: bytes = b"") -> bytes:
    """A minimal PDF: one content stream per page, Helvetica as font F1."""
    font = 3 + 2 * len(pages)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(pages))), len(pages)),
    ]
    for i, content in enumerate(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents %d 0 R"
                       b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects += [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", *extra_objects]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (n, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)


def text(x: int, y: int, s: str) -> bytes:
    return b"BT /F1 8 Tf %d %d Td (%s) Tj ET\n" % (x, y, s.encode())


def ruled_table(top: int, rows: list[list[str | None]]) -> bytes:
    """A 3-column table 20 pt per row; None extends the cell on its left (no ruling line)."""
    xs, out = [20, 120, 180, 240], bytearray(b"0.5 w\n")
    for r, row in enumerate(rows):
        y = top - 20 * r
        out += b"20 %d m 240 %d l S\n20 %d m 240 %d l S\n" % (y, y, y - 20, y - 20)
        for c, cell in enumerate(row):
            if cell is None:
                continue
            out += b"%d %d m %d %d l S\n" % (xs[c], y, xs[c], y - 20)
            for k, line in enumerate(cell.split("\n")):
                out += text(xs[c] + 3, y - 8 - 9 * k, line)
        out += b"240 %d m 240 %d l S\n" % (y, y - 20)
    return bytes(out)


def _rule(x0: float, y0: float, x1: float, y1: float, filled: bool) -> bytes:
    """A border: a stroked line, or (as browsers draw) a filled rectangle 0.75 pt thick."""
    if not filled:
        return b"%g %g m %g %g l S\n" % (x0, y0, x1, y1)
    w, h = max(x1 - x0, 0.75), max(y1 - y0, 0.75)
    return b"%g %g %g %g re f\n" % (x0, y0, w, h)


def drawn_table(top: int, rows: list[list[str]], *, filled: bool = False,
                open_top: bool = False, open_bottom: bool = False,
                right_border: bool = True) -> bytes:
    """A 3-column table 20 pt per row, every cell bordered, with borders left out as cuts
    leave them: no top or bottom border (a row cut by a page break, as Chromium prints
    it), no right border (a wide table clipped at the page margin)."""
    xs = [20, 120, 180, 240]
    bottom = top - 20 * len(rows)
    out = bytearray(b"0.5 w\n")
    for r in range(len(rows) + 1):
        if (r == 0 and open_top) or (r == len(rows) and open_bottom):
            continue
        out += _rule(20, top - 20 * r, 240, top - 20 * r, filled)
    for x in xs if right_border else xs[:-1]:
        out += _rule(x, bottom, x, top, filled)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            for k, line in enumerate(cell.split("\n")):
                out += text(xs[c] + 3, top - 20 * r - 8 - 9 * k, line)
    return bytes(out)
