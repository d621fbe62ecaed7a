"""The compiled screener: built once per process, rebuilt when another process edits the bank."""

from __future__ import annotations

import copy
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from django.db.models import F

from assessments import rules
from assessments.models import BankVersion
from assessments.services import load_bank

THREADS = 8


@pytest.fixture
def version(transactional_db, default_bank_data) -> BankVersion:
    rules.clear_cache()
    return load_bank(copy.deepcopy(default_bank_data)).version


def test_it_compiles_once_however_many_threads_ask_at_once(version):
    barrier = threading.Barrier(THREADS)

    def ask(_: int) -> rules.Compiled:
        barrier.wait()
        try:
            return rules.compiled_for(BankVersion.objects.get(pk=version.pk))
        finally:
            connection.close()

    with ThreadPoolExecutor(THREADS) as pool:
        compiled = list(pool.map(ask, range(THREADS)))
    assert len({id(c) for c in compiled}) == 1


def test_it_notices_a_revision_bumped_by_another_process(version):
    before = rules.compiled_for(version)
    # Another process edits the draft: only the database knows.
    BankVersion.objects.filter(pk=version.pk).update(revision=F("revision") + 1)
    fresh = BankVersion.objects.get(pk=version.pk)
    assert rules.compiled_for(fresh) is not before
    assert rules.compiled_for(fresh) is rules.compiled_for(BankVersion.objects.get(pk=version.pk))


def test_it_warms_every_published_version(version):
    rules.clear_cache()
    rules.warm()
    assert rules.compiled_for(version) is rules.compiled_for(version)
    assert list(rules._cache) == [version.pk]
