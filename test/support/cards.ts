/** Reading Adaptive Cards the way a Teams client does: walk the body, find inputs and actions. */

export type CardJson = Record<string, unknown>;
type Element = Record<string, unknown>;

function* walk(elements: unknown): Generator<Element> {
  if (!Array.isArray(elements)) return;
  for (const element of elements as Element[]) {
    yield element;
    yield* walk(element.items);
    yield* walk(element.columns);
    if (Array.isArray(element.columns)) for (const column of element.columns as Element[]) yield* walk(column.items);
  }
}

/** The Adaptive Cards among a message's attachments. */
export function adaptiveCardsIn(attachments: { contentType: string; content: unknown }[] | undefined): CardJson[] {
  return (attachments ?? [])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content as CardJson);
}

export function elements(card: CardJson): Element[] {
  return [...walk(card.body)];
}

export function inputs(card: CardJson): Element[] {
  return elements(card).filter((e) => typeof e.type === 'string' && e.type.startsWith('Input.'));
}

export function input(card: CardJson, id: string): Element {
  const found = inputs(card).find((e) => e.id === id);
  if (!found) throw new Error(`No input ${id} on the card`);
  return found;
}

export function texts(card: CardJson): string[] {
  return elements(card)
    .filter((e) => e.type === 'TextBlock')
    .map((e) => String(e.text));
}

/** The text block right after an input: where the form puts that field's error. */
export function textAfter(card: CardJson, inputId: string): string | undefined {
  for (const container of elements(card)) {
    const items = container.items as Element[] | undefined;
    if (!Array.isArray(items)) continue;
    const at = items.findIndex((e) => e.id === inputId);
    if (at >= 0) {
      return items
        .slice(at + 1)
        .filter((e) => e.type === 'TextBlock' && e.color === 'Attention')
        .map((e) => String(e.text))[0];
    }
  }
  return undefined;
}

export interface CardAction {
  type: string;
  title: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/** Every action a person can press: the card's own, those in ActionSets, and those inside ShowCards. */
export function actions(card: CardJson): CardAction[] {
  const found: CardAction[] = [];
  const collect = (list: unknown) => {
    for (const a of (list as (CardAction & { card?: CardJson })[] | undefined) ?? []) {
      found.push(a);
      if (a.card) {
        collect(a.card.actions);
        for (const e of elements(a.card)) if (e.type === 'ActionSet') collect(e.actions);
      }
    }
  };
  collect(card.actions);
  for (const e of elements(card)) if (e.type === 'ActionSet') collect(e.actions);
  return found;
}

export function action(card: CardJson, verb: string, where: (a: CardAction) => boolean = () => true): CardAction {
  const found = actions(card).find((a) => a.verb === verb && where(a));
  if (!found) throw new Error(`No action ${verb} on the card: ${actions(card).map((a) => a.verb).join(', ')}`);
  return found;
}
