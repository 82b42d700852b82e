"""Actor roles: who did it (actor1) and to whom (actor2), read from the voice of the incident word."""

from __future__ import annotations

from geo import thresholds
from geo.actors import Actor
from geo.events import event_type
from geo.framing import framing
from geo.triggers import Trigger

__all__ = ["roles"]


def roles(text: str, actors: list[Actor], trigger: Trigger, kind: str, code: str) -> tuple[Actor | None, Actor | None]:
    """(doer, target) of the incident ``trigger`` reports, from the actors of its sentence.

    Active voice ("Rebels ambushed a patrol", "emboscaron a una patrulla"): the doer stands
    before the word and the target after it. Passive ("a patrol was ambushed by rebels", "fue
    atacada por senderistas"): the subject is the target and the agent after "by"/"por" the
    doer. When the sentence does not say, the kind's usual roles (geo/events.py) decide.
    """
    if not actors:
        return None, None
    cues, limits = framing(code), thresholds.TABLE
    passive = bool(cues.passive.search(text, max(0, trigger.start - 14), trigger.start))
    before = [a for a in actors if a.end <= trigger.start]
    after = [a for a in actors if a.start >= trigger.end]
    agent = cues.agent.search(text, trigger.end, min(len(text), trigger.end + limits.agent_chars))
    by = next((a for a in after if agent and a.start >= agent.end() and a.start - agent.end() <= limits.agent_gap), None)
    record = event_type(kind)
    if passive:
        doer, target = by, (before[-1] if before else None)
    elif by is not None:  # "an attack by rebels on a patrol"
        doer, target = by, next((a for a in after if a is not by), before[-1] if before else None)
    else:
        doer = before[-1] if before else None
        target = after[0] if after else None
    if doer is None:
        doer = next((a for a in actors if a.inter in record.doer and a is not target), None)
    if target is None:
        target = next((a for a in actors if a is not doer and a.inter in record.target), None)
    if doer is not None and target is not None and doer.name == target.name:
        target = None
    return doer, target
