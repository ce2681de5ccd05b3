import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the change feed reports on: the kinds of rows a list import writes or removes. */
export const CHANGE_ENTITY_TYPES = ['LIST', 'ITEM', 'STATUTE', 'ARTICLE'] as const;
export type ChangeEntityType = (typeof CHANGE_ENTITY_TYPES)[number];
export type ChangeOperation = 'UPSERT' | 'DELETE';

/**
 * One entry of the change log: the row (entity type, ID) was written or
 * removed at this revision. Revisions are one sequence, one per entry,
 * given out under the write lock, so they commit in order: a client that
 * keeps the last revision it saw gets every later entry exactly once.
 */
@Entity('change')
@Index(['entityType', 'revision'])
@Index(['changedAt'])
export class Change {
  @PrimaryColumn('integer')
  revision: number;

  @Column('varchar', { length: 16 })
  entityType: ChangeEntityType;

  @Column('varchar', { length: 40 })
  entityId: string;

  @Column('varchar', { length: 8 })
  operation: ChangeOperation;

  @Column({ type: Date })
  changedAt: Date;
}

/**
 * The one row of sync bookkeeping: the revision high-water mark, and the
 * last revision whose entries compaction removed (a client asking for
 * changes after an earlier revision must take a fresh snapshot).
 */
@Entity('sync_state')
export class SyncState {
  @PrimaryColumn('integer')
  id: number;

  @Column('integer')
  revision: number;

  @Column('integer', { default: 0 })
  compactedThrough: number;
}
