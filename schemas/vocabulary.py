"""Closed vocabularies of the published data: cell states, flag codes, statuses.

Codes here are public and stable: users filter on them, so a code is never renamed or
reused; a new situation gets a new code. The README's flag table is checked against
`FLAG_CODES` by tests/schemas/test_vocabulary.py.
"""

from pipelines.read import registry
from schemas.statements import load_statements
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
    "uncertain": "read by OCR, but not surely enough to publish (flag ocr_uncertain), or "
    "printed in a column cut off at the page edge (flag cut_at_page_edge)",
    "unplaced": "a value was printed but its column is not known: the table's header prints "
    "its columns in another order than the template (flag columns_out_of_order), lacks "
    "one of them (flag columns_missing), or its text does not show their order (flag "
    "column_order_unread); or its row's label was read and not its values, which the "
    "text does not tie to their row (flag values_not_placed)",
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
    "metadata_from_page": "the file lacks the agency or the report year; it was taken from "
    "the title of the listing entry that leads to the report page wrapping the file (the "
    "message gives the title)",
    "row_label_unmatched": "a printed row's label matches no statutory row of its table "
    "unambiguously; its values were not read into any row",
    "row_label_garbled": "a scanned row's label was read too garbled to match; it was "
    "placed by its order between two rows read by their labels, its item number and the "
    "characters of the label it shows (the message gives the row and the evidence)",
    "row_placed_by_order": "a PDF's text in reading order printed this row's label away "
    "from its values; they were placed by their order, in a run of whole rows after the row "
    "before it, where every row's and every column's identities hold (the message gives "
    "the row)",
    "value_out_of_range": "a number too large (from 2**53 on) or with too many digits to be "
    "published exactly; the cell is null and its text kept",
    "resource_limit": "reading the file went over a limit of time, memory or decompressed "
    "size (the message says which); the file is not published",
    "text_disagrees": "the report's text states a number for a cell (or a sum of cells) "
    "that the table contradicts; a finding to review, the table is published as printed "
    "(the `text` check gives both numbers and the sentence)",
    "ocr_uncertain": "a number read by OCR with low confidence breaks an identity the other "
    "readings satisfy, or has no identity to confirm it: published as null, the reading and "
    "its confidence kept in the raw text",
    "cut_at_page_edge": "a number printed in a table column the page edge cut off (a "
    "browser's print of a table wider than the paper): it may have lost digits, so it is "
    "published as null, what was read kept in the raw text; a column wholly past the edge "
    "is not in the file and its cells are null too",
    "columns_out_of_order": "the table's header prints its statutory columns in another "
    "order than the template (总计 first, say): every cell of the table is null, its printed "
    "value kept in the raw text, since the identities cannot tell the columns apart",
    "columns_reordered": "the table's header prints its statutory columns in another order "
    "than the template (总计 first, say) and names every column once, in one printed row of "
    "labels read whole: each value is placed under the column its header names, the "
    "identities holding as in the printed order",
    "columns_missing": "the table's header names some of its statutory columns and not "
    "another (法人或其他组织 without 科研机构, say): the table has fewer columns than the "
    "template. Where the header names the other columns once each, read whole, and every "
    "row prints one value for each (tables 三 and 四), they are placed under the columns "
    "the header names and only the absent columns' cells are null; otherwise every cell of "
    "the table (of table 二: of that block's columns) is null, its printed value kept in the "
    "raw text",
    "column_dropped": "the table's header prints a column the statute lacks: a 小计 of "
    "table 三's organisation columns, under 法人或其他组织, whose values are the sum of "
    "those columns in every row, or a column after the table's last (同比), each 总计 "
    "proven by its row's sum: that column is not published, the other values are placed "
    "under the columns the header names",
    "merged_copies": "a value of table 二 merged over several columns was printed once per "
    "column it spans, under a header printing its column label as often: each such run of "
    "equal copies is read as the one value of the column the header names",
    "column_order_unread": "the table was read from text that keeps no column positions "
    "(a PDF's text in reading order), and its header there does not show the order of its "
    "columns or column groups, which the identities cannot tell apart: every cell of the "
    "table is null, its printed value kept in the raw text",
    "values_not_placed": "the row's label was read but not its values: the text (a "
    "PDF's text in reading order) prints them where nothing ties them to their row or "
    "columns, and prints no empty cell; or the row prints every cell empty and the next "
    "row, which holds values, matches no label (a converter wrapped the row's label onto a "
    "row of its own): the row's cells are null (state unplaced), never published as "
    "printed empty",
    "values_order_unproven": "text laid out from the page's positions (pdftotext -layout) "
    "printed a word of a row left of the word before it, under that word's column, its own "
    "column left empty: the two values may stand in each other's cells, and no identity "
    "tells their order (a swap keeps every sum of the row): both cells are null (state "
    "ambiguous), the printed values kept as raw text",
    "sign_apart": "a cell that may be negative (本年增/减) was read from the number printed "
    "right after a lone dash read as the blank cell before it, in text with no walls "
    "between cells: a converter laying text out by position can print a minus apart from "
    "its digits (pdftotext -layout: `-   １` for −1), and the words do not tell a blank's "
    "dash from a minus: the cell is null (state ambiguous), its printed value kept as raw "
    "text",
    "values_transposed": "two values of one row of table 三, swapped, make every failing "
    "identity of the table they touch hold and break none that held: a text laid out from "
    "the page's positions (pdftotext -layout) may print a row's words out of their order, "
    "so the failure is the reading's, not the agency's arithmetic: both cells are null "
    "(state ambiguous), their printed values kept in the raw text",
    "values_affixes_unproven": "the page printed the same characters before and after "
    "the text of every cell of the table, labels included (characters it hides, which a "
    "text tool prints), and they were taken off every cell; the table's identities fail "
    "after, so the characters may not be all the page's: its cells so read are null (state "
    "ambiguous), the printed values kept in the raw text",
    "row_may_be_shifted": "a table printed at a fixed width (pandoc's text tables), or a "
    "converter's table whose rows print their labels in different columns (pdfplumber's "
    "tables of a printed page, as markitdown writes them), shows a row opening with a blank "
    "before its values, or short of its columns: a span from above, or columns the page does "
    "not have, may have pushed its values right (and its last ones off the table's edge), "
    "which the text does not show: unless the table's identities refute the push (read as "
    "printed the row breaks none and its own total holds, read pushed it breaks one), the "
    "row and the rest of its printed row (of table 四: the groups after it) are null, its "
    "printed values kept in the raw text",
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
    "soft": "expected, not guaranteed: across years of one agency, or a government's "
    "summary against the sum of its departments' reports (at least it); a fail is a "
    "warning",
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
    "identities, or read by OCR off a picture), and the text does not state its number: "
    "the fail may be ours",
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

