import type { Logger } from 'typeorm';

/** A TypeORM logger that counts SQL statements and prints nothing. */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];
  recording = false;

  logQuery(query: string): void {
    // Transaction control is not a statement the caller asked for.
    if (/^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|START TRANSACTION)/i.test(query.trim())) return;
    this.count++;
    if (this.recording) this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  reset(): void {
    this.count = 0;
    this.statements = [];
  }
}
