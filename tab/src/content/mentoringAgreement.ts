/** The mentoring agreement template, with blanks the pair fills in together. */
import type { Guide } from './guide';

export const mentoringAgreement: Guide = {
  id: 'agreement',
  title: 'Mentoring agreement',
  summary:
    'A short agreement you fill in together at your first session, so you both know what to expect. Fill in each ____ together, and change it whenever it stops fitting.',
  sections: [
    {
      id: 'agreement-how-to-use',
      title: 'How to use this agreement',
      paragraphs: [
        'Go through it together in your first session. It takes about fifteen minutes, and it saves awkward guessing later.',
        'Copy it into your meeting chat or a shared note so you can both find it. It is a promise between the two of you, not a contract.',
      ],
    },
    {
      id: 'agreement-purpose',
      title: 'What we want from this mentorship',
      paragraphs: ['We are working together because the mentee would like to ____.'],
      bullets: [
        'A good outcome in six months would be: ____',
        'The mentor can help most with: ____',
        'Things the mentor cannot help with, and who could: ____',
      ],
    },
    {
      id: 'agreement-cadence',
      title: 'How often we meet',
      paragraphs: ['We will meet every ____ weeks, for ____ minutes, until ____ (date).'],
      bullets: [
        'Who books the sessions: ____',
        'If one of us needs to reschedule, we will give at least ____ notice.',
        'If we miss two sessions in a row, we will talk about whether the rhythm still works.',
      ],
    },
    {
      id: 'agreement-channel',
      title: 'How we keep in touch',
      paragraphs: ['Our sessions will be held ____ (a Teams meeting, in person, or a mix).'],
      bullets: [
        'Between sessions, we can reach each other by ____ (Teams chat, email, phone).',
        'We will reply within about ____.',
        'Times that do not work for either of us: ____',
      ],
    },
    {
      id: 'agreement-confidentiality',
      title: 'Confidentiality',
      paragraphs: [
        'What we talk about stays between us unless we both agree otherwise. Neither of us will share the other\'s stories, worries or plans with managers or colleagues without asking first.',
        'Program admins see whether our sessions took place and what we write on the rating cards after them, but not our conversations. The other person sees comments from a rating card only if the writer chooses to share them.',
      ],
      bullets: ['Anything else we want to keep private, or are happy to share: ____'],
    },
    {
      id: 'agreement-confidentiality-limits',
      title: 'The limits of confidentiality',
      paragraphs: [
        'A few things cannot stay between us. If either of us hears something that falls into one of these, we may need to pass it on to the program admin, HR or the right authority. Where we can, we will say so first and talk about how.',
      ],
      bullets: [
        'Someone is at risk of harm, including the risk of self-harm.',
        'Harassment, bullying or discrimination.',
        'Something illegal, or a serious breach of company policy.',
        'A legal or safety duty that requires us to report it.',
      ],
    },
    {
      id: 'agreement-ending',
      title: 'Ending the mentorship',
      paragraphs: [
        'Either of us can end this mentorship at any time, for any reason, without blame. Mentorships end early for many reasons, and it says nothing bad about either person.',
        'To end it, type "my matches" in the chat with Tandem and choose "End this mentorship". No reason is needed: the other person is told kindly, and a mentee can ask for a new mentor in the same step.',
      ],
      bullets: [
        'If one of us is thinking of ending, we will try to say so in a session first.',
        'When we reach our goals or our end date, we will hold a last session to look back and say thank you.',
      ],
    },
    {
      id: 'agreement-review',
      title: 'Reviewing this agreement',
      paragraphs: [
        'We will look at this agreement again when we move to a new stage, or sooner if something is not working.',
        'Agreed on ____ by ____ (mentor) and ____ (mentee).',
      ],
    },
  ],
};
