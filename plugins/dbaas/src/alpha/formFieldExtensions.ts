import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

export const dbaasPlatformRegionPickerField = FormFieldBlueprint.make({
  name: 'dbaas-platform-region-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.dbaasPlatformRegionPickerFormField),
  },
});

export const dbaasVersionPickerField = FormFieldBlueprint.make({
  name: 'dbaas-version-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.dbaasVersionPickerFormField),
  },
});
