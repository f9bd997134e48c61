"""The layers hold (docs/architecture.md): the GUI reaches the database only through the
services (a backend from services.admin.backend), and the core never imports Qt at the top of
a module. Read from the source, nothing imported."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "riskdesk"
UI = ROOT / "ui"
BANNED_MODULES = ("sqlalchemy", "sqlmodel", "riskdesk.storage.session")
BANNED_NAMES = {"Engine", "Session", "unit_of_work", "make_engine"}


def _modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def _imports(tree: ast.AST) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import anywhere in the module (functions too)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module, [a.name for a in node.names]))
    return found


def test_the_gui_reaches_the_database_only_through_the_services() -> None:
    problems = []
    for path in _modules(UI):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT.parent)
        for line, module, names in _imports(tree):
            if module.split(".")[0] in BANNED_MODULES or module in BANNED_MODULES:
                problems.append(f"{where}:{line} imports {module}")
            for name in set(names) & BANNED_NAMES:
                problems.append(f"{where}:{line} imports {name} from {module}")
        for node in ast.walk(tree):
            name = node.id if isinstance(node, ast.Name) else \
                node.attr if isinstance(node, ast.Attribute) else None
            if name in BANNED_NAMES:
                problems.append(f"{where}:{node.lineno} names {name}")  # type: ignore[attr-defined]
    assert not problems, "\n".join(problems)


def test_no_core_module_imports_qt_at_its_top() -> None:
    problems = []
    for path in _modules(ROOT):
        if UI in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # the module's top level only: functions may reach the GUI
            if isinstance(node, ast.Import):
                modules = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                if module.split(".")[0] == "PySide6" or module.startswith("riskdesk.ui"):
                    problems.append(f"{path.relative_to(ROOT.parent)}:{node.lineno} {module}")
    assert not problems, "\n".join(problems)


def test_the_check_would_see_an_engine() -> None:
    """The checker itself: a module holding an engine is caught."""
    tree = ast.parse("from sqlalchemy import Engine\ndef f(e: Engine) -> None:\n"
                     "    with unit_of_work(e) as s: pass\n")
    assert any(m == "sqlalchemy" for _, m, _ in _imports(tree))
    assert {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} & BANNED_NAMES


def test_modules_stay_small_and_the_services_are_grouped_by_area() -> None:
    """Issue 23's limits: no hand-written module over 600 lines (migrations aside); the
    services in at least six business-area packages with at most four loose modules."""
    too_long = [f"{p.relative_to(ROOT.parent)}: {n} lines" for p in _modules(ROOT)
                if "migrations" not in p.parts
                and (n := len(p.read_text(encoding="utf-8").splitlines())) > 600]
    assert too_long == []
    services = ROOT / "services"
    areas = [d for d in services.iterdir() if (d / "__init__.py").exists()]
    loose = [p.name for p in services.glob("*.py") if p.name != "__init__.py"]
    assert len(areas) >= 6 and len(loose) <= 4, (sorted(d.name for d in areas), loose)


def test_the_architecture_map_names_every_package() -> None:
    """docs/architecture.md matches the tree: every package of riskdesk and every area of the
    services has its row on the map."""
    text = (ROOT.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    packages = [d for d in ROOT.iterdir() if (d / "__init__.py").exists()]
    missing = [f"riskdesk/{d.name}/" for d in packages if f"`riskdesk/{d.name}/`" not in text]
    missing += [f"services/{d.name}/" for d in (ROOT / "services").iterdir()
                if (d / "__init__.py").exists() and f"`services/{d.name}/`" not in text]
    assert missing == []
