from __future__ import annotations

import pytest

from tests.warehouse import builders


@pytest.fixture
def codes():
    return builders.CODES
