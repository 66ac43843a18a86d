"""Scanned renderings of any labelled report: pages as a scanner or a phone would give them.

Helpers for the OCR tests and bench/bench_ocr.py, not tests. `printed_pdf(report, truth)`
is the report as printed: a PDF as it is, an HTML page printed by headless Chromium, and
a text report (whose layout a browser would not show as tables) printed from the Word
HTML that tests/renderings/make.py makes of its truth file; or, for every report alike,
the DOCX that make.py makes of its truth printed by LibreOffice (portrait or landscape).
`scan(pdf, variant)` then rasterises it with pdftoppm and degrades each page the
variant's way (resolution, greyscale, rotation, blur, low contrast, uneven light, the
scanner lid's dark border, noise, a red seal stamped over a table, 1-bit black and white
by threshold or dithering, JPEG compression) and returns the scanned report as an
image-only PDF (pages as JPEG, or as `img2pdf` makes it from the pages' PNG files), or as
a multi-page TIFF (deflate, or CCITT G4 for 1-bit pages).

Degradations are seeded: the same report and variant give the same bytes.
"""

from __future__ import annotations

import importlib.util
import io
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import docx
import numpy as np
from make import docx_bytes, layout, load_truth, word_html_bytes
from pictures import NO_BORDERS
from PIL import Image, ImageDraw, ImageFilter, ImageFont

CORPUS = Path(__file__).parents[3] / "shared" / "corpus"
SCORE_TOOL = CORPUS.parent / "tools" / "score.py"
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
_A4_LONG = 11.69  # inches
_DESK = 0.07  # of the page's long side: the desk seen round the page in a photo


@dataclass(frozen=True)
class Variant:
    """How a report is scanned."""

    name: str
    dpi: int
    grey: bool = True
    angle: float = 0.0  # degrees, counter-clockwise
    noise: float = 0.0  # standard deviation of Gaussian noise, in grey levels
    speckle: float = 0.0  # share of pixels flipped to black or white
    stamp: bool = False  # a red seal over the first table of each page holding one
    jpeg: int = 75  # JPEG quality of each page
    blur: float = 0.0  # Gaussian blur radius (out of focus, a cheap scanner)
    # "pdf" (JPEG pages), "img2pdf" (PNG pages put in a PDF by img2pdf, losslessly),
    # "tiff" (multi-page, deflate) or "g4tiff" (multi-page, CCITT G4: 1-bit pages)
    container: str = "pdf"
    contrast: tuple[int, int] | None = None  # (ink, paper) grey levels: grey on grey paper
    gradient: float = 0.0  # uneven light: the far corner this share darker than the near
    border: float = 0.0  # inches of the scanner lid's dark border, left and bottom edges
    bilevel: str = ""  # "threshold" or "dither": 1-bit black and white (fax, photocopier)
    printer: str = "chromium"  # or "soffice": make.py's DOCX printed by LibreOffice
    landscape: bool = False  # (soffice) the DOCX's pages set landscape
    # (chromium) every report printed from make.py's Word HTML without ruling lines (a Word
    # table without borders, scanned): labels wrap in their cells, nothing is ruled
    borderless: bool = False
    # Photographed with a phone, not scanned: the page on a desk seen at a slant (its edges
    # lean up to `keystone` degrees: a quadrilateral, not a rectangle), a shadow band
    # across it, the photo downscaled to `photo` pixels on its long side (0: a scan).
    keystone: float = 0.0
    photo: int = 0

    @property
    def tiff(self) -> bool:
        """Whether the scan is an image file (rendering `image`) rather than a PDF."""
        return self.container in ("tiff", "g4tiff")

    @property
    def suffix(self) -> str:
        return ".tif" if self.tiff else ".pdf"

    @property
    def page_dpi(self) -> int:
        """The resolution the pages are stored at: a photo's, its desk included, as a
        portrait A4 page photographed whole gives it."""
        if not self.photo:
            return self.dpi
        return round(self.photo / (_A4_LONG * (1 + 2 * _DESK)))


