"""The client's allocator settings (glibc): set without error, and a trim is harmless."""

import sys

import numpy as np
import pytest

from gridapp.ui.memory import tame_allocator, trim


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_the_allocator_is_tamed_and_trims():
    assert tame_allocator()
    arrays = [np.ones(100_000) for _ in range(50)]  # as a refresh makes them
    del arrays
    trim()
    assert np.ones(10).sum() == 10
