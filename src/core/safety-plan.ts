/**
 * A safety plan (Stanley-Brown) as the profile keeps it, and the pure decisions around it
 * (issue 14). Seven steps, each skippable; the plan remembers the next step to ask, so writing
 * it can stop at any point and PLAN picks up there, on any later day (the session lasts a day,
 * the plan lasts until they delete it).
 *
 * On text each step is kept in the person's own words. On voice only one of the enumerated
 * options (data/safety-plan-options.json) is kept: voice stores enumerated values only. A step
 * typed by text is read aloud only under the summary's rule (a recognised voice, or after a yes).
 */
import data from './data/safety-plan-options.json' with { type: 'json' };

/** The Stanley-Brown steps, in the order they are asked. */
export const PLAN_STEPS = [
  'warningSigns',
  'onMyOwn',
  'distractions',
  'helpers',
  'professionals',
  'saferSpace',
  'reason',
] as const;

export type PlanStepId = (typeof PLAN_STEPS)[number];

/** One step of the plan: words typed by text, or (voice) the id of an option. */
export type PlanItem = { typed: string; option?: undefined } | { option: string; typed?: undefined };

export interface SafetyPlan {
  items: Partial<Record<PlanStepId, PlanItem>>;
  /** Index in PLAN_STEPS of the next step to ask while writing; PLAN_STEPS.length once through. */
  next: number;
  updatedAt: string;
}

export interface PlanOption {
  id: string;
  label: string;
}

export const PLAN_OPTIONS: Readonly<Record<PlanStepId, readonly PlanOption[]>> = data.options;

/** Longest own words one step keeps, so a plan always fits a few texts (never cut: asked again). */
export const MAX_TYPED = 200;

export const isPlanStep = (id: string): id is PlanStepId => (PLAN_STEPS as readonly string[]).includes(id);

/** The words of one step as they are read back: own words, or the option's label. */
export function itemWords(stepId: PlanStepId, item: PlanItem): string {
  if (item.typed !== undefined) return item.typed;
  return PLAN_OPTIONS[stepId].find((o) => o.id === item.option)?.label ?? '';
}

/** The steps with something in them, in plan order. */
export function filledSteps(plan: SafetyPlan | undefined): PlanStepId[] {
  if (!plan) return [];
  return PLAN_STEPS.filter((id) => plan.items[id] !== undefined);
}

/**
 * What is offered after a crisis reply: the steps of the plan that help in the moment, in
 * order, with the warning signs left out (in a crisis they are already here).
 */
export function stepsForNow(plan: SafetyPlan | undefined): PlanStepId[] {
  return filledSteps(plan).filter((id) => id !== 'warningSigns');
}

/** The plan with one step set (or cleared) and, while writing, moved on past it. */
export function withStep(
  plan: SafetyPlan | undefined,
  stepId: PlanStepId,
  item: PlanItem | undefined,
  now: string,
  advance: boolean,
): SafetyPlan {
  const items = { ...(plan?.items ?? {}) };
  if (item) items[stepId] = item;
  else delete items[stepId];
  const index = PLAN_STEPS.indexOf(stepId);
  const next = advance ? Math.max(plan?.next ?? 0, index + 1) : (plan?.next ?? 0);
  return { items, next, updatedAt: now };
}

/** Reads a stored plan; undefined when it is not one (a malformed plan is never shown half). */
export function parsePlan(raw: unknown): SafetyPlan | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { items, next, updatedAt } = raw as Partial<SafetyPlan>;
  if (typeof items !== 'object' || items === null) return undefined;
  if (typeof next !== 'number' || !Number.isInteger(next) || next < 0) return undefined;
  const parsed: SafetyPlan['items'] = {};
  for (const [id, item] of Object.entries(items)) {
    if (!isPlanStep(id) || typeof item !== 'object' || item === null) continue;
    const { typed, option } = item as { typed?: unknown; option?: unknown };
    if (typeof typed === 'string' && typed.length <= MAX_TYPED * 2) parsed[id] = { typed };
    else if (typeof option === 'string' && PLAN_OPTIONS[id].some((o) => o.id === option))
      parsed[id] = { option };
  }
  return {
    items: parsed,
    next: Math.min(next, PLAN_STEPS.length),
    updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
  };
}
