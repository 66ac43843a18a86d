"""Numbers for synthetic reports: a statutory table's cells drawn at random with realistic
magnitudes, every identity of tables 三 and 四 holding.

Shared by the benchmark corpus (bench/generate.py: a report's cells by its agency's level)
and the renderings' `revalued` variants (variants.py: a labelled report's page with other
numbers in it), so a reader is measured on numbers it was not developed against. Only
the drawing lives here; which mean a report gets is the caller's.
"""

from __future__ import annotations

import random

from schemas.template import Version

# Applicant columns of table 三 (the total column is their sum).
APPLICANT_WEIGHTS = {"natural_person": 0.82, "commercial_enterprise": 0.09,
                     "research_institution": 0.005, "public_interest_org": 0.005,
                     "legal_service_org": 0.04, "other_org": 0.04}
RESULT_WEIGHTS = {
    "granted": 0.45, "partially_granted": 0.06, "denied_state_secret": 0.004,
    "denied_law_prohibited": 0.01, "denied_security_stability": 0.004,
    "denied_third_party_rights": 0.01, "denied_internal_affairs": 0.02,
    "denied_process_info": 0.02, "denied_enforcement_case_file": 0.01,
    "denied_admin_inquiry": 0.02, "unable_not_held": 0.25, "unable_needs_creation": 0.03,
    "unable_unclear_after_correction": 0.02, "not_processed_complaint": 0.02,
    "not_processed_repeat": 0.03, "not_processed_publication": 0.005,
    "not_processed_excessive": 0.005, "not_processed_confirm_reissue": 0.005,
    "other_processing": 0.03, "other_no_correction": 0.02, "other_unpaid_fee": 0.002,
    "other_other": 0.02,
}
T4_WEIGHTS = {"upheld": 0.6, "corrected": 0.1, "other_result": 0.15, "pending": 0.15}

def _count(rng: random.Random, mean: float) -> int:
    """A skewed non-negative count with the given mean (exponential, rounded down)."""
    return int(rng.expovariate(1 / mean)) if mean > 0 else 0


def _spread(rng: random.Random, n: int, weights: dict[str, float]) -> dict[str, int]:
    """n items spread over the keys by weight (multinomial)."""
    out = dict.fromkeys(weights, 0)
    if n:
        keys = list(weights)
        for k in rng.choices(keys, weights=[weights[k] for k in keys], k=n):
            out[k] += 1
    return out


def _amount(rng: random.Random, mean: float) -> float:
    return round(rng.expovariate(1 / mean), 2) if mean > 0 else 0.0


def _t2(rng: random.Random, version: Version, scale: float) -> dict[str, int | float]:
    cells: dict[str, int | float] = {}
    docs_scale = 0.0 if scale < 1 and rng.random() < 0.8 else scale
    for block in version.tables["t2"].blocks:
        for row in block.data_rows:
            made = _count(rng, (0.3 if row.id == "regulations" else 3) * docs_scale)
            for col in block.columns:
                cid = f"t2.{row.id}.{col.id}"
                if col.id in ("newly_made", "issued"):
                    value: int | float = made
                elif col.id == "newly_published":
                    value = made
                elif col.id in ("total_published", "in_force"):
                    value = made + _count(rng, 10 * docs_scale)
                elif col.id == "repealed":
                    value = _count(rng, 0.5 * docs_scale)
                elif col.id == "prev_year_items":
                    value = _count(rng, 40 * scale)
                elif col.id == "change":
                    value = rng.choice((0, 0, 0, _count(rng, 3 * scale),
                                        -_count(rng, 3 * scale)))
                elif col.id == "decisions":
                    value = _count(rng, (2000 if row.id == "administrative_licensing" else 150)
                                   * scale)
                elif col.id == "procurement_items":
                    value = _count(rng, 20 * scale)
                else:  # fee_amount, procurement_total_amount: 万元, 2 decimals
                    value = _amount(rng, 300 * scale) if rng.random() < 0.5 else 0
                cells[cid] = value
    return cells


def _t3(rng: random.Random, version: Version, mean: float) -> dict[str, int]:
    table = version.tables["t3"]
    rows = {r.id for r in table.data_rows}
    leaves = {k: w for k, w in RESULT_WEIGHTS.items() if k in rows}
    new = _spread(rng, _count(rng, mean), APPLICANT_WEIGHTS)
    cells: dict[str, int] = {}
    for col, received in new.items():
        carried = int(received * rng.uniform(0, 0.12))
        forward = int((received + carried) * rng.uniform(0, 0.1))
        done = received + carried - forward
        results = _spread(rng, done, leaves)
        values = {"new_received": received, "carried_over": carried,
                  "carried_forward": forward, "results_total": done, **results}
        for row, v in values.items():
            cells[f"t3.{row}.{col}"] = v
    for row in rows:
        cells[f"t3.{row}.total"] = sum(cells[f"t3.{row}.{c}"] for c in APPLICANT_WEIGHTS)
    return cells


def _t4(rng: random.Random, version: Version, mean: float) -> dict[str, int]:
    cells: dict[str, int] = {}
    for row, share in zip(("admin_review", "litigation_direct", "litigation_after_review"),
                          (0.04, 0.02, 0.01), strict=True):
        spread = _spread(rng, _count(rng, mean * share), T4_WEIGHTS)
        for col, v in spread.items():
            cells[f"t4.{row}.{col}"] = v
        cells[f"t4.{row}.total"] = sum(spread.values())
    return cells

def table_cells(rng: random.Random, version: Version, mean: float, scale: float
                ) -> dict[str, int | float]:
    """Every cell of tables 二, 三 and 四 of `version`, in the template's order: table 三's
    new requests average `mean` (表四's cases a small share of them), table 二's counts
    scale with `scale`."""
    cells: dict = {**_t2(rng, version, scale), **_t3(rng, version, mean),
                   **_t4(rng, version, mean)}
    return {cid: cells[cid] for cid in version.cell_ids}
