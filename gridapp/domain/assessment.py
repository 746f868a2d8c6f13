"""考核方案: a scheme of weights, deductions and thresholds that turns indicators into scores.

score = 100 × Σ wᵢ·rᵢ / Σ wᵢ − min(cap, Σ dₖ·countₖ), clamped to 0…100, where rᵢ is each
weighted rate (1 − rate for rates where lower is better, such as 返工率) and a rate with
nothing to judge (no denominator) drops out together with its weight. A unit with fewer
than `min_basis` cases to judge gets a score but no rank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import InvalidInput
from .indicators import COUNT_BY_KEY, RATE_BY_KEY, RATES_BY_LEVEL, Level


@dataclass(frozen=True)
class LevelScheme:
    weights: dict[str, float]
    deductions: dict[str, float] = field(default_factory=dict)  # points per counted case
    max_deduction: float = 20.0
    basis: str = "due"       # the count that says whether there was enough to judge
    min_basis: int = 5

    def score(self, counts: dict[str, float]) -> float | None:
        num = den = 0.0
        for key, w in self.weights.items():
            r = RATE_BY_KEY[key].of(counts)
            if r is None or w <= 0:
                continue
            num += w * (r if RATE_BY_KEY[key].higher_is_better else 1 - r)
            den += w
        if den == 0:
            return None
        minus = sum(d * counts.get(k, 0) for k, d in self.deductions.items())
        return max(0.0, min(100.0, 100 * num / den - min(self.max_deduction, minus)))

    def rankable(self, counts: dict[str, float]) -> bool:
        return counts.get(self.basis, 0) >= self.min_basis


@dataclass(frozen=True)
class Scheme:
    name: str
    levels: dict[Level, LevelScheme]
    grades: tuple[tuple[float, str], ...] = ((90, "优秀"), (80, "良好"), (60, "合格"), (0, "不合格"))
    verify_limit_hours: float = 4.0  # 核查时限 in working hours, for 按时核查率

    def grade(self, score: float | None) -> str:
        if score is None:
            return "—"
        for floor, name in sorted(self.grades, reverse=True):
            if score >= floor:
                return name
        return self.grades[-1][1]

    # --- persistence (the store keeps the dict as JSON) --------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "verify_limit_hours": self.verify_limit_hours,
                "grades": [list(g) for g in self.grades],
                "levels": {lv.value: {"weights": ls.weights, "deductions": ls.deductions,
                                      "max_deduction": ls.max_deduction, "basis": ls.basis,
                                      "min_basis": ls.min_basis}
                           for lv, ls in self.levels.items()}}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scheme:
        """A scheme from its JSON form, each mistake named (level, key) before any is used."""
        problems: list[str] = []
        levels: dict[Level, LevelScheme] = {}
        for name, raw in (data.get("levels") or {}).items():
            try:
                level = Level(name)
            except ValueError:
                problems.append(f"unknown level {name!r} (one of {', '.join(Level)})")
                continue
            weights = {k: float(v) for k, v in (raw.get("weights") or {}).items()}
            for k, v in weights.items():
                if k not in RATES_BY_LEVEL[level]:
                    problems.append(f"{name}: {k!r} is not a rate kept for this level "
                                    f"({', '.join(RATES_BY_LEVEL[level])})")
                elif v < 0:
                    problems.append(f"{name}: weight of {k} is negative")
            if not any(v > 0 for v in weights.values()):
                problems.append(f"{name}: needs at least one positive weight")
            deductions = {k: float(v) for k, v in (raw.get("deductions") or {}).items()}
            for k in deductions:
                if k not in COUNT_BY_KEY:
                    problems.append(f"{name}: deduction on unknown count {k!r}")
            basis = raw.get("basis", "due")
            if basis not in COUNT_BY_KEY:
                problems.append(f"{name}: unknown basis count {basis!r}")
            levels[level] = LevelScheme(weights, deductions, float(raw.get("max_deduction", 20)),
                                        basis, int(raw.get("min_basis", 5)))
        grades = tuple((float(f), str(n)) for f, n in data.get("grades", Scheme.grades_default()))
        if not grades:
            problems.append("grades: at least one grade is needed")
        limit = float(data.get("verify_limit_hours", 4.0))
        if limit <= 0:
            problems.append("verify_limit_hours must be positive")
        if problems:
            raise InvalidInput("assessment scheme: " + "; ".join(problems))
        return cls(str(data.get("name", "考核方案")), levels, grades, limit)

    @staticmethod
    def grades_default() -> list[list[int | str]]:
        return [[90, "优秀"], [80, "良好"], [60, "合格"], [0, "不合格"]]


def default_scheme() -> Scheme:
    """The shipped scheme, after the published city schemes: on-time closing first."""
    area = LevelScheme({"close_on_time_rate": 40, "close_rate": 20, "handle_on_time_rate": 20,
                        "rework_rate": 10, "satisfaction_rate": 10},
                       {"overdue": 0.2}, 20)
    return Scheme("城市管理月度考核方案", {
        Level.STREET: area,
        Level.COMMUNITY: area,
        Level.CELL: LevelScheme(area.weights, {"overdue": 0.5}, 20, min_basis=3),
        Level.DEPARTMENT: LevelScheme(
            {"sign_rate": 15, "handle_on_time_rate": 40, "handle_rate": 20, "rework_rate": 15,
             "satisfaction_rate": 10}, {"returns": 0.5, "overdue": 0.2}, 30),
        Level.ROAD_CHIEF: LevelScheme(
            {"handle_on_time_rate": 40, "handle_rate": 30, "rework_rate": 10,
             "valid_report_rate": 20}, {"overdue": 0.5}, 20, min_basis=3),
        Level.GRID_WORKER: LevelScheme({"valid_report_rate": 50, "verify_on_time_rate": 50},
                                       basis="reports", min_basis=5),
        Level.DISPATCHER: LevelScheme({"dispatch_accuracy": 100}, basis="dispatches",
                                      min_basis=10),
    })


def competition_ranks(scores: list[float | None]) -> list[int | None]:
    """1, 2, 2, 4 ranking, best score first; None scores are not ranked."""
    order = sorted((s for s in scores if s is not None), reverse=True)
    first: dict[float, int] = {}
    for i, s in enumerate(order):
        first.setdefault(round(s, 6), i + 1)
    return [None if s is None else first[round(s, 6)] for s in scores]
