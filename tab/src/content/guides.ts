/** The guides, in the order the Guides page shows them. */
import { activityIdeas } from './activityIdeas';
import type { Guide } from './guide';
import { menteeGuide } from './menteeGuide';
import { mentorGuide } from './mentorGuide';
import { mentoringAgreement } from './mentoringAgreement';

export { activityIdeasSectionId, type Guide, type GuideSection } from './guide';

export const guides: Guide[] = [mentorGuide, menteeGuide, mentoringAgreement, activityIdeas];
