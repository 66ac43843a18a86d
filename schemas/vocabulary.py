"""Closed vocabularies of the published data: cell states, flag codes, statuses.

Codes here are public and stable: users filter on them, so a code is never renamed or
reused; a new situation gets a new code. The README's flag table is checked against
`FLAG_CODES` by tests/schemas/test_vocabulary.py.
"""

from pipelines.read import registry
from schemas.template import load_template

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
    "ambiguous_columns": "a row printed fewer values than its columns (a rendering dropped "
    "its blank cells) and neither the count nor the identities fix which columns they fill",
    "columns_by_identities": "a row printed fewer values than its columns (a rendering "
    "dropped its blank cells); the columns were the only placement satisfying the table's "
    "identities",
    "unmatched_row": "a printed row between two statutory rows matches no statutory label; "
    "its values were not given to a neighbouring row",
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
    "row_label_misprinted": "a row label was printed with a typo or a character missing or "
    "extra; it was read as the one row of its table it is unambiguously close to (the "
    "message gives both)",
    "metadata_from_body": "the agency or the report year was not in a complete title line; "
    "it was read from a cut title or the report's first sentences (the message says which)",
    "row_label_unmatched": "a printed row's label matches no statutory row of its table "
    "unambiguously; its values were not read into any row",
    "value_out_of_range": "a number too large (from 2**53 on) or with too many digits to be "
    "published exactly; the cell is null and its text kept",
    "text_disagrees": "the report's text states a number for a cell (or a sum of cells) "
    "that the table contradicts; a finding to review, the table is published as printed "
    "(the `text` check gives both numbers and the sentence)",
}

REPORT_STATUSES: dict[str, str] = {
    "complete": "all three statutory tables were found with all their rows",
    "partial": "some tables or rows are missing (e.g. a truncated page)",
    "failed": "no statutory table could be read; the reason says why",
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
    "text": "a number the report's text states, against the cell (or sum of cells) it "
    "speaks of: a fail is a finding about the report, never a correction",
}

# Why a check may fail, on every failing check (`checks.likely_cause`): told from how its
# cells were read (pipelines/causes.py), so that users can tell an agency's error from ours.
LIKELY_CAUSES: dict[str, str] = {
    "as_printed": "every cell of the check was read as printed (no reading reconstructed "
    "it), or the report's text states the same number: the agency printed it so",
    "reading": "a cell of the check was reconstructed by our reading (the rendering lost "
    "its cell boundaries and the digits were split, or the columns placed, by solving the "
    "identities), and the text does not state its number: the fail may be ours",
}
# Cell flags that mark a reading reconstructed rather than read off a printed cell: a run
# of digits split, or a value placed in its column, by solving the identities. A run whose
# digits are exactly its cells (006's `6000017`) is read as printed, whatever the rendering.
READING_FLAGS: tuple[str, ...] = ("split_by_identities", "columns_by_identities")

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

# Declared in template.yaml (`versions`, with their notice and report years), never here.
FORMAT_VERSIONS: dict[str, str] = {
    v.id: v.description for v in load_template().versions.values()
}

# Declared with the readers in pipelines/read/registry.py, never here.
RENDERINGS: dict[str, str] = registry.RENDERINGS
