/** The mentor guide: the role, each stage, listening, feedback, and ending kindly. */
import type { Guide } from './guide';

export const mentorGuide: Guide = {
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
