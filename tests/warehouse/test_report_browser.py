"""The report page opened in a real headless Chromium: it renders and every plot has a size.

The browser is Debian's system Chromium (/usr/bin/chromium), driven by Playwright's Python
package; Playwright's own browser downloads are never used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.warehouse.report_builders import build_report_warehouse
from warehouse.report import TITLE, write_report

pytestmark = pytest.mark.slow  # starts a browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
RESULTS = Path(__file__).resolve().parents[2] / "benchmarks" / "results"
PLOTTED_SECTIONS = ("events-per-day", "top-dyads", "goldstein")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package to run this test")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


def test_report_renders_in_chromium_with_every_plot_drawn(browser, tmp_path):
    db = build_report_warehouse(tmp_path / "events.duckdb")
    page_file = write_report(tmp_path / "report.html", db).path
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    page.goto(page_file.as_uri(), wait_until="load")

    assert page.title() == TITLE
    for section in PLOTTED_SECTIONS:
        plots = page.locator(f"section#{section} figure.plot svg")
        assert plots.count() == 1, section
        box = plots.first.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100, (section, box)
    assert page.locator("section#top-codes tbody tr").count() == 5
    assert page.locator("section#runs tbody tr").count() == 2
    # Self-contained: the only thing the browser loaded is the page itself.
    assert requested == [page_file.as_uri()]

    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    page.close()
    assert shot.stat().st_size > 10_000
    RESULTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shot, RESULTS / "report.png")
    print(f"report screenshot: {shot} (copied to {RESULTS / 'report.png'})")


def test_empty_report_renders_in_chromium_with_its_messages(browser, tmp_path):
    from warehouse.db import connect

    db = tmp_path / "empty.duckdb"
    connect(db).close()
    page = browser.new_page()
    page.goto(write_report(tmp_path / "empty.html", db).path.as_uri(), wait_until="load")

    assert page.title() == TITLE
    assert page.locator("svg").count() == 0
    assert page.locator("p.empty").count() == 5
    assert page.locator("p.empty").first.is_visible()
    page.close()
