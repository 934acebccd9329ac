"""The documentation site builds strictly and its gallery is what the script writes."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_gallery_is_current_and_covers_every_artefact_family():
    spec = importlib.util.spec_from_file_location("make_gallery", ROOT / "docs" / "make_gallery.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    page = mod.page()
    assert (ROOT / "docs" / "gallery.md").read_text(encoding="utf-8") == page, "run python docs/make_gallery.py"
    steps = {step for _, _, step, _ in mod.FAMILIES}
    assert {"spacing", "undo_fake_bold", "reflow", "fix_ellipsis", "cjk_punctuation", "quotes",
            "drop_running_heads", "drop_stranded_chars"} <= steps


def test_mkdocs_build_strict(tmp_path):
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    p = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site")],
                       cwd=ROOT, capture_output=True, text=True, env=env)
    assert p.returncode == 0, p.stderr[-3000:]
    assert (tmp_path / "site" / "gallery" / "index.html").exists()
    assert "fix_ellipsis" in (tmp_path / "site" / "reference" / "index.html").read_text(encoding="utf-8")
