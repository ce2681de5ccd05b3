/**
 * Global object identification (the Relay `Node` interface): every object a
 * client may want to fetch again has an opaque `id` that names its type as
 * well as its row, so one `node(id)` field can find any of them.
 *
 * The ID is base64url("Type:localId"), where the local ID is the row's
 * stable key (a hash of its natural key, or a division code). Both parts are
 * deterministic, so a global ID is the same across re-imports and databases.
 */
import { Field, ID, InterfaceType } from 'type-graphql';
import { badUserInput } from './errors';

export const NODE_TYPES = ['Jurisdiction', 'PowerList', 'Item', 'ItemLevel', 'Citation', 'Statute', 'Article', 'Matter'] as const;
export type NodeTypeName = (typeof NODE_TYPES)[number];

export function toGlobalId(type: NodeTypeName, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

/** The type and local ID of a global ID, or null when it is not one of ours. */
export function parseGlobalId(id: string): { type: NodeTypeName; localId: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 0) return null;
  const type = text.slice(0, colon) as NodeTypeName;
  const localId = text.slice(colon + 1);
  // Control characters are in none of our IDs (and PostgreSQL refuses NUL in text).
  if (!NODE_TYPES.includes(type) || !localId || /[\u0000-\u001f]/.test(localId) || toGlobalId(type, localId) !== id) return null;
  return { type, localId };
}

/** The local ID behind a global ID of the expected type; a wrong or malformed ID is the caller's error. */
export function localIdOf(id: string, type: NodeTypeName): string {
  const parsed = parseGlobalId(id);
  if (!parsed || parsed.type !== type) throw badUserInput(`not a ${type} ID: ${id}`);
  return parsed.localId;
}

@InterfaceType({
  description: '可按全局 ID 重新取得的对象（Relay Node）。An object that can be fetched again by its global ID (Relay Node).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: '不透明的全局 ID，稳定：重新导入或换库后不变。Opaque global ID, stable across re-imports and databases.' })
  id: string;
}
