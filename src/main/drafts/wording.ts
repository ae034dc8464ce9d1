// The words a submission prints around what the person wrote — cover labels, the word-count line,
// the notes' "p." and "Ibid.", dates, the provenance annex — in the submission's own language, which
// need not be the language of the interface: a Russian-speaking lawyer may file in English, and an
// English-speaking one in Russian. Messages are ICU MessageFormat (intl-messageformat, the same
// FormatJS engine as the interface catalogs) so ordinals and plurals follow each language's rules;
// dates and numbers come from Intl. Every catalog must carry every message: the types say so.
import { IntlMessageFormat } from 'intl-messageformat';
import { partialDate } from '../../shared/i18n/printed.ts';

export { partialDate };

const en = {
  'cover.title.individual':
    'Individual submission to the Universal Periodic Review{hasState, select, no {} other { of {state}}}',
  'cover.title.joint': 'Joint submission to the Universal Periodic Review{hasState, select, no {} other { of {state}}}',
  'cover.session': '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} session of the UPR Working Group',
  'cover.cycle': '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} cycle',
  'cover.submittedBy.individual': 'Submitted by',
  'cover.submittedBy.joint': 'Submitted jointly by',
  'cover.founded': 'Founded in {year}.',
  'cover.contact': 'Contact: {contact}',
  'cover.keywords': 'Keywords: {keywords}',
  'cover.wordCount': 'Word count: {count} (body of the submission, without the cover page and notes)',
  'note.page': 'p. {page}',
  'note.ibid': 'Ibid.',
  'note.ibidPage': 'Ibid., p. {page}',
  'note.shortForm': '{short}, note {first} above',
  'note.untitled': 'Source without a title.',
  'note.format':
    '{format, select, pdf {PDF version} docx {Word version} html {web page} text {text version} markdown {text version} other {}}',
  'note.missing': 'An excerpt that is no longer in the vault.',
  'note.url': 'available at {url}',
  'note.accessed': 'accessed {date}',
  'notes.heading': 'Notes',
  'notes.back': 'Back to the text',
  'notes.call': 'Note {n}',
  'annex.heading': 'Annex: provenance of the notes',
  'annex.intro':
    'For the submitting organisation’s records: for every note, the source it cites, the SHA-256 fingerprint of the original file, the page, and the excerpt in the Upright vault.',
  'annex.note': 'Note {n}.',
  'annex.untitled': 'Untitled source',
  'annex.page': 'Page: {hasPage, select, no {not recorded} other {{page}}}',
  'annex.sha': 'SHA-256 of the original: ',
  'annex.noOriginal': 'no original kept',
  'annex.excerpt': 'Excerpt: ',
  'recommendation.paragraph': 'para. {paragraph}',
  'recommendation.unnumbered': 'recommendation of an earlier review',
  'recommendation.missing': '[a recommendation no longer in the vault]',
  'recommendation.response':
    '{response, select, supported {supported} noted {noted} partially_supported {partially supported} other {}}',
  'recommendation.ilo':
    '{body}{hasYear, select, no {} other { ({year})}}{hasConvention, select, no {} other {, {convention}}}',
  'recTable.title': 'Recommendations of the previous review and their implementation',
  'recTable.number': 'No.',
  'recTable.text': 'Recommendation',
  'recTable.states': 'Recommending State(s)',
  'recTable.response': 'Position of the State',
  'recTable.assessment': 'Our assessment',
  'recTable.responseValue':
    '{response, select, supported {Supported} noted {Noted} partially_supported {Partially supported} no_response {No response} other {}}',
  'recTable.assessmentValue':
    '{assessment, select, implemented {Implemented} partially_implemented {Partially implemented} not_implemented {Not implemented} no_information {No information} other {Not assessed}}',
  'recFollowUp.quote': '“{text}”',
  'insert.quote': '“{quote}”',
  'insert.claim': 'The State says: {quote}',
  'insert.contradicted': 'This is contradicted by the following:',
  'insert.corroborated': 'This is corroborated by the following:',
  'timeline.when': 'When',
  'timeline.what': 'What happened',
  'timeline.where': 'Where',
  'timeline.who': 'Who',
  'timeline.evidence': 'Evidence',
  'timeline.since': 'since {date}',
  'timeline.role':
    '{role, select, victim {victim} perpetrator {perpetrator} complainant {complainant} authority {authority} court {court} witness {witness} other {other}}',
  'timeline.participant': '{name} ({role})',
};

export type WordingKey = keyof typeof en;
type Catalog = Record<WordingKey, string>;

