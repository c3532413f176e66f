"""Who acts: the one place lawgraph decides the agents of an action.

The action finder (:mod:`lawgraph.extract.actions`) reads a clause's grammar: which entities stand before its
verb in subject position, whether a pivot verb hands the action on (组织X召开…), whether the subject receives
an award (X被命名为…), and whether the clause names a subject the graph cannot name (总书记…). From those, the
agents of the clause's action are, in this order:

1. for the second action of a pivot, the organizations the pivot verb names (组织律师协会联合…举办: 律师协会);
2. the clause's own subject, every coordinated body of it (党工委、管委会 → both). A place as subject is not
   an organization: the report's own area (兰州新区成立…) stands for the issuer; another place of the report's
   province is where the issuer's work was done (the action's place, the issuer its agent); a place outside
   it names nobody the report speaks for, and the clause has no agent;
3. the subject an earlier clause of the same sentence named, when that subject was a body;
4. the report's issuer: a clause with no subject in the report's own voice is the issuer's. Not so after a
   clause whose subject is a person or persons (总书记亲临考察，明确了…): the clauses after it are theirs.

An award given (被X评为…, X授予…, X被命名为…) has the body that gives it as agent, only when the text
names it, and acts on who receives it (:meth:`AgentRules.recipients`). An honour achieved (X入选…,
X荣获…, X获评…, X成功创建…; the issuer when the clause has no subject) has its subject as agent, a body
or a place as written, and acts on the list or title it names. In 在X领导下 (and 在X监督支持下) X acts on
the issuer, and on the bodies that head what follows (在X领导下，县委团结带领…).

An agent is an organization of the report (``prov:wasAssociatedWith``), or a place that achieved an honour;
an action no rule gives an agent is not written (except an award whose giver is not named).
:func:`implied_organizations` describes an agent key that no organization entity names, should a caller
pass one.

A change to how agents are chosen goes here.

Examples
--------
>>> rules = AgentRules(issuer="某县人民政府", area="某县", province="某省")
>>> rules.agents(subject=None, pivot=None, carried=[])
['某县人民政府']
>>> subject = rules.subject([EntityRef(0, 2, "place", "某省某县")])
>>> subject.keys, rules.carried_after(subject, subject.keys, ["某县司法局"])
(['某县人民政府'], [])
>>> village = rules.subject([EntityRef(0, 2, "place", "某省某县某村")])
>>> village.keys, village.places
(['某县人民政府'], ['某省某县某村'])
>>> rules.subject([EntityRef(0, 2, "place", "他省某市")]).keys
[]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lawgraph.extract.extensions import EntityRef
from lawgraph.model import Action, Entity

__all__ = ["AgentRules", "Subject", "implied_organizations", "IMPLIED_CLASS", "UNKNOWN"]

IMPLIED_CLASS = "OtherOrganization"
"""The class of an organization only an action's agents name (see :func:`implied_organizations`)."""

_AGENT_KINDS = frozenset({"organization", "place"})
"""The kinds of entity an agent key may name (``lawgraph.vocab.ACTION_ROLES["agent"]``)."""

UNKNOWN: None = None
"""What an earlier clause carries over when its subject is one the graph cannot name (a person): the
subjectless clauses after it get no agent."""


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject a clause names before its verb: the agents' keys and the kind of its first entity."""

    keys: list[str]
    """The agents it gives (bodies as written; the issuer for the report's own area or a place in it)."""
    kind: str
    """The kind of the subject's first entity (``organization``, ``place`` …)."""
    places: list[str] = field(default_factory=list)
    """Places written as subject that are not the report's own area: where the action was done."""
    written: list[str] = field(default_factory=list)
    """The keys as written (a place's own key): who receives an award the clause reports."""


@dataclass(frozen=True, slots=True)
class AgentRules:
    """The agent rules of one report, which need its issuer, its own area and its province."""

    issuer: str | None = None
    """Key of the issuing organization: the agent of a clause without subject."""
    area: str | None = None
    """The issuer's own area (``兰州新区``): as a subject it stands for the issuer."""
    province: str | None = None
    """The province of the report (``甘肃省``): a place in it written as subject is where the issuer acted."""

    def subject(self, group: Sequence[EntityRef]) -> Subject:
        """The subject of a clause from the coordinated entities in its subject position."""
        keys: list[str] = []
        places: list[str] = []
        for ent in group:
            key = ent.key
            if ent.kind == "place":
                if not (self.issuer and self.area and key.endswith(self.area)):
                    places.append(key)
                if not self._speaks_for(key):
                    continue
                key = self.issuer  # type: ignore[assignment]
            if key not in keys:
                keys.append(key)
        return Subject(keys, group[0].kind, places, [e.key for e in group])

    def _speaks_for(self, place: str) -> bool:
        """Whether the report speaks for a place written as subject: its own area, or one of its province."""
        if not self.issuer:
            return False
        if self.area and place.endswith(self.area):
            return True
        return self.province is None or place.startswith(self.province)

    def agents(
        self, *, subject: Subject | None, pivot: Sequence[str] | None, carried: Sequence[str] | None
    ) -> list[str]:
        """The agents of a clause's action.

        Parameters
        ----------
        subject : Subject or None
            The clause's own subject, when it names one.
        pivot : sequence of str, optional
            For the second action of a pivot verb: the keys of the organizations it names.
        carried : sequence of str, or None
            The subject an earlier clause of the sentence leaves (see :meth:`carried_after`); ``None``
            (:data:`UNKNOWN`) when that subject is a person the graph cannot name.
        """
        if pivot is not None:
            return list(pivot)
        if subject is not None:
            return list(subject.keys)
        if carried is None:
            return []
        return list(carried) if carried else ([self.issuer] if self.issuer else [])

    def recipients(self, subject: Subject | None, carried: Sequence[str] | None) -> list[str]:
        """Who receives an award a clause reports: its subject as written, else who the clause speaks of."""
        if subject is not None:
            return list(subject.written)
        return self.agents(subject=None, pivot=None, carried=carried)

    @staticmethod
    def carried_after(
        subject: Subject | None, agents: list[str], carried: list[str] | None
    ) -> list[str] | None:
        """The subject the following subjectless clauses of the sentence take over.

        A body named as subject carries over; a place or another entity as subject ends what was carried;
        a clause without subject passes on what it got.
        """
        if subject is None:
            return carried
        return agents if subject.kind == "organization" else []


def implied_organizations(actions: Iterable[Action], entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The agents that name no organization among ``entities`` (nor a place: a place that achieved an
    honour acts as itself), described as organizations.

    Each is ``Entity("organization", key, IMPLIED_CLASS)`` without mentions, in the order the actions first
    name them. The rules above give only bodies the report names, so this is empty for the actions of the
    finder; it keeps the graph consistent for actions made elsewhere.

    >>> from lawgraph.model import Evidence
    >>> act = Action("成立", "establish", ("某工作组", "某县司法局"), Evidence(0, 1, 0, 1))
    >>> bureau = Entity("organization", "某县司法局", "JusticeAdministration")
    >>> [(e.kind, e.key, e.cls, e.mentions) for e in implied_organizations([act], [bureau])]
    [('organization', '某工作组', 'OtherOrganization', ())]
    """
    known = {entity.key for entity in entities if entity.kind in _AGENT_KINDS}
    found: dict[str, Entity] = {}
    for action in actions:
        for key in action.agents:
            if key not in known and key not in found:
                found[key] = Entity("organization", key, IMPLIED_CLASS)
    return tuple(found.values())