# The format's sections a heading of the report's text is recognised as (`sections.part`):
# declared with their title patterns in schemas/statements.yaml, never here.
SECTION_PARTS: dict[str, str] = {i: en for i, en, _ in load_statements().section_meanings}

# Each vocabulary above by the name the data dictionary gives it.
VOCABULARIES: dict[str, dict[str, str]] = {
    "cell_state": CELL_STATES, "flag_code": FLAG_CODES, "report_status": REPORT_STATUSES,
    "check_status": CHECK_STATUSES, "identity_kind": IDENTITY_KINDS,
    "agency_level": AGENCY_LEVELS, "format_version": FORMAT_VERSIONS, "rendering": RENDERINGS,
    "likely_cause": LIKELY_CAUSES, "section_part": SECTION_PARTS, "check_source": CHECK_SOURCES,
}

# The same meanings in Chinese, for the release's bilingual data dictionary. A code added
# above needs its Chinese here too (tests/release/test_docs.py checks that none lacks one).
MEANINGS_ZH: dict[str, dict[str, str]] = {
    "cell_state": {
        "number": "印有数字并已读取",
        "blank": "单元格印为空白",
        "dash": "单元格印为横线（-、—、–）",
        "slash": "单元格印为斜线（/）",
        "none_word": "单元格印为“无”",
        "unreadable": "印有内容，但不是该单元格类型的值",
        "ambiguous": "印有数字，但单元格边界丢失且无法恢复",
        "missing": "文件中没有该单元格（表或行缺失，或文件被截断）",
        "uncertain": "经 OCR 识别，但把握不足以发布（标记 ocr_uncertain），"
        "或印在被页面边缘截断的列中（标记 cut_at_page_edge）",
        "unplaced": "印有数值，但所属列不明：该表表头的列序与模板不同"
        "（标记 columns_out_of_order），或缺少法定列（标记 columns_missing），"
        "或文本未显示其列序（标记 column_order_unread）；或读到了该行的标签而未读到其数值，"
        "文本未将数值与所属行对应（标记 values_not_placed）",
    },
    "flag_code": {
        "not_a_report": "文件中没有识别到法定表格",
        "unreadable_file": "文件无法解码或打开",
        "parser_error": "读取文件时解析程序出错（程序缺陷）；文件不发布，说明中写明错误",
        "truncated": "文件在全部法定表格结束之前中断",
        "table_missing": "文件中没有找到某张法定表格",
        "row_missing": "表格中没有找到某个法定行",
        "value_count_mismatch": "某行的数值个数与模板的列数不同",
        "ambiguous_digits": "相邻单元格的数字连在一起，且拆分方式不唯一",
        "split_by_identities": "相邻单元格的数字连在一起；所用拆分是唯一满足表内勾稽关系的拆分",
        "unreadable_value": "单元格中的文字不是该类型的值",
        "negative_count": "计数单元格中印有负数",
        "unit_missing": "金额未印单位，模板也未规定单位",
        "version_assumed": "没有能区分格式版本的标签；版本按报告年度推定",
        "annotated_value": "数值带有注释，注释保留在原文中",
        "duplicate_row": "同一法定行出现两次且数值不同",
        "version_year_mismatch": "格式版本与报告年度不符",
        "metadata_missing": "无法读取机关名称或报告年度",
        "agency_unresolved": "无法不经猜测地从机关名称确定其地区或层级（说明中写明原因）",
        "schema_violation": "解析结果不符合数据结构规则，未发布",
        "row_label_misprinted": "行标签印有错字、缺字或多字；已按本表中唯一明确相近的法定行读取"
        "（说明中给出两者）",
        "metadata_from_body": "标题行不完整；机关名称或报告年度取自残缺标题或报告开头几句"
        "（说明中写明来源）",
        "metadata_from_page": "文件中缺少机关名称或报告年度；取自链接到该文件所在报告页面的"
        "栏目条目标题（说明中给出标题）",
        "row_label_unmatched": "某印刷行的标签无法明确对应本表任何法定行；其数值未读入任何行",
        "row_label_garbled": "扫描件中某行标签识别过于残缺无法匹配；已按其位于两个按标签读取的"
        "行之间的次序、序号及可辨认的标签文字确定所属法定行（说明中给出该行及依据）",
        "row_placed_by_order": "PDF 按阅读顺序提取的文本中该行标签与其数值分离；已按次序放置："
        "数值位于前一行之后的整行序列中，且每行、每列的勾稽关系均成立（说明中给出该行）",
        "value_out_of_range": "数字过大（2**53 及以上）或位数过多，无法精确发布；"
        "单元格为空值，原文保留",
        "ambiguous_columns": "页面丢弃了空白单元格，数值所在列无法唯一确定",
        "columns_by_identities": "页面丢弃了空白单元格；数值所在列是勾稽关系所允许的唯一位置",
        "unmatched_row": "某印刷行不对应任何法定行；其数值未借给相邻行",
        "resource_limit": "读取文件超出时间、内存或解压大小的限制（说明中写明哪一项）；文件不发布",
        "ocr_uncertain": "OCR 以低置信度读出的数字与其他读数满足的勾稽关系不符，或没有勾稽关系可以"
        "印证：发布为空值，读数及置信度保留在原文中",
        "cut_at_page_edge": "数字印在被页面边缘截断的表格列中（浏览器打印比纸张更宽的表格）："
        "可能丢失了数位，故发布为空值，读到的内容保留在原文中；整列超出页面边缘的，文件中没有"
        "该列，其单元格亦为空值",
        "columns_out_of_order": "该表表头的法定列顺序与模板不同（如总计在前）："
        "勾稽关系无法区分各列，故该表所有单元格发布为空值，印出的数值保留在原文中",
        "columns_reordered": "该表表头的法定列顺序与模板不同（如总计在前），且在完整读出的一行"
        "表头中每列各印一次：各数值按表头所标的列放置，勾稽关系与按印出顺序时一致",
        "columns_missing": "该表表头只印出部分法定列（如有法人或其他组织而无科研机构）："
        "该表列数少于模板。表头完整读出其余各列、每列各一次，且每行每列各印一个数值的（表三、表四），"
        "各数值按表头所标的列放置，仅缺少之列的单元格为空值；否则该表所有单元格"
        "（表二为该栏目各列）发布为空值，印出的数值保留在原文中",
        "column_dropped": "该表表头印有法定表格没有的列：表三法人或其他组织下各列的小计"
        "（其数值在每行均为这些列之和），或表格最后一列之后的列（如同比，各总计经本行之和"
        "验证）：该列不予发布，其余数值按表头所标的列放置",
        "merged_copies": "表二中跨多列合并的数值在拆分后的每一列各印一次，表头也将该列名"
        "印同样次数：每组相同的副本按表头所标的列读作一个数值",
        "column_order_unread": "该表读自不保留列位置的文本（按阅读顺序提取的 PDF 文字），"
        "其中表头未显示各列或列组的顺序，而勾稽关系无法区分：该表所有单元格发布为空值，"
        "印出的数值保留在原文中",
        "values_not_placed": "读到了该行的标签而未读到其数值：文本（按阅读顺序提取的 PDF "
        "文字）中没有将数值与所属行或列对应的依据，且不印空白单元格；或该行各单元格均为空，"
        "而紧随其后印有数值的一行与任何标签都不匹配（转换器把该行标签折到另一行）：该行单元格"
        "发布为空值（状态 unplaced），不当作印为空白",
        "values_order_unproven": "按页面位置排出的文本（pdftotext -layout）把一行中的某个词"
        "印在前一个词的左边、前一个词所在的列下，其本列空缺：两个数值可能互换了单元格，而勾稽"
        "关系无法判定其顺序（互换不改变该行的任何合计）：两个单元格均发布为空值（状态 "
        "ambiguous），印出的数值保留在原文中",
        "sign_apart": "可为负数的单元格（本年增/减）的数值印在一个单独的短横之后，该短横被读作前一"
        "单元格的空白，而文本的单元格之间没有分隔线：按页面位置排版的转换器可能把负号与数字分开"
        "印出（pdftotext -layout：−1 印作 `-   １`），仅凭文字无法区分空白的短横与负号：该单元格"
        "发布为空值（状态 ambiguous），印出的数值保留在原文中",
        "values_transposed": "表三某行的两个数值互换后，该表所涉及的不成立的勾稽关系全部成立，"
        "且原本成立的关系无一被破坏：按页面位置排出的文本（pdftotext -layout）可能打乱一行中"
        "词的顺序，故该不一致出自读取而非机关的计算：两个单元格均发布为空值（状态 ambiguous），"
        "印出的数值保留在原文中",
        "values_affixes_unproven": "页面在该表每个单元格（标签也不例外）文字的前后印有相同的字符"
        "（页面隐藏而文本工具照印的字符），已从各单元格去掉；去掉后该表的勾稽关系不成立，"
        "这些字符未必都属于页面：如此读出的单元格发布为空值（状态 ambiguous），"
        "印出的数值保留在原文中",
        "row_may_be_shifted": "按固定宽度印出的表格（pandoc 的文本表格），或各行标签位于不同列的"
        "转换器表格（markitdown 写出的 pdfplumber 页面表格）中，某行在数值前以空白开头，或少于"
        "其列数：上方的跨行单元格或页面本无的列可能把该行数值推向右侧（并把最后几个推出表格边缘），"
        "而文本中看不出来：除非表格的勾稽关系否定这种推移（按原样读该行不违反任何关系且其"
        "总计成立，按推移读则违反其一），该行及其所在印出行的其余部分（表四为其后各组）发布为"
        "空值，印出的数值保留在原文中",
        "text_disagrees": "报告正文为某单元格（或单元格之和）所述数字与表格不符；待核查的发现，"
        "表格按原样发布（text 类校验给出两个数字及原句）",
    },
    "report_status": {
        "complete": "三张法定表格及其全部行均已找到",
        "partial": "部分表格或行缺失（如页面被截断）",
        "failed": "没有读到任何法定表格；reason 字段说明原因",
    },
    "check_status": {
        "pass": "各单元格均有数字，勾稽关系成立",
        "fail": "按所印数字勾稽关系不成立（这是对报告本身的发现）",
        "not_evaluable": "有单元格为空值（空白不等于 0）；note 说明若空值按 0 计是否成立",
    },
    "identity_kind": {
        "stated": "官方表格本身印明的关系",
        "definitional": "由“总计”标签或表格结构得出的关系",
        "soft": "应当成立、但不保证的关系：同一机关跨年度（上年结转与上年度结转下年度），"
        "或本级政府报告不少于其各部门报告之和（汇总）；不成立只是提示",
        "text": "报告正文所述数字与其对应单元格（或单元格之和）的比对；不一致是对报告的发现，"
        "从不据此更正表格",
    },
    "section_part": {i: zh for i, _, zh in load_statements().section_meanings},
    "check_source": {"text": "由文字读取的单元格计算", "ocr": "由 OCR 从图片读取的单元格计算："
                     "不成立可能是识读错误，而非机关的错误"},
    "likely_cause": {
        "as_printed": "校验涉及的单元格均按印刷读取（未经重建），或正文所述数字相同："
        "机关就是这样印的",
        "reading": "校验涉及的某单元格由我们的读取重建（页面丢失了单元格边界，数字拆分或列位置由"
        "勾稽关系求得，或由 OCR 从图片识读），且正文未述及该数字：不成立可能源于读取",
    },
    "agency_level": {
        "national_department": "国务院部门（部、委、署、局、行、审计署），名称中没有地名",
        "province": "省、自治区、直辖市人民政府",
        "prefecture": "地级行政区（地级市、自治州、地区、盟）人民政府",
        "county": "县级行政区（市辖区、县、县级市、自治县、旗、林区、特区）人民政府",
        "township": "乡级人民政府（乡、民族乡、镇、苏木）或街道办事处",
        "department": "省、市、县、乡政府的工作部门；其上级的层级见 parent_level",
    },
    "format_version": {
        "gov_2019": "2019 年格式（国办公开办函〔2019〕60号），适用于 2019—2020 年度报告",
        "gov_2021": "2021 年格式（国办公开办函〔2021〕30号），适用于 2021 年度起的报告",
    },
    "rendering": {
        "positioned_runs": ("由转换工具（pdftohtml 的 HTML 或 XML）转成定位文本块的 PDF；"
                            "按位置读取表格"),
        "html": "含 <table> 元素的 HTML 网页或片段",
        "text_cells": "每行一个单元格的网页文本",
        "text_pipes": "以 | 分隔单元格的网页文本",
        "text_run_together": "单元格分隔符丢失的网页文本",
        "text_bordered": "以方框线或 ASCII 边框绘制表格的网页文本",
        "text_aligned": "以空格对齐表格的网页文本（划线分栏，或每行一个表格行）",
        "text_reading_order": ("按阅读顺序转出的 PDF 文本（pdftotext 不加 -layout）："
                               "表格单元格不按行排列，不读取表格数值"),
        "mhtml": "浏览器另存为单个文件的网页（MHTML、.mht）：读取其中的 HTML 部分",
        "scan": "页面（或表格所在页）为图片的 PDF；表格经 OCR 读取",
        "image": "图片文件（JPG、PNG、TIFF），或表格为图片的网页；经 OCR 读取",
        "pdf": "有文字层的 PDF；按表格线读取表格",
        "doc": "旧版 Word 或 WPS 文件，经 LibreOffice 转为 DOCX",
        "docx": "Word 文档（DOCX）；按文档表格单元格读取",
        "unknown": "不属于任何支持的格式",
    },
}
