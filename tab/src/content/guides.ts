import { stages, type StageId } from './stages';

/** One heading's worth of a guide; `id` is the element id, so `#<id>` links land on it. */
export interface GuideSection {
  id: string;
  title: string;
  paragraphs: string[];
  bullets?: string[];
}

export interface Guide {
  id: 'mentor' | 'mentee' | 'agreement' | 'activities';
  title: string;
  summary: string;
  sections: GuideSection[];
}

/** Where a stage's activity ideas live, so the pair view can link straight to them. */
export function activityIdeasSectionId(stage: StageId): string {
  return `ideas-${stage}`;
}

const mentorGuide: Guide = {
  id: 'mentor',
  title: 'Mentor guide',
  summary:
    "You don't need all the answers to be a good mentor. You need curiosity, an hour a month, and the patience to let your mentee find their own way with your help.",
  sections: [
    {
      id: 'mentor-role',
      title: 'What a mentor does',
      paragraphs: [
        'A mentor is a guide, a sounding board and sometimes a door-opener. Your mentee sets the direction; you help them see their options more clearly, share what you have learned, and cheer them on.',
        "You are not their manager, their therapist or their fixer. If you catch yourself doing the work for them, step back and ask what they think they should do next.",
      ],
      bullets: [
        'Listen more than you talk: a good rule of thumb is that your mentee speaks for two thirds of the session.',
        'Share stories, including the mistakes. They are often more useful than advice.',
        'Keep your promises, small ones included. Turning up on time matters more than brilliant insight.',
        "Be honest about what you don't know, and point to people who do.",
      ],
    },
    {
      id: 'mentor-first-meeting',
      title: 'Your first meeting',
      paragraphs: [
        'Send a short hello within a few days of the match, even if the first session is weeks away. It tells your mentee they matter to you, and it breaks the ice before you meet.',
        'Use the first session to get to know each other and agree how you will work together. The "First session" agenda template in the tab covers it, and the mentoring agreement gives you the questions to settle.',
      ],
      bullets: [
        'Go first: share a little of your own path, including a wrong turn or two. It gives your mentee permission to be open.',
        'Ask what made them sign up and what a good outcome would look like for them.',
        'Be clear about what you can offer, and what you cannot.',
        'Fill in the mentoring agreement together: how often you meet, where you talk, what stays private, and how either of you can end it.',
        'Book the next session before you finish.',
      ],
    },
    {
      id: 'stage-rapport-building',
      title: 'Stage 1: Rapport building',
      paragraphs: [
        'Trust comes before progress. For the first session or two, the goal is simply to get to know each other well enough that your mentee will tell you what is really going on.',
        "Don't rush to goals. Be curious about the whole person: what they enjoy, what they are proud of, what worries them. Notice what lights them up.",
      ],
      bullets: [
        'Ask open questions about their story so far, and share some of yours.',
        'Agree the practical things early: when you meet, for how long, and how to reach each other.',
        'Check in at the end of each session: was this useful, and what would make it better?',
        'Move on to setting direction when talking feels easy and you both have a sense of what matters.',
      ],
    },
    {
      id: 'stage-setting-direction',
      title: 'Stage 2: Setting direction',
      paragraphs: [
        'Now help your mentee turn hopes into one to three goals. A good goal says what will change, how you will both know it has, and by when. The goal form in the tab walks you through exactly that.',
        "The goals must be theirs. If you find yourself suggesting the goal, ask instead: what would make the biggest difference for you this year?",
      ],
      bullets: [
        'Start wide ("what would you like to be different?"), then narrow to the one or two things that matter most.',
        'Make each goal specific enough to picture: "lead a project meeting" rather than "be more confident".',
        'Break each goal into milestones your mentee can reach between sessions.',
        'Talk about what might get in the way, and who else could help.',
      ],
    },
    {
      id: 'stage-progression',
      title: 'Stage 3: Progression',
      paragraphs: [
        'This is the longest stage and where most of the growth happens. Sessions follow a rhythm: what happened since last time, a real situation to work through, and one action to try before next time.',
        'Your job is to keep the momentum gentle but steady. Celebrate small wins, be curious about setbacks, and help your mentee learn from both.',
      ],
      bullets: [
        'Open with their progress on last time\'s action, without judging.',
        'Work on real situations from their week, not hypothetical ones.',
        'Offer options rather than one answer, and let them choose.',
        'Every few sessions, look at the goals together: are they still the right ones?',
        'If things stall, say so kindly and ask what would help.',
      ],
    },
    {
      id: 'stage-winding-down',
      title: 'Stage 4: Winding down',
      paragraphs: [
        'When the goals are met, or your time together is nearly up, start winding down. Naming the end early makes it a natural step rather than a surprise.',
        'Help your mentee see how far they have come. People often underestimate their own progress until someone shows them the before and after.',
      ],
      bullets: [
        'Look back at where they started and where they are now on each goal.',
        'Ask what helped most and what you could have done differently; it will make you a better mentor.',
        'Help them plan how they will keep going without you: habits, people and resources.',
        'Agree the date of your last session.',
      ],
    },
    {
      id: 'stage-moving-on',
      title: 'Stage 5: Moving on',
      paragraphs: [
        'A good ending is part of good mentoring. Say thank you, say what you learned from your mentee (you will have learned something), and close the relationship warmly.',
        'Staying in touch is welcome but not required. Agree what suits you both, with no pressure either way.',
      ],
      bullets: [
        'Tell your mentee one specific thing you saw them grow in.',
        'Decide together whether and how you will stay in touch.',
        'Encourage them to mentor someone else one day.',
        'Complete the final survey: it helps the program admins make the next round better.',
      ],
    },
    {
      id: 'mentor-listening',
      title: 'Listening and asking good questions',
      paragraphs: [
        'The most useful thing you can give is your full attention. Close your email, silence notifications, and listen to understand rather than to reply.',
        'Good questions help your mentee think for themselves. Open questions starting with "what" and "how" work better than "why", which can sound like criticism.',
      ],
      bullets: [
        'What would you like to get from today?',
        'What have you tried so far, and what happened?',
        'What would you do if you knew it would work?',
        'What is the smallest step you could take this week?',
        'What would you advise a friend in the same spot?',
        'Sum up what you heard before you offer a view: "So the real worry is..."',
      ],
    },
    {
      id: 'mentor-feedback',
      title: 'Giving and receiving feedback',
      paragraphs: [
        'Feedback is a gift when it is specific, kind and about something the person can change. Ask first ("would some feedback on that be useful?"), describe what you saw, explain its effect, and then ask what they think.',
        'Ask for feedback on your mentoring too, and thank your mentee when they give it. It shows them how to receive feedback well.',
      ],
      bullets: [
        'Talk about what happened, not about who someone is: "you spoke over two people in the meeting", not "you are pushy".',
        'Pair each thing to change with one thing to keep doing.',
        'Give feedback soon after the moment, while it is still fresh.',
        'After each session, the rating card in chat is a quick way to say how it went.',
      ],
    },
    {
      id: 'mentor-not-working',
      title: "When it isn't working, and how to end kindly",
      paragraphs: [
        "Not every match works, and that's nobody's fault. Signs to watch for: sessions keep getting cancelled, conversations stay on the surface, or one of you dreads the next meeting.",
        'Talk about it openly first. Often a change of rhythm, format or focus is enough. If it still is not working, ending kindly is better for both of you than letting it fade.',
        'To end, type "my matches" in your chat with Tandem and choose "End this mentorship". You don\'t have to give a reason: your mentee is told kindly, and they can ask for a new mentor straight away.',
      ],
      bullets: [
        'Say something in person first if you can: "I don\'t think I\'m the right mentor for what you need now."',
        'Thank them for their time and wish them well.',
        'If you are worried about your mentee\'s safety or health, talk to your program admin or HR; see "The limits of confidentiality" in the mentoring agreement.',
      ],
    },
  ],
};

