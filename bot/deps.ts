import type { PeopleService } from '../src/services/people';
import type { RegistrationService } from '../src/services/registration';

/** What the bot's routes may use: use cases only, never the store. */
export interface BotDeps {
  people: PeopleService;
  registration: RegistrationService;
  /** The tenant assumed when a local, non-Teams client sends none (anonymous local mode only). */
  fallbackTenantId?: string;
}
