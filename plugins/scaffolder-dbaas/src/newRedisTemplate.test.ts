import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { createDbaasRedisCreateAction } from './actions/createRedis';
import { realDbaasService, taskContext } from './__testUtils__/actionContext';

/*
 * The New Redis template and the action it calls are written separately;
 * this keeps them in agreement: every value the step passes comes from a
 * form field that exists, goes to an input the action accepts, and with what
 * the form gives by default the action's dry run accepts the result.
 */

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  dependencies?: Record<string, { oneOf?: JsonSchema[] }>;
};

const templatePath = path.resolve(
  __dirname,
  '../../../templates/new-redis/template.yaml',
);
const template = parse(fs.readFileSync(templatePath, 'utf8'));
const [step] = template.spec.steps as Array<{
  id: string;
  action: string;
  input: Record<string, unknown>;
}>;
const action = createDbaasRedisCreateAction({
  dbaas: realDbaasService(),
  operationTimeoutMs: 1000,
});
const actionInput = action.schema!.input as JsonSchema;
const actionOutput = action.schema!.output as JsonSchema;

/** Every form field of every page, including those a dependency adds. */
function formFields(): Record<string, JsonSchema> {
  const fields: Record<string, JsonSchema> = {};
  for (const page of template.spec.parameters as JsonSchema[]) {
    Object.assign(fields, page.properties);
    for (const dependency of Object.values(page.dependencies ?? {})) {
      for (const variant of dependency.oneOf ?? []) {
        for (const [name, schema] of Object.entries(variant.properties ?? {})) {
          fields[name] = { ...schema, ...fields[name] };
        }
      }
    }
  }
  return fields;
}

/** The form field a `parameters.a.b` path names, if there is one. */
function fieldAt(fieldPath: string): JsonSchema | undefined {
  const [top, ...rest] = fieldPath.split('.');
  let schema: JsonSchema | undefined = formFields()[top];
  for (const key of rest) {
    schema = schema?.properties?.[key];
  }
  return schema;
}

const WHOLE_PARAMETER = /^\$\{\{ *parameters\.([\w.]+) *\}\}$/;

