"""The verbs a proposal may be made with ('appealed to', 'urged', 'demanded'), in every form a question needs.

A closed table, not a conjugator: each verb's forms and the word before its addressee are known, so
"Who appealed to X and Y ...?", "When did X urge Y ...?" and "recalls offering" read as English.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProposalVerb:
    """One verb of proposing: past, base and -ing forms, and the word its addressee follows ('to', 'of' or none)."""

    past: str
    base: str
    gerund: str
    before_to: str
    # What `what` must start with after the addressee, for verbs that take no noun phrase there ("urged X
    # to act", never "urged X an increase"); empty when any `what` reads as English.
    clause_starts: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        """What the article's word starts with, whatever its form: 'propos' for proposed and proposal."""
        word = self.base.split()[0]
        return word[:-1] if word.endswith("e") else word

    def phrase(self, form: str, to: str) -> str:
        """'appealed to Ada Linnet and Ivo Drake', 'ask Ada Linnet', 'proposing': `form` is past, base or gerund."""
        verb = getattr(self, form)
        if not to:
            return verb
        return f"{verb} {self.before_to} {to}" if self.before_to else f"{verb} {to}"


PROPOSAL_VERBS = {
    verb.past: verb
    for verb in (
        ProposalVerb("proposed", "propose", "proposing", "to"),
        ProposalVerb("suggested", "suggest", "suggesting", "to"),
        ProposalVerb("recommended", "recommend", "recommending", "to"),
        ProposalVerb("appealed", "appeal", "appealing", "to"),
        ProposalVerb("pleaded", "plead", "pleading", "with"),
        # "urged the council that ..." is no English (judges): after whom, "urged" takes "to ...".
        ProposalVerb("asked", "ask", "asking", "", ("to", "for", "whether", "if")),
        ProposalVerb("urged", "urge", "urging", "", ("to",)),
        ProposalVerb("requested", "request", "requesting", "of"),
        ProposalVerb("demanded", "demand", "demanding", "of"),
        ProposalVerb("offered", "offer", "offering", ""),
        ProposalVerb("warned", "warn", "warning", "", ("that", "of", "against", "about", "to", "not")),
        ProposalVerb("promised", "promise", "promising", ""),
    )
}
DEFAULT_VERB = "proposed"


def proposal_verb(word: str | None) -> ProposalVerb:
    """The verb a proposal is worded with: the teacher's `verb:`, 'proposed' when none is given."""
    return PROPOSAL_VERBS[word or DEFAULT_VERB]