const ru: Catalog = {
  'cover.title.individual':
    'Индивидуальное представление для универсального периодического обзора{hasState, select, no {} other {: {state}}}',
  'cover.title.joint':
    'Совместное представление для универсального периодического обзора{hasState, select, no {} other {: {state}}}',
  'cover.session': '{n}-я сессия Рабочей группы по УПО',
  'cover.cycle': '{n}-й цикл',
  'cover.submittedBy.individual': 'Представлено организацией',
  'cover.submittedBy.joint': 'Представлено совместно организациями',
  'cover.founded': 'Основана в {year} году.',
  'cover.contact': 'Контактное лицо: {contact}',
  'cover.keywords': 'Ключевые слова: {keywords}',
  'cover.wordCount': 'Количество слов: {count} (основной текст представления, без титульной страницы и сносок)',
  'note.page': 'с. {page}',
  'note.ibid': 'Там же.',
  'note.ibidPage': 'Там же, с. {page}',
  'note.shortForm': '{short}, см. сноску {first}',
  'note.untitled': 'Источник без названия.',
  'note.format':
    '{format, select, pdf {версия PDF} docx {версия Word} html {веб-страница} text {текстовая версия} markdown {текстовая версия} other {}}',
  'note.missing': 'Выдержка, которой больше нет в хранилище.',
  'note.url': 'доступно по адресу {url}',
  'note.accessed': 'дата обращения: {date}',
  'notes.heading': 'Сноски',
  'notes.back': 'Назад к тексту',
  'notes.call': 'Сноска {n}',
  'annex.heading': 'Приложение: происхождение сносок',
  'annex.intro':
    'Для архива организации: для каждой сноски — источник, отпечаток SHA-256 исходного файла, страница и выдержка в хранилище Upright.',
  'annex.note': 'Сноска {n}.',
  'annex.untitled': 'Источник без названия',
  'annex.page': 'Страница: {hasPage, select, no {не указана} other {{page}}}',
  'annex.sha': 'SHA-256 исходного файла: ',
  'annex.noOriginal': 'исходный файл не сохранён',
  'annex.excerpt': 'Выдержка: ',
  'recommendation.paragraph': 'п. {paragraph}',
  'recommendation.unnumbered': 'рекомендация предыдущего обзора',
  'recommendation.missing': '[рекомендации больше нет в хранилище]',
  'recommendation.response':
    '{response, select, supported {поддержана} noted {принята к сведению} partially_supported {поддержана частично} other {}}',
  'recommendation.ilo':
    '{body}{hasYear, select, no {} other { ({year})}}{hasConvention, select, no {} other {, {convention}}}',
  'recTable.title': 'Рекомендации предыдущего обзора и их выполнение',
  'recTable.number': '№',
  'recTable.text': 'Рекомендация',
  'recTable.states': 'Государство (государства)',
  'recTable.response': 'Позиция государства',
  'recTable.assessment': 'Наша оценка',
  'recTable.responseValue':
    '{response, select, supported {Поддержана} noted {Принята к сведению} partially_supported {Поддержана частично} no_response {Нет ответа} other {}}',
  'recTable.assessmentValue':
    '{assessment, select, implemented {Выполнена} partially_implemented {Выполнена частично} not_implemented {Не выполнена} no_information {Нет сведений} other {Не оценена}}',
  'recFollowUp.quote': '«{text}»',
  'insert.quote': '«{quote}»',
  'insert.claim': 'Государство заявляет: {quote}',
  'insert.contradicted': 'Это опровергается следующим:',
  'insert.corroborated': 'Это подтверждается следующим:',
  'timeline.when': 'Когда',
  'timeline.what': 'Что произошло',
  'timeline.where': 'Где',
  'timeline.who': 'Кто',
  'timeline.evidence': 'Доказательства',
  'timeline.since': 'с {date}',
  'timeline.role':
    '{role, select, victim {пострадавший} perpetrator {нарушитель} complainant {заявитель} authority {орган власти} court {суд} witness {свидетель} other {иное}}',
  'timeline.participant': '{name} ({role})',
};

