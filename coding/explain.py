"""Explain mode's rendering: what the coder saw and decided for each sentence. Render only;
the decisions themselves are recorded by the stages as TraceSteps."""

from __future__ import annotations

from coding.records import CodedArticle, SentenceReport


def explain_sentence(report: SentenceReport) -> str:
    lines = [f"[{report.sentence.sentence_index}] {report.sentence.text}"]
    if report.parse:
        lines += ["  parse:", report.parse]
    if report.actors:
        lines.append("  actors:")
        lines += [f"    {a.text!r} -> {a.code}  ({a.rule})" for a in report.actors]
    else:
        lines.append("  actors: none")
    if report.trace:
        lines.append("  decisions:")
        lines += [
            f"    {s.stage:<8} {s.outcome:<14} {s.rule or '-':<28} {s.detail}" for s in report.trace
        ]
    if report.events:
        lines.append("  events:")
        for e in report.events:
            flags = [name for name in ("hypothetical", "future", "reported_speech", "passive")
                     if getattr(e.modality, name)]
            lines.append(
                f"    {e.source.code} -> {e.target.code}  {e.event_code}  {e.event_date}"
                f"  rule {e.matched_rule}" + (f"  [{', '.join(flags)}]" if flags else "")
            )
            lines += [f"      {s.stage:<8} {s.outcome:<14} {s.rule or '-':<28} {s.detail}"
                      for s in e.trace]
    else:
        lines.append("  events: none")
    return "\n".join(lines)


def explain_article(coded: CodedArticle) -> str:
    return "\n\n".join(explain_sentence(r) for r in coded.sentences)
