"""Score claimtrack on a development set: ingest the texts into a scratch database, export, run the scorer.

Usage: python tests/dev/score.py [--set ar|en|cross|holdout-en|holdout-ar] [--details] [--available]
                                 [--scorer ../shared/eval/score.py]

  ar     the Arabic set (tests/dev), texts in $CLAIMTRACK_DEVTEXTS or tests/dev/texts
  en     the English set (tests/dev/en), texts in $CLAIMTRACK_DEVTEXTS_EN, tests/dev/en/texts or ../devtexts-en
  cross  the Arabic-English pairs (tests/dev/en/cross-pairs.jsonl): the seed corpus, the Arabic and the English
         articles holding a cross pair, scored once over all their pairs and once over the cross pairs alone
  holdout-en, holdout-ar
         the held-out sets (tests/dev/holdout-en, tests/dev/holdout-ar), annotated blind and never tuned against;
         texts in $CLAIMTRACK_HOLDOUT_EN / $CLAIMTRACK_HOLDOUT_AR, else ../holdout-en / ../holdout-ar

--available scores only the articles whose text is there (gold statements and pairs of the others left out), for a
set partly rebuilt; it says how many articles it scored. Without it a missing text counts as found nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
EN = HERE / "en"
ROOT = HERE.parent.parent
SHARED_GOLD = ROOT.parent / "shared" / "gold"


def texts_dir() -> Path:
    return Path(os.environ.get("CLAIMTRACK_DEVTEXTS", HERE / "texts"))


def en_texts_dir() -> Path:
    """The English texts: the variable, else tests/dev/en/texts, else devtexts-en next to the repository."""
    if "CLAIMTRACK_DEVTEXTS_EN" in os.environ:
        return Path(os.environ["CLAIMTRACK_DEVTEXTS_EN"])
    inside = EN / "texts"
    return inside if inside.is_dir() else ROOT.parent / "devtexts-en"


HOLDOUT_VARIABLES = {"holdout-en": "CLAIMTRACK_HOLDOUT_EN", "holdout-ar": "CLAIMTRACK_HOLDOUT_AR"}


def holdout_texts_dir(name: str) -> Path:
    """A held-out set's texts: its variable, else the folder of the set's name next to the repository."""
    variable = HOLDOUT_VARIABLES[name]
    return Path(os.environ[variable]) if variable in os.environ else ROOT.parent / name


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sources(folder: Path = HERE) -> list[dict]:
    return read_jsonl(folder / "sources.jsonl")


def ingest_and_export(files: list[Path], tmp: Path) -> Path:
    """Ingest what can be read (an article claimtrack refuses, e.g. in a language without a pack, is reported and
    scored as found nothing) and export the statements; an empty export when nothing could be ingested."""
    db, export = tmp / "dev.db", tmp / "dev.jsonl"
    cli = [sys.executable, "-m", "claimtrack"]
    done = subprocess.run([*cli, "ingest", *map(str, files), "--db", str(db)], capture_output=True, text=True)
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    if errors:
        print(f"ingest: {len(errors)} error line(s) for {len(files)} files; first: {errors[0]}", file=sys.stderr)
    if not db.exists():
        export.write_text("", encoding="utf-8")
        return export
    with open(export, "w", encoding="utf-8") as out:
        subprocess.run([*cli, "export", "--db", str(db), "--format", "jsonl"], check=True, stdout=out)
    return export


def run_scorer(scorer: str, export: Path, name: str, gold: Path, extra: list[str]) -> int:
    scored = [sys.executable, scorer, str(export), "--set", name, "--gold", str(gold), *extra]
    return subprocess.run(scored, check=False).returncode


def need(folder: Path, what: str) -> Path:
    if not folder.is_dir():
        sys.exit(f"no {what} texts at {folder}: see the README.md of tests/dev, tests/dev/en or tests/dev/{what}")
    return folder


def score_single(args: argparse.Namespace, gold: Path, texts: Path, what: str) -> int:
    texts = need(texts, what)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        files = [texts / f"{source['article']}.txt" for source in sources(gold)]
        if args.available:
            gold = available_gold(gold, files, tmp / "gold")
            files = [file for file in files if file.exists()]
        export = ingest_and_export(files, tmp)
        return run_scorer(args.scorer, export, "dev", gold, ["--details"] if args.details else [])


def available_gold(gold: Path, files: list[Path], folder: Path) -> Path:
    """The gold of the articles whose text is in ``files``, written to ``folder`` as the set "dev"."""
    statements, pairs = _present(
        files, read_jsonl(gold / "dev-statements.jsonl"), pairs=read_jsonl(gold / "dev-pairs.jsonl")
    )
    write_gold(folder, "dev", statements, pairs["pairs"])
    return folder


def _present(files: list[Path], statements: list[dict], **pairs: list[dict]) -> tuple[list[dict], dict]:
    """The statements of the articles whose text is in ``files``, and of each list of pairs those among them."""
    present = {file.stem for file in files if file.exists()}
    print(f"scoring the {len(present)} of {len(files)} articles whose text is there", file=sys.stderr)
    statements = [st for st in statements if st["article"] in present]
    kept = {st["id"] for st in statements}
    return statements, {key: [p for p in rows if p["a"] in kept and p["b"] in kept] for key, rows in pairs.items()}


def cross_gold() -> tuple[list[str], dict[str, list[dict]]]:
    """The articles holding a cross pair, with all their gold statements and every pair among them."""
    sets = {
        "seed": (read_jsonl(SHARED_GOLD / "seed-statements.jsonl"), read_jsonl(SHARED_GOLD / "seed-pairs.jsonl")),
        "ar": (read_jsonl(HERE / "dev-statements.jsonl"), read_jsonl(HERE / "dev-pairs.jsonl")),
        "en": (read_jsonl(EN / "dev-statements.jsonl"), read_jsonl(EN / "dev-pairs.jsonl")),
    }
    cross = read_jsonl(EN / "cross-pairs.jsonl")
    by_id = {st["id"]: st for statements, _ in sets.values() for st in statements}
    articles = sorted({by_id[pair[side]]["article"] for pair in cross for side in ("a", "b")})
    statements = [st for st in by_id.values() if st["article"] in articles]
    kept = {st["id"] for st in statements}
    pairs = [p for _, set_pairs in sets.values() for p in set_pairs if p["a"] in kept and p["b"] in kept]
    return articles, {"all": pairs + cross, "cross": cross, "statements": statements}


def write_gold(folder: Path, name: str, statements: list[dict], pairs: list[dict]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix, rows in (("statements", statements), ("pairs", pairs)):
        lines = (json.dumps(row, ensure_ascii=False) for row in rows)
        (folder / f"{name}-{suffix}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cross_file(article: str, ar_texts: Path, en_texts: Path) -> Path:
    if article.startswith("en-"):
        return en_texts / f"{article}.txt"
    if article.startswith("dev-"):
        return ar_texts / f"{article}.txt"
    return ROOT / "corpus" / f"{article}.txt"


def score_cross(args: argparse.Namespace) -> int:
    ar_texts = texts_dir() if texts_dir().is_dir() else ROOT.parent / "devtexts"
    ar_texts, en_texts = need(ar_texts, "Arabic"), need(en_texts_dir(), "English")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        articles, gold = cross_gold()
        files = [cross_file(a, ar_texts, en_texts) for a in articles]
        if args.available:
            gold = cross_available(gold, files)
            files = [file for file in files if file.exists()]
        export = ingest_and_export(files, tmp)
        write_gold(tmp / "all", "cross", gold["statements"], gold["all"])
        write_gold(tmp / "only", "cross", gold["statements"], gold["cross"])
        print("all statements and pairs of these articles:")
        code = run_scorer(args.scorer, export, "cross", tmp / "all", ["--details"] if args.details else [])
        only = [sys.executable, args.scorer, str(export), "--set", "cross", "--gold", str(tmp / "only"), "--json"]
        figures = json.loads(subprocess.run(only, check=True, capture_output=True, text=True).stdout)
        print(cross_line(figures, gold["cross"]))
        return code


def cross_available(gold: dict[str, list[dict]], files: list[Path]) -> dict[str, list[dict]]:
    """The cross gold of the articles whose text is in ``files``."""
    statements, pairs = _present(files, gold["statements"], all=gold["all"], cross=gold["cross"])
    return {**pairs, "statements": statements}


def cross_line(figures: dict, cross: list[dict]) -> str:
    """The Arabic-English pairs alone: how many share a cluster, by tier and in all."""
    counts = {tier: sum(1 for pair in cross if pair["tier"] == tier) for tier in ("verbatim", "paraphrase")}
    hits = {tier: round((figures[f"pairs_{tier}_recall"] or 0) * n) for tier, n in counts.items()}
    parts = [f"{tier}={hits[tier]}/{n}" for tier, n in counts.items()]
    share = sum(hits.values()) / max(sum(counts.values()), 1)
    return f"cross_pairs_in_one_cluster={share:.3f} ({' '.join(parts)})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("ar", "en", "cross", *HOLDOUT_VARIABLES), default="ar", dest="which")
    parser.add_argument("--details", action="store_true")
    parser.add_argument("--available", action="store_true", help="score only the articles whose text is there")
    parser.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score.py"))
    args = parser.parse_args()
    if args.which == "cross":
        return score_cross(args)
    if args.which == "en":
        return score_single(args, EN, en_texts_dir(), "English")
    if args.which in HOLDOUT_VARIABLES:
        return score_single(args, HERE / args.which, holdout_texts_dir(args.which), args.which)
    return score_single(args, HERE, texts_dir(), "Arabic")


if __name__ == "__main__":
    sys.exit(main())
