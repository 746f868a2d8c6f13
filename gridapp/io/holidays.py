"""China's official holidays and make-up workdays (调休), from the chinese-calendar package."""

from __future__ import annotations

from datetime import date

import chinese_calendar

ZH = {"new_years_day": "元旦", "spring_festival": "春节", "tomb_sweeping_day": "清明节",
      "labour_day": "劳动节", "dragon_boat_festival": "端午节", "national_day": "国庆节",
      "mid_autumn_festival": "中秋节", "anti_fascist_70th_day": "抗战胜利纪念日"}


def official_days(first_year: int = 2020) -> tuple[set[date], set[date], dict[date, str]]:
    """(holidays, make-up workdays, names) from `first_year` to the last year published."""
    zh = {h.value: ZH.get(h.name, h.value) for h in chinese_calendar.constants.Holiday}
    names: dict[date, str] = {}
    holidays = {d for d in chinese_calendar.constants.holidays if d.year >= first_year}
    workdays = {d for d in chinese_calendar.constants.workdays if d.year >= first_year}
    for d in holidays:
        names[d] = zh.get(chinese_calendar.constants.holidays[d], "节假日")
    for d in workdays:
        names[d] = zh.get(chinese_calendar.constants.workdays[d], "节假日") + "调休上班"
    # Holidays that fall on weekends are off anyway; keep only what breaks the weekly rule.
    holidays = {d for d in holidays if d.weekday() < 5}
    workdays = {d for d in workdays if d.weekday() >= 5}
    return holidays, workdays, names
