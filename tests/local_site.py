"""A small news site for tests, served on 127.0.0.1 only: two article pages, a feed of three items (the third
gone), a page too slow to wait for, a page with no article."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html>
<html lang="ar"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{outlet}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{published}T09:30:00+00:00">
<link rel="canonical" href="{canonical}">
</head><body>
<nav><a href="/">الرئيسية</a> | <a href="/sport">رياضة</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>وتأتي هذه التصريحات بعد أسابيع من الاتصالات بين الجانبين حول جدول الأعمال وموعد الجولة المقبلة من المحادثات
التي يتابعها المراقبون في العواصم المعنية باهتمام كبير، في ظل تباين المواقف بشأن عدد من الملفات العالقة.</p>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>"""

ARTICLES = {
    "/news/talks.html": dict(
        title="موسكو تستضيف المحادثات",
        outlet="أخبار التجربة",
        author="سارة الكاتبة",
        published="2024-03-02",
        body="وقال المتحدث باسم الكرملين دميتري بيسكوف إن المحادثات ستجري في موسكو الأسبوع المقبل بمشاركة الوفدين.",
    ),
    "/politics/kirby-says.html": dict(
        title="كيربي: ننتظر الرد",
        outlet="أخبار التجربة",
        author="سارة الكاتبة",
        published="2024-03-06",
        body="وقال المتحدث باسم مجلس الأمن القومي الأمريكي جون كيربي إن واشنطن تنتظر ردا واضحا على المقترح الأخير.",
    ),
    "/news/deal.html": dict(
        title="لافروف: الصفقة لم تكتمل",
        outlet="أخبار التجربة",
        author="سامي المحرر",
        published="2024-03-04",
        body="وأكد وزير الخارجية الروسي سيرغي لافروف أن الصفقة لم تكتمل بعد وأن الطرفين سيواصلان التفاوض حولها.",
    ),
}

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار التجربة</title><link>{base}/</link><description>اختبار</description>
<item><title>موسكو تستضيف المحادثات</title><link>{base}/news/talks.html</link>
<pubDate>Sat, 02 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>لافروف: الصفقة لم تكتمل</title><link>{base}/news/deal.html</link>
<pubDate>Mon, 04 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>خبر حذف</title><link>{base}/news/gone.html</link>
<pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate></item>
</channel></rss>"""


class Site(BaseHTTPRequestHandler):
    requests: list[tuple[str, str]] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        Site.requests.append((self.path, self.headers.get("User-Agent", "")))
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path in ARTICLES:
            fields = ARTICLES[self.path]
            self._send(200, "text/html; charset=utf-8", PAGE.format(canonical=base + self.path, **fields))
        elif self.path == "/rss.xml":
            self._send(200, "application/rss+xml; charset=utf-8", FEED.format(base=base))
        elif self.path == "/slow.html":
            time.sleep(1.5)
            self._send(200, "text/html; charset=utf-8", "<p>late</p>")
        elif self.path == "/empty.html":
            self._send(200, "text/html; charset=utf-8", "<html><head><title>x</title></head><body></body></html>")
        else:
            self._send(404, "text/html", "<h1>Not Found</h1>")

    def _send(self, status: int, content_type: str, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (the timeout test)

    def log_message(self, *args):
        pass


@contextmanager
def serve():
    """The site on a free port of 127.0.0.1, for as long as the block runs; yields its base address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
