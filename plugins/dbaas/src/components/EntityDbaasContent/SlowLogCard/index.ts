export { SlowLogCard } from './SlowLogCard';
