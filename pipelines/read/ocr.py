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

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np

_ENGINE_MISSING = "the OCR engine (rapidocr-onnxruntime) is not installed"
# Crops are padded to this width/height ratio at least: PaddleOCR's default is 320/48,
# which made a one-digit cell cost as much as a label; the model takes any width.
_MIN_RATIO = 1.5
_BATCH = 16  # crops of similar width per model call (sorted by width first)


class EngineMissing(RuntimeError):
    """The OCR models are not installed (e.g. a Python the wheel does not support)."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the recogniser read in one line image, and its mean character confidence."""

    text: str
    confidence: float


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

    return TextRecognizer(_config()["Rec"])


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
    return [Reading(text.strip(), float(conf)) for text, conf in results]
