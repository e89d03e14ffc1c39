/** Sizes that keep a card readable and a record small. */
export const LIMITS = {
  title: 500,
  description: 4000,
  decisionText: 4000,
  ownerText: 200,
  comment: 2000,
  comments: 200,
  organisations: 20,
  link: 2000,
} as const;
