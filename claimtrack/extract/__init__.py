"""Attributed statements in an article: who said what, how, and through whom.

Extraction is a pure function of the text (no database, no terminal), so it can run in a worker pool. It reads
structure from the cue and function words in ``lang/<language>/`` through ``Grammar``:

- ``doc``: a sentence's tokens (glued cues split) and quotations;
- ``rules``: ``RULES``, the sentence rules in the order they are tried at each token;
- ``spans``: where each claim ends;
- ``article``: ``STAGES``, what runs over a whole story after the rules.
"""

from __future__ import annotations

from .article import STAGES, extract_article, extract_sentences
from .rules import RULES

__all__ = ["RULES", "STAGES", "extract_article", "extract_sentences"]
