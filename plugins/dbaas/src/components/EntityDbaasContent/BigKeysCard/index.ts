export { BigKeysCard } from './BigKeysCard';
