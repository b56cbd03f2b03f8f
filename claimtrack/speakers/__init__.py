"""Who a speaker phrase names: one canonical speaker however an outlet wrote it, or visibly nobody.

``registry`` holds the known speakers (language data and database) behind a public look-up API; ``phrase``
reads a speaker phrase (name, role, fragment or not); ``strategies`` is the ordered list of rules that
resolve it within one article (``resolve``); ``lookup`` answers a user's name query and says how it matched;
``latin`` gives every speaker a Latin display name; ``corrections`` are the user's fixes, applied last.
"""

from __future__ import annotations

from .registry import UNATTRIBUTED, Registry, SpeakerKind
from .resolve import resolve_statements
from .strategies import STRATEGIES

__all__ = ["STRATEGIES", "UNATTRIBUTED", "Registry", "SpeakerKind", "resolve_statements"]
