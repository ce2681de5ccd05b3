/** DataSource for the TypeORM CLI (migration:generate / migration:run), chosen by DATABASE_URL. */
import 'reflect-metadata';
import { createDataSource } from './dataSource';

export default createDataSource();
