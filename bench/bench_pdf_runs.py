"""Benchmark: the labelled reports' PDFs turned into positioned text runs by poppler's
pdftohtml (`-s`, `-c`, `-xml`), read back and scored (issue 13).

Each PDF of every producer of `tests/renderings/prints.py` (the corpus's 001.pdf among
them) is converted (`tests/renderings/pdf_runs.py`; cached under
`<worktree>/.cache/pdf-runs/`, `--cache`) and read back: right/wrong/missed/invented per
producer × converter.

    uv run python bench/bench_pdf_runs.py [--converters pdftohtml-s,pdftohtml-xml]
        [--producers corpus-pdf,soffice-docx] [--reports 001,011] [--jobs 1] [-v]
        [--markdown]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

# the same bench as PDF-to-Markdown's, over pdf_runs's converters
from bench_pdf_markdown import main

if __name__ == "__main__":
    main(sys.argv[1:], "pdf_runs")
