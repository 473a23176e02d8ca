export { LocalDriver } from './LocalDriver';
