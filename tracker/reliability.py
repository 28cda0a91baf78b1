"""Outlet reliability: a Beta-binomial record of how an outlet's claims held up.

It counts editors' verdicts, not flags: a claim ruled accurate counts for its outlet, one ruled inaccurate or
misattributed against it (``verdicts.FOR_OUTLET``, ``AGAINST_OUTLET``); outdated and unproven count neither
way. A claim no one has ruled on counts for its outlet when another outlet corroborates it. A conflict alone,
open or confirmed, marks no one down: it does not say which side erred, and the outlet that was right must
never pay for the other's error; it is settled by ruling on its claims. A fact superseded by a later change is
no fault. With a uniform Beta(1, 1) prior the score is the posterior mean, and its uncertainty the central
90 % interval, so an outlet with three claims is not ranked like one with three hundred.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tracker.config import RELIABILITY, ReliabilitySettings
from tracker.verdicts import AGAINST_OUTLET, FOR_OUTLET


@dataclass(frozen=True)
class ClaimFate:
    claim_id: int
    outlet: str
    corroborated: bool = False
    conflicted: bool = False  # in a confirmed conflict
    disputed: bool = False  # in an open conflict
    superseded: bool = False  # the earlier side of a change over time
    rating: str | None = None  # its published verdict (tracker.verdicts.RATINGS), if any


@dataclass(frozen=True)
class OutletRecord:
    name: str
    claims: int
    corroborated: int
    conflicted: int
    disputed: int
    superseded: int
    reliability: float
    low: float
    high: float
    drivers: tuple[int, ...] = field(default=())  # the claims that moved the score
    ruled_accurate: int = 0
    ruled_against: int = 0  # ruled inaccurate or misattributed


def records(
    fates: list[ClaimFate], outlets: list[str] | None = None, settings: ReliabilitySettings = RELIABILITY
) -> list[OutletRecord]:
    by_outlet: dict[str, list[ClaimFate]] = {name: [] for name in outlets or []}
    for fate in fates:
        by_outlet.setdefault(fate.outlet, []).append(fate)
    out = []
    for name, items in sorted(by_outlet.items()):
        counted_for = [f for f in items if _counts_for(f)]
        against = [f for f in items if f.rating in AGAINST_OUTLET]
        a, b = settings.prior_good + len(counted_for), settings.prior_bad + len(against)
        low, high = beta_interval(a, b, settings.interval)
        drivers = tuple(f.claim_id for f in items if _counts_for(f) or f.rating in AGAINST_OUTLET)
        out.append(
            OutletRecord(
                name=name,
                claims=len(items),
                corroborated=sum(f.corroborated for f in items if f.rating is None),
                conflicted=sum(f.conflicted for f in items),
                disputed=sum(f.disputed for f in items),
                superseded=sum(f.superseded for f in items),
                reliability=a / (a + b),
                low=low,
                high=high,
                drivers=drivers,
                ruled_accurate=sum(f.rating in FOR_OUTLET for f in items),
                ruled_against=len(against),
            )
        )
    return out


def _counts_for(fate: ClaimFate) -> bool:
    """Ruled accurate, or not ruled on and corroborated by another outlet."""
    return fate.rating in FOR_OUTLET or (fate.rating is None and fate.corroborated)


def beta_interval(a: float, b: float, mass: float) -> tuple[float, float]:
    tail = (1 - mass) / 2
    return beta_quantile(tail, a, b), beta_quantile(1 - tail, a, b)


def beta_quantile(p: float, a: float, b: float) -> float:
    """The p-quantile of Beta(a, b), by bisection on the regularised incomplete beta function."""
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if _incomplete_beta(mid, a, b) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _incomplete_beta(x: float, a: float, b: float) -> float:
    """I_x(a, b), by Lentz's continued fraction (Numerical Recipes, betai)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(log_front) * _continued_fraction(x, a, b) / a
    return 1 - math.exp(log_front) * _continued_fraction(1 - x, b, a) / b


def _continued_fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for numerator in (
            m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
            -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1)),
        ):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-12:
            break
    return h
