from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from typer.testing import CliRunner

from flows.cli.app import app
from tests.warehouse.report_builders import build_report_warehouse
from warehouse.db import connect
from warehouse.report import NO_EVENTS, TITLE, render_report, write_report
from warehouse.report_data import read_report_data
from warehouse.runs import start_run

GENERATED = datetime(2024, 4, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def warehouse(tmp_path):
    return build_report_warehouse(tmp_path / "events.duckdb")


def _data(path, **kw):
    con = connect(path, read_only=True)
    try:
        return read_report_data(con, path, **kw)
    finally:
        con.close()


def test_report_data_ranks_dyads_and_codes_by_deduplicated_events(warehouse):
    data = _data(warehouse)

    dyads = [(d.source_code, d.target_code, d.num_events, d.num_reports) for d in data.top_dyads]
    assert dyads == [
        ("RUSGOV", "UKRMIL", 26, 52),
        ("USA", "CHN", 12, 24),
        ("USAGOV", "FRA", 5, 10),
        ("CHN", "USA", 3, 6),
    ]
    codes = [(c.code, c.name, c.num_events, c.num_reports) for c in data.top_codes]
    assert codes[0] == ("190", "Use conventional military force, not specified below", 20, 40)
    assert [c[0] for c in codes] == ["190", "0311", "112", "042", "010"]
    assert data.total_events == 46
    quad_totals = {q: sum(d.num_events for d in data.daily_quads if d.quad_class == q) for q in
                   (1, 3, 4)}
    assert quad_totals == {1: 20, 3: 6, 4: 20}


def test_report_data_gives_monthly_goldstein_means_of_the_top_dyads(warehouse):
    data = _data(warehouse)
    rus_ukr = [
        (g.month, g.goldstein_mean, g.num_events)
        for g in data.goldstein
        if (g.source_code, g.target_code) == ("RUSGOV", "UKRMIL")
    ]
    # February: ten days of 190 (-10) and six of 112 (-2); March: ten days of 190.
    assert rus_ukr == [(date(2024, 2, 1), -7.0, 16), (date(2024, 3, 1), -10.0, 10)]
    assert {(g.source_code, g.target_code) for g in data.goldstein} == {
        (d.source_code, d.target_code) for d in data.top_dyads
    }


def test_report_data_lists_latest_runs_first_with_their_expectation_results(warehouse):
    runs = _data(warehouse).runs
    assert [(r.run_id, r.status) for r in runs] == [
        ("run-test-2", "failed"),
        ("run-test-1", "completed"),
    ]
    failed = [(e.name, e.unexpected_count) for e in runs[1].expectations if not e.success]
    assert failed == [("event_code_in_code_table", 2)]
    assert runs[1].counts["validate"]["quarantined"] == 2


def test_date_range_limits_events_but_keeps_overlapping_months(warehouse):
    data = _data(warehouse, since=date(2024, 3, 5), until=date(2024, 3, 10))
    assert {d.day for d in data.daily_quads} == {date(2024, 3, d) for d in range(5, 11)}
    assert [(d.source_code, d.num_events) for d in data.top_dyads] == [("RUSGOV", 6)]
    assert {g.month for g in data.goldstein} == {date(2024, 3, 1)}


def test_rendered_page_has_three_inline_plots_tables_and_no_external_resources(warehouse):
    page = render_report(_data(warehouse), GENERATED)

    assert f"<title>{TITLE}</title>" in page
    assert page.count("<svg") == 3
    assert "Use conventional military force, not specified below" in page
    assert "event_code_in_code_table" in page and "2 rows quarantined" in page
    assert NO_EVENTS not in page
    # Self-contained: nothing is fetched when the page opens.
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "<link" not in page and "<script" not in page


def test_rendered_page_escapes_values_from_the_database(warehouse):
    con = connect(warehouse)
    start_run(con, "<script>alert(1)</script>", "daily", {}, "0.1.0", "dict-v1")
    con.close()
    page = render_report(_data(warehouse), GENERATED)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_same_warehouse_renders_the_same_page(warehouse):
    assert render_report(_data(warehouse), GENERATED) == render_report(_data(warehouse), GENERATED)


def test_empty_warehouse_gives_a_page_saying_there_are_no_events(tmp_path):
    path = tmp_path / "empty.duckdb"
    connect(path).close()
    result = write_report(tmp_path / "out" / "report.html", path)

    page = result.path.read_text(encoding="utf-8")
    assert result.events == 0 and result.runs == 0
    assert page.count(NO_EVENTS) == 4  # per-day plot, dyads, Goldstein, codes
    assert "No runs recorded yet." in page
    assert "<svg" not in page


def test_report_command_writes_the_page_and_reports_counts(warehouse, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", "--out", str(out), "--db", str(warehouse), "--since", "2024-03-01"]
    )
    assert result.exit_code == 0, result.output
    assert "12 deduplicated events" in result.output  # ten days of RUSGOV, two of USA
    assert out.read_text(encoding="utf-8").count("<svg") == 3


def test_report_command_on_a_missing_warehouse_fails_with_a_message(tmp_path):
    missing = tmp_path / "nope.duckdb"
    result = CliRunner().invoke(app, ["report", "--out", str(tmp_path / "r.html"), "--db",
                                      str(missing)])
    assert result.exit_code == 1
    assert "nope.duckdb" in result.output and "no such warehouse file" in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_command_rejects_a_malformed_date(warehouse, tmp_path):
    result = CliRunner().invoke(
        app, ["report", "--out", str(tmp_path / "r.html"), "--db", str(warehouse),
              "--since", "March"]
    )
    assert result.exit_code == 2
    assert "--since" in result.output
