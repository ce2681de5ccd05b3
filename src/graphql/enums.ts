import { registerEnumType } from 'type-graphql';
import { POWER_TYPES, POWER_TYPE_NAMES, type PowerType } from '../domain/powerTypes';
import { LEVEL_KINDS, type LevelKind } from '../domain/levels';

/** GraphQL enums mirror the domain's string unions, so values pass through unchanged. */
export const PowerTypeEnum = Object.fromEntries(POWER_TYPES.map((t) => [t, t])) as { [K in PowerType]: K };
export const LevelEnum = Object.fromEntries(LEVEL_KINDS.map((l) => [l, l])) as { [K in LevelKind]: K };

registerEnumType(PowerTypeEnum, {
  name: 'PowerType',
  description: '权力类型：法定的十类行政权力。The statutory kind of administrative power.',
  valuesConfig: Object.fromEntries(
    POWER_TYPES.map((t) => [t, { description: `${POWER_TYPE_NAMES[t]} (${t.toLowerCase()})` }]),
  ) as never,
});

export const CitationStatusEnum = { OK: 'OK', CORRECTED_TITLE: 'CORRECTED_TITLE', TRUNCATED: 'TRUNCATED', NO_ARTICLE: 'NO_ARTICLE', SUSPECT_ARTICLE: 'SUSPECT_ARTICLE' } as const;

registerEnumType(CitationStatusEnum, {
  name: 'CitationStatus',
  description: '引用的读取情况。How a citation was read.',
  valuesConfig: {
    OK: { description: '正常：法规与条款都已读出。Statute and article read.' },
    CORRECTED_TITLE: { description: '标题有已知笔误，已更正。A known misspelling of the title was corrected.' },
    TRUNCATED: { description: '文本在条号处中断，未臆造条款。Text cut off where an article number should be; none invented.' },
    NO_ARTICLE: { description: '只引用了法规名称。Only the statute is named.' },
    SUSPECT_ARTICLE: { description: '引用的条文与另一条的通行表述更吻合，条号可疑。The quoted wording matches another article\'s consensus: the number is suspect.' },
  },
});

registerEnumType(LevelEnum, {
  name: 'JurisdictionLevel',
  description: '行政区划层级。Administrative level of a jurisdiction.',
  valuesConfig: {
    PROVINCE: { description: '省级：省、自治区、直辖市。Province-level.' },
    PREFECTURE: { description: '地级：地级市、自治州、地区、盟。Prefecture-level.' },
    COUNTY: { description: '县级：县、自治县、县级市、市辖区、旗。County-level.' },
  },
});

export const OrderDirectionEnum = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = keyof typeof OrderDirectionEnum;
registerEnumType(OrderDirectionEnum, {
  name: 'OrderDirection',
  description: '排序方向。Sort direction.',
  valuesConfig: { ASC: { description: '升序。Ascending.' }, DESC: { description: '降序。Descending.' } },
});

export const ItemOrderFieldEnum = { DOCUMENT: 'DOCUMENT', NAME: 'NAME' } as const;
export type ItemOrderField = keyof typeof ItemOrderFieldEnum;
registerEnumType(ItemOrderFieldEnum, {
  name: 'ItemOrderField',
  description: '事项的排序依据。What items are sorted by.',
  valuesConfig: {
    DOCUMENT: { description: '按区划代码、清单、清单内顺序（默认）。By jurisdiction code, list, then position in the list (default).' },
    NAME: { description: '按名称（同名按 ID）。By name, then ID.' },
  },
});