const menteeGuide: Guide = {
  id: 'mentee',
  title: 'Mentee guide',
  summary:
    'Mentoring works best when you drive it. Your mentor brings experience and an outside view; you bring the questions, the goals and the effort between sessions.',
  sections: [
    {
      id: 'mentee-role',
      title: 'Making the most of mentoring',
      paragraphs: [
        'Your mentor has agreed to give you their time because they want to help. The best way to thank them is to come prepared, follow through, and be honest about how things are really going.',
        "You lead: you suggest topics, you keep track of your goals, and you say when something isn't useful. Your mentor will follow your lead far more happily than you might expect.",
      ],
      bullets: [
        'Come to each session with one or two things you want to talk about.',
        'Do what you said you would between sessions, or say why you did not.',
        'Ask for what you need: advice, a contact, a review of your work, or just someone to listen.',
        'Remember that your mentor is a person too, with a busy week. Be kind about rescheduling, and give notice when you need to.',
      ],
    },
    {
      id: 'mentee-first-meeting',
      title: 'Your first meeting',
      paragraphs: [
        'It is normal to feel a little nervous. Your mentor probably does too. The first session is about getting to know each other and agreeing how you will work together, not about having your goals figured out.',
        'The "First session" agenda template in the tab gives you a plan, and the mentoring agreement gives you the questions to settle together.',
      ],
      bullets: [
        'Think beforehand about why you signed up and what you hope will be different in six months.',
        'Share a little of your story: your role, how you got here, what you enjoy.',
        'Ask your mentor about their path, including what they wish they had known earlier.',
        'Fill in the mentoring agreement together: how often you meet, where you talk, what stays private, and how either of you can end it.',
        'Book the next session before you finish.',
      ],
    },
    {
      id: 'stage-rapport-building',
      title: 'Stage 1: Rapport building',
      paragraphs: [
        'The first sessions are about building trust. The more your mentor understands you, the more useful their help will be, so be open about what you enjoy, what you find hard, and what you want.',
        "Don't worry if your goals are still fuzzy. That is what the next stage is for.",
      ],
      bullets: [
        'Tell your mentor what a good session feels like for you.',
        'Be honest about your strengths and about what worries you.',
        'Agree the practical things: when you meet, for how long, and how to reach each other.',
        'Move on to setting direction when talking feels easy.',
      ],
    },
    {
      id: 'stage-setting-direction',
      title: 'Stage 2: Setting direction',
      paragraphs: [
        'Now choose one to three goals to work on. A good goal says what will change, how you will know it has, and by when. The goal form in the tab walks you through exactly that.',
        'Your goals should be yours, not what you think your mentor or manager wants to hear. Ask yourself what would make the biggest difference to your work or career this year.',
      ],
      bullets: [
        'Write each goal so you could picture it done: "present our team\'s results at the quarterly review" rather than "get better at presenting".',
        'Add milestones you can reach between sessions.',
        'Think about what might get in the way, and say it out loud.',
        'Ask your mentor who else could help: people, teams, courses or resources.',
      ],
    },
    {
      id: 'stage-progression',
      title: 'Stage 3: Progression',
      paragraphs: [
        'This is where the work happens, mostly between sessions. Try things, notice what happens, and bring it back to talk through with your mentor.',
        'Setbacks are useful material, not failures. The sessions where you say "this went badly" are often the ones you learn the most from.',
      ],
      bullets: [
        'Update your goals and milestones in the tab as you go, so sessions start from where you really are.',
        'Bring real situations from your week, with as much detail as you can share.',
        'Leave every session with one action and a date.',
        'Every few sessions, ask yourself whether your goals are still the right ones. Changing them is allowed.',
      ],
    },
    {
      id: 'stage-winding-down',
      title: 'Stage 4: Winding down',
      paragraphs: [
        'When your goals are met, or your time together is nearly up, it is time to wind down. Take stock of how far you have come; it is usually further than you think.',
        'Plan how you will keep going on your own: what habits to keep, who to turn to, and what to work on next.',
      ],
      bullets: [
        'Look back at each goal: done, nearly done, or let go, and why.',
        'Tell your mentor what helped you most. They will want to know.',
        'Write down the advice you want to remember.',
        'Agree the date of your last session.',
      ],
    },
    {
      id: 'stage-moving-on',
      title: 'Stage 5: Moving on',
      paragraphs: [
        'Close the mentorship with a proper thank you. A short note saying what difference your mentor made will mean a lot to them.',
        'Decide together whether to stay in touch. Many pairs keep in contact informally; it is fine either way.',
      ],
      bullets: [
        'Thank your mentor for one specific thing.',
        'Complete the final survey so the next round of the program is even better.',
        'Set your next goal, even a small one, while the momentum is there.',
        'Think about mentoring someone yourself. You know more than you think.',
      ],
    },
    {
      id: 'mentee-preparing',
      title: 'Preparing for sessions and asking for what you need',
      paragraphs: [
        'Ten minutes of preparation doubles the value of an hour together. Before each session, add what you want to talk about to the agenda in the tab so your mentor can think about it too.',
        "Be direct about what kind of help you want. Your mentor can't read your mind, and most people are glad to be asked clearly.",
      ],
      bullets: [
        'What has happened since last time, and what came of your last action?',
        'What is the one thing you most want help with today?',
        'Do you want advice, ideas, a sounding board, or an introduction to someone?',
        'During the session, note down actions as agenda items so you both see them.',
        'Afterwards, spend two minutes on the rating card in chat; it keeps the program honest.',
      ],
    },
    {
      id: 'mentee-feedback',
      title: 'Giving and receiving feedback',
      paragraphs: [
        'Feedback from your mentor is one of the most valuable things you will get, and sometimes the hardest to hear. Listen to the end, ask questions to understand it, and take time before you decide what to do with it.',
        'Your mentor needs feedback too. Tell them what is working and what is not; it helps them help you.',
      ],
      bullets: [
        'Ask for feedback on something specific: "how did my email to the director come across?"',
        'Say thank you, even when it stings.',
        'If a session was not useful, say so kindly and suggest what would be better next time.',
      ],
    },
    {
      id: 'mentee-not-working',
      title: "When it isn't working, and how to end kindly",
      paragraphs: [
        "Sometimes a match doesn't work: you may need different experience, the chemistry may not be there, or your mentor may be too busy. That's nobody's fault, and it's fine to say so.",
        'Try talking about it first: a change of rhythm, format or focus often helps. If it still is not working, ending kindly is better for both of you than letting it fade.',
        'To end, type "my matches" in your chat with Tandem and choose "End this mentorship". You don\'t have to give a reason: your mentor is told kindly, and you can ask for a new mentor in the same step.',
      ],
      bullets: [
        'Say something in person first if you can: "Thank you for your time; I think I need a different kind of help now."',
        'If anything in the mentorship makes you feel unsafe or uncomfortable, talk to your program admin or HR straight away.',
      ],
    },
  ],
};

