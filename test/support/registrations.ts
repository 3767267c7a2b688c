/** Registering people through the bot, as they would: register, pick a role, fill in the form. */
import { cardsIn, type Harness, type TeamsUser } from './botHarness';
import { action, type CardJson } from './cards';

export const menteeAnswers = {
  q_goals: 'Get ready to lead a small team within a year',
  q_skillsToDevelop: 'leadership,people-management',
  q_department: 'engineering',
  q_level: 'experienced-individual-contributor',
  q_experienceYears: '4',
  q_interests: 'reading',
  q_location: 'Berlin',
  q_timeZone: 'Europe/Berlin',
  q_languages: 'english,german',
  q_availability: 'late-morning,afternoon',
  q_communication: 'teams-video-call',
  q_background: '',
};

export const mentorAnswers = {
  q_skillsToOffer: 'leadership,strategy',
  q_mentorCapacity: '3',
  q_department: 'product',
  q_level: 'director',
  q_experienceYears: '15',
  q_timeZone: 'Europe/London',
  q_languages: 'english',
  q_availability: 'afternoon',
  q_communication: 'either',
};

export async function register(
  user: TeamsUser,
  role: 'mentee' | 'mentor' | 'both',
  answers: Record<string, string>,
): Promise<CardJson> {
  const [roleCard] = cardsIn(await user.say('register'));
  const pick = action(roleCard!, 'registration.chooseRole', (a) => a.data?.role === role);
  const { card: form } = await user.click(pick.verb!, pick.data!);
  const submit = action(form!, 'registration.submit');
  const { card } = await user.click(submit.verb!, { ...submit.data, ...answers });
  return card!;
}

/**
 * The cast the matching and participant API suites share, registered in chat:
 * two mentors (Max takes one mentee and offers only strategy), three mentees
 * (Bo wants strategy; Kenji is in Tokyo, eight hours from Berlin, more than
 * the program's six-hour limit) and Ada, the tenant admin when the harness's
 * TENANT_ADMINS names 29:admin, who has only said hello.
 */
export async function registerMatchingCast(harness: Harness) {
  const cast = {
    mia: harness.user('29:mia', { name: 'Mia Chen' }),
    max: harness.user('29:max', { name: 'Max Weber' }),
    ann: harness.user('29:ann', { name: 'Ann Lee' }),
    bo: harness.user('29:bo', { name: 'Bo Svensson' }),
    kenji: harness.user('29:kenji', { name: 'Kenji Mori' }),
    admin: harness.user('29:admin', { name: 'Ada Admin' }),
  };
  await register(cast.mia, 'mentor', mentorAnswers);
  await register(cast.max, 'mentor', { ...mentorAnswers, q_mentorCapacity: '1', q_skillsToOffer: 'strategy' });
  await register(cast.ann, 'mentee', menteeAnswers);
  await register(cast.bo, 'mentee', { ...menteeAnswers, q_skillsToDevelop: 'strategy' });
  await register(cast.kenji, 'mentee', { ...menteeAnswers, q_timeZone: 'Asia/Tokyo' });
  await cast.admin.say('help');
  return cast;
}
