"""考核指标: the counts and rates the command room is judged by, and who they are kept for.

The cases that count in a period (see README, "Indicators"):
- the period's cases are those registered (立案) in it; each is judged as it stands at the
  cut-off (the period's end, or now while it runs): a stage reached later does not count;
- reports (上报) count by when they were made; dispatches (派遣), returns (退回) and
  verifications (核查) by when they happened, from the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """Who is assessed: area (street, community, cell), department, post (person)."""

    STREET = "street"
    COMMUNITY = "community"
    CELL = "cell"
    DEPARTMENT = "department"
    ROAD_CHIEF = "road_chief"
    GRID_WORKER = "grid_worker"
    DISPATCHER = "dispatcher"

    @property
    def label_zh(self) -> str:
        return LEVEL_ZH[self]

    @property
    def label_en(self) -> str:
        return LEVEL_EN[self]

    @property
    def group(self) -> str:
        """The three assessment levels (area, department, post)."""
        if self in (Level.STREET, Level.COMMUNITY, Level.CELL):
            return "area"
        return "department" if self is Level.DEPARTMENT else "post"


LEVEL_ZH = {Level.STREET: "街道", Level.COMMUNITY: "社区", Level.CELL: "单元网格",
            Level.DEPARTMENT: "责任单位", Level.ROAD_CHIEF: "路长", Level.GRID_WORKER: "网格员",
            Level.DISPATCHER: "派遣员"}
LEVEL_EN = {Level.STREET: "Street", Level.COMMUNITY: "Community", Level.CELL: "Grid cell",
            Level.DEPARTMENT: "Department", Level.ROAD_CHIEF: "Road chief",
            Level.GRID_WORKER: "Grid worker", Level.DISPATCHER: "Dispatcher"}


@dataclass(frozen=True)
class Count:
    key: str
    zh: str
    en: str
    rule: str  # what counts, in words (README and tooltips)


@dataclass(frozen=True)
class Rate:
    key: str
    zh: str
    en: str
    numerator: str
    denominator: str
    higher_is_better: bool = True

    def of(self, counts: dict[str, float]) -> float | None:
        """The rate from counts; None when nothing was due (not 0 %, not 100 %)."""
        den = counts.get(self.denominator, 0)
        return counts.get(self.numerator, 0) / den if den else None


COUNTS = (
    Count("reported", "上报数", "Reported", "cases reported in the period (any outcome)"),
    Count("registered", "立案数", "Registered", "cases registered in the period: the period's cases"),
    Count("dispatched", "派遣数", "Dispatched", "period's cases dispatched by the cut-off"),
    Count("signed", "签收数", "Signed", "period's cases signed for by the cut-off"),
    Count("handled", "处置数", "Handled", "period's cases reported fixed (or closed) by the cut-off"),
    Count("handled_on_time", "按期处置数", "Handled on time",
          "handled, and the fix reported no later than the deadline"),
    Count("due", "应结案数", "Due to close",
          "period's cases handled, or past their deadline and still open, at the cut-off "
          "(approved suspensions excluded)"),
    Count("closed", "结案数", "Closed", "period's cases closed by the cut-off"),
    Count("closed_on_time", "按期结案数", "Closed on time",
          "closed, and the fix that passed verification reported by the deadline"),
    Count("reworked", "返工数", "Reworked", "period's cases that failed verification at least once"),
    Count("returned", "退回数", "Returned", "period's cases returned by a receiver at least once"),
    Count("extended", "延期数", "Extended", "period's cases given an extension"),
    Count("suspended", "挂账数", "Suspended", "period's cases suspended (挂账) now"),
    Count("overdue", "超期数", "Overdue",
          "period's cases past their deadline and not handled at the cut-off"),
    Count("hotline", "热线案件数", "Hotline cases", "period's cases from 12345/12319"),
    Count("reply_due", "应回告数", "Replies due", "hotline cases closed or replied to"),
    Count("replied", "回告数", "Replied", "hotline cases replied to by the cut-off"),
    Count("visited", "回访数", "Visited", "hotline cases given a return visit by the cut-off"),
    Count("satisfied", "满意数", "Satisfied", "visits answered 满意 or 基本满意"),
    Count("reports", "巡查上报数", "Own reports", "reports made by the person in the period"),
    Count("judged_reports", "已受理上报数", "Reports judged",
          "own reports already registered or rejected"),
    Count("valid_reports", "有效上报数", "Valid reports", "own reports registered (立案)"),
    Count("verifications", "核查数", "Verifications", "verifications done in the period"),
    Count("verified_on_time", "按时核查数", "Verified on time",
          "verifications within the verification time limit of the fix report"),
    Count("dispatches", "派遣次数", "Dispatches made", "dispatches made in the period"),
    Count("accurate_dispatches", "准确派遣数", "Accurate dispatches",
          "dispatches not returned by the receiver"),
    Count("returns", "推诿次数", "Returns made", "returns (退回) made in the period"),
    Count("patrol_due", "应巡查路段次数", "Patrols due",
          "runs of each segment's patrol rhythm (main roads a day, secondary two days, branch "
          "roads a week) that ended in the period while the road chief was in charge"),
    Count("patrolled", "已巡查路段次数", "Patrols done",
          "those runs in which he covered the segment (patrol.share of its length within "
          "patrol.distance_m) or checked in on it"),
)
COUNT_BY_KEY = {c.key: c for c in COUNTS}

RATES = (
    Rate("sign_rate", "签收率", "Sign-for rate", "signed", "dispatched"),
    Rate("handle_rate", "处置率", "Handling rate", "handled", "due"),
    Rate("handle_on_time_rate", "按期处置率", "On-time handling rate", "handled_on_time", "due"),
    Rate("close_rate", "结案率", "Closing rate", "closed", "due"),
    Rate("close_on_time_rate", "按期结案率", "On-time closing rate", "closed_on_time", "due"),
    Rate("rework_rate", "返工率", "Rework rate", "reworked", "handled", higher_is_better=False),
    Rate("reply_rate", "回告率", "Reply rate", "replied", "reply_due"),
    Rate("visit_rate", "回访率", "Return-visit rate", "visited", "reply_due"),
    Rate("satisfaction_rate", "满意率", "Satisfaction rate", "satisfied", "visited"),
    Rate("valid_report_rate", "有效上报率", "Valid report rate", "valid_reports", "judged_reports"),
    Rate("verify_on_time_rate", "按时核查率", "On-time verification rate",
         "verified_on_time", "verifications"),
    Rate("dispatch_accuracy", "准确派遣率", "Dispatch accuracy", "accurate_dispatches",
         "dispatches"),
    Rate("patrol_rate", "巡查到位率", "Patrol compliance", "patrolled", "patrol_due"),
)
RATE_BY_KEY = {r.key: r for r in RATES}

# What is shown for whom: a street is not judged on its dispatch accuracy.
_CASE_RATES = ("sign_rate", "handle_rate", "handle_on_time_rate", "close_rate",
               "close_on_time_rate", "rework_rate", "reply_rate", "visit_rate",
               "satisfaction_rate")
RATES_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    Level.STREET: _CASE_RATES, Level.COMMUNITY: _CASE_RATES, Level.CELL: _CASE_RATES,
    Level.DEPARTMENT: ("sign_rate", "handle_rate", "handle_on_time_rate", "close_rate",
                       "close_on_time_rate", "rework_rate", "satisfaction_rate"),
    Level.ROAD_CHIEF: ("handle_rate", "handle_on_time_rate", "close_on_time_rate",
                       "rework_rate", "valid_report_rate", "patrol_rate"),
    Level.GRID_WORKER: ("valid_report_rate", "verify_on_time_rate"),
    Level.DISPATCHER: ("dispatch_accuracy",),
}
_CASE_COUNTS = ("reported", "registered", "dispatched", "signed", "handled", "handled_on_time",
                "due", "closed", "closed_on_time", "reworked", "returned", "extended",
                "suspended", "overdue", "hotline", "reply_due", "replied", "visited", "satisfied")
COUNTS_BY_LEVEL: dict[Level, tuple[str, ...]] = {
    Level.STREET: _CASE_COUNTS, Level.COMMUNITY: _CASE_COUNTS, Level.CELL: _CASE_COUNTS,
    Level.DEPARTMENT: _CASE_COUNTS[2:] + ("returns",),
    Level.ROAD_CHIEF: _CASE_COUNTS[1:14] + ("reports", "judged_reports", "valid_reports",
                                            "patrol_due", "patrolled"),
    Level.GRID_WORKER: ("reports", "judged_reports", "valid_reports", "verifications",
                        "verified_on_time"),
    Level.DISPATCHER: ("dispatches", "accurate_dispatches"),
}


def rates_of(counts: dict[str, float], level: Level) -> dict[str, float | None]:
    return {k: RATE_BY_KEY[k].of(counts) for k in RATES_BY_LEVEL[level]}


def percent(value: float | None, digits: int = 2) -> str:
    """75.82% style, as the bulletins print it; "—" when there was nothing to judge."""
    return "—" if value is None else f"{value * 100:.{digits}f}%"