VARIANTS = (
    Variant("grey150_jpeg", 150, jpeg=60),
    Variant("grey100_jpeg", 100, jpeg=70),
    Variant("grey200_rotated_noise", 200, angle=1.5, noise=12.0, jpeg=70),
    Variant("grey150_rotated_speckle", 150, angle=-1.2, speckle=0.002, blur=0.6),
    Variant("colour150_red_stamp", 150, grey=False, stamp=True, jpeg=80),
    Variant("grey120_tiff_rotated", 120, angle=0.8, container="tiff"),
    # Made elsewhere (bench/RESULTS.md, "OCR sweep"): a 72-dpi scan, below what small print
    # needs; the scanner lid's dark border along two edges.
    Variant("grey72_jpeg", 72, jpeg=70),
    Variant("grey150_lid_border", 150, border=0.4, jpeg=60),
    # Made by h-ocrgate, registered by h-ocrborder: every report printed from make.py's Word
    # HTML with no ruling line (a Word table without borders, scanned), several tables a
    # page, tables broken by page breaks.
    Variant("grey150_borderless", 150, jpeg=60, borderless=True),
    # The same pages as one multi-page TIFF (deflate): read in page order as a PDF's pages,
    # tables broken by page breaks carried on to the next frame.
    Variant("grey150_borderless_tiff", 150, borderless=True, container="tiff"),
    # Grey print on grey paper (ink 110, paper 190): stretched to black on white.
    Variant("grey150_lowcontrast", 150, contrast=(110, 190), jpeg=60),
    # Poorer scans (issue 11, h-ocrpoor): heavy JPEG (q35), 96 and 110 dpi, a page
    # tilted 1° and out of focus (σ 1).
    Variant("grey150_jpeg35", 150, jpeg=35),
    *(Variant(f"grey{d}_jpeg", d, jpeg=70) for d in (96, 110)),
    Variant("grey150_skew_blur", 150, angle=1.0, blur=1.0, jpeg=60),
    # Office scanners' and copiers' defaults (issue 11, h-ocrsweep2): 300 dpi grey or
    # colour JPEG (q75); 1-bit black and white (threshold 160, or Floyd-Steinberg
    # dithering) at 300 and 200 dpi, as a CCITT G4 TIFF or 1-bit pages in a PDF (img2pdf).
    Variant("grey300_jpeg", 300),
    Variant("colour300_jpeg", 300, grey=False),
    *(Variant(f"bw{d}_threshold_{c}", d, bilevel="threshold", container=c)
      for d in (300, 200) for c in ("g4tiff", "img2pdf")),
    Variant("bw200_dither_img2pdf", 200, bilevel="dither", container="img2pdf"),
    Variant("bw200_dither_g4tiff", 200, bilevel="dither", container="g4tiff"),
    # LibreOffice's print of the DOCX set landscape (issue 11, h-ocrland): the table keeps
    # its portrait widths, so table 三's labels wrap over 6-8 lines set 4-6 pixels apart,
    # each line one band (table_image.text_bands).
    Variant("soffice150_landscape", 150, jpeg=60, printer="soffice", landscape=True),
)

# Measured (bench/bench_ocr.py, bench/RESULTS.md), not registered: below 99% of cells.
MEASURED = (
    Variant("grey150_blur1.2", 150, blur=1.2, jpeg=60),
    # Poorer scans than those registered (issue 11, h-ocrpoor): out of focus (σ 1.6, 2),
    # and a photocopy (blurred a little, then thresholded to black and white, then
    # scanned grey).
    *(Variant(f"grey150_blur{s}", 150, blur=float(s), jpeg=60) for s in ("1.6", "2")),
    # Either side of σ 1.6 (issue 11, h-ocrblur): where a blurred decimal point is lost.
    *(Variant(f"grey150_blur{s}", 150, blur=float(s), jpeg=60) for s in ("1.4", "1.8")),
    Variant("grey150_photocopy", 150, blur=0.8, bilevel="threshold", jpeg=70),
    # Photographed with a phone (issue 11, h-phone): printed at 200 dpi, seen at a slant
    # on a desk (edges leaning 2-3°, or 5-6°), lit unevenly with a shadow band, a
    # little out of focus, the 12 MP colour photo downscaled to 1600 pixels on its long
    # side (the page ~120 dpi) and kept as a JPEG (q80) in a PDF.
    Variant("phone_mild", 200, grey=False, blur=0.8, noise=3.0, jpeg=80,
            keystone=2.5, photo=1600),
    Variant("phone_strong", 200, grey=False, blur=0.8, noise=3.0, jpeg=80,
            keystone=5.5, photo=1600),
)


def variant(name: str) -> Variant:
    """The scan kind of that name, registered (VARIANTS) or measured (MEASURED)."""
    for v in (*VARIANTS, *MEASURED):
        if v.name == name:
            return v
    raise KeyError(f"no scan kind {name!r}: of {', '.join(names())}")


