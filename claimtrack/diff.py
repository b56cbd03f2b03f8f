"""Word-level differences between two versions of a claim, the way NewsDiffs shows an article's changes.

Words are compared folded (``lang.text.fold_for_match``), so hamza forms, diacritics and quotation marks do not
count as changes; the operations carry the words as each outlet wrote them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from difflib import SequenceMatcher

from .lang.text import fold_for_match

# An unchanged run this short between two changes is folded into them: "a x b" -> "a y b" reads better as one
# replacement than as three pieces (the semantic clean-up of diff-match-patch).
MAX_EQUAL_GAP = 1


@dataclass(frozen=True)
class DiffOp:
    op: str  # equal, delete (only in a), insert (only in b), replace
    a: str  # the words of version a, as written
    b: str  # the words of version b, as written

    def to_dict(self) -> dict:
        return asdict(self)


def word_diff(a: str, b: str) -> list[DiffOp]:
    """Operations turning claim ``a`` into claim ``b``, word by word, tiny equal runs merged into changes."""
    wa, wb = a.split(), b.split()
    keys_a = [fold_for_match(w) or w for w in wa]
    keys_b = [fold_for_match(w) or w for w in wb]
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    raw = [(tag, wa[i1:i2], wb[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    return [DiffOp(tag, " ".join(x), " ".join(y)) for tag, x, y in _merge_small_equals(raw)]


def _merge_small_equals(ops: list[tuple[str, list[str], list[str]]]) -> list[tuple[str, list[str], list[str]]]:
    out: list[tuple[str, list[str], list[str]]] = []
    for i, (tag, x, y) in enumerate(ops):
        between_changes = 0 < i < len(ops) - 1 and out and out[-1][0] != "equal" and ops[i + 1][0] != "equal"
        if tag == "equal" and between_changes and len(x) <= MAX_EQUAL_GAP:
            tag = "replace"
        if out and tag != "equal" and out[-1][0] != "equal":
            _, px, py = out.pop()
            x, y = px + x, py + y
            tag = "replace" if x and y else ("delete" if x else "insert")
        out.append((tag, x, y))
    return out


# Without colour, changes are marked the way wdiff marks them.
MARKS = {"delete": ("[-", "-]"), "insert": ("{+", "+}")}


def marked(ops: list[DiffOp]) -> str:
    """Version b as one line, the words of a it lacks in ``[-…-]`` and its own words in ``{+…+}``."""
    out = []
    for op in ops:
        if op.op == "equal":
            out.append(op.a)
            continue
        for words, kind in ((op.a, "delete"), (op.b, "insert")):
            if words:
                out.append(MARKS[kind][0] + words + MARKS[kind][1])
    return " ".join(out)
