"""The package's layout tells which modules talk to Streamlit: only those under ``botox_explorer/ui/`` (not its
markdown builders), and nothing outside ``ui/`` imports them. The benchmarks and the shared dev tools stand on their
own, without the tests."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "botox_explorer"


def imported_modules(path: Path) -> set[str]:
    """The top-level names of every module ``path`` imports (absolute imports only; relative ones stay inside)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def imported_names(path: Path) -> set[str]:
    """Every name ``path`` imports, in full, relative imports resolved: ``from ..ui import markdown`` in
    ``botox_explorer/guide/pages.py`` is ``botox_explorer.ui.markdown``."""
    package = path.relative_to(ROOT).with_suffix("").parts[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else ()
            module = ".".join([*base, *(node.module.split(".") if node.module else ())])
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def python_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def test_finds_an_import_anywhere_in_a_module(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from streamlit.runtime import x\n    import plotly.io as pio\n")
    assert imported_modules(module) == {"streamlit", "plotly"}


@pytest.mark.parametrize("path", [p for p in python_files(PACKAGE) if "ui" not in p.relative_to(PACKAGE).parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_only_the_ui_modules_import_streamlit(path):
    assert "streamlit" not in imported_modules(path), f"{path.relative_to(ROOT)} imports Streamlit: move it to ui/"


def test_finds_a_relative_import_in_full():
    assert imported_names(PACKAGE / "guide" / "pages.py") >= {"botox_explorer.presenting.myth_verdict",
                                                               "botox_explorer.guide.model.Table"}


@pytest.mark.parametrize("path", [p for p in python_files(PACKAGE) if "ui" not in p.relative_to(PACKAGE).parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_the_library_the_guide_and_the_pdf_import_nothing_from_the_ui(path):
    ui = [name for name in imported_names(path) if name.startswith("botox_explorer.ui.")]
    assert not ui, f"{path.relative_to(ROOT)} imports {ui}: the dashboard's markdown stays in ui/"


def test_the_markdown_builders_are_plain_python():
    assert "streamlit" not in imported_modules(PACKAGE / "ui" / "markdown.py")


def test_the_ui_modules_are_the_ones_that_do():
    talking = {p.stem for p in python_files(PACKAGE / "ui") if "streamlit" in imported_modules(p)}
    assert talking == {"language", "content_cache", "glossary_words", "frame", "url_state", "sources_view",
                       "chart_view", "use_view", "safety_view", "location_view", "consultation_view", "explorer",
                       "consult_state", "launch"}


@pytest.mark.parametrize("path", python_files(ROOT / "bench") + python_files(ROOT / "devtools"),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_benchmarks_and_dev_tools_do_not_import_the_tests(path):
    assert "tests" not in imported_modules(path)
