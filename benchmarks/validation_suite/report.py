"""Rendering a mode's results: score tables beside UD-PETRARCH's published figures, timing,
and the per-record report (with the coder's explain output for every record not coded exactly).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.validation_suite.run import ModeResult, RecordResult, Timing
from benchmarks.validation_suite.scoring import RecordScore, Totals, total

# UD-PETRARCH on this suite with the file's own UD parses (244 records).
PEER_TOTALS = {"peer": (0.8558, 0.1475), "strict": (0.7756, 0.1434)}
PEER_STRICT_TP = {
    "DEMO": 0.714, "COMPOUND": 0.621, "DATE": 0.955, "ACTOR": 1.0, "VERB": 0.955,
    "PATTERN": 0.680, "MODIFY": 0.750, "SYNSET": 0.865, "AGENT": 0.958,
}
PEER_CODING_RATE = 1590.0  # sentences per second, its coding step
FORMULAS: dict[str, tuple[str, Callable[[RecordResult], RecordScore]]] = {
    "peer": ("peer formula (UD-PETRARCH validation.py: duplicates count again)",
             lambda r: r.peer),
    "strict": ("strict (duplicates collapsed, each gold item matched once)", lambda r: r.strict),
}


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.2f}%"


def totals_by_category(
    results: Sequence[RecordResult], formula: str, categories: Sequence[str]
) -> dict[str, Totals]:
    pick = FORMULAS[formula][1]
    table = {c: total(pick(r) for r in results if r.record.category == c) for c in categories}
    table = {c: t for c, t in table.items() if t.records}
    table["Total"] = total(pick(r) for r in results)
    return table


def score_table(result: ModeResult, formula: str, categories: Sequence[str]) -> str:
    title = FORMULAS[formula][0]
    head = (f"{'category':<10}{'records':>8}{'gold':>6}{'correct':>8}{'uncoded':>8}{'extra':>6}"
            f"{'null':>5}{'TP':>9}{'FP':>9}{'UDP TP':>9}{'UDP FP':>9}")
    lines = [f"[{result.mode}] {title}", head, "-" * len(head)]
    for name, t in totals_by_category(result.results, formula, categories).items():
        peer_tp: float | None
        peer_fp: float | None
        if name == "Total":
            peer_tp, peer_fp = PEER_TOTALS[formula]
            lines.append("-" * len(head))
        else:
            peer_tp = PEER_STRICT_TP.get(name) if formula == "strict" else None
            peer_fp = None
        lines.append(
            f"{name:<10}{t.records:>8}{t.gold_items:>6}{t.correct:>8}{t.uncoded:>8}{t.extra:>6}"
            f"{t.null:>5}{_pct(t.tp):>9}{_pct(t.fp):>9}{_pct(peer_tp):>9}{_pct(peer_fp):>9}"
        )
    lines.append("TP = correct / gold items; FP = extra events / records; UDP = UD-PETRARCH "
                 "with the file's own UD parses")
    return "\n".join(lines)


def timing_text(mode: str, timing: Timing) -> str:
    n = timing.sentences
    code_rate = n / timing.code_median
    lines = [f"[{mode}] timing over {n} sentences, best / median of {timing.repeats} passes:"]
    if timing.parse_median is not None and timing.parse_best is not None:
        lines.append(f"  (a) spaCy parse (nlp.pipe)     {timing.parse_best:7.3f}s / "
                     f"{timing.parse_median:7.3f}s  = {n / timing.parse_median:8.0f} sentences/s")
    lines.append(f"  (b) coding (code_docs, parsed) {timing.code_best:7.3f}s / "
                 f"{timing.code_median:7.3f}s  = {code_rate:8.0f} sentences/s "
                 f"(UD-PETRARCH coding: ~{PEER_CODING_RATE:.0f}/s)")
    if timing.parse_median is not None:
        ratio = timing.code_median / timing.parse_median
        verdict = "within" if ratio < 0.2 else "NOT within"
        lines.append(f"  coding / parsing time = {ratio:.3f} ({verdict} the target of < 0.2)")
    return "\n".join(lines)


def errors_text(result: ModeResult) -> str:
    errors = [r for r in result.results if r.error]
    if not errors:
        return f"[{result.mode}] coder errors: none"
    return "\n".join([f"[{result.mode}] coder errors: {len(errors)}"]
                     + [f"  {r.record.record_id}: {r.error}" for r in errors])


def decisions_text(result: ModeResult) -> str:
    """How many records not coded exactly had each kind of coder decision (one record can
    count under several): where to look first."""
    missed = [r for r in result.results if r.verdict != "CORRECT"]
    counts = Counter(d for r in missed for d in r.decisions)
    lines = [f"[{result.mode}] {len(missed)} records not coded exactly; their decisions:"]
    lines += [f"  {n:>4}  {decision}" for decision, n in counts.most_common()]
    return "\n".join(lines)


def summary_text(result: ModeResult, categories: Sequence[str]) -> str:
    return "\n\n".join([
        score_table(result, "peer", categories),
        score_table(result, "strict", categories),
        timing_text(result.mode, result.timing),
        decisions_text(result),
        errors_text(result),
    ])


def _triples(items: Sequence[object], noevents: bool = False) -> str:
    if noevents:
        return "noevents"
    return "; ".join(str(t) for t in items) if items else "none"


def record_text(result: RecordResult) -> str:
    r = result.record
    lines = [
        f"== {r.record_id}  [{r.category}]  {result.verdict}  "
        f"(line {r.line}, date {r.date:%Y-%m-%d})",
        f"text:   {r.text}",
        f"gold:   {_triples(r.gold, r.noevents)}",
        f"coded:  {_triples(result.coded)}",
        f"peer:   correct {result.peer.correct}/{result.peer.gold_items}, extra "
        f"{result.peer.extra}, null {result.peer.null}   strict: correct "
        f"{result.strict.correct}/{result.strict.gold_items}, extra {result.strict.extra}",
        f"decided: {' '.join(result.decisions) or '-'}",
    ]
    if result.error:
        lines.append(f"error:  {result.error}")
    if result.verdict != "CORRECT" and result.explain:
        lines += ["explain:", *("  " + line for line in result.explain.splitlines())]
    return "\n".join(lines)


def misses(result: ModeResult, category: str) -> list[RecordResult]:
    """Records of a category (any case; "all" for every one) not coded exactly."""
    wanted = category.upper()
    return [r for r in result.results
            if r.verdict != "CORRECT" and wanted in ("ALL", r.record.category)]


def write_report(result: ModeResult, categories: Sequence[str], folder: Path, header: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"validation-{result.mode}.txt"
    parts = [header, summary_text(result, categories), *map(record_text, result.results)]
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path
