"""Run claimtrack with the English pack in disguise: every letter of its words rotated by 13 (said -> fnvq).

Used by test_pack_disguise.py in a fresh interpreter, so that no cache holds the plain pack:
``python tests/pack_disguise.py ingest FILE --db DB``. Only how the English pack's data files and hooks are read
is replaced; everything outside the pack runs as it is."""

from __future__ import annotations

import ast
import re
import sys
import types

from claimtrack import lang

ROT13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM"
)
DISGUISED = "en"
# What the data says to code rather than in English stays as it is: gender codes, the values of keys that name a
# kind, a script or a pack, the placeholders of a signature ({outlet}) and the gender after a form's colon; so do
# the keys the Arabic pack's file has too (the file's schema, not English words).
CODES = {"m", "f", "p"}
KEPT = {"gender", "kind", "script", "name"}
# Keys of the schema only the English pack's files have, read by its hooks (verb_forms reads "plural") or by the
# lexicon (a verb's "particle", "addressee", "complement", "document_subject", "count_object" and "owned_object").
SCHEMA_KEYS = {"plural", "particle", "addressee", "complement", "document_subject", "count_object", "owned_object"}
_plain_read, _plain_hooks = lang.read_toml, lang._hooks


def rotate_text(value: str) -> str:
    if value in CODES:
        return value
    head, colon, tail = value.partition(":")
    return re.sub(r"[^{}]+(?=\{|$)", lambda m: m.group().translate(ROT13), head) + colon + tail


def rotate(value, schema: set[str], key: str | None = None):
    if isinstance(value, str):
        return value if key in KEPT else rotate_text(value)
    if isinstance(value, list):
        return [rotate(v, schema, key) for v in value]
    if isinstance(value, dict):
        return {
            (k if k in schema or k in SCHEMA_KEYS else rotate_text(k)): rotate(v, schema, k) for k, v in value.items()
        }
    return value


def _keys(value) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value))
    return set()


def read_toml(code: str, name: str) -> dict:
    data = _plain_read(code, name)
    if code != DISGUISED:
        return data
    other = next(c for c in lang.available() if c != DISGUISED)
    return rotate(data, _keys(_plain_read(other, name)))


class _Rotate(ast.NodeTransformer):
    def visit_Constant(self, node):
        # a string with a backslash is a pattern: its letters are escapes, not words
        if isinstance(node.value, str) and "\\" not in node.value:
            return ast.copy_location(ast.Constant(node.value.translate(ROT13)), node)
        return node


def hooks(code: str) -> types.ModuleType:
    """The pack's hooks with the strings of its module-level constants rotated: those are its words; strings
    inside its functions are keys of its data and codes, which stay."""
    if code != DISGUISED:
        return _plain_hooks(code)
    tree = ast.parse(lang._folder().joinpath(code, "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            node.value = _Rotate().visit(node.value)
    module = types.ModuleType(f"claimtrack.lang.{code}_disguised")
    module.__package__, module.__path__ = module.__name__, []
    exec(compile(ast.fix_missing_locations(tree), module.__name__, "exec"), module.__dict__)
    return module


if __name__ == "__main__":
    lang.read_toml, lang._hooks = read_toml, hooks
    from claimtrack.cli import main

    sys.argv = ["claimtrack", *sys.argv[1:]]
    main()
