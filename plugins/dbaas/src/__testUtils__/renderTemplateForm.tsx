import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import {
  Stepper,
  type StepperProps,
} from '@backstage/plugin-scaffolder-react/alpha';
import type { Entity } from '@backstage/catalog-model';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { DbaasApiClient } from '@justmanage/plugin-dbaas-common';
import { dbaasApiRef } from '../api';
import {
  DbaasInstanceName,
  dbaasInstanceNameValidation,
  DbaasOwnerPicker,
  dbaasOwnerValidation,
  DbaasResourcesPicker,
  dbaasResourcesValidation,
  DbaasUpgradePolicyPicker,
  dbaasUpgradePolicyValidation,
  DbaasPlatformRegionPicker,
  dbaasPlatformRegionValidation,
  DbaasVersionPicker,
  dbaasVersionValidation,
} from '../components/fields';
import { BACKEND_URL } from './fixtures';

/** The plugin's fields as the scaffolder registers them. */
export const dbaasFieldExtensions = [
  {
    name: 'DbaasInstanceName',
    component: DbaasInstanceName,
    validation: dbaasInstanceNameValidation,
  },
  {
    name: 'DbaasOwnerPicker',
    component: DbaasOwnerPicker,
    validation: dbaasOwnerValidation,
  },
  {
    name: 'DbaasResourcesPicker',
    component: DbaasResourcesPicker,
    validation: dbaasResourcesValidation,
  },
  {
    name: 'DbaasUpgradePolicyPicker',
    component: DbaasUpgradePolicyPicker,
    validation: dbaasUpgradePolicyValidation,
  },
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
 * Renders a template in the scaffolder's own form, with a real generated
 * DbaasApiClient talking to msw; one step, or `steps`.
 */
export function renderTemplateForm(options: {
  /** The step's JSON schema. */
  schema?: TemplateParameterSchema['steps'][number]['schema'];
  steps?: TemplateParameterSchema['steps'];
  initialState?: StepperProps['initialState'];
  onCreate?: StepperProps['onCreate'];
  /** The signed-in user; a test user without groups by default. */
  identity?: { userEntityRef: string; ownershipEntityRefs: string[] };
  /** What the catalog holds, e.g. the user's groups with their titles. */
  entities?: Entity[];
}) {
  const client = new DbaasApiClient({
    discoveryApi: mockApis.discovery({ baseUrl: BACKEND_URL }),
    fetchApi: mockApis.fetch(),
  });
  return renderInTestApp(
    <Stepper
      manifest={{
        title: 'New Redis',
        steps: options.steps ?? [
          {
            title: 'Instance',
            schema: options.schema!,
          },
        ],
      }}
      extensions={dbaasFieldExtensions}
      initialState={options.initialState}
      onCreate={options.onCreate ?? (async () => {})}
    />,
    {
      apis: [
        [dbaasApiRef, client],
        mockApis.identity(options.identity),
        catalogApiMock({ entities: options.entities ?? [] }),
      ],
    },
  );
}
