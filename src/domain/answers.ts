/** A person's answers to a questionnaire, by question id. */
export type AnswerValue = string | string[] | number;
export type Answers = Record<string, AnswerValue>;
