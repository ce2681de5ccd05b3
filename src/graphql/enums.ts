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

registerEnumType(LevelEnum, {
  name: 'JurisdictionLevel',
  description: '行政区划层级。Administrative level of a jurisdiction.',
  valuesConfig: {
    PROVINCE: { description: '省级：省、自治区、直辖市。Province-level.' },
    PREFECTURE: { description: '地级：地级市、自治州、地区、盟。Prefecture-level.' },
    COUNTY: { description: '县级：县、自治县、县级市、市辖区、旗。County-level.' },
  },
});
