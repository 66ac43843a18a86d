"""Public vocabularies are documented: every flag code and cell state is in the README."""

from pathlib import Path

from schemas.vocabulary import CELL_STATES, FLAG_CODES

README = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")


def test_every_flag_code_is_documented_with_its_meaning() -> None:
    for code, meaning in FLAG_CODES.items():
        assert f"| `{code}` | {meaning} |" in README


def test_every_cell_state_is_documented_with_its_meaning() -> None:
    for state, meaning in CELL_STATES.items():
        assert f"| `{state}` | {meaning} |" in README
