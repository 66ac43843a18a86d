"""Which statutory format a document is printed in, judged by its labels, not its year."""

from __future__ import annotations

from collections import Counter

from pipelines.recognise.tokens import Token


def detect_version(tokens: list[Token]) -> str | None:
    """The version most labels unique to one version vote for; None when no label does."""
    votes: Counter[str] = Counter()
    for token in tokens:
        if not token.labels:
            continue
        specific = {lab.version_specific for lab in token.labels} - {None}
        if len(specific) == 1:
            votes[specific.pop()] += 1
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else best


def version_for_year(year: int | None) -> str | None:
    if year is None:
        return None
    return "gov_2019" if year <= 2020 else "gov_2021"
