"""What each kind of gazetteer place is to the resolver: the kinds a cue word admits."""

from __future__ import annotations

__all__ = ["CUE_KINDS"]

#: The kinds each cue kind (the kind a cue word announces) admits.
CUE_KINDS = {
    "department": {"department", "region"},
    "province": {"province"},
    "district": {"district"},
    "populated_place": {"populated_place", "district"},
    "village": {"populated_place", "district"},  # a small place: never the city of that name
    "river": {"river"},
    "zone": {"zone", "river"},
}
