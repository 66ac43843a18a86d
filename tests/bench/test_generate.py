"""The synthetic report generator (bench/generate.py): reproducible, and read back exactly.

A small corpus (40 reports, seed 7) is generated twice: the bytes must be identical, the
mix exact, and every generated report must parse to its truth, so the benchmark measures
reports our reader actually reads. Truncated ones come back partial, junk ones failed.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "bench"))

import generate

from pipelines.parse import parse_bytes

COUNT, SEED = 40, 7


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate.generate(out, COUNT, SEED, cache_dir=tmp_path_factory.mktemp("cache"))
    return out


@pytest.fixture(scope="module")
def truths(corpus: Path) -> list[dict]:
    lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_same_seed_gives_the_same_bytes(corpus: Path, tmp_path: Path) -> None:
    # A separate cache: the PDF and its font are drawn again, not copied.
    generate.generate(tmp_path, COUNT, SEED, cache_dir=tmp_path / "cache", jobs=2)
    again = _files(tmp_path)
    again = {k: v for k, v in again.items() if not k.startswith("cache/")}
    assert again == _files(corpus)


def test_another_seed_gives_other_reports(corpus: Path, tmp_path: Path) -> None:
    generate.generate(tmp_path, 5, SEED + 1, cache_dir=tmp_path / "cache",
                      mix=generate.parse_mix("text=1"))
    ours = _files(corpus / "inbox")
    assert not set(_files(tmp_path / "inbox").values()) & set(ours.values())


def test_the_mix_is_exact(truths: list[dict]) -> None:
    counts = {r: sum(t["rendering"] == r for t in truths) for r in generate.RENDERINGS}
    assert counts == generate.allocate(COUNT, generate.DEFAULT_MIX)
    assert counts == {"text": 18, "pipes": 8, "html": 10, "docx": 2, "pdf": 1, "junk": 1}
    kinds = {k: sum(t["kind"] == k for t in truths) for k in ("truncated", "error", "junk")}
    assert kinds == {"truncated": 1, "error": 1, "junk": 1}
    assert {t["format_version"] for t in truths if t["kind"] != "junk"} == {"gov_2019",
                                                                            "gov_2021"}


@pytest.mark.parametrize("count", [1, 7, 99, 1000, 100_003])
def test_allocation_sums_to_the_count(count: int) -> None:
    counts = generate.allocate(count, generate.DEFAULT_MIX)
    assert sum(counts.values()) == count
    for rendering, share in generate.DEFAULT_MIX.items():
        assert abs(counts[rendering] - count * share) < 1


def test_only_text_when_the_mix_says_so() -> None:
    items = generate.plan(50, SEED, generate.parse_mix("text=1"))
    assert {i.rendering for i in items} == {"text"}
    with pytest.raises(ValueError, match="unknown rendering"):
        generate.parse_mix("xlsx=1")


def test_truth_satisfies_the_identities_except_the_agency_error(truths: list[dict]) -> None:
    from schemas.identities import evaluate, identities

    for t in truths:
        if t["kind"] == "junk":
            continue
        failing = {i.id for i in identities(t["format_version"])
                   if evaluate(i, t["cells"]).status == "fail"}
        if t["kind"] == "error":
            assert failing, t["file"]
        else:
            assert not failing, (t["file"], failing)


def _same(got: float | None, want: float | None) -> bool:
    if got is None or want is None:
        return got is None and want is None
    return math.isclose(got, want, abs_tol=1e-9)


def test_every_report_reads_back_as_its_truth(corpus: Path, truths: list[dict]) -> None:
    seen = set()
    for t in truths:
        report = parse_bytes(t["file"], (corpus / "inbox" / t["file"]).read_bytes())
        seen.add((t["rendering"], t["kind"]))
        if t["kind"] == "junk":
            assert report.status == "failed", t["file"]
            assert not report.cells
            continue
        if t["kind"] == "truncated":
            assert report.status == "partial", t["file"]
            assert "truncated" in {f.code for f in report.flags}, t["file"]
            continue
        assert report.status == "complete", (t["file"], report.flags)
        assert (report.format_version, report.agency, report.report_year) == (
            t["format_version"], t["agency"], t["report_year"]), t["file"]
        values = report.values()
        # A padded pipe row with a blank first value cannot tell its padding from a
        # split merge's empty copies (recognise/grid.py `_readings`): null and flagged.
        doubtful = {c for c, cell in report.cells.items() if cell.state == "ambiguous"}
        wrong = {cid: (values.get(cid), want) for cid, want in t["cells"].items()
                 if not _same(values.get(cid), want)
                 and not (values.get(cid) is None and cid in doubtful)}
        assert not wrong, (t["file"], t["rendering"], wrong)
        if t["kind"] == "error":
            assert any(c.status == "fail" for c in report.checks), t["file"]
        else:
            assert not [c.id for c in report.checks if c.status == "fail"], t["file"]
    assert {r for r, _ in seen} == set(generate.RENDERINGS)


def test_start_extends_a_corpus_with_new_reports() -> None:
    first = generate.plan(COUNT, SEED, generate.DEFAULT_MIX)
    more = generate.plan(3, SEED, generate.parse_mix("text=1"), start=COUNT)
    assert [i.name for i in more] == ["000040.txt", "000041.txt", "000042.txt"]
    assert not {i.name for i in more} & {i.name for i in first}
    truth = generate.report_truth(SEED, more[0])
    assert truth == generate.report_truth(SEED, more[0])  # a report depends on (seed, index)
