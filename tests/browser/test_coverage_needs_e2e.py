"""Browser e2e: the Copertura and Esigenze pages in chromium against `streamlit run` (few, robust checks)."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.harness import PageLog, runs_ended, screenshot, wait_for_app_ready, wait_for_rerun


def metric_value(page: Page, label: str) -> str:
    metric = page.get_by_test_id("stMetric").filter(has_text=label)
    return metric.get_by_test_id("stMetricValue").inner_text().strip()


def test_coverage_zones_5_7(page: Page, page_log: PageLog) -> None:
    page.goto("/copertura?zone=5&zone=7")
    wait_for_app_ready(page)
    expect(page.get_by_text("Strategie senza progetti nelle zone selezionate (14)")).to_be_visible()
    expect(page.get_by_text("Strategia 5.4 — attivare le nuove generazioni", exact=False)).to_be_visible()
    expect(page.get_by_text("Zona 5 · Pinerolese: nessun progetto sull'asse 4.")).to_be_visible()
    # Strips and count tables are HTML; the plotly heatmap is opt-in (`chart=1`), so none is loaded by default.
    assert page.locator(".js-plotly-plot").count() == 0
    zone_axis = page.locator("table").filter(has_text="Zona 5 · Pinerolese").first
    expect(zone_axis).to_be_visible()
    assert zone_axis.locator("td").count() == 2 * 6  # zones 5 and 7 × six axes, zeros included
    assert "zone=5" in page.url
    assert "zone=7" in page.url
    assert not page.get_by_test_id("stException").count()
    assert not page.get_by_role("dialog").count()  # no "Page not found" on a fresh server (scripts/serve.py)
    assert not page_log.page_errors
    screenshot(page, "coverage_zones_5_7_top")
    zone_axis.scroll_into_view_if_needed()
    screenshot(page, "coverage_zones_5_7_zone_axis")
    page.goto("/copertura?zone=5&zone=7&chart=1")
    wait_for_app_ready(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.querySelector('.main-svg')).length"
        " === 1", timeout=30_000)
    page.locator(".js-plotly-plot").first.scroll_into_view_if_needed()
    screenshot(page, "coverage_zones_5_7_zone_strategy")
    assert "chart=1" in page.url


def test_needs_search(page: Page, page_log: PageLog) -> None:
    page.goto("/esigenze?q=ciclabil")
    wait_for_app_ready(page)
    assert metric_value(page, "Proposte mostrate") == "4"
    assert metric_value(page, "Esigenze mostrate") == "1"
    expect(page.get_by_text("N3.3 — Potenziare la mobilità dolce e la rete ciclabile")).to_be_visible()

    box = page.get_by_role("textbox", name="Cerca nel testo")
    before = runs_ended(page)
    box.fill("citta")
    box.press("Enter")
    wait_for_rerun(page, before)
    assert metric_value(page, "Esigenze mostrate") == "7"
    assert metric_value(page, "Proposte mostrate") == "6"
    page.wait_for_url("**q=citta**")
    assert not page.get_by_test_id("stException").count()
    assert not page_log.page_errors
