export { UpgradePolicyCard } from './UpgradePolicyCard';