describe('templates/new-redis/template.yaml', () => {
  it('calls dbaas:redis:create in its one step', () => {
    expect(template.metadata.name).toBe('new-redis');
    expect(template.spec.steps).toHaveLength(1);
    expect(step.action).toBe(action.id);
  });

  it('passes only inputs the action accepts, and every input it requires', () => {
    const accepted = Object.keys(actionInput.properties ?? {});
    expect(accepted.length).toBeGreaterThan(0);
    const passed = Object.keys(step.input);
    expect(passed.filter(key => !accepted.includes(key))).toEqual([]);
    expect(
      (actionInput.required ?? []).filter(key => !passed.includes(key)),
    ).toEqual([]);
  });

  it('refers only to form fields that exist', () => {
    const text = JSON.stringify([template.spec.steps, template.spec.output]);
    const references = [...text.matchAll(/parameters\.([\w.]+)/g)].map(
      m => m[1],
    );
    expect(references).toContain('placement.platform');
    expect(references.filter(reference => !fieldAt(reference))).toEqual([]);
  });

  it("gives each input a field of the action's type, with choices the action accepts", () => {
    const numeric = ['number', 'integer'];
    const typeOf = (schema: JsonSchema) =>
      numeric.includes(schema.type!) ? 'number' : schema.type;
    const problems: string[] = [];
    for (const [key, value] of Object.entries(step.input)) {
      const match = WHOLE_PARAMETER.exec(String(value));
      const field = match && fieldAt(match[1]);
      const input = actionInput.properties![key];
      if (!field) {
        problems.push(`${key}: ${value} is not one whole form field`);
      } else if (typeOf(field) !== typeOf(input)) {
        problems.push(`${key}: field is ${field.type}, input is ${input.type}`);
      } else if (input.enum) {
        const refused = (field.enum ?? ['(any)']).filter(
          choice => !input.enum!.includes(choice),
        );
        if (refused.length) {
          problems.push(`${key}: the action refuses ${refused.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('asks whether clients must use TLS, off by default, and passes the answer', () => {
    const field = formFields().tls;
    expect(field).toMatchObject({
      type: 'string',
      enum: ['disabled', 'required'],
      default: 'disabled',
    });
    expect(field).toHaveProperty(
      'enumNames',
      expect.arrayContaining([expect.stringContaining('rediss://')]),
    );
    expect(field).toHaveProperty(
      'description',
      expect.stringMatching(/With replicas, the Sentinels speak TLS too/),
    );
    expect(step.input.tls).toBe('${{ parameters.tls }}');
  });

  it('asks which networks may connect, optional, and passes the answer', () => {
    expect(formFields().allowedNetworks).toMatchObject({
      type: 'string',
      title: 'Networks allowed to connect',
      description: expect.stringContaining('Leave it empty for the default'),
    });
    expect(step.input.allowedNetworks).toBe(
      '${{ parameters.allowedNetworks }}',
    );
  });

  it('uses only outputs the action has', () => {
    const text = JSON.stringify(template.spec.output);
    const used = [
      ...text.matchAll(
        new RegExp(`steps\\['${step.id}'\\]\\.output\\.(\\w+)`, 'g'),
      ),
    ].map(m => m[1]);
    expect(used).toEqual(expect.arrayContaining(['entityRef', 'host', 'port']));
    for (const name of used) {
      expect(Object.keys(actionOutput.properties ?? {})).toContain(name);
    }
  });

  it('links to the entity and its Redis tab', () => {
    expect(template.spec.output.links).toEqual([
      expect.objectContaining({
        title: 'Open in catalog',
        entityRef: `\${{ steps['${step.id}'].output.entityRef }}`,
      }),
      expect.objectContaining({
        title: 'Redis tab',
        url: '/catalog/default/resource/${{ parameters.name }}/redis',
      }),
    ]);
  });

  it('shows how to connect: the redis-cli line without the password, and where to reveal it', () => {
    const text = JSON.stringify(template.spec.output.text);
    expect(text).toContain(`\${{ steps['${step.id}'].output.redisCli }}`);
    expect(text).toContain('**Show credentials**');
    expect(text).toContain(
      '(/catalog/default/resource/${{ parameters.name }}/redis)',
    );
    expect(text).not.toMatch(/password \}\}|\.password/);
  });

  describe('filled in with the form defaults, passes the dry run', () => {
    /** What the scaffolder renders: whole-parameter values keep their type, undefined ones disappear. */
    function render(form: Record<string, unknown>) {
      const rendered: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(step.input)) {
        const fieldPath = WHOLE_PARAMETER.exec(String(value))![1];
        const resolved = fieldPath
          .split('.')
          .reduce<any>((at, part) => at?.[part], form);
        if (resolved !== undefined) rendered[key] = resolved;
      }
      return rendered;
    }

    const defaults = Object.fromEntries(
      Object.entries(formFields())
        .filter(
          ([name, field]) => field.default !== undefined && name !== 'memoryMb',
        )
        .map(([name, field]) => [name, field.default]),
    );
    const filledIn = {
      ...defaults,
      name: 'checkout-cache',
      description: 'Cart sessions',
      placement: { platform: 'local', region: 'local' },
      engineVersion: { engine: 'redis', version: '7.0.15' },
    };

    it.each([
      ['a preset plan', filledIn, 256],
      [
        'a custom size',
        {
          ...filledIn,
          resources: { size: 'custom', memoryMb: 512, cpu: 1, diskGb: 1 },
        },
        512,
      ],
    ])('with %s', async (_, form, memoryMb) => {
      const { ctx, logLines } = taskContext(action, {
        input: render(form) as any,
        user: 'user:default/guest',
        isDryRun: true,
      });
      await action.handler(ctx);
      expect(logLines()).toEqual([
        `Dry run: the input is valid; would create redis 7.0.15 instance checkout-cache on local/local with ${memoryMb} MiB, owned by user:default/guest. Nothing was created.`,
      ]);
    });

    it('with TLS required, whose redis-cli line trusts the CA file', async () => {
      const { ctx, outputs } = taskContext(action, {
        input: render({ ...filledIn, tls: 'required' }) as any,
        user: 'user:default/guest',
        isDryRun: true,
      });
      await action.handler(ctx);
      expect(outputs().redisCli).toBe(
        'redis-cli --tls --cacert checkout-cache-ca.pem -h dry-run.invalid -p 6379 --user app --askpass',
      );
    });
  });
});
