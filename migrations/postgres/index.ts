/** Every postgres migration, in order. Listed here so the app, the CLI and the tests load the same set. */
import { Init1795495707879 } from './1795495707879-Init';

export const POSTGRES_MIGRATIONS: Function[] = [Init1795495707879];
