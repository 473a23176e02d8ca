export { SecurityView } from './SecurityView';
