/**
 * The agenda of a pair's session: both people add items, edit them, put them
 * in order and tick them off. The audit log records who changed which item,
 * never the item's words.
 */
import type { AgendaItem, AgendaItemChanges } from '../store/repositories/sessions';
import type { Store } from '../store/store';
import { createPairAccess, type Member } from './mentoringAccess';

export type MentoringAgendaService = ReturnType<typeof createMentoringAgendaService>;

export function createMentoringAgendaService(deps: { store: Store }) {
  const { store } = deps;
  const access = createPairAccess(store);

  const audit = (tx: Store, member: Member, action: string, targetType: 'agenda-item' | 'session', targetId: string, details: Record<string, unknown>) =>
    tx.auditLog.record({ tenantId: member.tenantId, actorPersonId: member.personId, action, targetType, targetId, details });

  return {
    async add(member: Member, sessionId: string, text: string): Promise<AgendaItem> {
      const { session, relationship } = await access.session(member, sessionId);
      return store.transaction(async (tx) => {
        const item = await tx.sessions.addAgendaItem(member.tenantId, session.id, member.personId, text);
        if (!item) throw new Error('the session vanished during the write');
        await audit(tx, member, 'agenda-item.created', 'agenda-item', item.id, { relationshipId: relationship.id, sessionId: session.id });
        return item;
      });
    },

    async update(member: Member, itemId: string, changes: AgendaItemChanges): Promise<AgendaItem> {
      const { item, relationship } = await access.agendaItem(member, itemId);
      return store.transaction(async (tx) => {
        const updated = await tx.sessions.updateAgendaItem(member.tenantId, item.id, changes);
        if (!updated) throw new Error('the agenda item vanished during the write');
        await audit(tx, member, 'agenda-item.updated', 'agenda-item', item.id, {
          relationshipId: relationship.id,
          sessionId: item.sessionId,
          fields: Object.keys(changes).sort(),
          ...(changes.done === undefined ? {} : { done: changes.done }),
        });
        return updated;
      });
    },

    /** Undefined when the ids are not exactly the session's items (a stale list); nothing changes then. */
    async reorder(member: Member, sessionId: string, orderedIds: string[]): Promise<AgendaItem[] | undefined> {
      const { session, relationship } = await access.session(member, sessionId);
      return store.transaction(async (tx) => {
        const agenda = await tx.sessions.reorderAgenda(member.tenantId, session.id, orderedIds);
        if (!agenda) return undefined;
        await audit(tx, member, 'agenda.reordered', 'session', session.id, { relationshipId: relationship.id, items: agenda.length });
        return agenda;
      });
    },

    async remove(member: Member, itemId: string): Promise<void> {
      const { item, relationship } = await access.agendaItem(member, itemId);
      await store.transaction(async (tx) => {
        await tx.sessions.deleteAgendaItem(member.tenantId, item.id);
        await audit(tx, member, 'agenda-item.deleted', 'agenda-item', item.id, { relationshipId: relationship.id, sessionId: item.sessionId });
      });
    },
  };
}
