"""A workspace's vocabulary in the database; each change is audited in the same transaction.

The audit row names the kind and an unsalted SHA-256 prefix of the term, not the term: an
admin's word could still be a person's name, and the trail holds no free text.
"""

from __future__ import annotations

import hashlib

import sqlalchemy as sa

from bot.detect.vocabulary import Vocabulary, normalise
from bot.store._base import Repository
from bot.store.models import audit_events, utcnow, workspace_terms

TERM_KINDS = ("not_name", "institution")


def term_digest(term: str) -> str:
    return hashlib.sha256(normalise(term).encode()).hexdigest()[:16]


class TermRepo(Repository):
    async def add_term(self, team_id: str, kind: str, term: str, actor: str) -> bool:
        """Add a term (normalised); False if it was there already."""
        if kind not in TERM_KINDS:
            raise ValueError(f"term kind must be one of {TERM_KINDS}")
        now = utcnow()
        stmt = (
            self.upsert(workspace_terms)
            .values(team_id=team_id, kind=kind, term=normalise(term), added_by=actor, added_at=now)
            .on_conflict_do_nothing(index_elements=["team_id", "kind", "term"])
        )
        async with self._write() as conn:
            added = bool((await conn.execute(stmt)).rowcount)
            if added:
                await conn.execute(
                    sa.insert(audit_events).values(_audit(team_id, actor, kind, term, "add"))
                )
        return added

    async def remove_term(self, team_id: str, kind: str, term: str, actor: str) -> bool:
        stmt = sa.delete(workspace_terms).where(
            workspace_terms.c.team_id == team_id,
            workspace_terms.c.kind == kind,
            workspace_terms.c.term == normalise(term),
        )
        async with self._write() as conn:
            removed = bool((await conn.execute(stmt)).rowcount)
            if removed:
                await conn.execute(
                    sa.insert(audit_events).values(_audit(team_id, actor, kind, term, "remove"))
                )
        return removed

    async def list_terms(self, team_id: str) -> list[tuple[str, str]]:
        """(kind, term) pairs of the workspace, sorted."""
        query = (
            sa.select(workspace_terms.c.kind, workspace_terms.c.term)
            .where(workspace_terms.c.team_id == team_id)
            .order_by(workspace_terms.c.kind, workspace_terms.c.term)
        )
        async with self._read() as conn:
            return [(row.kind, row.term) for row in await conn.execute(query)]

    async def get_vocabulary(self, team_id: str) -> Vocabulary:
        terms = await self.list_terms(team_id)
        return Vocabulary(
            not_names=frozenset(t for k, t in terms if k == "not_name"),
            institutions=frozenset(t for k, t in terms if k == "institution"),
        )


def _audit(team_id: str, actor: str, kind: str, term: str, action: str) -> dict[str, object]:
    return {
        "at": utcnow(),
        "team_id": team_id,
        "channel_id": "",
        "user_id": actor,
        "event": "terms_change",
        "action": action,
        "verdict": "",
        "kinds": [],
        "counts": {},
        "detail": {"kind": kind, "term_sha256": term_digest(term)},
        "message_hash": "",
    }
