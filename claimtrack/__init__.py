"""claimtrack: who said what in the news, matched across outlets.

The library behind the ``claimtrack`` command::

    from claimtrack import Store, ingest, extract_statements
    statements = extract_statements(open("corpus/levant-news.txt", encoding="utf-8").read())
    with Store.open("claims.db") as store:
        report = ingest(["corpus/"], store)
"""

__version__ = "0.1.0"

from .corpus import parse_text, read_file  # noqa: E402
from .errors import ClaimtrackError  # noqa: E402
from .match import MatchSettings  # noqa: E402
from .models import Article, Speaker, Statement, Story  # noqa: E402
from .pipeline import IngestReport, extract_statements, ingest, rematch  # noqa: E402
from .queries import find_speaker, who_said  # noqa: E402
from .speakers import Registry  # noqa: E402
from .store import Store  # noqa: E402

__all__ = [
    "Article",
    "ClaimtrackError",
    "IngestReport",
    "MatchSettings",
    "Registry",
    "Speaker",
    "Statement",
    "Store",
    "Story",
    "extract_statements",
    "find_speaker",
    "ingest",
    "parse_text",
    "read_file",
    "rematch",
    "who_said",
]
