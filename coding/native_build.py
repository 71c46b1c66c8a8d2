"""Compile the coder's busiest modules with mypyc into coding/_native (`make setup` runs this).

    python -m coding.native_build

mypyc (part of mypy, a dev dependency) turns the annotated modules into C, and setuptools (which
spaCy requires) compiles it. A machine without a C compiler or Python's headers keeps the plain
modules: the build says why and exits 0, since the coder works the same, only slower.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from coding.native import (
    BUILT_FROM,
    NATIVE_DIR,
    NATIVE_MODULES,
    PACKAGE_DIR,
    source_digest,
)

# One shared library for all the modules, so that their calls to each other are C calls. Its
# dotted name puts it in coding/_native with them, not at the top of sys.path.
GROUP = "coding._native.coder"


def compile_into(work: Path) -> list[Path]:
    """Compile NATIVE_MODULES under `work`; the extension files it made."""
    from mypyc.build import mypycify
    from setuptools import setup

    sources = [str(PACKAGE_DIR / f"{name}.py") for name in NATIVE_MODULES]
    # mypy names each module from the package folders above its file.
    with contextlib.chdir(PACKAGE_DIR.parent):
        extensions = mypycify(sources, group_name=GROUP, opt_level="3",
                              target_dir=str(work / "c"))
        setup(
            name="cameoflow-native",
            ext_modules=extensions,
            packages=[], py_modules=[],  # the extensions only: no package discovery here
            script_args=["--quiet", "build_ext", "--build-lib", str(work / "lib"),
                         "--build-temp", str(work / "temp")],
        )
    return sorted(p for p in (work / "lib").rglob("*") if p.name.endswith(EXTENSION_SUFFIXES[0]))


def build() -> str:
    """Replace coding/_native with a fresh build; says what happened."""
    digest = source_digest()  # of the sources about to be compiled, even if edited meanwhile
    shutil.rmtree(NATIVE_DIR, ignore_errors=True)  # a running process keeps its loaded copy
    with tempfile.TemporaryDirectory() as tmp:
        chatter = io.StringIO()  # mypyc's notes on each module; shown only when it fails
        try:
            with contextlib.redirect_stdout(chatter):
                built = compile_into(Path(tmp))
        except (Exception, SystemExit) as exc:  # setuptools ends a failed compile with SystemExit
            return (f"{chatter.getvalue()[-2000:]}\ncould not compile the coder ({exc}); it runs "
                    "as plain Python, with the same results at about two thirds of the speed")
        NATIVE_DIR.mkdir()
        for extension in built:
            shutil.copy2(extension, NATIVE_DIR / extension.name)
    BUILT_FROM.write_text(digest + "\n", encoding="utf-8")  # last: the build is whole
    return f"compiled {len(NATIVE_MODULES)} coder modules into {NATIVE_DIR}"


if __name__ == "__main__":
    print(build(), file=sys.stderr)
