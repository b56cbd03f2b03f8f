"""claimtrack: who said what in the news, matched across outlets.

The library behind the ``claimtrack`` command::

    from claimtrack import Store, ingest, extract_statements
    statements = extract_statements(open("corpus/levant-news.txt", encoding="utf-8").read())
    with Store.open("claims.db") as store:
        report = ingest(["corpus/"], store)
"""

__version__ = "0.1.0"

# The names below are imported when first used, so that `claimtrack --help` does not load the whole library.
_EXPORTS = {
    "parse_text": "corpus",
    "read_file": "corpus",
    "ClaimtrackError": "errors",
    "MatchSettings": "match",
    "Article": "models",
    "Speaker": "models",
    "Statement": "models",
    "Story": "models",
    "IngestReport": "pipeline",
    "extract_statements": "pipeline",
    "ingest": "pipeline",
    "rematch": "pipeline",
    "find_speaker": "queries",
    "who_said": "queries",
    "Registry": "speakers",
    "Store": "store",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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
