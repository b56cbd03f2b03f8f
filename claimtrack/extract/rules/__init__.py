"""The sentence rules: each finds one construction that ties a claim to its speaker.

Every rule has one interface, ``find(grammar, sentence, i, found) -> Candidate | None``, and reads its words
from the language data through ``Grammar``. They are tried in this order at each token outside a quotation;
the first that fires wins, and the scan goes on after its cue.
"""

from __future__ import annotations

from . import (
    announced,
    claim_first,
    cue_opens,
    document,
    inverted,
    participle,
    pointing_back,
    post_opener,
    preposition,
    relay,
    subject_verb,
    verb,
    verbal_noun,
)

RULES = [
    post_opener,  # "...، حسبما ذكرت الوكالة": a cue after حسبما/كما/وفق ما attributes what came before
    preposition,  # "وفقاً للوزير، ..." / "...، بحسب المصادر": a preposition of attribution
    participle,  # "...، مؤكداً أن ...": the main verb's subject says a second claim
    relay,  # "نقلت الوكالة عن الوزير قوله ...": a speaker relayed by an outlet
    document,  # "وجاء في بيان الوزارة أن ...": a document speaks for its issuer
    pointing_back,  # "كشف ذلك الوزير، ...": a cue pointing back claims the sentence before
    announced,  # "وسبق ذلك إعلان مقتل ...": an announcement put before the news is the last speaker's
    # "..., said Ann Lee, a spokeswoman.": a subject-first language's verb before its subject, after the claim
    inverted,
    cue_opens,  # 'Said Ann Lee, "..."': a subject-first language's sentence opening with its verb, then the speaker
    subject_verb,  # "Kirby said (that) ...": a subject-first language's subject and claim (English)
    verb,  # "قال الوزير إن ..." and the cue verb's other openers
    claim_first,  # «...»، قال الوزير.: the claim came first
    verbal_noun,  # "أعلنت الوزارة تسجيل ...": a verbal noun, not أنّ, is the cue's object
]
