"""Finding a catalog class as a person types it: by name, by pinyin (full or initials) or by
code, best first, with the kind and large class beside each.

The pinyin of every class is computed once per catalog version (`matcher_for`), never per
keystroke: a search is a scan of 60–200 short strings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from threading import Lock

from pypinyin import Style, lazy_pinyin

from ..domain.catalog import Catalog, CatalogClass

# ranks, best first: how the text matched (exact code, code prefix, name, pinyin)
EXACT_CODE, CODE_PREFIX, EXACT_NAME, NAME_PREFIX, NAME_PART, INITIALS, PINYIN, \
    LARGE_CLASS, PINYIN_PART, INITIALS_LOOSE = range(10)


@dataclass(frozen=True, slots=True)
class ClassEntry:
    """One small class as the search shows it."""

    code: str
    name: str
    kind_zh: str        # 部件 / 事件
    large_name: str     # 大类
    pinyin: str         # "baolulaji"
    initials: str       # "bllj"
    large_pinyin: str

    @property
    def display(self) -> str:
        """'暴露垃圾  E0102 · 事件 · 市容环境' (what the list shows and the box keeps)."""
        return f"{self.name}  {self.code} · {self.kind_zh} · {self.large_name}"


def _fold(text: str) -> str:
    """Full-width to half-width, lower case, no spaces or separators."""
    return re.sub(r"[\s·'’_\-]+", "", unicodedata.normalize("NFKC", text or "")).lower()


def _pinyin(text: str) -> tuple[str, str]:
    syllables = [s.lower() for s in lazy_pinyin(text, style=Style.NORMAL, errors="default")]
    parts = [p for s in syllables for p in re.split(r"\s+", s) if p]
    return "".join(parts), "".join(p[0] for p in parts)


def _is_subsequence(needle: str, hay: str) -> bool:
    it = iter(hay)
    return all(ch in it for ch in needle)


def entry(cls: CatalogClass) -> ClassEntry:
    full, initials = _pinyin(cls.name)
    return ClassEntry(cls.code, cls.name, cls.kind.label_zh, cls.large_name, full, initials,
                      _pinyin(cls.large_name)[0])


class ClassMatcher:
    """The active classes of one catalog version, searchable as typed."""

    def __init__(self, classes: Iterable[CatalogClass]) -> None:
        self.entries = [entry(c) for c in classes if c.active]
        self._by_code = {e.code: e for e in self.entries}
        self._by_display = {e.display: e for e in self.entries}

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, code: str) -> ClassEntry | None:
        return self._by_code.get(code)

    def rank(self, e: ClassEntry, query: str) -> int | None:
        """How well `e` matches the folded query (a rank above), or None."""
        code = e.code.lower()
        if query == code:
            return EXACT_CODE
        if code.startswith(query):
            return CODE_PREFIX
        name = _fold(e.name)
        if query == name:
            return EXACT_NAME
        if name.startswith(query):
            return NAME_PREFIX
        if query in name:
            return NAME_PART
        if not query.isascii():
            return LARGE_CLASS if query in _fold(e.large_name) else None
        if e.initials.startswith(query):
            return INITIALS
        if e.pinyin.startswith(query):
            return PINYIN
        if e.large_pinyin.startswith(query):
            return LARGE_CLASS
        if query in e.pinyin or query in e.initials:
            return PINYIN_PART
        if len(query) >= 2 and query[0] == e.initials[:1] and \
                _is_subsequence(query, e.initials):
            return INITIALS_LOOSE   # 暴露垃圾 is bllj; "blj" still finds it
        return None

    def search(self, text: str, limit: int = 30) -> list[ClassEntry]:
        """The classes `text` names, best first (rank; then by code for a code typed, the
        shorter name for a name)."""
        query = _fold(text)
        if not query:
            return list(self.entries[:limit])
        found = []
        for e in self.entries:
            r = self.rank(e, query)
            if r is not None:
                found.append((r, 0 if r <= CODE_PREFIX else len(e.name), e.code, e))
        found.sort(key=lambda t: t[:3])
        return [t[3] for t in found[:limit]]

    def resolve(self, text: str) -> ClassEntry | None:
        """The one class a finished text stands for: a display line, an exact code or name,
        or the single (or clearly best) match; None when the text is ambiguous or names
        nothing."""
        text = (text or "").strip()
        if text in self._by_display:
            return self._by_display[text]
        query = _fold(text)
        if not query:
            return None
        ranked = []
        for e in self.entries:
            r = self.rank(e, query)
            if r is not None:
                ranked.append((r, e))
        if not ranked:
            return None
        ranked.sort(key=lambda t: t[0])
        best = [e for r, e in ranked if r == ranked[0][0]]
        if ranked[0][0] in (EXACT_CODE, EXACT_NAME) or len(best) == 1 and len(ranked) == 1:
            return best[0]
        return None


_cache: dict[tuple, ClassMatcher] = {}
_lock = Lock()


def matcher_for(catalog: Catalog) -> ClassMatcher:
    """The matcher of this catalog version (pinyin computed once per version)."""
    key = (catalog.version, tuple((c.code, c.name, c.large_name, c.active) for c in catalog))
    with _lock:
        m = _cache.get(key)
        if m is None:
            if len(_cache) > 8:
                _cache.clear()
            m = _cache[key] = ClassMatcher(catalog)
    return m
