"""Extract: atomic claims from clean article bodies (a pure function of the body and its date)."""

from tracker.extract.claims import KINDS, ClaimDraft, extract_claims

__all__ = ["KINDS", "ClaimDraft", "extract_claims"]
