"""Finding a class as a person types it: name, pinyin initials, full pinyin, code."""

import pytest

from gridapp.app import class_search
from gridapp.app.class_search import ClassMatcher, matcher_for
from gridapp.domain.catalog import CaseKind, Catalog, CatalogClass, TimeLimit, TimeUnit
from gridapp.io.catalog import read_catalog
from gridapp.paths import resource


@pytest.fixture(scope="module")
def catalog():
    return Catalog(1, read_catalog(resource("catalog", "default_catalog.csv")))


@pytest.fixture(scope="module")
def m(catalog):
    return matcher_for(catalog)


def codes(m, text, n=5):
    return [e.code for e in m.search(text)[:n]]


@pytest.mark.parametrize("typed", ["暴露垃圾", "暴露", "blj", "bllj", "baolulaji", "baolu",
                                   "E0102", "e0102", "ＢＬＬＪ", "bao lu"])
def test_every_way_of_typing_finds_the_class_first(m, typed):
    assert codes(m, typed)[0] == "E0102"


def test_ranked_exact_code_then_prefix_then_name_then_pinyin(m):
    assert codes(m, "E01", 3) == ["E0101", "E0102", "E0103"]   # code prefix, by code
    found = codes(m, "井盖", 10)
    assert {"C0101", "C0102", "C0103"} <= set(found)             # every 井盖, by name
    assert found[:1] == ["E0602"]                                # prefix before contains
    # a name match beats a pinyin one: "垃圾" finds the garbage classes only
    assert all("垃圾" in m.get(c).name for c in codes(m, "垃圾", 10))


def test_the_large_class_is_shown_and_searchable(m):
    e = m.get("E0102")
    assert e.display == "暴露垃圾  E0102 · 事件 · 市容环境"
    assert "E0102" in codes(m, "市容环境", 40)
    assert "E0102" in codes(m, "shirong", 40)


def test_resolve_takes_only_what_is_unambiguous(m):
    assert m.resolve("暴露垃圾  E0102 · 事件 · 市容环境").code == "E0102"
    assert m.resolve("E0506").code == "E0506"
    assert m.resolve("暴露垃圾").code == "E0102"
    assert m.resolve("垃圾") is None          # several classes: the user must choose
    assert m.resolve("不存在的类别") is None
    assert m.resolve("") is None


def test_inactive_classes_are_not_offered():
    limit = TimeLimit(4, TimeUnit.WORKING_HOURS)
    cls = [CatalogClass("E0102", "暴露垃圾", CaseKind.EVENT, "01", "市容环境", "x", limit),
           CatalogClass("E0103", "旧类别", CaseKind.EVENT, "01", "市容环境", "x", limit,
                        active=False)]
    m = ClassMatcher(cls)
    assert [e.code for e in m.search("")] == ["E0102"] and m.resolve("E0103") is None


def test_pinyin_is_computed_once_per_catalog_version(catalog, monkeypatch):
    class_search._cache.clear()
    calls = []
    real = class_search._pinyin
    monkeypatch.setattr(class_search, "_pinyin", lambda t: calls.append(t) or real(t))
    first = matcher_for(catalog)
    n = len(calls)
    assert n >= len(first)
    for typed in ("b", "bl", "blj", "暴", "暴露"):
        matcher_for(catalog).search(typed)
    assert matcher_for(catalog) is first and len(calls) == n
    newer = Catalog(2, list(catalog))
    assert matcher_for(newer) is not first
