import { assign, type ParameterizedObject } from 'xstate';
import type { CaseContext } from '../case.js';
import type { FlowEvent } from '../events.js';
import type { Args } from './fragments.js';

/**
 * How a step declares its guards and context updates outside `setup()`, typed against the case, so each step's
 * file holds its own and the machine only composes them.
 */
export const guard = <P extends ParameterizedObject['params'] | undefined = undefined>(fn: (args: Args, params: P) => boolean) => fn;

export const update = <P extends ParameterizedObject['params'] | undefined = undefined>(
  fn: (args: Args, params: P) => Partial<CaseContext>,
) => assign<CaseContext, FlowEvent, P, FlowEvent, never>(fn);

/** An action the engine performs after the commit; in the machine it is only a description. */
export const description = <P extends ParameterizedObject['params'] | undefined = undefined>() => (_: Args, _p: P): void => {};
