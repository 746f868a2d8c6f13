"""Fixtures for imports: an empty store (district only), and files made from the mini layers."""

import pytest
from factories import mini_layers

from gridapp.bootstrap import create_store
from gridapp.services.places import PlaceLayers, load_places


@pytest.fixture
def empty_store(tmp_path):
    """A new store that knows only its district boundary (imports fill the rest)."""
    store = create_store(str(tmp_path / "empty.sqlite"), admin_password="admin-pass")
    load_places(store.uow(), PlaceLayers(district=mini_layers().district))
    yield store
    store.close()
