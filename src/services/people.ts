/** Who is talking to us, and where to reach them later. */
import type { PersonalConversation, Person, SeenPerson } from '../store/repositories/people';
import type { Store } from '../store/store';
import type { TenantService } from './tenants';

export function createPeopleService(store: Store, tenants: TenantService) {
  return {
    /**
     * Records the person behind a turn. The 1:1 conversation is kept only for
     * personal chats: that is where every proactive message goes.
     */
    async recordContact(seen: SeenPerson, personalConversation?: PersonalConversation): Promise<Person> {
      await tenants.ensureTenant(seen.tenantId);
      const person = await store.people.upsertSeen(seen);
      if (personalConversation) await store.people.saveConversation(seen.tenantId, person.id, personalConversation);
      return person;
    },

    /** True the first time only in a conversation, so the two install events Teams sends greet once. */
    markWelcomed: (person: Person, conversationId: string) =>
      store.people.markWelcomed(person.tenantId, person.id, conversationId),

    forgetWelcome: (person: Person) => store.people.forgetWelcome(person.tenantId, person.id),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
