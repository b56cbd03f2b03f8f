"""Article text is hostile input on its way to a terminal: control characters made visible or escaped.

The database, and CSV written to a file or a pipe, keep the text as it was read.
"""

from __future__ import annotations

# What a terminal obeys instead of showing: C0 controls but tab and line feed (escape starts clear-screen,
# window-title and OSC 8 link sequences; CR and backspace overwrite), DEL, C1 controls (CSI is one), and the
# bidi embeddings, overrides and isolates that turn text around. Each is shown as one visible character, so
# offsets into a text still hold: a control picture (␛, ␍) for C0 and DEL, U+FFFD for the others.
_VISIBLE = (
    {c: 0x2400 + c for c in range(0x20) if chr(c) not in "\t\n"}
    | {0x7F: 0x2421}
    | {c: 0xFFFD for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
# In JSON the same characters (C0 ones JSON escapes itself) are written as \u escapes, and so are the line and
# paragraph separators, at which many readers of JSON Lines (Python's splitlines) cut a record: the text is
# unchanged.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in (*(c for c in _VISIBLE if c >= 0x7F), 0x2028, 0x2029)}


def safe(text: str) -> str:
    """Text as a terminal should show it: every control character it would obey made visible, one for one."""
    return text.translate(_VISIBLE)


def json_safe(encoded: str) -> str:
    """JSON text with C1 controls, DEL, bidi overrides and line separators escaped: the same JSON value, harmless
    on a terminal and one line a record."""
    return encoded.translate(_JSON_ESCAPES)
