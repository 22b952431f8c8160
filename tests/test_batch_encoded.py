"""The worker encodes each record (and, on this machine, writes its cache entry and
page); what the batch stores must be what it stored when the batch process did it."""

from __future__ import annotations

import json
from pathlib import Path

from auditlint.batch.outputs import ROW_TEXTS, row_texts
from auditlint.batch.worker import encoded

RECORD = {
    "sha256": "ab" * 32, "status": "ok", "error_kind": None, "error": None, "format": "text", "pages": None,
    "seconds": 0.1, "stated_total_score": "95", "risk": 12.5, "counts": {"error": 1, "warning": 0, "info": 0},
    "findings": [{"check_id": "AL101", "name": "table-total-mismatch", "severity": "error", "confidence": 0.95,
                  "rank": 80.0, "message_zh": "合计不符", "message_en": "total differs", "snippet": "合计 10",
                  "location": {"line": 3, "table": 1, "row": 2, "col": 1}, "evidence": None,
                  "fingerprint": "f" * 20, "related": [], "key": ("合计",)}],
    "page": "<html>page</html>",
}


def test_the_envelope_holds_the_text_the_cache_stored_before():
    env = encoded(dict(RECORD), "zh")
    expected = {k: v for k, v in RECORD.items() if k != "page"} | {"page_written": True}
    assert env["json"] == json.dumps(expected, ensure_ascii=False, sort_keys=True)
    assert env["page"] == RECORD["page"] and "written" not in env
    assert env[ROW_TEXTS] == row_texts(RECORD["findings"], "zh")
    assert (env["sha256"], env["status"], env["error_kind"]) == (RECORD["sha256"], "ok", None)


def test_a_local_worker_writes_the_cache_entry_and_the_page(tmp_path: Path):
    to = {"cache": str(tmp_path / ".cache" / "x.json"), "page": str(tmp_path / "reports" / "x.html")}
    env = encoded(dict(RECORD), "zh", to)
    assert env["written"] is True and "page" not in env
    assert Path(to["cache"]).read_text(encoding="utf-8") == env["json"]
    assert Path(to["page"]).read_text(encoding="utf-8") == RECORD["page"]


def test_a_worker_that_cannot_write_leaves_it_to_the_batch_process(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    to = {"cache": str(blocker / "x.json"), "page": str(blocker / "x.html")}
    env = encoded(dict(RECORD), "zh", to)
    assert "written" not in env and env["page"] == RECORD["page"]
    assert json.loads(env["json"])["page_written"] is True


def test_the_batch_process_collects_seldom_while_a_batch_runs_and_as_before_after(tmp_path: Path):
    import gc

    from auditlint.batch.runner import BatchConfig, Progress, run_batch
    from auditlint.batch.worker import GC_YOUNG, fewer_collections
    from auditlint.engine.run import RunOptions

    seen: list[int] = []

    class Watch(Progress):
        def advance(self, row: dict) -> None:
            seen.append(gc.get_threshold()[0])

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("项目支出预算 100 万元。\n", encoding="utf-8")
    before = gc.get_threshold()
    gc.set_threshold(900, *before[1:])
    try:
        run_batch(BatchConfig(inputs=(str(folder),), outdir=tmp_path / "out", options=RunOptions()), Watch())
        assert seen == [GC_YOUNG]
        assert gc.get_threshold() == (900, *before[1:])
        with fewer_collections():  # a caller's own higher threshold is kept
            gc.set_threshold(GC_YOUNG * 2, *before[1:])
            with fewer_collections():
                assert gc.get_threshold()[0] == GC_YOUNG * 2
        assert gc.get_threshold() == (900, *before[1:])
    finally:
        gc.set_threshold(*before)


def test_the_batch_command_leaves_the_collector_as_it_found_it(tmp_path: Path):
    import gc

    from click.testing import CliRunner

    from auditlint.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("项目支出预算 100 万元。\n", encoding="utf-8")
    before = gc.get_threshold()
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "1 份报告" in result.output
    assert gc.get_threshold() == before
