import { parse } from 'yaml';
import { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createDbaasRedisCreateAction } from './createRedis';
import { createDbaasRedisDeleteAction } from './deleteRedis';
import { realDbaasService, taskContext } from '../__testUtils__/actionContext';

const options = { dbaas: realDbaasService(), operationTimeoutMs: 1000 };
const actions: TemplateAction<any, any, any>[] = [
  createDbaasRedisCreateAction(options),
  createDbaasRedisDeleteAction(options),
];

describe.each(actions.map(a => [a.id, a] as const))(
  'the examples of %s',
  (_, action) => {
    const examples = (action.examples ?? []).map(example => ({
      description: example.description,
      steps: parse(example.example).steps as Array<{
        action: string;
        input: Record<string, unknown>;
      }>,
    }));

    it('exist', () => {
      expect(examples.length).toBeGreaterThan(0);
    });

    it.each(examples.map(e => [e.description, e] as const))(
      '%s: uses the action with inputs it accepts',
      (__, example) => {
        const schema = action.schema!.input as {
          properties: Record<string, unknown>;
        };
        for (const step of example.steps) {
          expect(step.action).toBe(action.id);
          for (const key of Object.keys(step.input)) {
            expect(Object.keys(schema.properties)).toContain(key);
          }
        }
      },
    );

    const literal = examples.filter(
      e => !JSON.stringify(e.steps).includes('${{'),
    );
    it.each(literal.map(e => [e.description, e] as const))(
      '%s: passes a dry run',
      async (__, example) => {
        for (const step of example.steps) {
          const { ctx } = taskContext(action, {
            input: step.input as any,
            isDryRun: true,
          });
          await expect(action.handler(ctx)).resolves.toBeUndefined();
        }
      },
    );
  },
);
