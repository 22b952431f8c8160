"""Helpers for the batch tests: running the command, reading its outputs, and
finding worker processes a batch left behind."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from auditlint.batch.forked import WORKER_NAME
from auditlint.batch.local import PARENT_ENV
from auditlint.cli import main

# outputs that must be the same bytes from two runs over the same files
EXACT_OUTPUTS = ("findings.parquet", "findings.csv", "summary.json", "index.html")

TROUBLE_CHECK = '''
import os, signal, time
from auditlint.engine.registry import check

@check("ZZ901", "trouble-maker", severity="info", zh="测试用的检查", en="A check for tests")
def trouble(facts):
    """
    zh:
    测试用：报告正文含某个词时睡眠、退出、崩溃或耗尽内存。错误示例：HANG。正确示例：OK。

    en:
    For tests: sleeps, exits, crashes or exhausts memory when the text has a word. Bad: HANG. Good: OK.
    """
    text = "\\n".join(p.text for p in facts.document.paragraphs)
    if "HANG" in text:
        time.sleep(600)
    if "EXIT" in text:
        os._exit(3)
    if "SEGV" in text:
        os.kill(os.getpid(), signal.SIGSEGV)
    if "HOG" in text:
        bytearray(8 * 1024 ** 3)
    if "BOOM" in text:
        raise ValueError("check exploded")
    return []
'''


def batch(*args: str):
    return CliRunner().invoke(main, ["batch", *args], catch_exceptions=False)


@pytest.fixture
def isolated_registry():
    """Checks loaded from a --checks folder in this process are forgotten after the test."""
    from auditlint.engine import registry

    registry.load_builtin()
    saved, loaded = dict(registry._REGISTRY), set(registry._loaded)
    yield
    registry._REGISTRY.clear()
    registry._REGISTRY.update(saved)
    registry._loaded.clear()
    registry._loaded.update(loaded)


def trouble_checks(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "trouble.py").write_text(TROUBLE_CHECK, encoding="utf-8")
    return folder


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def reports_without_seconds(path: Path) -> list[dict[str, str]]:
    rows = read_csv(path)
    for r in rows:
        del r["seconds"]
    return rows


def workers_of(pid: int, forked_only: bool = False) -> set[int]:
    """Live processes started by the batch process ``pid``: started afresh (marked in
    their environment) or forked from it (marked in their name)."""
    mark = f"{PARENT_ENV}={pid}".encode()
    name = WORKER_NAME.format(parent=pid)
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes()
            comm = (entry / "comm").read_text().strip()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        started = comm == name or (not forked_only and mark in env.split(b"\0"))
        if started and state != "Z":
            found.add(int(entry.name))
    return found


def own_workers() -> set[int]:
    return workers_of(os.getpid())
