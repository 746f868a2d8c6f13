"""English plurals: "1 open case", "2 open cases", never "1 open cases"."""

from __future__ import annotations

import re

import pytest

from gridapp.ui import i18n


@pytest.fixture
def english():
    i18n.use_language("en")
    yield
    i18n.use_language("zh")


def test_counts_choose_singular_or_plural(english):
    assert i18n.tr("在办案件 {n} 件（超期 {o} 件）", n=1, o=0) == "1 open case (0 overdue)"
    assert i18n.tr("在办案件 {n} 件（超期 {o} 件）", n=2, o=1) == "2 open cases (1 overdue)"
    assert i18n.tr("{n} 人巡查，{k} 条轨迹，{km:.1f} 公里，{c} 次打卡", n=1, k=3, km=2.0, c=1) == \
        "1 person on patrol, 3 tracks, 2.0 km, 1 check-in"
    assert i18n.tr("上次巡查 {d}（{n} 天前）", d="11-02", n="1") == "Last patrolled 11-02 (1 day ago)"


def test_chinese_is_untouched():
    assert i18n.tr("在办案件 {n} 件（超期 {o} 件）", n=1, o=0) == "在办案件 1 件（超期 0 件）"


def test_every_plural_names_a_placeholder_of_its_text():
    plural = re.compile(r"\{(\w+)\|[^|{}]*\|[^|{}]*\}")
    for zh, en in i18n._catalog().items():
        for name in plural.findall(en):
            assert "{" + name + "}" in zh or "{" + name + ":" in zh, (zh, en)
        assert "(s)" not in en, en  # a count says its noun's number
