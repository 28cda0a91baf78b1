"""Extract: atomic claims from clean article bodies (a pure function of the body and its date)."""

from tracker.extract.claims import ClaimDraft, extract_claims

__all__ = ["ClaimDraft", "extract_claims"]
