"""A process that lives across runs codes with the dictionaries as they are on disk now."""

from __future__ import annotations

import os

import pytest

from flows.coder import cached_coder, cached_dictionaries

pytestmark = pytest.mark.slow


def test_the_coder_is_loaded_once_and_again_when_a_dictionary_file_changes(tmp_path):
    verbs = tmp_path / "verbs" / "19.txt"
    verbs.parent.mkdir()
    verbs.write_text("190  attack +\n", encoding="utf-8")
    (tmp_path / "agents.txt").write_text("MIL  troops\n", encoding="utf-8")
    paths = (str(tmp_path),)

    first = cached_coder(paths, None)
    assert cached_coder(paths, None) is first
    # A run reads the dictionaries to version itself: the coder compiled the same reading.
    assert cached_dictionaries(paths) is first.compiled.dictionaries

    verbs.write_text("190  attack +\n195  bomb +\n", encoding="utf-8")
    stat = verbs.stat()
    os.utime(verbs, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = cached_coder(paths, None)
    assert again is not first
    assert again.dictionary_version != first.dictionary_version
    assert cached_dictionaries(paths).version == again.dictionary_version
    assert "bomb" in again.compiled.verbs_by_lemma
