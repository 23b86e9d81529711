"""The layers and the imports each may make (docs/architecture.md draws them): a wrong import fails with the two
modules named. Only the interface (``botox_explorer/ui/``) and the entry points talk to Streamlit; the benchmarks
and the shared dev tools stand on their own, without the tests."""

import ast
import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "botox_explorer"

# Each layer, lowest first, by the modules it holds (fnmatch patterns of dotted names, first match wins).
LAYERS = (
    ("entry point", ("app", "pages.*", "botox_explorer.content.__main__", "botox_explorer.guide.__main__",
                     "botox_explorer.ui.launch")),
    ("schema", ("botox_explorer.models", "botox_explorer.i18n", "botox_explorer.routes",
                "botox_explorer.citations", "botox_explorer.illustrations")),
    ("content", ("botox_explorer.content", "botox_explorer.content.*")),
    ("domain", ("botox_explorer.filters", "botox_explorer.consultation", "botox_explorer.visit",
                "botox_explorer.glossary", "botox_explorer.presenting", "botox_explorer.phone_link",
                "botox_explorer.tables", "botox_explorer.export", "botox_explorer.decisions",
                "botox_explorer.search")),
    ("drawing", ("botox_explorer.svg", "botox_explorer.charts", "botox_explorer.icon_array",
                 "botox_explorer.summary_pdf")),
    ("guide", ("botox_explorer.guide", "botox_explorer.guide.*")),
    ("interface", ("botox_explorer.ui", "botox_explorer.ui.*")),
)
# What each layer may import besides itself: the schema knows nothing above it, loading knows no view.
ALLOWED = {
    "schema": set(),
    "content": {"schema"},
    "domain": {"schema"},
    "drawing": {"schema", "domain"},
    "guide": {"schema", "domain", "drawing"},
    "interface": {"schema", "content", "domain", "drawing", "guide"},
    "entry point": {"schema", "content", "domain", "drawing", "guide", "interface"},
}
# Third-party packages only some layers may use: Streamlit draws the interface; plotly only the map.
THIRD_PARTY = {"streamlit": {"interface", "entry point"}, "plotly": {"drawing"}}


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> str | None:
    return next((name for name, patterns in LAYERS if any(fnmatch.fnmatch(module, p) for p in patterns)), None)


def imports(path: Path, root: Path = ROOT) -> set[str]:
    """Every module ``path`` imports, anywhere in it, relative imports resolved (``from . import x`` gives
    ``package.x``)."""
    module = module_name(path, root)
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            anchor = package[: len(package) - node.level + 1] if node.level else []
            base = ".".join([*anchor, *([node.module] if node.module else [])])
            found.update([base] if node.module else (f"{base}.{alias.name}" for alias in node.names))
    return found


def first_party(imported: str) -> str | None:
    """The first-party module an import names (``botox_explorer.models.Use`` is ``botox_explorer.models``)."""
    parts = imported.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ROOT.joinpath(*parts[:end])
        if candidate.with_suffix(".py").is_file() or (candidate / "__init__.py").is_file():
            return ".".join(parts[:end])
    return None


SOURCES = sorted([*PACKAGE.rglob("*.py"), *(ROOT / "pages").rglob("*.py"), ROOT / "app.py"])


def test_every_module_has_a_layer():
    assert [module_name(p) for p in SOURCES if layer_of(module_name(p)) is None] == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_each_module_imports_only_what_its_layer_may(path):
    module = module_name(path)
    layer = layer_of(module)
    wrong = []
    for imported in sorted(imports(path)):
        top = imported.split(".")[0]
        if top in THIRD_PARTY and layer not in THIRD_PARTY[top]:
            wrong.append(f"{module} ({layer}) imports {top}, which only {sorted(THIRD_PARTY[top])} may")
        target = first_party(imported)
        target_layer = layer_of(target) if target else None
        if target_layer and target_layer != layer and target_layer not in ALLOWED[layer]:
            wrong.append(f"{module} ({layer}) imports {target} ({target_layer})")
    assert wrong == []


def test_the_rules_catch_a_wrong_import(tmp_path):
    fake = tmp_path / "botox_explorer" / "content"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("from ..charts import Chart\nfrom . import loader\nimport streamlit as st\n")
    assert module_name(fake / "bad.py", tmp_path) == "botox_explorer.content.bad"
    assert imports(fake / "bad.py", tmp_path) == {"botox_explorer.charts", "botox_explorer.content.loader",
                                                  "streamlit"}
    assert layer_of("botox_explorer.content.bad") == "content"
    assert layer_of("botox_explorer.charts") == "drawing"
    assert "drawing" not in ALLOWED["content"]
    assert "content" not in THIRD_PARTY["streamlit"]


def test_a_function_level_import_counts(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from streamlit.runtime import x\n    import plotly.io as pio\n")
    assert imports(module, tmp_path) == {"streamlit.runtime", "plotly.io"}


def uses_streamlit(path: Path) -> bool:
    return any(name.split(".")[0] == "streamlit" for name in imports(path))


def test_the_markdown_builders_are_plain_python():
    assert not uses_streamlit(PACKAGE / "ui" / "markdown.py")


def test_the_ui_modules_are_the_ones_that_do():
    talking = {p.stem for p in (PACKAGE / "ui").glob("*.py") if uses_streamlit(p)}
    assert talking == {"language", "content_cache", "glossary_words", "frame", "url_state", "sources_view",
                       "chart_view", "use_view", "safety_view", "location_view", "consultation_view", "explorer",
                       "decision_view", "focus", "paging", "print_view", "search_view",
                       "consult_state", "launch"}


@pytest.mark.parametrize("path", sorted([*(ROOT / "bench").rglob("*.py"), *(ROOT / "devtools").rglob("*.py")]),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_benchmarks_and_dev_tools_do_not_import_the_tests(path):
    assert not any(name.split(".")[0] == "tests" for name in imports(path))
