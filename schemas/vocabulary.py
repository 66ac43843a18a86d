"""Closed vocabularies of the published data: cell states, flag codes, statuses.

Codes here are public and stable: users filter on them, so a code is never renamed or
reused; a new situation gets a new code. The README's flag table is checked against
`FLAG_CODES` by tests/schemas/test_vocabulary.py.
"""

# How a cell was printed. Blank, dash, slash and 无 are kept apart from 0.
CELL_STATES: dict[str, str] = {
    "number": "a number was printed and read",
    "blank": "the cell was printed empty",
    "dash": "the cell was printed as a dash (-, —, –)",
    "slash": "the cell was printed as a slash (/)",
    "none_word": "the cell was printed as 无 (none)",
    "unreadable": "something was printed that is not a value of the cell's type",
    "ambiguous": "digits were printed but the cell boundaries were lost and cannot be recovered",
    "missing": "the cell is not in the document (table or row absent, or file truncated)",
    "uncertain": "read by OCR, but not surely enough to publish (flag ocr_uncertain)",
}

FLAG_CODES: dict[str, str] = {
    "not_a_report": "no statutory table was recognised in the file",
    "unreadable_file": "the file could not be decoded or opened",
    "parser_error": "reading the file hit an error in the parser (a bug); the file is not "
    "published and the message names the error",
    "truncated": "the document ends before all statutory tables are complete",
    "table_missing": "a statutory table was not found in the document",
    "row_missing": "a statutory row was not found in its table",
    "value_count_mismatch": "a row has a different number of values than the template's columns",
    "ambiguous_digits": "digits of adjacent cells run together and no unique split exists",
    "split_by_identities": "digits of adjacent cells ran together; the split was the only one "
    "satisfying the table's identities",
    "unreadable_value": "a cell holds text that is not a value of its type",
    "negative_count": "a negative number was printed in a count cell",
    "unit_missing": "an amount was printed without a unit and the template gives none",
    "version_assumed": "no label distinguishes the format versions; the version was assumed "
    "from the report year",
    "annotated_value": "the value was printed with an annotation, kept in the raw text",
    "duplicate_row": "a statutory row appears twice with different values",
    "version_year_mismatch": "the format version does not match the report year",
    "metadata_missing": "the agency or the report year could not be read",
    "agency_unresolved": "the agency's region or level could not be resolved from its name "
    "without guessing (the message says why)",
    "schema_violation": "the parsed report failed its schema and was not published",
    "ocr_uncertain": "a number read by OCR with low confidence breaks an identity the other "
    "readings satisfy, or has no identity to confirm it: published as null, the reading and "
    "its confidence kept in the raw text",
}

REPORT_STATUSES: dict[str, str] = {
    "complete": "all three statutory tables were found with all their rows",
    "partial": "some tables or rows are missing (e.g. a truncated page)",
    "failed": "no statutory table could be read; the reason says why",
}

# Renderings whose table cells were read by OCR: their checks say `source: ocr`.
OCR_RENDERINGS = ("scan", "image")

CHECK_SOURCES: dict[str, str] = {
    "text": "computed on cells read from the file's text",
    "ocr": "computed on cells read by OCR from images: a fail may be a reading error "
    "the confidences did not reveal, not the agency's",
}

CHECK_STATUSES: dict[str, str] = {
    "pass": "the identity holds with every cell printed",
    "fail": "the identity does not hold as printed (a finding about the report)",
    "not_evaluable": "a cell of the identity is null (blank is not zero); the note says "
    "whether it would hold with nulls read as 0",
}

IDENTITY_KINDS: dict[str, str] = {
    "stated": "printed in the official table itself",
    "definitional": "follows from a 总计 label or the table's structure",
    "soft": "expected across years of one agency, not guaranteed: a fail is a warning",
}

AGENCY_LEVELS: dict[str, str] = {
    "national_department": "a department of the State Council (ministry, commission, "
    "administration, bank, audit office), named without a place",
    "province": "the people's government of a province, autonomous region or "
    "municipality (省, 自治区, 直辖市)",
    "prefecture": "the people's government of a prefecture-level division (地级市, "
    "自治州, 地区, 盟)",
    "county": "the people's government of a county-level division (市辖区, 县, 县级市, "
    "自治县, 旗, 林区, 特区)",
    "township": "the people's government of a township (乡, 民族乡, 镇, 苏木) or a "
    "sub-district office (街道办事处)",
    "department": "a bureau, commission or office of a province, prefecture, county or "
    "township government; its parent's level is in parent_level",
}

FORMAT_VERSIONS: dict[str, str] = {
    "gov_2019": "2019 format (国办公开办函〔2019〕60号), reports for 2019-2020",
    "gov_2021": "2021 format (国办公开办函〔2021〕30号), reports for 2021 on",
}

RENDERINGS: dict[str, str] = {
    "html": "HTML page or fragment with <table> elements",
    "text_cells": "page text with one cell per line",
    "text_pipes": "page text with |-separated cells",
    "text_run_together": "page text whose cell separators were lost",
    "pdf": "PDF with a text layer; tables read from the ruling lines",
    "doc": "legacy Word or WPS file, converted to DOCX by LibreOffice",
    "docx": "Word document (DOCX); tables read from the document's table cells",
    "scan": "PDF whose pages (or table pages) are images; tables read by OCR",
    "image": "image file (JPG, PNG, TIFF), or a page whose tables are images; read by OCR",
    "unknown": "not recognised as any supported rendering",
}
