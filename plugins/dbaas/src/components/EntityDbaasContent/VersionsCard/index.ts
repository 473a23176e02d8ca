export { VersionsCard } from './VersionsCard';
export { SeverityChip } from './SeverityChip';
