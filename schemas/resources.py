"""The published tables (resources) of the data package, declared once.

A resource lists its fields with type, Chinese title and English description. The
statutory wide tables (t2, t3, t4) take their value columns from the template, so a
cell's label is typed in exactly one place. pandera schemas, Frictionless table
schemas and Parquet types are all derived from these objects (`validation.py`,
`descriptors.py`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from schemas import vocabulary as vocab
from schemas.statements import load_statements
from schemas.template import Template, load_template

# The largest magnitude a published number is held exactly at on every path: `cells.value`
# and the checks' sums are float64 (Parquet, pandas), which holds every integer up to 2**53
# and no odd one above it; int64 columns, orjson in the parse cache and Arrow hold more. A
# count or amount beyond it is published null and flagged `value_out_of_range`.
EXACT_LIMIT = 2**53


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # string | integer | number | boolean
    title: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    minimum: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)
    statutory_table: str | None = None  # t2/t3/t4 for the wide tables

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


REPORT_FK = (ForeignKey(("report_id",), "reports", ("report_id",)),)

# Fields published in more than one table, declared once (PUDL's FIELD_METADATA): a table
# lists them by name, so that a field means the same, with the same type and constraints,
# wherever it appears.
FIELDS: dict[str, Field] = {f.name: f for f in (
    Field("report_year", "integer", "报告年度",
          "Year the report covers; each table is published in parts by this year.",
          minimum=2008),
    Field("agency_id", "string", "机关编号",
          "Stable id of the agency across years: division code and a digest of the "
          "normalised name (xx- when the region is unresolved; such ids may join "
          "namesakes)."),
    Field("level", "string", "机关层级", "Level of the agency.",
          enum=tuple(vocab.AGENCY_LEVELS)),
    Field("division_code", "string", "行政区划代码",
          "GB/T 2260 code of the most specific division resolved."),
)}
# What a wide table repeats of its report, so that a question by year, agency, level or
# region needs no join with `reports`.
REPORT_CONTEXT = ("report_year", "agency_id", "level", "division_code")


def _report_id(required: bool = True) -> Field:
    return Field("report_id", "string", "报告编号",
                 "Report id: the first 16 hex digits of the source file's sha256.", required)


def _reports() -> Resource:
    f = Field
    return Resource(
        "reports", "年度报告", "One row per distinct input file: what it is and what became of it.",
        (
            _report_id(),
            f("file_name", "string", "来源",
              "Where the report came from: its path in the inbox, or the URL it was "
              "harvested from.", True),
            f("sha256", "string", "文件哈希",
              "sha256 of the source file's bytes: its name in the raw archive.", True),
            f("source_url", "string", "来源网址", "URL the file was harvested from, if any."),
            f("page_url", "string", "报告页面",
              "For a discovered report: the report page its listing entry leads to. "
              "`source_url` is then the file read: the page itself, or the attachment "
              "the page only wraps (one file per entry)."),
            f("retrieved_at", "string", "获取时间",
              "When the file was fetched, or its modification time in the inbox (UTC)."),
            f("size_bytes", "integer", "文件大小", "Size of the source file in bytes.", True,
              minimum=0),
            f("rendering", "string", "文件形式", "How the report was rendered in the file.", True,
              enum=tuple(vocab.RENDERINGS)),
            f("format_version", "string", "格式版本",
              "Statutory format version detected from the table labels.",
              enum=tuple(vocab.FORMAT_VERSIONS)),
            f("agency", "string", "机关", "Reporting agency as printed in the title."),
            FIELDS["agency_id"],
            FIELDS["level"],
            f("parent_level", "string", "上级政府层级",
              "For a department: the level of the government it belongs to.",
              enum=tuple(vocab.AGENCY_LEVELS)),
            f("province", "string", "省级行政区", "Province-level division of the agency."),
            f("prefecture", "string", "地级行政区", "Prefecture-level division of the agency."),
            f("county", "string", "县级行政区", "County-level division of the agency."),
            FIELDS["division_code"],
            FIELDS["report_year"],
            f("status", "string", "解析状态", "How completely the tables were read.", True,
              enum=tuple(vocab.REPORT_STATUSES)),
            f("published", "boolean", "已发布",
              "Whether the report's cells are in this release.", True),
            f("reason", "string", "原因", "Why the report is partial, failed or unpublished."),
            f("tables_found", "string", "已识别表格",
              "Statutory tables found, space-separated (t2 t3 t4)."),
            f("cells_expected", "integer", "应有单元格数",
              "Cells the detected format version has.", minimum=0),
            f("cells_number", "integer", "数值单元格数", "Cells read as a number.", minimum=0),
            f("cells_null", "integer", "空值单元格数",
              "Cells published as null (blank, dash, missing, unreadable...).", minimum=0),
            f("cells_flagged", "integer", "标记单元格数", "Cells with at least one flag.",
              minimum=0),
            f("cells_sha256", "string", "单元格摘要",
              "sha256 over the report's published cells (id, value, state): equal in two "
              "releases exactly when the report's data did not change."),
            f("checks_failed", "integer", "未通过校验数",
              "Identities that fail as printed.", minimum=0),
            f("also_found_as", "string", "重复文件",
              "Other inbox files with identical bytes, separated by ' | '."),
        ),
        primary_key=("report_id",),
    )


def _cells(template: Template) -> Resource:
    f = Field
    all_cells = template.all_cells
    return Resource(
        "cells", "单元格", "One row per report and statutory cell: value, printed text and state.",
        (
            _report_id(),
            f("cell_id", "string", "单元格编号", "Statutory cell id <table>.<row>.<column>.", True,
              enum=tuple(all_cells)),
            f("table", "string", "表", "Statutory table (t2, t3, t4).", True,
              enum=("t2", "t3", "t4")),
            f("block", "string", "栏目", "Block within the table (t2: article 20 item).", True),
            f("row", "string", "行", "Row id.", True),
            f("column", "string", "列", "Column id.", True),
            f("value", "number", "数值",
              "Value read; null unless a number was printed and read with certainty. "
              "Amounts in 万元."),
            f("raw_text", "string", "原文", "Text printed in the cell, as read."),
            f("state", "string", "状态", "How the cell was printed.", True,
              enum=tuple(vocab.CELL_STATES)),
            f("unit", "string", "原单位", "Unit printed in or above the cell (元, 万元), if any."),
            f("source_ref", "string", "来源位置",
              "Where in the source file the cell was read (table/row/column or line)."),
        ),
        primary_key=("report_id", "cell_id"),
        foreign_keys=REPORT_FK,
    )


def _wide(template: Template, table_id: str, name: str) -> Resource:
    meta = template.tables_meta[table_id]
    cols = template.all_columns(table_id)
    rows = template.all_rows(table_id)
    value_fields = tuple(
        Field(c.id, c.value_type.dtype, c.label, c.en[0].upper() + c.en[1:] + ".",
              minimum=c.value_type.minimum, unit=c.value_type.unit)
        for c in cols
    )
    key_fields: tuple[Field, ...] = (
        _report_id(),
        *(FIELDS[name] for name in REPORT_CONTEXT),
        Field("format_version", "string", "格式版本", "Statutory format version.", True,
              enum=tuple(vocab.FORMAT_VERSIONS)),
    )
    if table_id == "t2":
        key_fields += (Field("block", "string", "栏目", "Article 20 item of the row.", True),)
    key_fields += (Field("row", "string", "行", "Row id as in the printed table.", True,
                         enum=tuple(r.id for r in rows)),)
    return Resource(
        name, meta["title"],
        f"{meta['en']}. One row per report and printed row; columns as printed.",
        key_fields + value_fields,
        primary_key=("report_id", "row"),
        foreign_keys=REPORT_FK,
        statutory_table=table_id,
    )


def _checks() -> Resource:
    f = Field
    return Resource(
        "checks", "勾稽关系校验",
        "One row per report and identity: whether the report's own arithmetic holds; "
        "and per number the report's text states: whether its table says the same.",
        (
            _report_id(),
            f("check_id", "string", "校验编号",
              "Identity id (see the data dictionary); text_<statement> for a text check.",
              True),
            f("table", "string", "表", "Statutory table the identity belongs to.", True),
            f("kind", "string", "类型",
              "Stated in the form, definitional, soft (across years, or a government's "
              "totals against its departments' reports) or text.", True,
              enum=tuple(vocab.IDENTITY_KINDS)),
            f("status", "string", "结果", "pass, fail or not_evaluable.", True,
              enum=tuple(vocab.CHECK_STATUSES)),
            f("lhs", "number", "左边", "Left-hand side as printed (null if not evaluable)."),
            f("rhs", "number", "右边", "Right-hand side as printed (null if not evaluable)."),
            f("difference", "number", "差额", "lhs - rhs."),
            f("note", "string", "说明", "Why not evaluable, or the failing equation; for "
              "a cross-year check the report it is against, for a roll-up the departments "
              "found and summed (coverage)."),
            f("likely_cause", "string", "可能原因",
              "On a failing check: as_printed (the agency printed it so) or reading (a "
              "cell was reconstructed by our reading; the fail may be ours).",
              enum=tuple(vocab.LIKELY_CAUSES)),
            f("statement", "string", "报告原文",
              "Text checks: the sentence of the report's text that states the number "
              "(normalised to simplified characters, whitespace removed)."),
            f("source_ref", "string", "来源位置",
              "Text checks: where in the source file the sentence was read (line)."),
            f("source", "string", "数据来源", "text, or ocr when the report's cells were "
              "read by OCR from images (see the README).", enum=tuple(vocab.CHECK_SOURCES)),
        ),
        primary_key=("report_id", "check_id"),
        foreign_keys=REPORT_FK,
    )


def _sections() -> Resource:
    f = Field
    return Resource(
        "sections", "报告正文", "One row per report and section of its text, in order.",
        (
            _report_id(),
            f("section", "integer", "顺序",
              "Order of the section in the report; 0 is the text before the first heading "
              "(title, preamble).", True, minimum=0),
            f("part", "string", "对应部分",
              "The format's section the heading was recognised as (null for section 0).",
              enum=tuple(s for s, _ in load_statements().sections)),
            f("heading", "string", "标题", "The section's heading as printed."),
            f("text", "string", "正文",
              "The section's text normalised: NFKC, traditional characters to simplified, "
              "inserted pinyin removed; null when the section has no text."),
            f("text_original", "string", "原文", "The section's text as printed."),
        ),
        primary_key=("report_id", "section"),
        foreign_keys=REPORT_FK,
    )


def _flags() -> Resource:
    f = Field
    return Resource(
        "flags", "解析标记", "One row per flag raised while reading a report.",
        (
            _report_id(),
            f("seq", "integer", "序号", "Order of the flag within the report.", True, minimum=1),
            f("cell_id", "string", "单元格编号", "Cell the flag is about; null for the report."),
            f("code", "string", "代码", "Stable flag code (see the README).", True,
              enum=tuple(vocab.FLAG_CODES)),
            f("message", "string", "说明", "What was seen, in words.", True),
        ),
        primary_key=("report_id", "seq"),
        foreign_keys=REPORT_FK,
    )


@cache
def resources(template: Template | None = None) -> dict[str, Resource]:
    """Every published resource, in package order."""
    template = template or load_template()
    out = [
        _reports(),
        _cells(template),
        _wide(template, "t2", "t2_proactive"),
        _wide(template, "t3", "t3_requests"),
        _wide(template, "t4", "t4_reviews"),
        _checks(),
        _flags(),
        _sections(),
    ]
    return {r.name: r for r in out}
