"""A real headless browser (Debian's chromium, driven by Playwright) uses the served database as a person would.

Screenshots land in tests/artifacts/. Without chromium the test fails, saying how to install it; set
CLAIMTRACK_SKIP_BROWSER=1 to skip it on purpose on a machine that cannot have it.
"""

from __future__ import annotations

import os
import shutil

import pytest

from claimtrack import Store
from conftest import ROOT
from served import serve

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VIEWPORT = {"width": 1280, "height": 900}
MARK = {"speaker-outlet": "rect", "per-day": "rect", "appearances": "symbol"}
CHARTS = tuple(MARK)


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CLAIMTRACK_SKIP_BROWSER"):
            pytest.skip("CLAIMTRACK_SKIP_BROWSER is set and chromium is not installed")
        pytest.fail("chromium is not installed: apt-get install -y chromium (.ci/run does it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Root has no user namespace sandbox for chromium in a container; the pages are our own, on localhost.
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(seed_db, tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / "seed.db")
    shutil.copy(seed_db, path)
    server = serve(path)
    yield server
    server.stop()


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport=VIEWPORT, locale="ar")
    tab = context.new_page()
    tab.outside = []  # requests that left the machine: none may
    tab.on("request", lambda r: r.url.startswith((site.base, "data:", "blob:")) or tab.outside.append(r.url))
    yield tab
    context.close()


def marks(tab, chart: str, kind: str) -> int:
    """How many marks of a kind (rect, symbol) Vega drew in a chart's SVG."""
    return tab.locator(f"#chart-{chart} svg g.mark-{kind}.role-mark > path").count()


def shot(tab, name: str, **options) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / name), **options)


def test_who_said_what_then_a_speaker_then_the_article(page, site):
    page.goto(f"{site.base}/{site.name}/who_said_what")
    assert page.locator("h1").inner_text().startswith("Who said what")
    speakers = page.locator("td.col-speaker").all_inner_texts()
    assert "John Kirby" in speakers and len(speakers) >= 20
    assert page.locator('td.col-claim span[dir="auto"]').count() == len(speakers)
    shot(page, "who-said-what.png")

    # A speaker searched for by an Arabic spelling, through the canned query's form.
    page.goto(f"{site.base}/{site.name}/speaker_statements")
    page.fill('input[name="speaker"]', "كيربي")
    page.locator('form input[type="submit"]').first.click()
    page.wait_for_selector("td.col-speaker")
    assert set(page.locator("td.col-speaker").all_inner_texts()) == {"John Kirby"}
    shot(page, "speaker-statements.png")

    # From a statement to its place in the article.
    page.locator("td.col-char_start a").first.click()
    page.wait_for_selector("mark.ct-statement:target")
    assert "John Kirby" in page.locator("mark.ct-statement:target").inner_text()
    shot(page, "article.png")
    assert page.outside == []


def test_search_folds_spelling_in_the_browser(page, site):
    page.goto(f"{site.base}/{site.name}/statement_list")
    page.fill('input[name="_search"]', "الاسلحه")
    page.locator('form.filters input[type="submit"]').click()
    page.wait_for_url("**_search=**")
    page.wait_for_selector("td.col-claim")
    claims = page.locator("td.col-claim").all_inner_texts()
    assert claims and all("الأسلحة" in c or "أسلحة" in c or "الاسلحة" in c for c in claims)
    shot(page, "search.png")


def test_charts_draw_from_local_scripts(page, site):
    page.goto(f"{site.base}/-/dashboards/claims")
    for chart in CHARTS:
        page.wait_for_selector(f"#chart-{chart} svg g.mark-{MARK[chart]}.role-mark > path", timeout=30_000)
    # Each chart drew its marks: one cell per speaker and outlet pair, bars, a point per claim, outlet and day.
    with Store.open(site.path, create=False) as store:
        pairs = store.db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT speaker, outlet FROM statement_list)")
        assert marks(page, "speaker-outlet", "rect") == pairs.fetchone()[0]
    assert marks(page, "per-day", "rect") >= 2
    assert marks(page, "appearances", "symbol") >= 2
    shot(page, "charts.png", full_page=True)
    # A claim followed across outlets: the dashboard filtered to one cluster.
    page.select_option("select#cluster", index=1)
    page.locator('form button[type="submit"], form input[type="submit"]').first.click()
    page.wait_for_selector("#chart-appearances svg g.mark-symbol.role-mark > path", timeout=30_000)
    assert "cluster=" in page.url
    shot(page, "chart-one-claim.png", full_page=True)
    assert page.outside == []
