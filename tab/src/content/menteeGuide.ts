/** The mentee guide: the role, each stage, preparing and asking, feedback, and ending kindly. */
import type { Guide } from './guide';

export const menteeGuide: Guide = {
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
