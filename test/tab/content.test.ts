import { stageTitles } from '../../src/domain/stages';
import { firstSessionTemplate, stageTemplates, type AgendaTemplate } from '../../tab/src/content/agendaTemplates';
import { activityIdeasSectionId, guides, type Guide } from '../../tab/src/content/guides';
import { stages } from '../../tab/src/content/stages';

function guide(id: Guide['id']): Guide {
  const found = guides.find((g) => g.id === id);
  if (!found) throw new Error(`no ${id} guide`);
  return found;
}

function sectionText(g: Guide, sectionId: string): string {
  const section = g.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId} in the ${g.id} guide`);
  return [section.title, ...section.paragraphs, ...(section.bullets ?? [])].join('\n');
}

function allText(g: Guide): string {
  return [g.title, g.summary, ...g.sections.map((s) => sectionText(g, s.id))].join('\n');
}

/** Every string the content modules hold, with where it came from, so an empty one can be named. */
function everyString(): Array<[where: string, text: string]> {
  const found: Array<[string, string]> = [];
  for (const s of stages) found.push([`stage ${s.id}`, s.title], [`stage ${s.id}`, s.hint], [`stage ${s.id}`, s.guideSection]);
  for (const t of [firstSessionTemplate, ...Object.values(stageTemplates)]) {
    for (const text of [t.id, t.title, ...t.items]) found.push([`template ${t.id}`, text]);
  }
  for (const g of guides) {
    found.push([`guide ${g.id}`, g.title], [`guide ${g.id}`, g.summary]);
    for (const s of g.sections) {
      for (const text of [s.id, s.title, ...s.paragraphs, ...(s.bullets ?? [])]) found.push([`${g.id}#${s.id}`, text]);
    }
  }
  return found;
}

describe('stages', () => {
  it('are the server stages, in the server order, each with a one-line hint', () => {
    expect(stages.map((s) => s.id)).toEqual(Object.keys(stageTitles));
    expect(stages.map((s) => s.title)).toEqual(Object.values(stageTitles));
    for (const s of stages) {
      expect(s.hint).not.toMatch(/\n/);
      expect(s.hint.length).toBeLessThanOrEqual(120);
    }
  });

  it('point to a section with that anchor in both the mentor and the mentee guide', () => {
    for (const s of stages) {
      expect(sectionText(guide('mentor'), s.guideSection)).toContain(s.title);
      expect(sectionText(guide('mentee'), s.guideSection)).toContain(s.title);
    }
  });

  it('have distinct guide anchors', () => {
    expect(new Set(stages.map((s) => s.guideSection)).size).toBe(stages.length);
  });
});

describe('agenda templates', () => {
  const templates: AgendaTemplate[] = [firstSessionTemplate, ...stages.map((s) => stageTemplates[s.id])];

  it('exist for the first session and every stage, with distinct ids', () => {
    expect(Object.keys(stageTemplates).sort()).toEqual(stages.map((s) => s.id).sort());
    expect(new Set(templates.map((t) => t.id)).size).toBe(templates.length);
  });

  it('have 4 to 7 distinct items of at most 200 characters', () => {
    for (const t of templates) {
      expect(t.items.length).toBeGreaterThanOrEqual(4);
      expect(t.items.length).toBeLessThanOrEqual(7);
      expect(new Set(t.items).size).toBe(t.items.length);
      for (const item of t.items) expect(item.length).toBeLessThanOrEqual(200);
    }
  });

  it('cover introductions, expectations and the agreement in the first session', () => {
    const text = firstSessionTemplate.items.join('\n').toLowerCase();
    for (const topic of ['introductions', 'expectations', 'how often we meet', 'keep in touch', 'confidentiality', 'end the mentorship']) {
      expect(text).toContain(topic);
    }
  });
});

