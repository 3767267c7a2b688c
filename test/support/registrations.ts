/** Registering people through the bot, as they would: register, pick a role, fill in the form. */
import { cardsIn, type TeamsUser } from './botHarness';
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
