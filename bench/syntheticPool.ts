/**
 * A made-up but plausible program pool for benchmarks and demos: answers to
 * the default questionnaire drawn with the skews real programs show (mentees
 * junior, mentors senior, most people in a few time zones and speaking
 * English), a few reporting lines, past pairs, paused enrollments and people
 * who signed up on both sides. The same seed always gives the same pool.
 */
import type { Answers } from '../src/domain/answers';
import { defaultProgram } from '../src/domain/defaultProgram';
import type { Question, Questionnaire } from '../src/domain/questionnaire';
import type { Participant, ScoringContext } from '../src/matching/participants';
import { seededRandom } from './seededRandom';

export interface SyntheticPool {
  questionnaire: Questionnaire;
  mentees: Participant[];
  mentors: Participant[];
  context: ScoringContext;
}

class Draw {
  constructor(readonly random: () => number) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** An index drawn with the given relative weights. */
  weighted(weights: readonly number[]): number {
    let r = this.random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` distinct items, the heavier more likely. */
  several<T>(items: readonly T[], count: number, weights?: readonly number[]): T[] {
    const left = items.map((item, i) => ({ item, weight: weights?.[i] ?? 1 }));
    const chosen: T[] = [];
    while (chosen.length < count && left.length > 0) {
      const [taken] = left.splice(this.weighted(left.map((l) => l.weight)), 1);
      chosen.push(taken!.item);
    }
    return chosen;
  }
}

const firstNames = [
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Emeka',
  'Fatima',
  'Greta',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Liam',
  'Mei',
  'Noah',
  'Olu',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zoe',
];
const lastNames = [
  'Adeyemi',
  'Becker',
  'Chen',
  'Dubois',
  'Evans',
  'Fernández',
  'Gupta',
  'Hansen',
  'Ito',
  'Jansen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Nakamura',
  'Okafor',
  'Patel',
  'Rossi',
  'Silva',
  'Tanaka',
  'Walsh',
];

/** Zones with their share of people, the offices there and the local languages besides English. */
const places: { zone: string; share: number; cities: string[]; languages: string[] }[] = [
  { zone: 'America/Los_Angeles', share: 8, cities: ['Seattle', 'San Francisco', 'Vancouver'], languages: ['spanish'] },
  { zone: 'America/Denver', share: 2, cities: ['Denver'], languages: [] },
  { zone: 'America/Chicago', share: 5, cities: ['Chicago', 'Mexico City'], languages: ['spanish'] },
  { zone: 'America/New_York', share: 15, cities: ['New York', 'Toronto', 'Boston'], languages: ['spanish', 'french'] },
  { zone: 'America/Sao_Paulo', share: 4, cities: ['São Paulo', 'Buenos Aires'], languages: ['portuguese', 'spanish'] },
  { zone: 'Europe/London', share: 12, cities: ['London', 'Dublin', 'Lisbon'], languages: ['portuguese'] },
  {
    zone: 'Europe/Berlin',
    share: 20,
    cities: ['Berlin', 'Paris', 'Madrid', 'Warsaw', 'Amsterdam', 'Milan'],
    languages: ['german', 'french', 'spanish', 'polish', 'dutch', 'italian'],
  },
  { zone: 'Africa/Lagos', share: 2, cities: ['Lagos'], languages: [] },
  { zone: 'Europe/Athens', share: 2, cities: ['Athens', 'Bucharest'], languages: [] },
  { zone: 'Africa/Johannesburg', share: 2, cities: ['Johannesburg', 'Cairo'], languages: ['arabic'] },
  { zone: 'Asia/Dubai', share: 2, cities: ['Dubai'], languages: ['arabic', 'hindi'] },
  { zone: 'Asia/Kolkata', share: 12, cities: ['Bengaluru', 'Hyderabad', 'Pune'], languages: ['hindi'] },
  { zone: 'Asia/Singapore', share: 7, cities: ['Singapore', 'Shanghai'], languages: ['mandarin'] },
  { zone: 'Asia/Tokyo', share: 3, cities: ['Tokyo', 'Seoul'], languages: ['japanese'] },
  { zone: 'Australia/Sydney', share: 4, cities: ['Sydney', 'Melbourne'], languages: [] },
];

const departmentShares = [30, 10, 5, 12, 8, 8, 6, 5, 2, 10, 4];
const menteeLevelShares = [35, 30, 15, 12, 6, 2, 0];
const mentorLevelShares = [0, 8, 25, 25, 20, 16, 6];
const yearsAtLevel = [1, 4, 8, 10, 14, 18, 22];
/** Skills in the default's order; mentees want the middle ones most, mentors offer the management ones more. */
const wantedSkillShares = [8, 5, 9, 6, 3, 4, 6, 5, 4, 5, 2, 2, 2, 2, 4, 6, 4, 7];
const offeredSkillShares = [9, 8, 8, 5, 4, 5, 7, 5, 6, 5, 3, 3, 3, 3, 6, 7, 5, 5];
const goals = [
  'Get ready to lead a small team',
  'Move from support into product management',
  'Grow my confidence presenting to senior leaders',
  'Plan the next two years of my career',
  'Learn how the business makes decisions',
];

function questionById(questionnaire: Questionnaire, id: string): Question {
  const question = questionnaire.questions.find((q) => q.id === id);
  if (!question) throw new Error(`The default questionnaire has no ${id} question.`);
  return question;
}

export function generateSyntheticPool(seed: number, mentees: number, mentors: number): SyntheticPool {
  const draw = new Draw(seededRandom(seed));
  const questionnaire = defaultProgram.questionnaire;
  const values = (id: string) => (questionById(questionnaire, id).options ?? []).map((o) => o.value);
  const [skills, departments, levels, interests, availability, communication, backgrounds] = [
    values('skillsToDevelop'),
    values('department'),
    values('level'),
    values('interests'),
    values('availability'),
    values('communication'),
    values('background'),
  ];

  const commonAnswers = (role: 'mentee' | 'mentor'): Answers => {
    const place = places[draw.weighted(places.map((p) => p.share))]!;
    const level = draw.weighted(role === 'mentee' ? menteeLevelShares : mentorLevelShares);
    const local = place.languages.filter(() => draw.chance(0.5));
    const languages = draw.chance(0.92) ? ['english', ...local] : local.length > 0 ? local : ['english'];
    const answers: Answers = {
      department: departments[draw.weighted(departmentShares)]!,
      level: levels[level]!,
      experienceYears: Math.max(0, yearsAtLevel[level]! + draw.int(-2, 6)),
      timeZone: place.zone,
      languages,
      availability: draw.several(availability, draw.int(1, 4)),
      communication: communication[draw.weighted([60, 15, 25])]!,
    };
    if (draw.chance(0.6)) answers.interests = draw.several(interests, draw.int(1, 5));
    if (draw.chance(0.7)) answers.location = draw.pick(place.cities);
    if (draw.chance(0.2)) answers.background = draw.several(backgrounds, draw.int(1, 2));
    return answers;
  };

  const status = (): Participant['status'] => (draw.chance(0.97) ? 'active' : draw.chance(0.65) ? 'paused' : 'withdrawn');
  const name = () => `${draw.pick(firstNames)} ${draw.pick(lastNames)}`;

  const mentorList: Participant[] = Array.from({ length: mentors }, (_, i) => {
    const answers = commonAnswers('mentor');
    answers.skillsToOffer = draw.several(skills, draw.int(2, 5), offeredSkillShares);
    const offered = [1, 2, 2, 3, 3, 4, 5][draw.int(0, 6)]!;
    answers.mentorCapacity = offered;
    const alreadyMentoring = draw.chance(0.15) ? draw.int(1, offered) : 0;
    return {
      personId: `mentor-${i}`,
      enrollmentId: `enrollment-mentor-${i}`,
      name: name(),
      answers,
      status: status(),
      capacity: offered - alreadyMentoring,
    };
  });

  const menteeList: Participant[] = Array.from({ length: mentees }, (_, i) => {
    // About 1 in 100 signed up as both: one person and enrollment, in both lists.
    const both = mentors > 0 && draw.chance(0.01) ? mentorList[draw.int(0, mentors - 1)]! : null;
    const answers = both ? { ...both.answers } : commonAnswers('mentee');
    answers.goals = draw.pick(goals);
    answers.skillsToDevelop = draw.several(skills, draw.int(1, 3), wantedSkillShares);
    if (draw.chance(0.5)) answers.manager = name();
    if (both) {
      both.answers = answers;
      return { ...both, capacity: 0 };
    }
    return {
      personId: `mentee-${i}`,
      enrollmentId: `enrollment-mentee-${i}`,
      name: name(),
      answers,
      status: status(),
      capacity: 0,
    };
  });

  const reportingLines = new Map<string, Set<string>>();
  const pastMentors = new Map<string, Set<string>>();
  const someMentors = (count: number) => new Set(Array.from({ length: count }, () => `mentor-${draw.int(0, mentors - 1)}`));
  if (mentors > 0) {
    for (const mentee of menteeList) {
      // Managers who mentor, and managers outside the program, who must simply be ignored.
      if (draw.chance(0.05))
        reportingLines.set(mentee.personId, new Set([...someMentors(draw.int(1, 3)), `manager-of-${mentee.personId}`]));
      if (draw.chance(0.03)) pastMentors.set(mentee.personId, someMentors(draw.int(1, 2)));
    }
  }
  const nobody: ReadonlySet<string> = new Set();

  return {
    questionnaire,
    mentees: menteeList,
    mentors: mentorList,
    context: {
      questionnaire,
      maxTimeZoneGapHours: defaultProgram.maxTimeZoneGapHours,
      reportingLine: (menteePersonId) => reportingLines.get(menteePersonId) ?? nobody,
      pairedBefore: (menteePersonId, mentorPersonId) => pastMentors.get(menteePersonId)?.has(mentorPersonId) ?? false,
    },
  };
}
