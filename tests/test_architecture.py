"""The architecture, enforced (docs/architecture.md): an AST walk of the installed
package (src/auditlint) and the check pack (checks/, installed as auditlint.checks).

- a check reads ``Facts`` only: no module under checks/ imports another check module
  (anything under ``auditlint.checks`` but ``auditlint.checks.helpers``), a reader
  (``auditlint.readers``), or reads the raw document (``facts.document``…);
- extraction does not depend on the check pack: nothing under ``auditlint.extract``
  imports ``auditlint.checks``;
- no module over 600 lines, no function with cyclomatic complexity over 25 (radon).

The walker is tested on small synthetic trees too, so a rule that stops seeing its
offence fails here rather than passing silently.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

MAX_LINES = 600
MAX_COMPLEXITY = 25
CHECKS = "auditlint.checks"
HELPERS = "auditlint.checks.helpers"
READERS = "auditlint.readers"
EXTRACT = "auditlint.extract"


@dataclass(frozen=True)
class Module:
    name: str  # dotted: auditlint.checks.values.AL301_negative_amount
    path: Path
    source: str
    is_package: bool

    @property
    def tree(self) -> ast.Module:
        return ast.parse(self.source, filename=str(self.path))

    def where(self, line: int | None = None) -> str:
        return f"{self.path}:{line}" if line else str(self.path)


def modules(root: Path, package: str) -> list[Module]:
    """Every ``*.py`` under ``root``, the folder of the package named ``package``."""
    out = []
    for path in sorted(root.rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        out.append(Module(".".join([package, *parts]), path, path.read_text(encoding="utf-8"), is_package))
    return out


def imports(module: Module) -> Iterator[tuple[int, str]]:
    """(line, absolute dotted name) of every import; ``from a import b`` gives ``a.b``
    (b may be a module), relative imports resolved against the module's package."""
    package = module.name if module.is_package else module.name.rpartition(".")[0]
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}" if alias.name != "*" else base


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def check_imports(mods: list[Module]) -> list[str]:
    """Check modules that import another check module or a reader."""
    out = []
    for m in mods:
        for line, name in imports(m):
            if _under(name, CHECKS) and not _under(name, HELPERS) and not _under(name, m.name):
                out.append(f"{m.where(line)}: imports {name}")
            elif _under(name, READERS):
                out.append(f"{m.where(line)}: imports {name} (a reader)")
    return out


def raw_document_reads(mods: list[Module]) -> list[str]:
    """Check modules that read the raw document (``facts.document``, ``x.document.blocks``…)."""
    return [f"{m.where(line)}: reads .document" for m in mods
            for line in sorted({node.lineno for node in ast.walk(m.tree) if isinstance(node, ast.Attribute) and node.attr == "document"})]


def extract_imports_checks(mods: list[Module]) -> list[str]:
    return [f"{m.where(line)}: imports {name}" for m in mods if _under(m.name, EXTRACT)
            for line, name in imports(m) if _under(name, CHECKS)]


def long_modules(mods: list[Module], limit: int = MAX_LINES) -> list[str]:
    return [f"{m.where()}: {n} lines" for m in mods if (n := len(m.source.splitlines())) > limit]


def complex_functions(mods: list[Module], limit: int = MAX_COMPLEXITY) -> list[str]:
    from radon.complexity import cc_visit

    def flat(blocks):  # radon lists methods beside their class, but closures only inside their function
        for b in blocks:
            if not hasattr(b, "methods"):  # a class's own number is its methods' sum
                yield b
            yield from flat(getattr(b, "closures", ()))

    return [f"{m.where(b.lineno)}: {b.fullname} has complexity {b.complexity}"
            for m in mods for b in flat(cc_visit(m.source)) if b.complexity > limit]


def _installed() -> tuple[list[Module], list[Module]]:
    import auditlint

    spec = importlib.util.find_spec(CHECKS)
    assert spec is not None and spec.origin, "auditlint.checks is not installed"
    return modules(Path(auditlint.__file__).parent, "auditlint"), modules(Path(spec.origin).parent, CHECKS)


SRC, PACK = _installed()


# ---------------------------------------------------------------------------
# the package as installed


def test_checks_import_no_other_check_and_no_reader():
    assert check_imports(PACK) == []


def test_checks_do_not_read_the_raw_document():
    assert raw_document_reads(PACK) == []


def test_extraction_does_not_import_the_check_pack():
    assert extract_imports_checks(SRC) == []


def test_no_module_over_600_lines():
    assert long_modules(SRC + PACK) == []


def test_no_function_over_complexity_25():
    assert complex_functions(SRC + PACK) == []


