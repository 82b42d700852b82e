"""What each kind of gazetteer place is to the resolver: the kinds a cue word admits."""

from __future__ import annotations

__all__ = ["CUE_KINDS"]

#: The kinds each cue kind (the kind a cue word announces) admits.
CUE_KINDS = {
    "department": {"department", "region"},
    "province": {"province"},
    "district": {"district"},
    "populated_place": {"populated_place", "district"},
    "river": {"river"},
    "zone": {"zone", "river"},
}
