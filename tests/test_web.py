"""Pages and feeds from a local HTTP server on 127.0.0.1: no test touches any other address."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from claimtrack import fetch
from claimtrack.cli import app
from claimtrack.fetch import FetchError, Fetcher, FetchSettings
from local_site import Site

FAST = ["--delay", "0", "--retries", "0", "--timeout", "2"]


def _json(result) -> dict:
    return json.loads(result.stdout)[0]


def test_a_page_is_fetched_with_its_metadata_and_cited(runner, db, site):
    url = site + "/news/talks.html"
    result = runner.invoke(app, ["ingest", url, "--db", db, "--json", *FAST])
    assert result.exit_code == 0, result.output
    assert _json(result)["articles_new"] == 1
    assert Site.requests[-1][1].startswith("claimtrack/")
    rows = json.loads(runner.invoke(app, ["export", "--db", db, "--format", "json"]).stdout)
    assert rows and rows[0]["speaker"] == "Dmitry Peskov"
    from claimtrack import Store

    with Store.open(db) as store:
        (article,) = [store.article(i) for i in store.article_ids()]
    assert article["title"] == "موسكو تستضيف المحادثات"
    assert article["outlet"] == "أخبار التجربة"
    assert article["author"] == "سارة الكاتبة"
    assert article["published"] == "2024-03-02"
    assert article["url"] == url
    assert article["id"].startswith("127.0.0.1-talks-")


def test_a_feed_with_a_bad_item_ingests_the_others_and_a_rerun_adds_nothing(runner, db, site):
    first = runner.invoke(app, ["ingest", "--feed", site + "/rss.xml", "--db", db, "--json", *FAST])
    assert first.exit_code == 1  # one item failed
    assert _json(first)["articles_new"] == 2 and _json(first)["failed"] == 1
    assert f"{site}/news/gone.html: HTTP 404 Not Found" in first.stderr
    before = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout
    fetched = len(Site.requests)
    again = runner.invoke(app, ["ingest", "--feed", site + "/rss.xml", "--db", db, "--json", *FAST])
    summary = _json(again)
    assert summary["articles_new"] == 0 and summary["items_known"] == 2
    # Only the feed and the item that failed were asked for again; stored items are not fetched.
    assert sorted(p for p, _ in Site.requests[fetched:]) == ["/news/gone.html", "/rss.xml"]
    assert runner.invoke(app, ["export", "--db", db, "--format", "jsonl"]).stdout == before


def test_a_timeout_names_the_address_and_keeps_what_is_stored(runner, db, site):
    assert runner.invoke(app, ["ingest", site + "/news/deal.html", "--db", db, *FAST]).exit_code == 0
    slow = site + "/slow.html"
    args = ["ingest", slow, site + "/news/deal.html", "--db", db, "--json", "--delay", "0", "--retries", "0"]
    result = runner.invoke(app, [*args, "--timeout", "0.3"])
    assert result.exit_code == 1
    assert f"{slow}: timed out after 0.3 s" in result.stderr
    assert _json(result)["articles_unchanged"] == 1


@pytest.mark.parametrize(
    "path, reason",
    [
        ("/missing.html", "HTTP 404 Not Found"),
        ("/empty.html", "no article text found in the page"),
    ],
)
def test_a_page_that_fails_alone_writes_no_database(runner, tmp_path, site, path, reason):
    db = tmp_path / "claims.db"
    result = runner.invoke(app, ["ingest", site + path, "--db", str(db), *FAST])
    assert result.exit_code == 1
    assert f"{site}{path}: {reason}" in result.stderr
    assert "nothing to ingest" in result.stderr
    assert not db.exists()


def test_a_refused_connection_is_named():
    with Fetcher(FetchSettings(retries=0, host_delay=0)) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.get("http://127.0.0.1:9/")  # the discard port: nothing listens on it here
    assert caught.value.path == "http://127.0.0.1:9/" and "refused" in caught.value.message


def test_not_a_web_address():
    with Fetcher() as fetcher, pytest.raises(FetchError, match="not a web address"):
        fetcher.get("ftp://127.0.0.1/a")


# ----- retries and pauses, on a mock transport and a fake clock: no waiting -----


class FakeClock:
    def __init__(self):
        self.now = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def _fetcher(handler, **settings) -> tuple[Fetcher, FakeClock]:
    clock = FakeClock()
    fetcher = Fetcher(FetchSettings(**settings), transport=httpx.MockTransport(handler), clock=clock, sleep=clock.sleep)
    return fetcher, clock


def test_retries_back_off_then_succeed():
    answers = iter([503, 502, 200])

    def handler(request):
        return httpx.Response(next(answers), text="<p>ok</p>")

    fetcher, clock = _fetcher(handler, retries=2, backoff=0.5, host_delay=0)
    assert fetcher.get("http://127.0.0.1/a").body == b"<p>ok</p>"
    assert clock.slept == [0.5, 1.0]


def test_retries_give_up_naming_the_last_reason():
    fetcher, _ = _fetcher(lambda request: httpx.Response(503), retries=1, backoff=0, host_delay=0)
    with pytest.raises(FetchError, match=r"HTTP 503 Service Unavailable \(tried 2 times\)"):
        fetcher.get("http://127.0.0.1/a")


def test_a_client_error_is_not_retried():
    calls = []

    def handler(request):
        calls.append(request)
        return httpx.Response(410)

    fetcher, _ = _fetcher(handler, retries=3, backoff=0, host_delay=0)
    with pytest.raises(FetchError, match="HTTP 410 Gone"):
        fetcher.get("http://127.0.0.1/a")
    assert len(calls) == 1


def test_requests_to_one_host_are_spaced_others_are_not():
    fetcher, clock = _fetcher(lambda request: httpx.Response(200, text="x"), host_delay=2.0)
    fetcher.get("http://127.0.0.1/a")
    fetcher.get("http://localhost/a")
    fetcher.get("http://127.0.0.1/b")
    assert clock.slept == [2.0]


def test_a_page_over_the_limit_is_refused():
    fetcher, _ = _fetcher(lambda request: httpx.Response(200, content=b"x" * 100), host_delay=0)
    with pytest.raises(FetchError, match="larger than"):
        fetcher.get("http://127.0.0.1/big", max_bytes=50)


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://news.example/politics/2024/kirby-says.html", "news.example-kirby-says-"),
        ("https://news.example/", "news.example-"),
        ("https://news.example/a/%D8%B5%D9%81%D9%82%D8%A9?id=3", "news.example-D8-B5-D9-81-D9-82-D8-A9-"),
    ],
)
def test_article_ids_from_addresses(url, expected):
    assert fetch.article_id(url).startswith(expected)
    assert fetch.article_id(url) == fetch.article_id(url)


def test_watch_reads_a_feed_each_round(runner, db, site, monkeypatch):
    monkeypatch.setattr("time.sleep", lambda seconds: None)
    result = runner.invoke(
        app, ["watch", "--feed", site + "/rss.xml", "--every", "1s", "--rounds", "2", "--db", db, "--json", *FAST]
    )
    assert result.exit_code == 0, result.output
    rounds = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["articles_new"] for r in rounds] == [2, 0]
    assert rounds[1]["items_known"] == 2


@pytest.mark.parametrize("every", ["0", "soon", "15x", "-5m"])
def test_watch_refuses_a_bad_interval(runner, every):
    result = runner.invoke(app, ["watch", "--feed", "http://127.0.0.1/rss.xml", "--every", every])
    assert result.exit_code == 2
    assert "--every" in result.output


def test_missing_path_and_empty_folder_write_no_database(runner, tmp_path):
    db = tmp_path / "claims.db"
    (tmp_path / "empty").mkdir()
    for source, reason in [("nowhere/", "no such file or directory"), (str(tmp_path / "empty"), "no article files")]:
        result = runner.invoke(app, ["ingest", source, "--db", str(db)])
        assert result.exit_code == 1
        assert reason in result.stderr and "nothing to ingest" in result.stderr
        assert not db.exists()
    assert not list(Path(tmp_path).glob("claims.db*"))
