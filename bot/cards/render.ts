import * as ACData from 'adaptivecards-templating';
import type { Activity } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';

/** An expanded Adaptive Card, ready to send or to return from an Action.Execute. */
export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  [key: string]: unknown;
}

export function renderCard(template: object, data: object): AdaptiveCard {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCard;
}

/** A message carrying the card, to send or to replace an earlier one with. */
export function cardMessage(card: AdaptiveCard): Partial<Activity> {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** "3 March 2026", in the person's own time zone when we know it. */
export function formatDay(date: Date, timeZone?: string | null): string {
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };
  try {
    return date.toLocaleDateString('en-GB', { ...options, timeZone: timeZone ?? 'UTC' });
  } catch {
    return date.toLocaleDateString('en-GB', { ...options, timeZone: 'UTC' });
  }
}

export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? name;
