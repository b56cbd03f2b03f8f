"""Resolving one article's speaker phrases, in order, through the strategies."""

from __future__ import annotations

from ..extract.candidate import Attribution
from ..models import Statement
from .context import ArticleContext, Ask, Mention
from .registry import Registry, SpeakerKind, words_of
from .strategies import STRATEGIES, Strategy, repeated


def ask_for(ctx: ArticleContext, st: Statement) -> Ask:
    return ctx.ask(st, st.speaker_as_written or "")


def resolve_one(ctx: ArticleContext, st: Statement, strategies: list[Strategy] = STRATEGIES) -> str:
    """Set the statement's speaker from the first strategy that answers; returns that strategy's name."""
    ask = ask_for(ctx, st)
    for strategy in strategies:
        canonical = strategy(ctx, ask)
        if canonical:
            break
    sp = ctx.registry.get(canonical)
    st.speaker, st.speaker_kind = canonical, sp.kind
    if strategy is repeated:
        role = next((m.role for m in reversed(ctx.named) if m.written == ask.written), "")
        st.role_as_written = st.role_as_written or role or None
        return strategy.__name__
    st.role_as_written = ask.parsed.role
    titled = any(ctx.reader.is_title_word(w) for w in words_of(ask.target))
    unnamed = ask.parsed.name is None and (sp.kind != SpeakerKind.person or not titled)
    if sp.kind in (SpeakerKind.anonymous, SpeakerKind.unattributed) or unnamed:
        st.role_as_written = None
    if sp.kind != SpeakerKind.unattributed:
        ctx.named.append(Mention(ask.written, canonical, st.role_as_written or "", st.gender))
    return strategy.__name__


def resolve_statements(
    statements: list[Statement], text: str, registry: Registry, article: str | None = None
) -> list[str]:
    """Set ``speaker``, ``speaker_kind`` and ``role_as_written`` on each statement of one article, in order.

    Returns the name of the strategy that resolved each statement.
    """
    article = article or next((st.article for st in statements if st.article), None)
    ctx = ArticleContext(registry, text, article)
    # A headline is written after its story and names its source the way the story made known ("the Turkish foreign
    # minister:" for the minister the body names): it is read with all the body's speakers known.
    order = sorted(range(len(statements)), key=lambda k: statements[k].attribution == Attribution.HEADLINE)
    used = [""] * len(statements)
    for k in order:
        used[k] = resolve_one(ctx, statements[k])
    for st in statements:
        while st.speaker in ctx.renamed:
            st.speaker = ctx.renamed[st.speaker]
    return used
