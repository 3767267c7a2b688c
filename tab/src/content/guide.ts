/** What a guide is made of, shared by the guides and the page that shows them. */
import type { StageId } from './stages';

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
