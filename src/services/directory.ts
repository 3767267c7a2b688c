/**
 * Reporting lines for the matching exclusions. Without Graph, the
 * questionnaire's manager question is the source: a person names their manager
 * (name or work email), that manager names theirs, and so on, among the
 * people enrolled. With Graph, the manager chain is added to that, so a pair
 * is excluded when either source says so.
 */
import type { Directory, DirectoryPerson } from './ports';

const MAX_DEPTH = 10;

export function questionnaireDirectory(): Directory {
  function reportingLinesOf(people: DirectoryPerson[]): Map<string, Set<string>> {
    const byKey = new Map<string, string[]>();
    const index = (key: string | null | undefined, personId: string) => {
      const k = key?.trim().toLowerCase();
      if (!k) return;
      byKey.set(k, [...(byKey.get(k) ?? []), personId]);
    };
    const answers = new Map<string, string | undefined>();
    for (const person of people) {
      index(person.name, person.personId);
      index(person.email, person.personId);
      answers.set(person.personId, person.managerAnswer);
    }
    const managersOf = (personId: string) => byKey.get(answers.get(personId)?.trim().toLowerCase() ?? '') ?? [];

    const lines = new Map<string, Set<string>>();
    for (const person of people) {
      const line = new Set<string>();
      let frontier = managersOf(person.personId);
      for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
        const next: string[] = [];
        for (const manager of frontier) {
          if (manager === person.personId || line.has(manager)) continue;
          line.add(manager);
          next.push(...managersOf(manager));
        }
        frontier = next;
      }
      if (line.size > 0) lines.set(person.personId, line);
    }
    return lines;
  }

  return {
    async reportingLines(_tenantId, people) {
      return reportingLinesOf(people);
    },
  };
}

/**
 * Graph's manager chain (object ids, nearest first) mapped to Tandem people,
 * joined with what the questionnaire says.
 */
export function graphDirectory(managerChain: (objectId: string) => Promise<string[]>): Directory {
  const fromQuestionnaire = questionnaireDirectory();
  return {
    async reportingLines(tenantId, people) {
      const lines = await fromQuestionnaire.reportingLines(tenantId, people);
      const personByObjectId = new Map(
        people.filter((p) => p.aadObjectId).map((p) => [p.aadObjectId!.toLowerCase(), p.personId]),
      );
      for (const person of people) {
        if (!person.aadObjectId) continue;
        // Graph unreachable or throttled past its retries: the questionnaire's answer still stands.
        const chain = await managerChain(person.aadObjectId).catch(() => [] as string[]);
        const line = lines.get(person.personId) ?? new Set<string>();
        for (const objectId of chain) {
          const managerId = personByObjectId.get(objectId.toLowerCase());
          if (managerId) line.add(managerId);
        }
        if (line.size > 0) lines.set(person.personId, line);
      }
      return lines;
    },
  };
}