const fr: Catalog = {
  'cover.title.individual':
    'Contribution individuelle à l’Examen périodique universel{hasState, select, no {} other { : {state}}}',
  'cover.title.joint':
    'Contribution conjointe à l’Examen périodique universel{hasState, select, no {} other { : {state}}}',
  'cover.session': '{n, selectordinal, one {#re} other {#e}} session du Groupe de travail sur l’EPU',
  'cover.cycle': '{n, selectordinal, one {#er} other {#e}} cycle',
  'cover.submittedBy.individual': 'Présentée par',
  'cover.submittedBy.joint': 'Présentée conjointement par',
  'cover.founded': 'Fondée en {year}.',
  'cover.contact': 'Contact : {contact}',
  'cover.keywords': 'Mots-clés : {keywords}',
  'cover.wordCount': 'Nombre de mots : {count} (corps de la contribution, sans la page de couverture ni les notes)',
  'note.page': 'p. {page}',
  'note.ibid': 'Ibid.',
  'note.ibidPage': 'Ibid., p. {page}',
  'note.shortForm': '{short}, op. cit., note {first}',
  'note.untitled': 'Source sans titre.',
  'note.format':
    '{format, select, pdf {version PDF} docx {version Word} html {page web} text {version texte} markdown {version texte} other {}}',
  'note.missing': 'Un extrait qui n’est plus dans le coffre.',
  'note.url': 'disponible à l’adresse {url}',
  'note.accessed': 'consulté le {date}',
  'notes.heading': 'Notes',
  'notes.back': 'Retour au texte',
  'notes.call': 'Note {n}',
  'annex.heading': 'Annexe : provenance des notes',
  'annex.intro':
    'Pour les archives de l’organisation : pour chaque note, la source citée, l’empreinte SHA-256 du fichier original, la page et l’extrait dans le coffre Upright.',
  'annex.note': 'Note {n}.',
  'annex.untitled': 'Source sans titre',
  'annex.page': 'Page : {hasPage, select, no {non indiquée} other {{page}}}',
  'annex.sha': 'SHA-256 de l’original : ',
  'annex.noOriginal': 'original non conservé',
  'annex.excerpt': 'Extrait : ',
  'recommendation.paragraph': 'par. {paragraph}',
  'recommendation.unnumbered': 'recommandation d’un examen antérieur',
  'recommendation.missing': '[une recommandation qui n’est plus dans le coffre]',
  'recommendation.response':
    '{response, select, supported {acceptée} noted {notée} partially_supported {acceptée en partie} other {}}',
  'recommendation.ilo':
    '{body}{hasYear, select, no {} other { ({year})}}{hasConvention, select, no {} other {, {convention}}}',
  'recTable.title': 'Recommandations de l’examen précédent et leur mise en œuvre',
  'recTable.number': 'N°',
  'recTable.text': 'Recommandation',
  'recTable.states': 'État(s) auteur(s)',
  'recTable.response': 'Position de l’État',
  'recTable.assessment': 'Notre évaluation',
  'recTable.responseValue':
    '{response, select, supported {Acceptée} noted {Notée} partially_supported {Acceptée en partie} no_response {Pas de réponse} other {}}',
  'recTable.assessmentValue':
    '{assessment, select, implemented {Mise en œuvre} partially_implemented {Mise en œuvre en partie} not_implemented {Non mise en œuvre} no_information {Pas d’information} other {Non évaluée}}',
  'recFollowUp.quote': '« {text} »',
  'insert.quote': '« {quote} »',
  'insert.claim': 'L’État affirme : {quote}',
  'insert.contradicted': 'Les éléments suivants le contredisent :',
  'insert.corroborated': 'Les éléments suivants le corroborent :',
  'timeline.when': 'Date',
  'timeline.what': 'Faits',
  'timeline.where': 'Lieu',
  'timeline.who': 'Personnes en cause',
  'timeline.evidence': 'Preuves',
  'timeline.since': 'depuis {date}',
  'timeline.role':
    '{role, select, victim {victime} perpetrator {auteur} complainant {plaignant} authority {autorité} court {tribunal} witness {témoin} other {autre}}',
  'timeline.participant': '{name} ({role})',
};

