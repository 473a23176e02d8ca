import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
  DbaasInstanceName,
  DbaasInstanceNameFieldSchema,
  dbaasInstanceNameValidation,
  DbaasOwnerPicker,
  DbaasOwnerPickerFieldSchema,
  dbaasOwnerValidation,
  DbaasResourcesPicker,
  DbaasResourcesPickerFieldSchema,
  dbaasResourcesValidation,
  DbaasUpgradePolicyPicker,
  DbaasUpgradePolicyPickerFieldSchema,
  dbaasUpgradePolicyValidation,
  DbaasPlatformRegionPicker,
  DbaasPlatformRegionPickerFieldSchema,
  dbaasPlatformRegionValidation,
  DbaasVersionPicker,
  DbaasVersionPickerFieldSchema,
  dbaasVersionValidation,
} from '../components/fields';

export const dbaasPlatformRegionPickerFormField = createFormField({
  name: 'DbaasPlatformRegionPicker',
  component: DbaasPlatformRegionPicker,
  validation: dbaasPlatformRegionValidation,
  schema: DbaasPlatformRegionPickerFieldSchema,
});

export const dbaasVersionPickerFormField = createFormField({
  name: 'DbaasVersionPicker',
  component: DbaasVersionPicker,
  validation: dbaasVersionValidation,
  schema: DbaasVersionPickerFieldSchema,
});

export const dbaasInstanceNameFormField = createFormField({
  name: 'DbaasInstanceName',
  component: DbaasInstanceName,
  validation: dbaasInstanceNameValidation,
  schema: DbaasInstanceNameFieldSchema,
});

export const dbaasOwnerPickerFormField = createFormField({
  name: 'DbaasOwnerPicker',
  component: DbaasOwnerPicker,
  validation: dbaasOwnerValidation,
  schema: DbaasOwnerPickerFieldSchema,
});

export const dbaasResourcesPickerFormField = createFormField({
  name: 'DbaasResourcesPicker',
  component: DbaasResourcesPicker,
  validation: dbaasResourcesValidation,
  schema: DbaasResourcesPickerFieldSchema,
});

export const dbaasUpgradePolicyPickerFormField = createFormField({
  name: 'DbaasUpgradePolicyPicker',
  component: DbaasUpgradePolicyPicker,
  validation: dbaasUpgradePolicyValidation,
  schema: DbaasUpgradePolicyPickerFieldSchema,
});
