/** The stages a mentoring relationship moves through, as practitioners name them. */
export const stageTitles = {
  'rapport-building': 'Rapport building',
  'setting-direction': 'Setting direction',
  progression: 'Progression',
  'winding-down': 'Winding down',
  'moving-on': 'Moving on',
} as const;

export type Stage = keyof typeof stageTitles;
