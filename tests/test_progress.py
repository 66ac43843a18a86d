"""The build's progress display (pipelines/progress.py): a bar on a terminal, plain lines
in a log, nothing without a display."""

import io
import re

from pipelines import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_plain_lines_with_rate_at_each_stage_end() -> None:
    log = io.StringIO()
    display = progress.Display(log)
    progress.install(display)
    try:
        progress.start("parsed", 3)
        progress.advance("parsed", 2)
        progress.advance("parsed", 1)
        progress.start("segments", 0)
    finally:
        progress.install(None)
        display.close()
    lines = log.getvalue().splitlines()
    assert len(lines) == 1 and "\r" not in log.getvalue()
    assert re.fullmatch(r"files parsed: 3/3 \([\d,.]+/s, 0:00:00\)", lines[0])


def test_a_terminal_gets_a_bar_redrawn_in_place() -> None:
    screen = Terminal()
    display = progress.Display(screen)
    display.start("archived", 4)
    display.advance("archived", 4)
    display.close()
    text = screen.getvalue()
    assert text.startswith("\r\x1b[K[........................] files archived: 0/4 (0.0/s)")
    assert "\r\x1b[K[########################] files archived: 4/4 (" in text
    assert text.endswith(")\n")


def test_no_display_no_output(capsys) -> None:
    progress.start("parsed", 10)
    progress.advance("parsed", 10)
    assert capsys.readouterr() == ("", "")
