"""Reading what became of ideas (no function here writes)."""

from app.persistence.ideas import IdeaOutcome, idea_outcomes, source_texts

__all__ = ["IdeaOutcome", "idea_outcomes", "source_texts"]
