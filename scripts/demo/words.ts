/** What the demo's people are called and what they write: plausible, varied, and made up. */

export const firstNames = [
  'Aisha', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Liam', 'Maya', 'Nikolai',
  'Olivia', 'Pedro', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wei', 'Xavier', 'Yara', 'Zoltan', 'Amara', 'Bruno',
  'Chloé', 'Dmitri', 'Emeka', 'Freya', 'Gustavo', 'Hannah', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Mateo', 'Nadia', 'Oscar',
  'Priya', 'Rafael', 'Sofia', 'Tomás', 'Ulla', 'Valentina', 'Wanjiru', 'Yusuf', 'Zainab',
];

export const lastNames = [
  'Adeyemi', 'Berg', 'Costa', 'Dubois', 'Eriksson', 'Fischer', 'García', 'Hoffmann', 'Ibrahim', 'Jensen', 'Kowalski',
  'Lindqvist', 'Martins', 'Nakamura', 'Okafor', 'Petrova', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga',
  'Wójcik', 'Xu', 'Yilmaz', 'Zimmermann', 'Ahmed', 'Brennan', 'Chen', 'Dlamini', 'Esposito', 'Fernandes', 'Gupta',
  'Haddad', 'Ivanova', 'Johansson', 'Kim', 'Larsen', 'Müller', 'Novak', "O'Brien", 'Patel', 'Reyes', 'Singh', 'Torres',
];

export const locations = ['Berlin', 'London', 'Dublin', 'Amsterdam', 'Madrid', 'Warsaw', 'New York', 'Seattle', 'Toronto', 'Bangalore', 'Singapore', 'Remote'];

/** Zones near each other, so most pairs pass the program's time-zone limit. */
export const timeZones = ['Europe/London', 'Europe/Berlin', 'Europe/Berlin', 'Europe/Paris', 'Europe/Warsaw', 'Europe/Dublin', 'America/New_York', 'Europe/Madrid'];

export const menteeGoals = [
  'Get ready to lead a small team within a year',
  'Move from support into product management',
  'Speak up with confidence in leadership meetings',
  'Build a network outside my own department',
  'Learn how to negotiate scope with stakeholders',
  'Plan my next career step and what it takes',
  'Become the go-to person for data in my team',
  'Find a sustainable pace after coming back from leave',
  'Write clearer proposals that get decisions made',
  'Understand how strategy is set in the company',
];

export const goalTitles: [string, string][] = [
  ['Lead the next quarterly planning session', 'My manager and two peers say it ran well'],
  ['Present at the engineering all-hands', 'One talk given, feedback from three colleagues'],
  ['Shadow a product manager for a sprint', 'Notes on five decisions and why they were made'],
  ['Build a personal development plan', 'Plan written and agreed with my manager'],
  ['Run a stakeholder workshop', 'Workshop held, decisions recorded and followed up'],
  ['Improve my written updates', 'Weekly update under 200 words, read by the whole team'],
  ['Grow my internal network', 'Coffee chats with eight people in four departments'],
  ['Learn SQL for my reporting', 'Three dashboards built without help'],
  ['Negotiate a deadline with confidence', 'One deadline renegotiated with a plan both sides accept'],
  ['Prepare for a promotion conversation', 'Evidence document reviewed by my mentor'],
];

export const milestoneTitles = ['Agree what good looks like', 'First attempt, with notes', 'Ask for feedback', 'Second attempt', 'Reflect with my mentor'];

export const agendaTexts = [
  'What went well since last time',
  'The stakeholder meeting next week',
  'Feedback on my draft proposal',
  'How you prepared for your first promotion',
  'Handling a difficult conversation',
  'Review progress on my goals',
  'Time management: what to drop',
  'Ideas for the team offsite',
  'Next steps and action items',
];

export const ratingComments = [
  'Concrete advice I can use this week',
  'Great questions that made me think',
  'Hearing how you handled a similar situation',
  'The practice run of my presentation',
  'A clear plan for the next month',
  'Felt rushed; we ran out of time',
  'Useful introductions to people in finance',
  'Honest feedback on my draft',
];

export const endReasons = ['Goals met', 'Moved to another role', 'Schedules did not work out'];
