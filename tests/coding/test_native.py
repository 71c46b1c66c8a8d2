"""The compiled coder (coding/native.py): used only when built from the sources on disk, and
coding exactly as the plain Python modules do."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from coding import native
from coding.native import NativeState
from tests.coding.test_regression_set import CASES_FILE
from tests.conftest import REPO

SAMPLE_ARTICLES = REPO / "samples" / "articles.jsonl"


@pytest.fixture
def built_from(tmp_path, monkeypatch) -> Path:
    """Where native_state looks for the build's record, moved to a scratch folder."""
    path = tmp_path / "BUILT_FROM"
    monkeypatch.setattr(native, "BUILT_FROM", path)
    monkeypatch.delenv(native.PURE_SETTING, raising=False)
    return path


def test_a_build_from_the_current_sources_is_used(built_from):
    built_from.write_text(native.source_digest() + "\n")
    package_path = [str(native.PACKAGE_DIR)]
    assert native.use_native_build(package_path) is NativeState.ACTIVE
    assert package_path == [str(native.NATIVE_DIR), str(native.PACKAGE_DIR)]


def test_a_build_from_other_sources_is_left_alone_with_a_warning(built_from, caplog):
    built_from.write_text("0" * 64 + "\n")
    package_path = [str(native.PACKAGE_DIR)]
    with caplog.at_level(logging.WARNING, logger="coding.native"):
        assert native.use_native_build(package_path) is NativeState.STALE
    assert package_path == [str(native.PACKAGE_DIR)]
    assert "make setup" in caplog.text


def test_no_build_and_the_setting_each_keep_the_plain_modules(built_from, monkeypatch):
    package_path = [str(native.PACKAGE_DIR)]
    assert native.use_native_build(package_path) is NativeState.ABSENT
    built_from.write_text(native.source_digest() + "\n")
    monkeypatch.setenv(native.PURE_SETTING, "1")
    assert native.use_native_build(package_path) is NativeState.OFF
    assert package_path == [str(native.PACKAGE_DIR)]


def coded_jsonl(input_path: Path, pure: bool) -> list[dict]:
    """`cameoflow code --input` in a fresh process, compiled modules or plain ones."""
    env = {**os.environ, native.PURE_SETTING: "1" if pure else "0"}
    result = subprocess.run(
        [sys.executable, "-c", "from flows.cli.app import main; main()",
         "code", "--input", str(input_path)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=600, check=True,
    )
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.slow
def test_the_compiled_coder_codes_exactly_as_the_plain_one(tmp_path):
    if native.native_state() is not NativeState.ACTIVE:
        pytest.skip(f"the compiled coder is {native.native_state().value}: `make setup` builds it")
    cases = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
    lines = [
        json.dumps({"id": case["id"], "text": case["text"], "date": str(case["date"])})
        for case in cases
    ]
    # Whole articles too, for what carries over from one sentence to the next.
    lines += SAMPLE_ARTICLES.read_text(encoding="utf-8").splitlines()
    input_path = tmp_path / "texts.jsonl"
    input_path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    compiled, plain = coded_jsonl(input_path, pure=False), coded_jsonl(input_path, pure=True)

    assert len(plain) > 300  # the texts code plenty of events, of every kind the rules make
    assert compiled == plain
