export { EngineVersion } from './EngineVersion';