const es: Catalog = {
  'cover.title.individual':
    'Contribución individual al Examen Periódico Universal{hasState, select, no {} other { de {state}}}',
  'cover.title.joint':
    'Contribución conjunta al Examen Periódico Universal{hasState, select, no {} other { de {state}}}',
  'cover.session': '{n}.º período de sesiones del Grupo de Trabajo sobre el EPU',
  'cover.cycle': '{n}.º ciclo',
  'cover.submittedBy.individual': 'Presentada por',
  'cover.submittedBy.joint': 'Presentada conjuntamente por',
  'cover.founded': 'Fundada en {year}.',
  'cover.contact': 'Contacto: {contact}',
  'cover.keywords': 'Palabras clave: {keywords}',
  'cover.wordCount': 'Número de palabras: {count} (cuerpo de la contribución, sin la portada ni las notas)',
  'note.page': 'pág. {page}',
  'note.ibid': 'Ibid.',
  'note.ibidPage': 'Ibid., pág. {page}',
  'note.shortForm': '{short}, op. cit., nota {first}',
  'note.untitled': 'Fuente sin título.',
  'note.format':
    '{format, select, pdf {versión PDF} docx {versión Word} html {página web} text {versión de texto} markdown {versión de texto} other {}}',
  'note.missing': 'Un extracto que ya no está en la bóveda.',
  'note.url': 'disponible en {url}',
  'note.accessed': 'consultado el {date}',
  'notes.heading': 'Notas',
  'notes.back': 'Volver al texto',
  'notes.call': 'Nota {n}',
  'annex.heading': 'Anexo: procedencia de las notas',
  'annex.intro':
    'Para los archivos de la organización: para cada nota, la fuente citada, la huella SHA-256 del archivo original, la página y el extracto en la bóveda de Upright.',
  'annex.note': 'Nota {n}.',
  'annex.untitled': 'Fuente sin título',
  'annex.page': 'Página: {hasPage, select, no {no indicada} other {{page}}}',
  'annex.sha': 'SHA-256 del original: ',
  'annex.noOriginal': 'original no conservado',
  'annex.excerpt': 'Extracto: ',
  'recommendation.paragraph': 'párr. {paragraph}',
  'recommendation.unnumbered': 'recomendación de un examen anterior',
  'recommendation.missing': '[una recomendación que ya no está en la bóveda]',
  'recommendation.response':
    '{response, select, supported {aceptada} noted {anotada} partially_supported {aceptada en parte} other {}}',
  'recommendation.ilo':
    '{body}{hasYear, select, no {} other { ({year})}}{hasConvention, select, no {} other {, {convention}}}',
  'recTable.title': 'Recomendaciones del examen anterior y su aplicación',
  'recTable.number': 'N.º',
  'recTable.text': 'Recomendación',
  'recTable.states': 'Estado(s) recomendante(s)',
  'recTable.response': 'Posición del Estado',
  'recTable.assessment': 'Nuestra evaluación',
  'recTable.responseValue':
    '{response, select, supported {Aceptada} noted {Anotada} partially_supported {Aceptada en parte} no_response {Sin respuesta} other {}}',
  'recTable.assessmentValue':
    '{assessment, select, implemented {Aplicada} partially_implemented {Aplicada en parte} not_implemented {No aplicada} no_information {Sin información} other {No evaluada}}',
  'recFollowUp.quote': '«{text}»',
  'insert.quote': '«{quote}»',
  'insert.claim': 'El Estado afirma: {quote}',
  'insert.contradicted': 'Lo contradice lo siguiente:',
  'insert.corroborated': 'Lo corrobora lo siguiente:',
  'timeline.when': 'Fecha',
  'timeline.what': 'Hechos',
  'timeline.where': 'Lugar',
  'timeline.who': 'Personas involucradas',
  'timeline.evidence': 'Pruebas',
  'timeline.since': 'desde {date}',
  'timeline.role':
    '{role, select, victim {víctima} perpetrator {autor} complainant {denunciante} authority {autoridad} court {tribunal} witness {testigo} other {otro}}',
  'timeline.participant': '{name} ({role})',
};

/** Languages a submission's printed words exist in; other UN languages print in English. */
export const SUBMISSION_CATALOGS = { en, ru, fr, es } as const satisfies Record<string, Catalog>;
export type SubmissionLanguage = keyof typeof SUBMISSION_CATALOGS;

/** Locales for Intl: British English as the UN writes it ("30 June 2021"). */
const LOCALES: Record<SubmissionLanguage, string> = { en: 'en-GB', ru: 'ru-RU', fr: 'fr-FR', es: 'es-ES' };

export function submissionLanguage(code: string | null | undefined): SubmissionLanguage {
  const primary = (code ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return Object.hasOwn(SUBMISSION_CATALOGS, primary) ? (primary as SubmissionLanguage) : 'en';
}

type Params = Record<string, string | number>;

export interface Wording {
  language: SubmissionLanguage;
  locale: string;
  t(key: WordingKey, params?: Params): string;
  /** A possibly partial ISO date ("2022", "2022-06", "2022-06-30") as the language writes it. */
  date(value: string | null | undefined): string;
  number(value: number): string;
}

const compiled = new Map<string, IntlMessageFormat>();

function format(language: SubmissionLanguage, key: WordingKey, params: Params): string {
  const id = `${language}\u0000${key}`;
  let message = compiled.get(id);
  if (!message) {
    message = new IntlMessageFormat(SUBMISSION_CATALOGS[language][key], LOCALES[language], undefined, {
      ignoreTag: true,
    });
    compiled.set(id, message);
  }
  return String(message.format(params));
}

export function wording(code: string | null | undefined): Wording {
  const language = submissionLanguage(code);
  const locale = LOCALES[language];
  const numbers = new Intl.NumberFormat(locale);
  return {
    language,
    locale,
    t: (key, params = {}) => format(language, key, params),
    date: (value) => partialDate(value, locale),
    number: (value) => numbers.format(value),
  };
}
