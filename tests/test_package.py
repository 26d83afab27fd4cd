"""The installed package: one import name, a public API, no import cycles."""

import ast
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import innotag

ROOT = Path(innotag.__file__).resolve().parent


def test_distribution_installs_only_the_innotag_name():
    top_level = metadata.distribution("innotag").read_text("top_level.txt")
    if top_level is None:  # some installers omit it; the RECORD lists every installed path
        files = metadata.distribution("innotag").files or []
        top_level = "\n".join(sorted({f.parts[0] for f in files if f.suffix == ".py"}))
    assert top_level.split() == ["innotag"]


def test_import_from_another_folder(tmp_path):
    """A user's own models.py or cli.py cannot shadow innotag, and innotag adds no such names."""
    (tmp_path / "models.py").write_text("SHADOW = True\n")
    ok = subprocess.run([sys.executable, "-c", "import innotag; print(innotag.Tagger.__module__)"],
                        cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.strip() == "innotag.models.tagging.tagger"
    (tmp_path / "models.py").unlink()
    for name in ("models", "nlp", "cli"):
        proc = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=tmp_path, capture_output=True, text=True)
        assert proc.returncode == 1 and "ModuleNotFoundError" in proc.stderr, name


def test_public_api_names_resolve():
    for name in innotag.__all__:
        assert getattr(innotag, name) is not None


def _module_name(path: Path) -> str:
    parts = ["innotag", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _package_modules() -> dict[str, Path]:
    paths = [ROOT / "__init__.py", ROOT / "cli.py", *ROOT.glob("nlp/**/*.py"), *ROOT.glob("models/**/*.py")]
    return {_module_name(p): p for p in paths}


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere in its body (lazy imports included)."""
    modules = _package_modules()
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names]
            else:
                continue
            edges |= {t for t in targets if t in modules and t != name}
        graph[name] = edges
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_cycles():
    graph = import_graph()
    assert len(graph) > 30 and "innotag.models.estimators.model" in graph
    assert find_cycle(graph) is None, " -> ".join(find_cycle(graph))


def test_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None
