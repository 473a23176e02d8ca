import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import {
  Stepper,
  type StepperProps,
} from '@backstage/plugin-scaffolder-react/alpha';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../api';
import {
  DbaasPlatformRegionPicker,
  dbaasPlatformRegionValidation,
  DbaasVersionPicker,
  dbaasVersionValidation,
} from '../components/fields';
import { BACKEND_URL } from './fixtures';

/** The two fields as the scaffolder registers them. */
export const dbaasFieldExtensions = [
  {
    name: 'DbaasPlatformRegionPicker',
    component: DbaasPlatformRegionPicker,
    validation: dbaasPlatformRegionValidation,
  },
  {
    name: 'DbaasVersionPicker',
    component: DbaasVersionPicker,
    validation: dbaasVersionValidation,
  },
];

/**
 * Renders a one-step template in the scaffolder's own form, with a real
 * generated DbaasApiClient talking to msw.
 */
export function renderTemplateForm(options: {
  /** The step's JSON schema. */
  schema: TemplateParameterSchema['steps'][number]['schema'];
  initialState?: StepperProps['initialState'];
  onCreate?: StepperProps['onCreate'];
}) {
  const client = new DbaasApiClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: mockApis.fetch(),
  });
  return renderInTestApp(
    <Stepper
      manifest={{
        title: 'New Redis',
        steps: [
          {
            title: 'Instance',
            schema: options.schema,
          },
        ],
      }}
      extensions={dbaasFieldExtensions}
      initialState={options.initialState}
      onCreate={options.onCreate ?? (async () => {})}
    />,
    { apis: [[dbaasApiRef, client], mockApis.identity()] },
  );
}