const mentoringAgreement: Guide = {
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

const activityIdeasByStage: Record<StageId, { intro: string; ideas: string[] }> = {
  'rapport-building': {
    intro: 'Ways to get to know each other beyond job titles.',
    ideas: [
      'Career timeline: each of you sketches the highs and lows of your working life so far, then talks the other through it.',
      'Three objects: bring (or show on camera) three things that say something about you, and explain why you chose them.',
      'Strengths spotting: the mentee describes a day when work went really well; the mentor names the strengths they hear in the story.',
      'Values sort: each of you picks the five things that matter most to you at work from a list, then compares and asks why.',
      'Walk and talk: hold one session on a walk, in person or on the phone, to take the pressure off.',
    ],
  },
  'setting-direction': {
    intro: 'Ways to turn hopes into clear goals.',
    ideas: [
      'A year from now: the mentee writes a short note dated one year ahead, describing what has changed. Pick goals from it together.',
      'Start, stop, continue: list what the mentee wants to start doing, stop doing and keep doing at work, then choose one from each.',
      'Wheel of skills: rate yourself from 1 to 10 on six skills that matter in your role, and pick the one where a small rise would help most.',
      'Goal rewrite: take a vague goal such as "be more visible" and rewrite it together until you could tell exactly when it is done.',
      'Role model map: name two or three people doing what the mentee wants to do, and list what they do differently.',
    ],
  },
  progression: {
    intro: 'Ways to keep learning and moving between sessions.',
    ideas: [
      'Rehearsal: try out a hard conversation, presentation or interview, with the mentor playing the other person, then swap roles.',
      'Shadowing: the mentee joins one of the mentor\'s meetings as an observer, and you talk it through afterwards.',
      'Introductions: the mentor introduces the mentee to one person who knows about their goal, and the mentee reports back.',
      'Work review: go through a real piece of the mentee\'s work, such as a document, plan or email, and discuss what works and what to change.',
      'Book or talk swap: each of you reads one article or watches one talk chosen by the other, and compares notes.',
      'Experiment log: the mentee tries one new habit or approach a week, notes what happened, and brings the notes to the next session.',
    ],
  },
  'winding-down': {
    intro: 'Ways to take stock and plan for what comes next.',
    ideas: [
      'Before and after: the mentee rereads their first goals and notes from the early sessions, and describes what is different now.',
      'Lessons list: together, write the five most useful things the mentee learned, in their own words.',
      'Support map: list the people, groups and resources the mentee can turn to once the mentorship ends.',
      'Next-goal draft: shape one goal the mentee will work on alone, using the same goal form you used together.',
    ],
  },
  'moving-on': {
    intro: 'Ways to close the mentorship warmly.',
    ideas: [
      'Thank-you notes: each of you writes a few lines about what you gained from the other, and reads them aloud or sends them.',
      'Celebration: mark the end with a coffee, lunch or a relaxed last call with no agenda.',
      'Pay it forward: the mentee thinks about who they could help next, and the mentor shares how they first became a mentor.',
      'Stay-in-touch plan: agree something light, such as a check-in in six months, or simply an open door.',
    ],
  },
};

const activityIdeas: Guide = {
  id: 'activities',
  title: 'Activity ideas',
  summary:
    'Something to do when you want a change from talking. Pick one that fits your stage, adapt it freely, and skip anything that does not suit you.',
  sections: stages.map((stage) => {
    const { intro, ideas } = activityIdeasByStage[stage.id];
    return { id: activityIdeasSectionId(stage.id), title: stage.title, paragraphs: [intro], bullets: ideas };
  }),
};

export const guides: Guide[] = [mentorGuide, menteeGuide, mentoringAgreement, activityIdeas];
