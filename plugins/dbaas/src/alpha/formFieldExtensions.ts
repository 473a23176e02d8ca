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

export const dbaasInstanceNameField = FormFieldBlueprint.make({
  name: 'dbaas-instance-name',
  params: {
    field: () => import('./formFields').then(m => m.dbaasInstanceNameFormField),
  },
});

export const dbaasOwnerPickerField = FormFieldBlueprint.make({
  name: 'dbaas-owner-picker',
  params: {
    field: () => import('./formFields').then(m => m.dbaasOwnerPickerFormField),
  },
});

export const dbaasResourcesPickerField = FormFieldBlueprint.make({
  name: 'dbaas-resources-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.dbaasResourcesPickerFormField),
  },
});

export const dbaasUpgradePolicyPickerField = FormFieldBlueprint.make({
  name: 'dbaas-upgrade-policy-picker',
  params: {
    field: () =>
      import('./formFields').then(m => m.dbaasUpgradePolicyPickerFormField),
  },
});
