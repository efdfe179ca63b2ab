/**
 * The texts of the optional language-model coach: what the member sees around its answers, and
 * the system prompts it is given (prompts/<lang>/coach.json). See catalog.ts for the rule.
 */
export const COACH_TEXTS = {
  'coach.beliefNote': ['belief'],
  'coach.peopleRead': ['names', 'total'],
  'coach.deepenSkip': [],
  'coach.deepenNoted': [],
  'coach.draft': ['draft'],
  'coach.useDraft': [],
  'coach.keepDraft': [],
  'llm.system.rules': [],
  'llm.system.reflect': [],
  'llm.system.people': [],
  'llm.system.smart': [],
  'llm.system.openers': [],
  'llm.system.check': [],
} as const;
