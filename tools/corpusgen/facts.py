"""What auditlint understood of a report, for writing and debugging a report builder:
its budget tables (columns, rows, hierarchy), scoring tables, indicators and metadata."""

from __future__ import annotations

from pathlib import Path

from auditlint.extract import extract
from auditlint.readers import read


def show(path: Path, statements: bool = False) -> None:
    f = extract(read(path))
    for t in f.tables:
        print(f"## {t.kind} table {t.table.index} line {t.table.location.line} hdr={t.header_rows} unit={t.unit}")
        print("   cols:", [(c.header[:12], c.role, c.decimals) for c in t.columns])
        for i, r in enumerate(t.rows):
            vals = {k: str(v.value) if v.is_number else v.placeholder for k, v in r.values.items()}
            print(f"   [{i}] {r.kind:8} lvl={r.level} par={r.parent} ch={r.children} {r.serial}|{r.label[:16]} {vals}")
    for st in f.scoring:
        print(f"## scoring table {st.table.index} line {st.table.location.line} "
              f"cols={[(c.header[:8], c.role) for c in st.columns]}")
        for g in st.groups:
            print(f"   G{g.level} {g.name[:14]} w={g.weight.value if g.weight else None} members={g.members}")
        for i, ind in enumerate(st.indicators):
            score = ind.score.value if ind.score and ind.score.is_number else ind.score
            print(f"   [{i}] {ind.name[:18]} w={ind.weight.value if ind.weight else None} s={score} "
                  f"rule={type(ind.rule).__name__ if ind.rule else None} tgt={ind.target[:10]} act={ind.actual[:12]}")
        for tr in st.totals:
            print(f"   TOTAL {tr.label} w={tr.weight.value if tr.weight else None} s={tr.score.value if tr.score else None}")
        if st.unread:
            print("   unread rows", st.unread)
    if statements:
        for s in f.statements:
            subject = getattr(s, "subject", "")
            print("  ", type(s).__name__, s.location.line if s.location else None,
                  str(getattr(s, "quantity", ""))[:40], subject[:20] if isinstance(subject, str) else "")
    for ind in f.indicators:
        print("IND", str(ind)[:200])
    print("score statements", len(f.score_statements))
    print("meta", str(f.meta)[:400])
