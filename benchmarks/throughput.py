"""Throughput on one machine: bare spaCy against the coder against the whole flow.

    python -m benchmarks.throughput [--sentences 20000] [--memory-articles 300]

Builds a deterministic corpus by recombining the sample articles' sentences (samples/) into
many articles, writes it as JSONL, and measures in one run, on the same normalized texts:
  (a) bare spaCy nlp.pipe over each article's paragraphs (same model, components, batch size),
  (b) the coder end to end (coding.pipeline.code_articles, parse included),
  (c) the `daily` flow into a fresh DuckDB file with validation,
each on both halves of the corpus, in the order a b c ... c b a, so that a drift in the
machine's speed cancels out; between the halves, (c) on a local Dask cluster of two worker
processes and bare spaCy with n_process=2, on the whole corpus; then peak
RSS of the flow for N and 10 N articles, each size in its own process so the peaks are apart.
Model loading, GX set-up and Prefect's ephemeral server are warmed up before timing. Rates are
wall clock; each also shows this process's CPU rate, the fairer figure on a shared machine (it
leaves out Prefect's server and, for the 2-process rows, the workers: read those by wall clock).
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from flows.settings import quiet_prefect

quiet_prefect()
# Probes start Prefect's local server while the machine is busy with the other measures.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
SENTENCES_PER_ARTICLE = 10
SENTENCES_PER_PARAGRAPH = 2
MIN_WORDS = 5  # leave out datelines and bylines: they are not news sentences
SEED = 20260310

app = typer.Typer(add_completion=False, help=__doc__.splitlines()[0])


@dataclass(frozen=True)
class Measure:
    name: str
    sentences: int
    seconds: float  # wall clock
    cpu_seconds: float  # this process only: shows the cost when other jobs share the machine

    @property
    def rate(self) -> float:
        return self.sentences / self.seconds

    @property
    def cpu_rate(self) -> float:
        return self.sentences / self.cpu_seconds


def sample_sentences() -> list[str]:
    """Every distinct sentence of the bundled samples, as the model splits them."""
    from coding.nlp import build_nlp
    from coding.pipeline import paragraphs
    from flows.ingest import IngestProblem, read_inputs

    nlp = build_nlp()
    texts = [
        p for a in read_inputs([str(SAMPLES)]) if not isinstance(a, IngestProblem)
        for p in paragraphs(a)
    ]
    found = (s.text.strip() for doc in nlp.pipe(texts) for s in doc.sents)
    return list(dict.fromkeys(s for s in found if len(s.split()) >= MIN_WORDS))


def corpus_lines(pool: list[str], articles: int) -> Iterator[str]:
    """JSONL lines of recombined articles, generated lazily (the corpus is never in memory)."""
    rng = random.Random(SEED)
    for number in range(articles):
        chosen = rng.sample(pool, SENTENCES_PER_ARTICLE)
        paras = [
            " ".join(chosen[i : i + SENTENCES_PER_PARAGRAPH])
            for i in range(0, len(chosen), SENTENCES_PER_PARAGRAPH)
        ]
        yield json.dumps(
            {"id": f"bench-{number:07d}", "title": "", "text": "\n\n".join(paras),
             "date": "2026-03-12", "source": "benchmark"}
        )


def write_corpus(path: Path, pool: list[str], articles: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in corpus_lines(pool, articles):
            out.write(line + "\n")
    return path


def split_in_two(corpus: Path) -> tuple[Path, Path]:
    """The corpus's first and second half of articles, as two JSONL files beside it."""
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    middle = len(lines) // 2
    halves = []
    for number, part in enumerate((lines[:middle], lines[middle:])):
        path = corpus.with_name(f"{corpus.stem}-{number + 1}.jsonl")
        path.write_text("".join(part), encoding="utf-8")
        halves.append(path)
    return halves[0], halves[1]


def combined(one: Measure, other: Measure) -> Measure:
    """One measure over both halves of the corpus, named as the first."""
    return Measure(one.name, one.sentences + other.sentences, one.seconds + other.seconds,
                   one.cpu_seconds + other.cpu_seconds)


def timed(name: str, run: Callable[[], int]) -> Measure:
    start, cpu = time.perf_counter(), time.process_time()
    sentences = run()
    return Measure(name, sentences, time.perf_counter() - start, time.process_time() - cpu)


def bare_spacy(articles: list, n_process: int = 1) -> int:
    from coding.nlp import build_nlp
    from coding.pipeline import PARSE_BATCH, paragraphs

    texts = (p for a in articles for p in paragraphs(a))
    docs = build_nlp().pipe(texts, batch_size=PARSE_BATCH, n_process=n_process)
    return sum(1 for doc in docs for _ in doc.sents)


def coder(articles: list) -> int:
    from coding.pipeline import code_articles
    from flows.coder import cached_coder

    return sum(len(c.sentences) for c in code_articles(cached_coder((), None), articles))


def flow_run(corpus: Path, db: Path, task_runner: object | None = None, parallel: int = 1) -> int:
    """The flow as `cameoflow run` runs it, with the same Prefect API settings."""
    from flows.daily import daily
    from flows.runners import Placement

    flow = daily.with_options(task_runner=task_runner) if task_runner else daily
    with Placement().run_api():  # inside two_workers' own run_api, this one changes nothing
        summary = flow(inputs=[str(corpus)], db_path=str(db), parallel_batches=parallel)
    return summary.sentences


def read_articles(corpus: Path) -> list:
    from flows.ingest import IngestProblem, read_inputs

    return [a for a in read_inputs([str(corpus)]) if not isinstance(a, IngestProblem)]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def warm_worker() -> None:
    """What a worker process pays once, before its first batch: importing the flow's tasks
    (Prefect, GX) and loading the coder, seconds in all. The one-process flow is timed warm."""
    import flows.tasks  # noqa: F401
    from flows.coder import cached_coder

    cached_coder((), None)


