export { StatusPage } from './StatusPage';
export { StatusContent } from './StatusContent';
export { FiringAlertsBanner } from './FiringAlertsBanner';
export { StatusPageLink } from './StatusPageLink';
