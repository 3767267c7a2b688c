import type { PeopleService } from '../src/services/people';
import type { RegistrationService } from '../src/services/registration';
import type { ProposalService } from '../src/services/proposals';
import type { RelationshipService } from '../src/services/relationships';
import type { SchedulingService } from '../src/services/scheduling';
import type { SessionRatingService } from '../src/services/sessionRatings';

/** What the bot's routes may use: use cases only, never the store. */
export interface BotDeps {
  people: PeopleService;
  registration: RegistrationService;
  proposals: ProposalService;
  relationships: RelationshipService;
  scheduling: SchedulingService;
  sessionRatings: SessionRatingService;
  /** The bot's Entra app id, for opening 1:1 chats; empty when running anonymously. */
  botAppId: string;
  /** The tenant assumed when a local, non-Teams client sends none (anonymous local mode only). */
  fallbackTenantId?: string;
}
