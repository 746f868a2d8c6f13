"""The address of a map point, for the report, place and register dialogs and the CLI."""

from __future__ import annotations

from threading import Lock
from weakref import WeakKeyDictionary

from ..analysis.addresses import Address, AddressFinder

_finders: WeakKeyDictionary = WeakKeyDictionary()
_lock = Lock()


def address_at(store, x: float, y: float) -> Address:
    """'江岸区 大智街 保成社区 解放大道与黄浦路交叉口附近' for (x, y) in the store's CRS; the
    index is built once per version of the store's places (the gazetteer's cache)."""
    with store.uow(write=False) as uow:
        gazetteer = uow.places.gazetteer()
        district = uow.config.meta("district_name") or ""
    with _lock:
        finder = _finders.get(gazetteer)
        if finder is None or finder.district != district:
            finder = _finders[gazetteer] = AddressFinder(gazetteer, district)
    return finder.describe(float(x), float(y))
