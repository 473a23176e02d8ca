/**
 * The scaffolder template that creates instances. A plain path rather than a
 * route ref: the template is data in the catalog, not a page of ours.
 */
export const NEW_REDIS_TEMPLATE_PATH = '/create/templates/default/new-redis';
