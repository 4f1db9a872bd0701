from __future__ import annotations

import datetime

import pytest

import libyaie
from libyaie import _gazetteer

REF = datetime.date(2020, 12, 28)


@pytest.fixture(scope="session")
def gaz() -> _gazetteer.Gazetteer:
    return _gazetteer.get()


@pytest.fixture(scope="session")
def extractor() -> libyaie.Extractor:
    return libyaie.Extractor()
