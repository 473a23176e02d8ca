export { UsersCard } from './UsersCard';
