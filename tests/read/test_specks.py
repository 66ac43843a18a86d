"""The recogniser's page: specks made paper, small or JPEG-smeared; a decimal point kept."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from pipelines.read.page_image import prepare
from pipelines.read.specks import recogniser_page


def test_a_decimal_point_stays_and_specks_go() -> None:
    page = Image.new("L", (700, 700), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)
    for k in range(6):  # lines enough for the glyph height
        draw.text((40, 40 + 100 * k), "12  5", font=font, fill=0)
    _, top, right_of_12, foot = draw.textbbox((40, 40), "12", font=font)
    end = draw.textbbox((40, 40), "12  5", font=font)[2]
    pixels = np.asarray(page).copy()
    dot = (slice(foot - 3, foot), slice(right_of_12 + 8, right_of_12 + 11))
    speck_above = (slice(top, top + 3), slice(right_of_12 + 8, right_of_12 + 11))
    speck_after = (slice(foot - 3, foot), slice(end + 8, end + 11))
    big_speck = (slice(foot + 30, foot + 35), slice(end + 60, end + 65))  # a JPEG'd one
    for where in (dot, speck_above, speck_after):
        pixels[where] = 0  # each as small as a speck
    pixels[big_speck] = 0
    prepared = prepare(pixels)
    assert not prepared.ink[dot].any()  # the ink lost the three small ones by their size
    assert prepared.ink[big_speck].any()  # big enough to stay in the ink
    seen = recogniser_page(prepared, prepared.ink)
    assert seen[dot].min() == 0  # between two digits, at their foot: a decimal point
    assert seen[speck_above].min() == 255
    assert seen[speck_after].min() == 255
    assert seen[big_speck].min() == 255  # no other ink near it: a speck, not a character's dot


def test_the_recogniser_sees_no_strip_of_a_rule_beside_a_digit() -> None:
    """A digit 2 pixels right of its cell's rule: the soft edge kept round it stops at
    the rule's mask, which would otherwise show a pale bar read as a "1"."""
    page = Image.new("L", (400, 600), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=30)
    for k in range(5):  # lines enough for the glyph height
        draw.text((110, 30 + 70 * k), "7", font=font, fill=0)
    left = min(draw.textbbox((110, 30 + 70 * k), "7", font=font)[0] for k in range(5))
    pixels = np.asarray(page).copy()
    rule = slice(left - 2, left - 1)
    pixels[:, rule] = 150  # a pale rule, 2 pixels from the digits' left edge
    prepared = prepare(pixels)
    lines = np.zeros_like(prepared.ink)
    lines[:, left - 6:left] = 255  # the rule's mask, thickened as table_image does
    text_ink = prepared.ink & ~lines
    assert recogniser_page(prepared, text_ink)[:, rule].min() < 255  # without the lines
    assert recogniser_page(prepared, text_ink, lines)[:, rule].min() == 255
