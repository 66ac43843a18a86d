"""The OCR engine: text lines in an image to text with a confidence, offline, on one thread.

The models are PaddleOCR's PP-OCRv4 Chinese recognition model (and its text detector),
as ONNX files inside the `rapidocr-onnxruntime` wheel: installed from the project's lock
file, nothing fetched at run time. Only the recogniser runs on table cells: the table's
ruling lines already say where the text is (pipelines/read/table_image.py), and the
detector missed thin zeros in narrow cells when it was tried on whole pages.

One thread per process: OCR runs inside the parse worker processes (pipelines/parallel.py),
which already use every core; more threads each would only contend.

Chosen over Debian's tesseract (chi_sim) after measuring both on the same 150-dpi page of
a real report (table 三, 001.pdf page 4): tesseract on the whole page (1.2 s) dropped whole
rows of numbers and misread labels; run per cell it would need a process or a C binding
per cell. PP-OCRv4 read every number and label it was given.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

from pipelines.textnorm import nfkc

_ENGINE_MISSING = "the OCR engine (rapidocr-onnxruntime) is not installed"
# Crops are padded to this width/height ratio at least: PaddleOCR's default is 320/48,
# which made a one-digit cell cost as much as a label; the model takes any width.
_MIN_RATIO = 1.5
_BATCH = 16  # crops of similar width per model call (sorted by width first)


# Unicode decomposition tags that change a character's width only, not its glyph.
_WIDTHS = ("<wide>", "<narrow>")


class EngineMissing(RuntimeError):
    """The OCR models are not installed (e.g. a Python the wheel does not support)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the recogniser read in one line image, and its mean character confidence."""

    text: str
    confidence: float
    # The most probability the recogniser gave a decimal point at any step between the
    # first and last digit it read, where it read something else (`_point`).
    point: float = 0.0
    # The most probability the recogniser gave a digit at a step it read as nothing (CTC's
    # blank), away from any step it read as that digit (`_lost`).
    lost: float = 0.0


@cache
def _config() -> dict[str, Any]:
    try:
        import cv2
        from rapidocr_onnxruntime import main as rapid
        from rapidocr_onnxruntime.utils import read_yaml, update_model_path
    except ImportError as e:
        raise EngineMissing(_ENGINE_MISSING) from e
    cv2.setNumThreads(1)
    config = update_model_path(read_yaml(rapid.DEFAULT_CFG_PATH))
    for part in ("Det", "Rec", "Cls"):
        config[part]["intra_op_num_threads"] = 1
        config[part]["inter_op_num_threads"] = 1
    config["Rec"]["rec_batch_num"] = _BATCH
    config["Rec"]["rec_img_shape"] = [3, 48, int(48 * _MIN_RATIO)]
    return config


@cache
def _recogniser() -> Any:
    from rapidocr_onnxruntime.ch_ppocr_rec import TextRecognizer

    recogniser = TextRecognizer(_config()["Rec"])
    recogniser.postprocess_op = _Decoder(recogniser.postprocess_op)
    return recogniser


class _Decoder:
    """rapidocr's CTC decoding (text, mean confidence), and each line's `_point`: the
    same model output, so it costs no second pass."""

    def __init__(self, inner: Any) -> None:
        self._inner = inner
        self.dict = inner.dict
        chars = inner.character
        self._points = [i for i, c in enumerate(chars) if nfkc(c) == "."]
        self._digits = [i for i, c in enumerate(chars) if c.isascii() and c.isdigit()]
        self._forms = _forms(chars)

    def __call__(self, preds: np.ndarray, *args: Any, **kwargs: Any) -> list[tuple]:
        preds = _folded(preds, self._forms)
        decoded = self._inner(preds, *args, **kwargs)
        return [(text, conf, _point(steps, self._points, self._digits),
                 _lost(steps, self._digits))
                for (text, conf, *_), steps in zip(decoded, preds, strict=True)]


def _forms(chars: list[str]) -> list[tuple[int, list[int]]]:
    """The recogniser's characters that are another of its characters in another width
    (full-width "７" and "7", "（" and "("; a CJK compatibility ideograph and its
    unified one): (that character's index, theirs). Not "②" or "²", other glyphs."""
    index = {c: i for i, c in enumerate(chars)}
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(chars):
        if len(c) != 1:
            continue
        parts = unicodedata.decomposition(c).split(" ")
        # a width tag and one character, or one character alone (a canonical singleton)
        same = (parts[0] in _WIDTHS and len(parts) == 2) or (
            len(parts) == 1 and parts[0] != "" and not parts[0].startswith("<"))
        plain = nfkc(c)
        if same and plain != c and plain in index:
            groups.setdefault(index[plain], []).append(i)
    return list(groups.items())


def _folded(preds: np.ndarray, forms: list[tuple[int, list[int]]]) -> np.ndarray:
    """Each step's probabilities with a character's other widths added to its plain
    form's. The dictionary holds both widths of the digits, Latin letters and most
    punctuation, and a page's full-width "７" is read as "７" or "7" by turns (0.78 and
    0.21, "76７" at 0.76): the split is no doubt about which digit it is, and the text
    is NFKC-normalised anyway, so a confidence taken from one form alone would doubt
    every full-width number (bench/RESULTS.md, "full-width digits")."""
    out = preds.copy()
    for plain, others in forms:
        out[..., plain] += out[..., others].sum(axis=-1)
        out[..., others] = 0.0
    return out


def _point(steps: np.ndarray, points: list[int], digits: list[int]) -> float:
    """The highest probability of a decimal point (any character NFKC makes ".") at a
    step between the first and last digit read, among the steps read as something else.

    A point blurred into its digits is dropped by the recogniser at high confidence
    ("7380.28959" read "738028959" at 0.90, 万元 in table 二, which no identity checks),
    yet the point keeps some probability at its step (0.02-0.09 at σ 1.6), where sharp
    digits give it almost none (bench/RESULTS.md, "blurred amounts lose their decimal
    point")."""
    best = steps.argmax(axis=1)
    at_digits = np.flatnonzero(np.isin(best, digits))
    if at_digits.size < 2:
        return 0.0
    lo, hi = int(at_digits[0]) + 1, int(at_digits[-1])
    between = steps[lo:hi]
    other = ~np.isin(best[lo:hi], points)
    if not other.any():
        return 0.0
    return float(between[other][:, points].sum(axis=1).max())


def _lost(steps: np.ndarray, digits: list[int]) -> float:
    """The highest probability of a digit at a step read as nothing (CTC's blank, index
    0), where neither neighbouring step was read as that digit: a digit the recogniser
    half saw and dropped, not the edge of one it read.

    Blur merges two digits' ink and the recogniser, sure of the rest, drops one: 001's
    "447228" read "47228" at 0.986 (grey 150 dpi, σ 1.4), its first "4" 0.35 at a blank
    step four steps before the "4" it read; a digit it read spreads to the steps beside it
    (447's first "4" 0.30 a step before it was read)."""
    best = steps.argmax(axis=1)
    blank = np.flatnonzero(best == 0)
    if blank.size == 0:
        return 0.0
    probs = steps[blank][:, digits]  # (blank steps, digits)
    read = best[:, None] == np.asarray(digits)[None, :]  # (steps, digits): read as it
    near = np.zeros_like(read)
    near[1:] |= read[:-1]
    near[:-1] |= read[1:]
    probs = np.where(near[blank], 0.0, probs)
    return float(probs.max())


def available() -> bool:
    """Whether the engine can run here."""
    try:
        _config()
    except EngineMissing:
        return False
    return True


def read_lines(crops: list[np.ndarray]) -> list[Reading]:
    """Each crop (a greyscale image of one line of text) read, in the order given."""
    if not crops:
        return []
    import cv2

    bgr = [cv2.cvtColor(c, cv2.COLOR_GRAY2BGR) for c in crops]
    results, _ = _recogniser()(bgr)
    return [Reading(text.strip(), float(conf), point, lost)
            for text, conf, point, lost in results]