def names() -> list[str]:
    """Every scan kind's name, registered then measured."""
    return [v.name for v in (*VARIANTS, *MEASURED)]


def labelled_reports(corpus: Path = CORPUS) -> list[tuple[Path, Path]]:
    """(report, truth) for every labelled report of the corpus."""
    out = []
    for truth in sorted((corpus / "truth").glob("*.json")):
        found = [p for p in (corpus / "reports").iterdir() if p.stem == truth.stem]
        if found:
            out.append((found[0], truth))
    return out


def _chromium_pdf(html: Path, out: Path) -> None:
    profile = tempfile.mkdtemp(prefix="chromium-")
    try:
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", f"--user-data-dir={profile}", "--no-pdf-header-footer",
             f"--print-to-pdf={out}", html.as_uri()],
            check=True, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _soffice_pdf(docx_path: Path, out: Path) -> None:
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", work, str(docx_path)],
                       check=True, capture_output=True, timeout=300)
        shutil.move(Path(work) / f"{docx_path.stem}.pdf", out)


def _paged(data: bytes, landscape: bool) -> bytes:
    """A DOCX whose table rows are kept whole on a page (Word's "allow row to break across
    pages" off: a row cut by a page break is not read, see the README), its pages turned
    landscape if asked (width and height swapped)."""
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement

    document = docx.Document(io.BytesIO(data))
    for table in document.tables:
        for row in table.rows:
            row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for section in document.sections if landscape else ():
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = max(width, height), min(width, height)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def printed_pdf(report: Path, truth: Path, workdir: Path, printer: str = "chromium",
                landscape: bool = False, borderless: bool = False) -> Path:
    """The report as printed on paper, as a PDF in `workdir`: by Chromium (see the module
    docstring), or (`printer="soffice"`) make.py's DOCX of its truth printed by LibreOffice;
    `borderless`: make.py's Word HTML printed by Chromium with no ruling line, whatever
    the report's own format."""
    if printer == "soffice":
        out = workdir / f"{report.stem}.soffice{'-landscape' if landscape else ''}.pdf"
        if not out.exists():
            data = docx_bytes(layout(load_truth(truth)))
            source = workdir / f"{out.stem}.docx"
            source.write_bytes(_paged(data, landscape))
            _soffice_pdf(source, out)
        return out
    if report.suffix == ".pdf" and not borderless:
        return report
    out = workdir / f"{report.stem}.{'borderless' if borderless else 'printed'}.pdf"
    if out.exists():
        return out
    if report.suffix in (".html", ".htm") and not borderless:
        _chromium_pdf(report.resolve(), out)
        return out
    page = workdir / f"{out.stem}.word.html"
    # Rows kept whole on a page, as Word prints a row without "allow row to break across
    # pages": a row cut by a page break is not read (see the README).
    html = word_html_bytes(layout(load_truth(truth)))
    html = html.replace(b"</head>", b"<style>tr {break-inside: avoid}</style></head>")
    page.write_bytes(html.replace(b"</head>", NO_BORDERS) if borderless else html)
    _chromium_pdf(page, out)
    return out


def printed_for(report: Path, truth: Path, variant: Variant, workdir: Path) -> Path:
    """The report printed the variant's way (its printer, its orientation)."""
    return printed_pdf(report, truth, workdir, variant.printer, variant.landscape,
                       variant.borderless)


