"""Who acts: the one place lawgraph decides the agents of an action.

The action finder (:mod:`lawgraph.extract.actions`) reads a clause's grammar: which entities stand before its
verb in subject position, and whether a pivot verb hands the action on (组织X召开…). From those, the agents
of the clause's action are, in this order:

1. for the second action of a pivot, the organizations the pivot verb names (组织律师协会联合…举办: 律师协会);
2. the clause's own subject, coordinated (X、Y和Z成立…); the report's own area as subject (兰州新区成立…)
   stands for the issuer;
3. the subject an earlier clause of the same sentence named, when that subject was an organization (a place
   as subject does not carry over: 某村成功创建…，培养… is the issuer's work again);
4. the report's issuer: a clause with no subject is the issuer's. Only a report that names no issuer leaves
   an action without agents.

An agent is an organization in the graph (``prov:wasAssociatedWith``), or a place that acts (a city, a
zone, a village: linked as the place it is, never also made an organization). A subject that the entity
components found as something else (a document, an initiative) is still the agent, and
:func:`implied_organizations` describes it as an organization of class ``OtherOrganization`` under the same
key, without mentions; the RDF layer writes these descriptions as it is given them.

A change to how agents are chosen goes here.

Examples
--------
>>> rules = AgentRules(issuer="某县人民政府", area="某县")
>>> rules.agents(subject=None, pivot=None, carried=[])
['某县人民政府']
>>> subject = rules.subject([EntityRef(0, 2, "place", "某省某县")])
>>> subject.keys, rules.carried_after(subject, subject.keys, ["某县司法局"])
(['某县人民政府'], [])
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lawgraph.extract.extensions import EntityRef
from lawgraph.model import Action, Entity

__all__ = ["AgentRules", "Subject", "implied_organizations", "IMPLIED_CLASS"]

IMPLIED_CLASS = "OtherOrganization"
"""The class of an organization only an action's agents name (see :func:`implied_organizations`)."""


@dataclass(frozen=True, slots=True)
class Subject:
    """The subject a clause names before its verb: the agents' keys and the kind of its first entity."""

    keys: list[str]
    kind: str
    """The kind of the subject's first entity (``organization``, ``place`` …)."""


@dataclass(frozen=True, slots=True)
class AgentRules:
    """The agent rules of one report, which need its issuer and its own area."""

    issuer: str | None = None
    """Key of the issuing organization: the agent of a clause without subject."""
    area: str | None = None
    """The issuer's own area (``兰州新区``): as a subject it stands for the issuer."""

    def subject(self, group: Sequence[EntityRef]) -> Subject:
        """The subject of a clause from the coordinated entities in its subject position."""
        keys: list[str] = []
        for ent in group:
            key = ent.key
            if ent.kind == "place" and self.issuer and self.area and key.endswith(self.area):
                key = self.issuer
            if key not in keys:
                keys.append(key)
        return Subject(keys, group[0].kind)

    def agents(
        self, *, subject: Subject | None, pivot: Sequence[str] | None, carried: Sequence[str]
    ) -> list[str]:
        """The agents of a clause's action.

        Parameters
        ----------
        subject : Subject or None
            The clause's own subject, when it names one.
        pivot : sequence of str, optional
            For the second action of a pivot verb: the keys of the organizations it names.
        carried : sequence of str
            The subject an earlier clause of the sentence leaves (see :meth:`carried_after`).
        """
        if pivot is not None:
            return list(pivot)
        if subject is not None:
            return subject.keys
        return list(carried) if carried else ([self.issuer] if self.issuer else [])

    @staticmethod
    def carried_after(subject: Subject | None, agents: list[str], carried: list[str]) -> list[str]:
        """The subject the following subjectless clauses of the sentence take over.

        A body named as subject carries over; a place or another entity as subject ends what was carried;
        a clause without subject passes on what it got.
        """
        if subject is None:
            return carried
        return agents if subject.kind == "organization" else []


def implied_organizations(actions: Iterable[Action], entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The agents that name no organization among ``entities``, described as organizations.

    Each is ``Entity("organization", key, IMPLIED_CLASS)`` without mentions, in the order the actions first
    name them. They are not entities of the report: no mention names them, and keys of other roles do not
    resolve to them.

    >>> from lawgraph.model import Evidence
    >>> act = Action("成立", "establish", ("某协会筹备组", "某县司法局"), Evidence(0, 1, 0, 1))
    >>> bureau = Entity("organization", "某县司法局", "JusticeAdministration")
    >>> [(e.kind, e.key, e.cls, e.mentions) for e in implied_organizations([act], [bureau])]
    [('organization', '某协会筹备组', 'OtherOrganization', ())]
    """
    # A place that acts (a city, a zone, a village) is linked as the place it is (vocab.ACTION_ROLES).
    known = {entity.key for entity in entities if entity.kind in ("organization", "place")}
    found: dict[str, Entity] = {}
    for action in actions:
        for key in action.agents:
            if key not in known and key not in found:
                found[key] = Entity("organization", key, IMPLIED_CLASS)
    return tuple(found.values())
