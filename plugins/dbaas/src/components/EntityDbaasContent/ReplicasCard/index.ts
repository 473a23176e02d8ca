export { ReplicasCard } from './ReplicasCard';
