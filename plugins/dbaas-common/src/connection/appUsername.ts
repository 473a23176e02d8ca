/**
 * The ACL user the backend creates in every instance for its applications
 * (dbaas-backend's operations/aclUsers.ts). Its name is no secret, so texts
 * shown where the credentials were not read (the scaffolder's task page)
 * can name it.
 * @public
 */
export const APP_USERNAME = 'app';
