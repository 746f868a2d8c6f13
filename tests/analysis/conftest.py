"""The hand-computed October as a fixture, on SpatiaLite and on PostGIS."""

import pytest
from october import build_october


@pytest.fixture
def october(store):
    return build_october(store)
