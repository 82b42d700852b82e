"""Answers about an object (a text, a shape) remembered by the object's identity rather than its value."""

from __future__ import annotations

import threading
from functools import wraps

__all__ = ["by_identity"]


def by_identity(held: int):
    """Remember ``function(obj, *args)`` for the last ``held`` objects and arguments, each object found by
    identity: every stage asks the same question of the document's text (or the same area's shape), and
    an equal text that is another object (the same report read twice) is worked out again once, where an
    ``lru_cache`` would compare the two in full at every call. The object is held while remembered, so
    its id names no other."""

    def remembering(function):
        memo: dict[object, tuple[object, object]] = {}
        lock = threading.Lock()

        @wraps(function)
        def remembered(obj, *args):
            key = (id(obj), *args) if args else id(obj)
            hit = memo.get(key)
            if hit is not None and hit[0] is obj:
                return hit[1]
            value = function(obj, *args)
            with lock:
                if len(memo) >= held:
                    del memo[next(iter(memo))]
                memo[key] = (obj, value)
            return value

        return remembered

    return remembering
