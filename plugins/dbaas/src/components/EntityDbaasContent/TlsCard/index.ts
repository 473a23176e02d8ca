export { TlsCard } from './TlsCard';