def test_the_walk_sees_the_whole_package():
    names = {m.name for m in SRC + PACK}
    assert {"auditlint.extract.facts", "auditlint.engine.registry", CHECKS, HELPERS} <= names


# ---------------------------------------------------------------------------
# the walker itself, on synthetic trees


def _tree(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


CLEAN_CHECK = (
    "from auditlint.checks.helpers import cell_text\n"
    "from ..helpers import row_snippet\n"
    "from auditlint.extract.facts import Facts\n"
    "def run(facts: Facts):\n"
    "    return [cell_text(r, 'x') for r in facts.indicator_rows]\n"
)


@pytest.fixture
def pack(tmp_path) -> Path:
    return _tree(tmp_path / "checks", {
        "__init__.py": "",
        "helpers.py": "from auditlint.extract import text\n",
        "values/__init__.py": "",
        "values/AL301_negative_amount.py": CLEAN_CHECK,
    })


def test_walker_passes_a_clean_pack(pack):
    mods = modules(pack, CHECKS)
    assert {m.name for m in mods} >= {"auditlint.checks.values.AL301_negative_amount", "auditlint.checks.values"}
    assert check_imports(mods) == [] and raw_document_reads(mods) == []
    assert long_modules(mods) == [] and complex_functions(mods) == []


@pytest.mark.parametrize(("source", "imported"), [
    ("from auditlint.checks.values.AL302_undefined_rate import rates\n", "auditlint.checks.values.AL302_undefined_rate.rates"),
    ("from .AL302_undefined_rate import rates\n", "auditlint.checks.values.AL302_undefined_rate.rates"),
    ("from .. import legacy_values\n", "auditlint.checks.legacy_values"),
    ("import auditlint.checks\n", "auditlint.checks"),
    ("from auditlint.readers.text import read_bytes\n", "auditlint.readers.text.read_bytes (a reader)"),
    ("from auditlint import readers\n", "auditlint.readers (a reader)"),
])
def test_walker_finds_a_check_importing_a_check_or_a_reader(pack, source, imported):
    bad = pack / "values" / "AL303_rate_out_of_range.py"
    bad.write_text("import re\n" + source, encoding="utf-8")
    assert check_imports(modules(pack, CHECKS)) == [f"{bad}:2: imports {imported}"]


@pytest.mark.parametrize("expr", ["facts.document.paragraphs", "facts.document", "f.document.blocks[0]"])
def test_walker_finds_a_raw_document_read(pack, expr):
    bad = pack / "values" / "AL303_rate_out_of_range.py"
    bad.write_text(f"def run(facts):\n    return {expr}\n", encoding="utf-8")
    assert raw_document_reads(modules(pack, CHECKS)) == [f"{bad}:2: reads .document"]


def test_walker_finds_extraction_importing_checks(tmp_path):
    root = _tree(tmp_path / "auditlint", {
        "__init__.py": "",
        "extract/__init__.py": "",
        "extract/tables.py": "from auditlint.checks import vocabulary\n",
        "report/html.py": "import auditlint.checks\n",  # outside extract/: not this rule's business
    })
    assert extract_imports_checks(modules(root, "auditlint")) == [
        f"{root / 'extract' / 'tables.py'}:1: imports auditlint.checks.vocabulary"]


def test_walker_finds_a_long_module_and_a_complex_function(tmp_path):
    # a method and a closure with 25 ifs each: complexity 26; 24 ifs is 25, the limit
    def ifs(n: int, indent: str) -> str:
        return "".join(f"{indent}if x == {i}:\n{indent}    return {i}\n" for i in range(n))

    root = _tree(tmp_path / "auditlint", {
        "long.py": "x = 1\n" * (MAX_LINES + 1),
        "fine.py": "x = 1\n" * MAX_LINES + "def at_limit(x):\n" + ifs(MAX_COMPLEXITY - 1, "    "),
        "branchy.py": "class C:\n    def pick(self, x):\n" + ifs(MAX_COMPLEXITY, "        ")
                      + "def outer():\n    def inner(x):\n" + ifs(MAX_COMPLEXITY, "        ") + "    return inner\n",
    })
    mods = modules(root, "auditlint")
    assert long_modules(mods) == [f"{root / 'fine.py'}: {MAX_LINES + MAX_COMPLEXITY * 2 - 1} lines",
                                  f"{root / 'long.py'}: {MAX_LINES + 1} lines"]
    assert sorted(complex_functions(mods)) == [
        f"{root / 'branchy.py'}:2: C.pick has complexity {MAX_COMPLEXITY + 1}",
        f"{root / 'branchy.py'}:54: inner has complexity {MAX_COMPLEXITY + 1}",
    ]
