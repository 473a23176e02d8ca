import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import {
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
