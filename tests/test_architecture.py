"""The package's stages import only the stages below them (docs/architecture.md): the import-linter
contracts in pyproject.toml hold for the code as it is, and break when a forbidden import is added."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg

REPO = Path(__file__).resolve().parents[1]
PACKAGE = Path(kg.__file__).resolve().parent
CONTRACTS = {
    "stages": "Each stage imports only the stages below it",
    "analysis-beside-build": "Analysis and the network page work on the graph, not on building it",
    "synth-alone": "The synthetic generator imports only kg.core",
    "no-cycles": "No modules of a package import each other in a circle",
}


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess:
    """Run import-linter's ``lint-imports`` with the contracts of ``cwd/pyproject.toml``."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    script = Path(sys.executable).with_name("lint-imports")
    command = [str(script)] if script.exists() else [shutil.which("lint-imports") or "lint-imports"]
    return subprocess.run(
        [*command, "--no-cache", "pyproject.toml"], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


def test_every_contract_is_kept():
    run = lint_imports(REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    for name in CONTRACTS.values():
        assert f"{name} KEPT" in run.stdout
    assert f"Contracts: {len(CONTRACTS)} kept, 0 broken." in run.stdout


@pytest.fixture
def copy(tmp_path):
    """A copy of the package and its contracts in which a test may add an import."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("core/errors.py", "import kg.query.library", "stages"),  # core imports nothing of kg
        ("query/sparql.py", "from kg.build.pipeline import build", "stages"),  # query below build
        ("build/derive.py", "from kg.analysis import network", "stages"),  # build below analysis
        ("analysis/network.py", "import kg.viz", "stages"),  # analysis below the page
        ("server/oxigraph.py", "import kg.notebook", "stages"),  # nothing imports the notebook
        ("analysis/analyze.py", "from kg.build.result import GRAPH_FILE", "analysis-beside-build"),
        ("synth/world.py", "from kg.query.stores import as_store", "synth-alone"),
        ("build/result.py", "import kg.build.pipeline", "no-cycles"),  # pipeline imports result
    ],
)
def test_a_forbidden_import_breaks_its_contract(copy, module, line, broken):
    target = copy / "src" / "kg" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # added by the test\n", encoding="utf-8")
    run = lint_imports(copy, pythonpath=copy / "src")
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"{CONTRACTS[broken]} BROKEN" in run.stdout
    report = run.stdout.split("Broken contracts", 1)[1]
    importer = "kg." + module.removesuffix(".py").replace("/", ".")
    # the report names the import that breaks the contract (within a package by relative names)
    assert importer in report or f"- .{importer.rsplit('.', 1)[1]} -> " in report


def test_no_file_of_the_package_is_left_out_of_the_wheel():
    """hatchling leaves out what .gitignore matches (``build/`` once hid the ``kg.build`` stage)."""
    git = shutil.which("git")
    if git is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    files = [
        str(p.relative_to(REPO))
        for p in (REPO / "src" / "kg").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    run = subprocess.run(
        [git, "check-ignore", "--no-index", "--stdin"], cwd=REPO, input="\n".join(files), capture_output=True, text=True
    )
    assert run.stdout.split() == [], f"ignored, so missing from the wheel: {run.stdout}"
    assert any(f.endswith("synth/tables/vocabulary.toml") for f in files)


def test_the_doctests_of_every_stage_are_collected():
    """pytest skips folders named ``build`` by default; pyproject.toml's norecursedirs lets kg.build in."""
    if not (REPO / "src" / "kg").is_dir():
        pytest.skip("not a checkout")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "src/kg"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for stage in ("core", "query", "build", "analysis", "synth"):
        assert f"src/kg/{stage}/" in run.stdout, f"no doctest of kg.{stage} collected"
    assert "src/kg/build/pipeline.py::kg.build.pipeline.build" in run.stdout
