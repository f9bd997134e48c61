"""The domain package loads no table by itself; a table's module loads the modules of the
tables its foreign keys name, so a key finds its table whichever module comes first (the
window's start reads a third of the tables, issue 35)."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import riskdesk.domain
from riskdesk.domain.schema import TABLE_MODULES

DOMAIN = Path(riskdesk.domain.__file__).parent


def _facts(module: str) -> tuple[set[str], set[str], set[str]]:
    """The tables a module defines, the tables its foreign keys name, the domain modules it
    imports at its top."""
    tree = ast.parse((DOMAIN / f"{module}.py").read_text(encoding="utf-8"))
    tables: set[str] = set()
    targets: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and any(
                k.arg == "table" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in node.keywords):
            named = [s.value.value for s in node.body if isinstance(s, ast.Assign)
                     and any(isinstance(t, ast.Name) and t.id == "__tablename__"
                             for t in s.targets) and isinstance(s.value, ast.Constant)]
            tables.add(str(named[0]) if named else node.name.lower())  # SQLModel's default
        if isinstance(node, ast.keyword) and node.arg == "foreign_key":
            assert isinstance(node.value, ast.Constant)
            targets.add(str(node.value.value).split(".")[0])
    imported: set[str] = set()
    for node in tree.body:  # top-level only: what loads with the module
        names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                 else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
        imported |= {n.rsplit(".", 1)[1] for n in names if n.startswith("riskdesk.domain.")}
    return tables, targets, imported


def test_every_foreign_key_finds_its_table_whichever_module_loads_first() -> None:
    facts = {m: _facts(m) for m in TABLE_MODULES}
    where = {table: m for m, (tables, _, _) in facts.items() for table in tables}
    assert sorted(p.stem for p in DOMAIN.glob("*.py")
                  if _facts(p.stem)[0]) == sorted(TABLE_MODULES)  # schema.py names them all
    for module in TABLE_MODULES:
        loaded, todo = set(), [module]
        while todo:  # what importing the module loads, transitively
            m = todo.pop()
            if m not in loaded:
                loaded.add(m)
                todo.extend(facts[m][2] & set(facts) if m in facts else ())
        missing = {t for t in facts[module][1] if where[t] not in loaded}
        assert not missing, f"{module}.py: foreign keys to {missing}, whose modules it does not load"


def test_the_package_loads_no_table_and_one_module_resolves_its_keys() -> None:
    """In a fresh process: the enums load no table; the evidence tables (keys into cases,
    complaints and users, and through them further) alone resolve every key on the metadata."""
    code = (
        "import sys\n"
        "import riskdesk.domain.enums\n"
        "from sqlmodel import SQLModel\n"
        "assert not SQLModel.metadata.tables, sorted(SQLModel.metadata.tables)\n"
        "import riskdesk.domain.evidence\n"
        "keys = [fk for t in SQLModel.metadata.tables.values() for fk in t.foreign_keys]\n"
        "assert len(keys) > 20 and all(fk.column is not None for fk in keys)\n"
        "assert 'riskdesk.domain.loans' not in sys.modules\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