def rasterise(pdf: Path, dpi: int, workdir: Path) -> list[Image.Image]:
    """Every page of a PDF as an RGB image at `dpi` (pdftoppm)."""
    prefix = workdir / f"{pdf.stem}-{dpi}"
    if not list(workdir.glob(f"{prefix.name}-*.png")):
        subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(prefix)],
                       check=True, capture_output=True, timeout=300)
    pages = sorted(workdir.glob(f"{prefix.name}-*.png"),
                   key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    return [Image.open(p).convert("RGB") for p in pages]


def _seal(dpi: int) -> Image.Image:
    """A round red seal (RGBA): a ring, a star and characters along the top."""
    size = int(1.6 * dpi)  # 4 cm
    seal = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(seal)
    red = (220, 30, 35, 190)
    w = max(3, size // 30)
    draw.ellipse((w, w, size - w, size - w), outline=red, width=w)
    c, r = size / 2, size / 7
    star = [(c + r * np.cos(np.pi / 2 + k * 4 * np.pi / 5),
             c - r * np.sin(np.pi / 2 + k * 4 * np.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=red)
    if CJK_FONT.exists():
        font = ImageFont.truetype(str(CJK_FONT), size // 8)
        draw.text((c, size * 0.28), "人民政府办公室", font=font, fill=red, anchor="mm")
        draw.text((c, size * 0.75), "专用章", font=font, fill=red, anchor="mm")
    return seal


def _first_table_centre(grey: np.ndarray) -> tuple[int, int] | None:
    """Where the page's first ruled table is: rows that are dark across half the page."""
    dark = (grey < 128).mean(axis=1) > 0.5
    rows = np.flatnonzero(dark)
    if rows.size < 3:
        return None
    return int(grey.shape[1] * 0.6), int(rows[:3].mean() + grey.shape[0] * 0.08)


def degrade(page: Image.Image, variant: Variant, seed: int) -> Image.Image:
    """One page scanned the variant's way (stamp, rotation, blur, noise, greyscale)."""
    rng = np.random.default_rng(seed)
    img = page.convert("RGB")
    if variant.stamp:
        where = _first_table_centre(np.asarray(img.convert("L")))
        if where is not None:
            seal = _seal(variant.dpi)
            img.paste(seal, (where[0] - seal.width // 2, where[1] - seal.height // 2), seal)
    if variant.angle:
        img = img.rotate(variant.angle, resample=Image.BICUBIC, expand=False,
                         fillcolor=(255, 255, 255))
    if variant.blur:
        img = img.filter(ImageFilter.GaussianBlur(variant.blur))
    if variant.photo:
        img = _photographed(img, variant, rng)
    pixels = np.asarray(img.convert("L") if variant.grey else img).astype(np.float32)
    pixels = _lit(pixels, variant)
    if variant.noise:
        pixels += rng.normal(0, variant.noise, pixels.shape)
    if variant.speckle:
        flips = rng.random(pixels.shape[:2]) < variant.speckle
        values = rng.choice([0.0, 255.0], size=int(flips.sum()))
        pixels[flips] = values[:, None] if pixels.ndim == 3 else values
    out = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if variant.bilevel == "threshold":
        return out.convert("L").point(lambda v: 255 if v >= 160 else 0).convert("1")
    if variant.bilevel == "dither":
        return out.convert("L").convert("1")  # Floyd-Steinberg, as PIL dithers
    return out


def _photographed(page: Image.Image, variant: Variant, rng: np.random.Generator) -> Image.Image:
    """The page as a phone photographs it lying on a desk: its corners moved by a
    perspective transform (the far edge shorter, so the side edges lean by `keystone`
    degrees, each corner a little off at random), the desk (brown, grained) round it, a
    shadow band (the photographer's arm) and light falling off across it, then the photo
    downscaled to `photo` pixels on its long side (area averaging, as a phone's resize)."""
    w, h = page.size
    m = int(_DESK * max(w, h))
    lean = h * np.tan(np.radians(variant.keystone))
    jitter = lambda: rng.uniform(-0.3, 0.3) * lean  # noqa: E731
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[m + lean + jitter(), m + jitter()], [m + w - lean + jitter(), m + jitter()],
                      [m + w + jitter(), m + h + jitter()], [m + jitter(), m + h + jitter()]])
    size = (w + 2 * m, h + 2 * m)
    matrix = cv2.getPerspectiveTransform(src, dst)
    paper = cv2.warpPerspective(np.asarray(page.convert("RGB")), matrix, size,
                                flags=cv2.INTER_LINEAR, borderValue=(0, 0, 0))
    inside = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, size,
                                 flags=cv2.INTER_LINEAR)[:, :, None] / 255.0
    grain = rng.normal(0, 10, (size[1], 1, 1)) + rng.normal(0, 6, (size[1], size[0], 1))
    desk = np.array([118.0, 86.0, 58.0]) + grain
    pixels = paper * inside + desk * (1 - inside)
    ys, xs = np.mgrid[0:size[1], 0:size[0]].astype(np.float32)
    light = 1.0 - 0.18 * (xs / size[0]) - 0.10 * (ys / size[1])
    # A soft shadow band running across the page at a slant, 30% darker at its middle.
    across = (ys - 0.35 * size[1]) * np.cos(0.3) - (xs - 0.5 * size[0]) * np.sin(0.3)
    light *= 1.0 - 0.3 * np.exp(-(across / (0.08 * size[1])) ** 2)
    pixels = np.clip(pixels * light[:, :, None], 0, 255).astype(np.uint8)
    scale = variant.photo / max(size)
    small = cv2.resize(pixels, (round(size[0] * scale), round(size[1] * scale)),
                       interpolation=cv2.INTER_AREA)
    return Image.fromarray(small)


def _lit(pixels: np.ndarray, variant: Variant) -> np.ndarray:
    """The page's light: low contrast (ink and paper grey), a gradient of light across it
    (the near corner as lit, the far one `gradient` darker), the lid's dark border."""
    if variant.contrast:
        ink, paper = variant.contrast
        pixels = ink + pixels * ((paper - ink) / 255.0)
    h, w = pixels.shape[:2]
    if variant.gradient:
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
        light = 1.0 - variant.gradient * (xs / w + ys / h) / 2.0
        pixels = pixels * (light if pixels.ndim == 2 else light[:, :, None])
    if variant.border:
        edge = int(variant.border * variant.dpi)
        pixels = pixels.copy()
        pixels[:, :edge] = np.minimum(pixels[:, :edge], 40.0)
        pixels[h - edge:, :] = np.minimum(pixels[h - edge:, :], 40.0)
    return pixels


def _jpeg(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def _img2pdf(pages: list[Image.Image], dpi: int) -> bytes:
    """A PDF made by img2pdf (Debian's command) from the pages as PNG files: lossless,
    1-bit pages kept 1-bit, each page sized by its resolution."""
    with tempfile.TemporaryDirectory() as work:
        files = []
        for k, page in enumerate(pages):
            files.append(Path(work) / f"page-{k:03d}.png")
            page.save(files[-1], "PNG", dpi=(dpi, dpi))
        return subprocess.run(["img2pdf", *map(str, files)], check=True,
                              capture_output=True, timeout=120).stdout


def scan(pdf: Path, variant: Variant, workdir: Path) -> bytes:
    """The printed report scanned the variant's way: image-only PDF (or TIFF) bytes."""
    pages = [degrade(p, variant, seed=k) for k, p in
             enumerate(rasterise(pdf, variant.dpi, workdir))]
    out = io.BytesIO()
    if variant.container == "img2pdf":
        return _img2pdf(pages, variant.dpi)
    if variant.tiff:
        compression = "group4" if variant.container == "g4tiff" else "tiff_deflate"
        if compression == "group4":
            pages = [p.convert("1") for p in pages]
        pages[0].save(out, "TIFF", save_all=True, append_images=pages[1:],
                      compression=compression, dpi=(variant.dpi, variant.dpi))
    else:
        pages = [_jpeg(p.convert("L") if p.mode == "1" else p, variant.jpeg) for p in pages]
        pages[0].save(out, "PDF", save_all=True, append_images=pages[1:],
                      resolution=variant.page_dpi, quality=variant.jpeg)
    return out.getvalue()


def scan_corpus(variant: Variant, out_dir: Path, workdir: Path,
                corpus: Path = CORPUS) -> list[Path]:
    """Every labelled report scanned the variant's way into `out_dir` as <stem>.pdf/.tif,
    the name score.py pairs with the truth file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for report, truth in labelled_reports(corpus):
        data = scan(printed_for(report, truth, variant, workdir), variant, workdir)
        path = out_dir / f"{report.stem}{variant.suffix}"
        path.write_bytes(data)
        written.append(path)
    return written


def score(truth: dict, cells: dict) -> dict[str, int]:
    """Cells right, wrong, missed and invented, as ../shared/tools/score.py counts them
    (its own comparison, `same`)."""
    spec = importlib.util.spec_from_file_location("score", SCORE_TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    unrecoverable = set(truth.get("unrecoverable", []))
    out = {"cells": 0, "right": 0, "wrong": 0, "missed": 0, "invented": 0}
    for cid, want in truth["cells"].items():
        got = cells.get(cid)
        out["cells"] += 1
        if tool.same(got, want) or (cid in unrecoverable and got is None):
            out["right"] += 1
        elif want is not None and got is not None:
            out["wrong"] += 1
        elif want is not None:
            out["missed"] += 1
        else:
            out["invented"] += 1
    return out


def main() -> None:
    """Write every variant of every labelled report under OGI_SCANS (default ./scans)."""
    root = Path(os.environ.get("OGI_SCANS", "scans"))
    work = root / "_printed"
    work.mkdir(parents=True, exist_ok=True)
    for variant in VARIANTS:
        for path in scan_corpus(variant, root / variant.name, work):
            print(path)


if __name__ == "__main__":
    main()
