// The UPR issue list: the themes recommendations are filed under in the UPR database, spelled as the
// database spells them (the English name is what a recommendation stores, so an imported spreadsheet's
// "Women's rights" matches). Each has a key for its translated name (catalog ids
// vocabulary.uprTheme.<key>); a dossier's own codes serve as further themes beside these.
import { defineMessages } from './i18n/define.ts';

export const UPR_THEME_MESSAGES = defineMessages({
  access_to_sanitation: { id: 'vocabulary.uprTheme.access_to_sanitation', defaultMessage: 'Access to sanitation' },
  asylum_seekers_refugees: {
    id: 'vocabulary.uprTheme.asylum_seekers_refugees',
    defaultMessage: 'Asylum-seekers - refugees',
  },
  business_and_human_rights: {
    id: 'vocabulary.uprTheme.business_and_human_rights',
    defaultMessage: 'Business and human rights',
  },
  civil_society: { id: 'vocabulary.uprTheme.civil_society', defaultMessage: 'Civil society' },
  corruption: { id: 'vocabulary.uprTheme.corruption', defaultMessage: 'Corruption' },
  counter_terrorism: { id: 'vocabulary.uprTheme.counter_terrorism', defaultMessage: 'Counter-terrorism' },
  death_penalty: { id: 'vocabulary.uprTheme.death_penalty', defaultMessage: 'Death penalty' },
  detention: { id: 'vocabulary.uprTheme.detention', defaultMessage: 'Detention' },
  development: { id: 'vocabulary.uprTheme.development', defaultMessage: 'Development' },
  disabilities: { id: 'vocabulary.uprTheme.disabilities', defaultMessage: 'Disabilities' },
  esc_rights: {
    id: 'vocabulary.uprTheme.esc_rights',
    defaultMessage: 'Economic, social and cultural rights',
  },
  elections: { id: 'vocabulary.uprTheme.elections', defaultMessage: 'Elections' },
  enforced_disappearances: {
    id: 'vocabulary.uprTheme.enforced_disappearances',
    defaultMessage: 'Enforced disappearances',
  },
  environment: { id: 'vocabulary.uprTheme.environment', defaultMessage: 'Environment' },
  extrajudicial_executions: {
    id: 'vocabulary.uprTheme.extrajudicial_executions',
    defaultMessage: 'Extrajudicial executions',
  },
  freedom_of_association: {
    id: 'vocabulary.uprTheme.freedom_of_association',
    defaultMessage: 'Freedom of association and peaceful assembly',
  },
  freedom_of_movement: { id: 'vocabulary.uprTheme.freedom_of_movement', defaultMessage: 'Freedom of movement' },
  freedom_of_expression: {
    id: 'vocabulary.uprTheme.freedom_of_expression',
    defaultMessage: 'Freedom of opinion and expression',
  },
  freedom_of_religion: {
    id: 'vocabulary.uprTheme.freedom_of_religion',
    defaultMessage: 'Freedom of religion and belief',
  },
  freedom_of_the_press: { id: 'vocabulary.uprTheme.freedom_of_the_press', defaultMessage: 'Freedom of the press' },
  general: { id: 'vocabulary.uprTheme.general', defaultMessage: 'General' },
  hiv_aids: { id: 'vocabulary.uprTheme.hiv_aids', defaultMessage: 'HIV - Aids' },
  human_rights_defenders: {
    id: 'vocabulary.uprTheme.human_rights_defenders',
    defaultMessage: 'Human rights defenders',
  },
  human_rights_education: {
    id: 'vocabulary.uprTheme.human_rights_education',
    defaultMessage: 'Human rights education and training',
  },
  violations_by_state_agents: {
    id: 'vocabulary.uprTheme.violations_by_state_agents',
    defaultMessage: 'Human rights violations by state agents',
  },
  impunity: { id: 'vocabulary.uprTheme.impunity', defaultMessage: 'Impunity' },
  indigenous_peoples: { id: 'vocabulary.uprTheme.indigenous_peoples', defaultMessage: 'Indigenous peoples' },
  internally_displaced_persons: {
    id: 'vocabulary.uprTheme.internally_displaced_persons',
    defaultMessage: 'Internally displaced persons',
  },
  international_humanitarian_law: {
    id: 'vocabulary.uprTheme.international_humanitarian_law',
    defaultMessage: 'International humanitarian law',
  },
  international_instruments: {
    id: 'vocabulary.uprTheme.international_instruments',
    defaultMessage: 'International instruments',
  },
  justice: { id: 'vocabulary.uprTheme.justice', defaultMessage: 'Justice' },
  juvenile_justice: { id: 'vocabulary.uprTheme.juvenile_justice', defaultMessage: 'Juvenile justice' },
  labour: { id: 'vocabulary.uprTheme.labour', defaultMessage: 'Labour' },
  migrants: { id: 'vocabulary.uprTheme.migrants', defaultMessage: 'Migrants' },
  minorities: { id: 'vocabulary.uprTheme.minorities', defaultMessage: 'Minorities' },
  nhri: { id: 'vocabulary.uprTheme.nhri', defaultMessage: 'National Human Rights Institution' },
  national_plan_of_action: {
    id: 'vocabulary.uprTheme.national_plan_of_action',
    defaultMessage: 'National plan of action',
  },
  other: { id: 'vocabulary.uprTheme.other', defaultMessage: 'Other' },
  poverty: { id: 'vocabulary.uprTheme.poverty', defaultMessage: 'Poverty' },
  privacy: { id: 'vocabulary.uprTheme.privacy', defaultMessage: 'Privacy' },
  public_security: { id: 'vocabulary.uprTheme.public_security', defaultMessage: 'Public security' },
  racial_discrimination: {
    id: 'vocabulary.uprTheme.racial_discrimination',
    defaultMessage: 'Racial discrimination',
  },
  right_to_effective_remedy: {
    id: 'vocabulary.uprTheme.right_to_effective_remedy',
    defaultMessage: 'Right to an effective remedy',
  },
  right_to_education: { id: 'vocabulary.uprTheme.right_to_education', defaultMessage: 'Right to education' },
  right_to_food: { id: 'vocabulary.uprTheme.right_to_food', defaultMessage: 'Right to food' },
  right_to_health: { id: 'vocabulary.uprTheme.right_to_health', defaultMessage: 'Right to health' },
  right_to_housing: { id: 'vocabulary.uprTheme.right_to_housing', defaultMessage: 'Right to housing' },
  right_to_land: { id: 'vocabulary.uprTheme.right_to_land', defaultMessage: 'Right to land' },
  right_to_water: { id: 'vocabulary.uprTheme.right_to_water', defaultMessage: 'Right to water' },
  rights_of_the_child: { id: 'vocabulary.uprTheme.rights_of_the_child', defaultMessage: 'Rights of the Child' },
  sogi: { id: 'vocabulary.uprTheme.sogi', defaultMessage: 'Sexual Orientation and Gender Identity' },
  special_procedures: { id: 'vocabulary.uprTheme.special_procedures', defaultMessage: 'Special procedures' },
  technical_assistance: { id: 'vocabulary.uprTheme.technical_assistance', defaultMessage: 'Technical assistance' },
  torture: { id: 'vocabulary.uprTheme.torture', defaultMessage: 'Torture and other CID' },
  trafficking: { id: 'vocabulary.uprTheme.trafficking', defaultMessage: 'Trafficking' },
  treaty_bodies: { id: 'vocabulary.uprTheme.treaty_bodies', defaultMessage: 'Treaty bodies' },
  upr_process: { id: 'vocabulary.uprTheme.upr_process', defaultMessage: 'UPR process' },
  womens_rights: { id: 'vocabulary.uprTheme.womens_rights', defaultMessage: "Women's rights" },
});

export type UprThemeKey = keyof typeof UPR_THEME_MESSAGES;

/** The themes in the database's spelling (what a recommendation stores), in its alphabetical order. */
export const UPR_THEMES: readonly string[] = Object.values(UPR_THEME_MESSAGES)
  .map((m) => m.defaultMessage)
  .sort((a, b) => a.localeCompare(b, 'en'));

/** A stored theme's key, found whatever its typography (“Women's rights” = “Women’s rights”); null for a theme not on the list. */
export function uprThemeKey(theme: string): UprThemeKey | null {
  const fold = (s: string) =>
    s
      .normalize('NFKC')
      .toLocaleLowerCase('en')
      .replace(/[‘’`´]/g, "'")
      .replace(/[‐‑‒–—―]/g, '-')
      .replace(/\s+/g, ' ')
      .trim();
  const wanted = fold(theme);
  for (const [key, message] of Object.entries(UPR_THEME_MESSAGES)) {
    if (fold(message.defaultMessage) === wanted) return key as UprThemeKey;
  }
  return null;
}
