"""Which statutory format a document is printed in, judged by its labels, not its year."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from pipelines.recognise.labels import Label
from pipelines.recognise.tokens import Token


def detect_version(tokens: list[Token]) -> str | None:
    """The version most labels unique to one version vote for; None when no label does."""
    votes: Counter[str] = Counter(v for t in tokens if t.labels and (v := _vote(t.labels)))
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else best


@lru_cache(maxsize=4096)
def _vote(labels: tuple[Label, ...]) -> str | None:
    """The one version these labels are specific to, if any (the same label tuples recur
    in every report)."""
    specific = {lab.version_specific for lab in labels} - {None}
    return specific.pop() if len(specific) == 1 else None