describe('guides', () => {
  it('are the mentor guide, the mentee guide, the agreement and the activity ideas', () => {
    expect(guides.map((g) => g.id)).toEqual(['mentor', 'mentee', 'agreement', 'activities']);
  });

  it('have unique anchors within each guide, shared across guides only by the stage sections', () => {
    for (const g of guides) expect(new Set(g.sections.map((s) => s.id)).size).toBe(g.sections.length);
    const stageAnchors = new Set(stages.map((s) => s.guideSection));
    const seen = new Map<string, Guide['id']>();
    for (const g of guides) {
      for (const s of g.sections) {
        const earlier = seen.get(s.id);
        if (earlier) expect({ anchor: s.id, guides: [earlier, g.id], isStageAnchor: stageAnchors.has(s.id) }).toEqual({ anchor: s.id, guides: ['mentor', 'mentee'], isStageAnchor: true });
        seen.set(s.id, g.id);
      }
    }
  });

  it('use anchors that are valid element ids', () => {
    for (const g of guides) for (const s of g.sections) expect(s.id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('cover the practical topics in the mentor and mentee guides', () => {
    const mentor = guide('mentor').sections.map((s) => s.title.toLowerCase()).join('\n');
    for (const topic of ['first meeting', 'listening', 'questions', 'feedback', "isn't working", 'end kindly']) expect(mentor).toContain(topic);
    const mentee = guide('mentee').sections.map((s) => s.title.toLowerCase()).join('\n');
    for (const topic of ['first meeting', 'preparing', 'asking', 'feedback', "isn't working", 'end kindly']) expect(mentee).toContain(topic);
  });

  it('tell both roles how to end the mentorship in Tandem', () => {
    for (const g of [guide('mentor'), guide('mentee')]) {
      expect(allText(g)).toContain('type "my matches"');
      expect(allText(g)).toContain('"End this mentorship"');
    }
  });

  it('hold no empty or padded strings', () => {
    const bad = everyString().filter(([, text]) => text.trim() === '' || text !== text.trim());
    expect(bad).toEqual([]);
  });

  it('avoid spellings that are only British or only American, and workplace jargon', () => {
    const regional = /\b(practi[sc]e[sd]? (a|an|the|it)|behaviou?rs?|colou?rs?|fortnight|judge?ments?|organi[sz]\w*|priori[tz]i[sz]\w*|recogni[sz]\w*|apologi[sz]\w*|energi[sz]\w*|programme|towards?|whilst|enrol\w*|well-?being|leverage|synergy|stakeholders?|circle back|bandwidth)\b/i;
    const found = everyString().filter(([, text]) => regional.test(text));
    expect(found).toEqual([]);
  });
});

describe('mentoring agreement', () => {
  const agreement = guide('agreement');
  const text = allText(agreement);

  it('covers cadence, channel, confidentiality and its limits, and ending', () => {
    for (const anchor of ['agreement-cadence', 'agreement-channel', 'agreement-confidentiality', 'agreement-confidentiality-limits', 'agreement-ending']) {
      expect(agreement.sections.map((s) => s.id)).toContain(anchor);
    }
    expect(sectionText(agreement, 'agreement-cadence')).toMatch(/every ____ weeks, for ____ minutes/);
    expect(sectionText(agreement, 'agreement-channel')).toMatch(/Teams/);
  });

  it('names the limits of confidentiality: safety, harassment, legal duties', () => {
    const limits = sectionText(agreement, 'agreement-confidentiality-limits').toLowerCase();
    for (const limit of ['harm', 'harassment', 'illegal', 'legal', 'safety']) expect(limits).toContain(limit);
  });

  it('says either person can end it without blame, and how', () => {
    const ending = sectionText(agreement, 'agreement-ending');
    expect(ending).toMatch(/either of us can end/i);
    expect(ending).toMatch(/without blame/);
    expect(ending).toContain('type "my matches"');
    expect(ending).toContain('"End this mentorship"');
  });

  it('has blanks to fill in, written as four underscores', () => {
    expect((text.match(/____/g) ?? []).length).toBeGreaterThanOrEqual(10);
    expect(text).not.toMatch(/_{5,}|(^|[^_])_{1,3}(?!_)/);
    expect(sectionText(agreement, 'agreement-review')).toMatch(/Agreed on ____ by ____ \(mentor\) and ____ \(mentee\)/);
  });
});

describe('activity ideas', () => {
  const activities = guide('activities');

  it('have a section for every stage, in stage order, with 4 to 6 distinct ideas', () => {
    expect(activities.sections.map((s) => s.id)).toEqual(stages.map((s) => activityIdeasSectionId(s.id)));
    for (const section of activities.sections) {
      const ideas = section.bullets ?? [];
      expect(ideas.length).toBeGreaterThanOrEqual(4);
      expect(ideas.length).toBeLessThanOrEqual(6);
      expect(new Set(ideas).size).toBe(ideas.length);
    }
  });
});
