"""The check registry: built-in pack, entry-point packs, --checks folders, and the
pack loading the same from a built wheel as from the editable install."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from auditlint.engine import registry
from auditlint.engine.run import RunOptions, lint_document
from auditlint.readers.text import read_bytes

REPO = Path(__file__).resolve().parents[1]

PLUGIN = '''
from auditlint.engine.registry import check
from auditlint.findings import Finding


@check("AL901", "always-one", severity="info", zh="测试", en="test")
def always_one(facts):
    """
    zh:
    测试用检查。错误示例：无。正确示例：无。

    en:
    A test check. Bad: none. Good: none.
    """
    yield Finding(location=facts.document.blocks[0].location, message_zh="测", message_en="t", key=("x",))
'''


def test_builtin_pack_has_the_foundation_checks():
    ids = {s.id: s for s in registry.all_checks()}
    for check_id, name in [("AL101", "table-total-mismatch"), ("AL103", "row-identity-mismatch"),
                           ("AL301", "negative-amount"), ("AL302", "undefined-rate")]:
        assert ids[check_id].name == name
        expl = ids[check_id].explanation
        assert expl["zh"] and expl["en"]


def test_registry_rejects_bad_ids_and_missing_explanations():
    with pytest.raises(registry.RegistryError):
        registry.check("X1", "bad", zh="", en="")
    with pytest.raises(registry.RegistryError):
        registry.check("AL999", "Not_Kebab", zh="", en="")

    def undocumented(facts):
        return []

    with pytest.raises(registry.RegistryError):
        registry.check("AL998", "undocumented", zh="z", en="e")(undocumented)


def run_py(code: str, env_extra: dict[str, str], cwd: Path) -> str:
    env = {**os.environ, **env_extra}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_checks_folder_option(tmp_path):
    (tmp_path / "mine.py").write_text(PLUGIN, encoding="utf-8")
    code = (
        "from auditlint.engine.run import RunOptions\n"
        f"print(sorted(s.id for s in RunOptions(checks_dirs=({str(tmp_path)!r},)).enabled()))"
    )
    assert "AL901" in run_py(code, {}, tmp_path)


def test_entry_point_pack(tmp_path):
    site = tmp_path / "site"
    (site / "mypack").mkdir(parents=True)
    (site / "mypack" / "__init__.py").write_text(PLUGIN, encoding="utf-8")
    dist = site / "mypack-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: mypack\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[auditlint.checks]\nmypack = mypack\n", encoding="utf-8")
    code = (
        "from auditlint.engine.run import RunOptions\n"
        "print(sorted(s.id for s in RunOptions().enabled()))\n"
        "print(sorted(s.id for s in RunOptions(plugins=False).enabled()))"
    )
    with_plugins, _ = run_py(code, {"PYTHONPATH": str(site)}, tmp_path).splitlines()[:2]
    assert "AL901" in with_plugins


def test_select_and_ignore_by_prefix():
    doc = read_bytes("\t项目\n\t预算数\n\t实际数\n\n\t甲\n\t-1\n\t1\n\n\t合计\n\t5\n\t1\n".encode(), "t.txt")
    all_ids = {f.check_id for f in lint_document(doc, RunOptions(plugins=False))}
    assert {"AL101", "AL301"} <= all_ids
    only3 = {f.check_id for f in lint_document(doc, RunOptions(select=frozenset({"AL3"}), plugins=False))}
    assert only3 == {"AL301"}
    no3 = {f.check_id for f in lint_document(doc, RunOptions(ignore=frozenset({"AL3"}), plugins=False))}
    assert "AL301" not in no3 and "AL101" in no3


def test_wheel_ships_the_same_check_pack(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, src / name)
    shutil.copytree(REPO / "src", src / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copytree(REPO / "checks", src / "checks", ignore=shutil.ignore_patterns("__pycache__"))
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "dist"), str(src)],
        capture_output=True, text=True, timeout=300,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp_path / "dist").glob("auditlint-*.whl")
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(wheel).extractall(unpacked)
    assert (unpacked / "auditlint" / "vocab" / "headers.yaml").is_file()
    code = (
        "import json, auditlint\n"
        "from auditlint.engine import registry\n"
        "print(json.dumps([auditlint.__file__, sorted(s.id for s in registry.all_checks())]))"
    )
    where, from_wheel = json.loads(run_py(code, {"PYTHONPATH": str(unpacked)}, tmp_path))
    assert where.startswith(str(unpacked))
    assert from_wheel == sorted(s.id for s in registry.all_checks())


def test_every_subpackage_is_packaged():
    """pyproject lists packages explicitly (the check pack is mapped from checks/);
    a new subpackage missing from that list would vanish from the wheel."""
    import tomllib

    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    src = REPO / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    found |= {"auditlint.checks." + ".".join(p.parent.relative_to(REPO / "checks").parts)
              for p in (REPO / "checks").rglob("__init__.py") if p.parent != REPO / "checks"}
    found.add("auditlint.checks")
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_a_check_that_defers_to_another_is_dropped_where_both_report(tmp_path, monkeypatch):
    from auditlint.engine.run import RunOptions, lint_file
    from auditlint.findings import Finding, Message
    from auditlint.model import Location

    registry.load_builtin()
    monkeypatch.setattr(registry, "_REGISTRY", dict(registry._REGISTRY))
    said = Message("{what}：{n} 处", "{what}: {n} places")

    def at(line: int) -> Finding:
        return Finding(Location(str(tmp_path / "r.txt"), line=line), **said.format(what="x", n=line), key=(str(line),))

    @registry.check("AL981", "broad-check", zh="宽", en="broad")
    def broad(facts):
        """
        zh:
        宽。错误示例：甲。正确示例：乙。

        en:
        Broad. Bad: a. Good: b.
        """
        yield from (at(1), at(2))

    @registry.check("AL982", "narrow-check", zh="窄", en="narrow", defer_to=("AL981",), messages=(said,))
    def narrow(facts):
        """
        zh:
        窄。错误示例：甲。正确示例：乙。

        en:
        Narrow. Bad: a. Good: b.
        """
        yield from (at(2), at(3))

    (tmp_path / "r.txt").write_text("一、概况\n本单位。\n", encoding="utf-8")
    both = lint_file(tmp_path / "r.txt", RunOptions(select=frozenset({"AL981", "AL982"}), plugins=False))
    assert sorted((f.check_id, f.location.line) for f in both.findings) == [("AL981", 1), ("AL981", 2), ("AL982", 3)]
    assert both.findings[0].message("en").startswith("x: ")
    alone = lint_file(tmp_path / "r.txt", RunOptions(select=frozenset({"AL982"}), plugins=False))
    assert sorted(f.location.line for f in alone.findings) == [2, 3]  # nothing to defer to


def test_entry_points_are_cached_until_a_package_is_installed(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def install(name: str, check_id: str) -> None:
        (site / name).mkdir()
        (site / name / "__init__.py").write_text(PLUGIN.replace("AL901", check_id), encoding="utf-8")
        dist = site / f"{name}-1.0.dist-info"
        dist.mkdir()
        (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n", encoding="utf-8")
        (dist / "entry_points.txt").write_text(f"[auditlint.checks]\n{name} = {name}\n", encoding="utf-8")

    code = "from auditlint.engine.run import RunOptions\nprint(sorted(s.id for s in RunOptions().enabled()))"
    env = {"PYTHONPATH": str(site), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    install("packone", "AL901")
    assert "AL901" in run_py(code, env, tmp_path)
    assert list((tmp_path / "cache" / "auditlint").glob("entry-points-*.json"))
    install("packtwo", "AL902")  # the site folder changes: the cached list no longer applies
    out = run_py(code, env, tmp_path)
    assert "AL901" in out and "AL902" in out