def two_workers(corpus: Path, warmup: Path, work: Path) -> Measure:
    """The flow with coding and validation on two local Dask worker processes, each warmed up
    first: the warm-up run's single batch would only warm one of them."""
    from distributed import Client, LocalCluster

    from flows.runners import Placement, without_malloc_trim

    without_malloc_trim()  # as `cameoflow run --workers 2` starts its cluster
    with LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                      dashboard_address=None) as cluster:
        with Client(cluster) as client:
            client.run(warm_worker)
        placement = Placement(dask_address=cluster.scheduler_address)
        runner, parallel = placement.task_runner(), placement.parallel_batches()
        with placement.run_api():
            flow_run(warmup, work / "dask-warmup.duckdb", runner, parallel)
            return timed("(c) flow, 2 Dask workers",
                         lambda: flow_run(corpus, work / "dask.duckdb", runner, parallel))


def memory_probe(articles: int) -> float:
    """Peak RSS of one flow run over `articles` generated articles, measured in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.throughput", "--probe-articles", str(articles)],
        capture_output=True, text=True, cwd=REPO,
    )
    if result.returncode != 0:
        raise RuntimeError(f"memory probe of {articles} articles failed:\n{result.stderr[-3000:]}")
    return float(result.stdout.strip().splitlines()[-1])


def high_water_mib() -> float:
    """This process's own peak RSS. getrusage's figure survives fork and exec, so a probe
    started by a large parent would report the parent's size; /proc's VmHWM starts afresh."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return peak_rss_mib()


def probe(articles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_corpus(work / "corpus.jsonl", sample_sentences(), articles)
        flow_run(corpus, work / "events.duckdb")
    print(f"{high_water_mib():.1f}")


def table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


@app.command()
def main(
    sentences: Annotated[int, typer.Option(help="Corpus size in sentences.")] = 20_000,
    memory_articles: Annotated[
        int, typer.Option(help="Articles of the smaller memory probe; the larger is 10x.")
    ] = 100,
    parallel: Annotated[
        bool, typer.Option(help="Also measure 2 processes (spaCy n_process=2, 2 Dask workers).")
    ] = True,
    probe_articles: Annotated[int | None, typer.Option(hidden=True)] = None,
) -> None:
    if probe_articles is not None:
        probe(probe_articles)
        return
    pool = sample_sentences()
    # spaCy reads about 8% fewer sentences than were pooled (some pool lines join or split
    # differently); the margin keeps the parsed corpus at or above the size asked for.
    n_articles = max(2, math.ceil(sentences * 1.1 / SENTENCES_PER_ARTICLE))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = write_corpus(work / "corpus.jsonl", pool, n_articles)
        halves = split_in_two(corpus)
        warmup = write_corpus(work / "warmup.jsonl", pool[::-1], 20)
        articles = read_articles(corpus)
        parts = [read_articles(half) for half in halves]
        flow_run(warmup, work / "warmup.duckdb")  # model, GX, Prefect's server: not timed
        # Each one-process measure runs on both halves, in the order a b c, then the 2-process
        # ones, then c b a: a machine whose speed drifts during the run (10% within minutes
        # on a shared VM) then biases no ratio. The flow's second half is the next day's run,
        # into the same warehouse.
        db = work / "events.duckdb"
        first = [
            timed("(a) bare spaCy nlp.pipe", lambda: bare_spacy(parts[0])),
            timed("(b) coder (code_articles)", lambda: coder(parts[0])),
            timed("(c) daily flow -> DuckDB", lambda: flow_run(halves[0], db)),
        ]
        if parallel:
            a2 = timed("(a) bare spaCy, n_process=2", lambda: bare_spacy(articles, n_process=2))
            c2 = two_workers(corpus, warmup, work)
        second = [
            timed("(c)", lambda: flow_run(halves[1], db)),
            timed("(b)", lambda: coder(parts[1])),
            timed("(a)", lambda: bare_spacy(parts[1])),
        ]
        a, b, c = (combined(one, other) for one, other in zip(first, reversed(second), strict=True))
        measured = [a, b, c] + ([a2, c2] if parallel else [])
    rows = [(m.name, f"{m.sentences:>7,} sentences  {m.seconds:7.1f} s  {m.rate:8.1f} sent/s"
                     f"  (cpu here {m.cpu_rate:8.1f} sent/s)")
            for m in measured]
    rows += [
        ("b/a", f"{b.rate / a.rate:.3f}  (cpu {b.cpu_rate / a.cpu_rate:.3f}; target >= 0.90)"),
        ("c/a", f"{c.rate / a.rate:.3f}  (cpu {c.cpu_rate / a.cpu_rate:.3f}; target >= 0.85)"),
    ]
    if parallel:
        rows += [
            ("spaCy 2 processes / 1", f"{a2.rate / a.rate:.2f}x"),
            ("flow 2 workers / 1", f"{c2.rate / c.rate:.2f}x  (target >= 1.6x)"),
        ]
    rows.append(("peak RSS, this process", f"{peak_rss_mib():.0f} MiB"))
    typer.echo(f"corpus: {n_articles:,} articles from {len(pool)} sample sentences\n")
    typer.echo(table(rows))
    small, large = memory_probe(memory_articles), memory_probe(10 * memory_articles)
    typer.echo(table([
        (f"peak RSS flow, {memory_articles:,} articles", f"{small:.0f} MiB"),
        (f"peak RSS flow, {10 * memory_articles:,} articles",
         f"{large:.0f} MiB  ({large / small:.2f}x, target <= 1.2x)"),
    ]))


if __name__ == "__main__":
    app()
