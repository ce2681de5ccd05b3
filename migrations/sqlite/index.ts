/** Every sqlite migration, in order. Listed here so the app, the CLI and the tests load the same set. */
import { Init1795495706999 } from './1795495706999-Init';

export const SQLITE_MIGRATIONS: Function[] = [Init1795495706999];
