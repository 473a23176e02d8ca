export { ResizeCard } from './ResizeCard';
