// Everything the app says about an entity type, derived from the one list of ids in the schema leaf
// (core/schema/entity-types.ts): the order the legend, panels and pages show them in, which are
// names (dates are not), the i18n key of each label, the CSS variable holding each colour
// (src/app/marks-palette.css, checked for contrast per theme) and each type's underline style, as
// the CSS rules the app adopts once (entityTypeRules).
import { ENTITY_TYPES, type EntityType } from '../schema/entity-types';
import type { EntityType as TaggerEntityType } from './entities.ts';

export { ENTITY_TYPES, entityTypeSchema, type EntityType } from '../schema/entity-types';

// The tagger reports its own types: they must be exactly these (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const taggerTypesMatch: Same<TaggerEntityType, EntityType> = true;
void taggerTypesMatch;

/** Types that are names (people, places, organisations, others): dates are marked but not names. */
export const NAME_TYPES: readonly EntityType[] = ENTITY_TYPES.filter((type) => type !== 'DATE');

export function isNameType(type: EntityType): boolean {
  return type !== 'DATE';
}

/** A second cue beside colour: each type has its own underline style. */
export const ENTITY_UNDERLINE: Readonly<Record<EntityType, 'solid' | 'double' | 'dashed' | 'dotted' | 'wavy'>> = {
  PERS: 'solid',
  LOC: 'double',
  ORG: 'dashed',
  MISC: 'dotted',
  DATE: 'wavy',
};

/** The same cue as a border under a legend swatch (borders cannot be wavy; a double one needs room). */
const SWATCH_BORDER: Readonly<Record<(typeof ENTITY_UNDERLINE)[EntityType], string>> = {
  solid: '3px solid',
  double: '5px double',
  dashed: '3px dashed',
  dotted: '3px dotted',
  wavy: '3px dotted',
};

/** The i18n key of a type's label (namespace `entities`). */
export const entityTypeLabelKey = (type: EntityType) => `entities:types.${type}` as const;

/** The CSS custom property holding a type's underline colour in the current theme. */
export const entityLineVariable = (type: EntityType) => `--entity-${type}-line` as const;

/** The CSS class a mark or a swatch of this type carries. */
export const entityTypeClass = (type: EntityType) => `entity--${type}` as const;

/** Zero mentions of every type. */
export function emptyTypeCounts(): Record<EntityType, number> {
  return Object.fromEntries(ENTITY_TYPES.map((type) => [type, 0])) as Record<EntityType, number>;
}

/**
 * The per-type CSS: each type's colour variable, underline style and legend swatch, and the rules that show a
 * switched-off type (the article's `data-hide-types`) as plain text. Generated here rather than
 * listed in a style sheet, so adding a type is one line in the schema and one here.
 */
export function entityTypeRules(): string[] {
  return ENTITY_TYPES.flatMap((type) => [
    `.${entityTypeClass(type)}{--entity-line:var(${entityLineVariable(type)});--entity-style:${ENTITY_UNDERLINE[type]};--entity-swatch:${SWATCH_BORDER[ENTITY_UNDERLINE[type]]}}`,
    // !important: the chosen entity's outline (a constructed sheet, later in the cascade) must go too.
    `.article[data-hide-types~='${type}'] mark.${entityTypeClass(type)}{background-color:transparent;text-decoration-line:none;box-shadow:none !important;cursor:auto}`,
  ]);
}
