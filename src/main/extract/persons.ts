// Person suggestions. Only names that announce themselves: after an honorific or title ("Ms
// Kharkova", "Mr D. Senyavsky", "President Tokayev", "г-жа Харькова") or behind initials ("K.K.
// Tokayev", "Токаев К.К.", "Ivanova A."), or a full name that starts with a common given name of the
// region ("Dmitry Karpenko"). Other capitalised words are not guessed at: in these reports most of them
// are bodies, places and laws, and a wrong name in a submission is worse than a missing one. Once a
// person is found, later mentions of the same surname alone are offered too, less confidently.
import { Covered, escapeRegExp, LEADING_WORDS, NA, NB, suggestion, withoutOverlaps } from './spans.ts';
import type { Suggestion } from './types.ts';

const UPPER = '[A-ZА-ЯЁ]';
const SURNAME = `${UPPER}[a-zа-яё]+(?:['’][A-ZА-ЯЁ][a-zа-яё]+)?(?:-${UPPER}[a-zа-яё]+)?`;
const INITIALS = `(?:${UPPER}\\.[^\\S\\n]?){1,3}`;
/** "D. Senyavsky", "Larisa Kharkova", "Kharkova", "Jean-Paul Sartre" — up to three name words. */
const NAME = `(?:${INITIALS}${SURNAME}|${SURNAME}(?:[^\\S\\n]+${SURNAME}){0,2})`;

// Honorifics that only ever precede a name.
const HONORIFICS = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Dame',
  'г-н',
  'г-жа',
  'господин',
  'госпожа',
  'Господин',
  'Госпожа',
];
// Titles that are also ordinary words ("the President of the Republic", "General Assembly"): the
// word after them must look like a surname, not like the next part of a body's name.
const TITLES = [
  'General Secretary',
  'Secretary-General',
  'Secretary General',
  'Director-General',
  'Director General',
  'Executive Director',
  'Deputy Chairperson',
  'Deputy Chairman',
  'President',
  'Vice-President',
  'Prime Minister',
  'Deputy Prime Minister',
  'Minister',
  'Deputy Minister',
  'Ambassador',
  'Senator',
  'Judge',
  'Justice',
  'Special Rapporteur',
  'Rapporteur',
  'Chairperson',
  'Chairman',
  'Chairwoman',
  'Commissioner',
  'Ombudsman',
  'Prosecutor',
  'General',
  'Colonel',
  'Major',
  'Captain',
  'Lieutenant',
  'Президент',
  'президент',
  'Премьер-министр',
  'премьер-министр',
  'Министр',
  'министр',
  'Председатель',
  'председатель',
  'судья',
  'Судья',
];

// Words that follow a title but are not names: "General Assembly", "Justice Ministry".
const NOT_SURNAMES = new Set(
  (
    'Assembly Council Committee Court Office Secretary Prosecutor Conference Staff Election Government Republic ' +
    'State Ministry Administration Decree Law Code Justice Affairs Department Agency Service Directorate Comment ' +
    'Comments Recommendation Convention Rapporteur Attorney Minister President Commission Chamber Parliament The ' +
    'This That These Those It In On At Of For And Or But By To As If Since When While After Before Article ' +
    'January February March April May June July August September October November December Kazakhstan ' +
    'Trade Union Unions Labour International National Federation Confederation Association Congress Centre ' +
    'Organization Organisation Ministry Police Department Republic Human Rights Code Law Convention General ' +
    'Mr Mrs Ms Miss Mx Dr Prof Sir Dame Speaker Chair Chairman Chairperson Deputy Director Judge'
  ).split(' '),
);

// "U.S. Government", "U.N. General": initials of places and bodies, not of people.
const NOT_INITIALS = new Set(['U.S.', 'U.K.', 'U.N.', 'E.U.', 'U.S.A.', 'С.Ш.А.']);

const honorificRe = new RegExp(`${NB}(${HONORIFICS.map(escapeRegExp).join('|')})(\\.?)[^\\S\\n]+(${NAME})${NA}`, 'gu');
const titleRe = new RegExp(`${NB}(${TITLES.map(escapeRegExp).join('|')})[^\\S\\n]+(${NAME})${NA}`, 'gu');
const initialsRe = new RegExp(`${NB}(${INITIALS})(${SURNAME})${NA}`, 'gu');
// Russian order: "Токаев К.К." — two initials, so a surname ending a sentence is not read as one.
const surnameFirstRe = new RegExp(`${NB}(${SURNAME})[^\\S\\n]((?:${UPPER}\\.[^\\S\\n]?){2})(?![\\p{L}])`, 'gu');

// Lower-case role nouns naming a person who follows with a full name: "union leaders Erlan Baltabay
// and Larisa Kharkova", "activist Dmitry Senyavsky". Two capitalised words at least, so a role
// before a single capitalised word ("leader Kazakhstan") is not read as a name.
const either = (word: string): string => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`;
const ROLES = `(?:(?:${['union', 'trade union', 'opposition', 'civil society', 'community', 'strike', 'labour'].map(either).join('|')})\\s+)?(?:${[
  'leaders?',
  'activists?',
  'lawyers?',
  'journalists?',
  'defenders?',
  'bloggers?',
  'unionists?',
  'chair(?:man|woman|person)?',
  'members?',
  'colleagues?',
  'wife',
  'husband',
  'son',
  'daughter',
  'mother',
  'father',
  'brother',
  'sister',
  'advocate',
  'investigator',
  'лидер(?:ы|а)?',
  'активист(?:ы|ка|ки|а)?',
  'юрист(?:ы|а)?',
  'адвокат(?:ы|а)?',
  'журналист(?:ы|ка|а)?',
  'председател(?:ь|я)',
  'правозащитни(?:к|ца|ки|ка)',
]
  .map(either)
  .join('|')})`;
const FULL_NAME = `${SURNAME}[^\\S\\n]+${SURNAME}(?:[^\\S\\n]+${SURNAME})?`;
const roleRe = new RegExp(
  `${NB}${ROLES}[^\\S\\n]+(${FULL_NAME}(?:(?:,[^\\S\\n]*|[^\\S\\n]+(?:and|и)[^\\S\\n]+)${FULL_NAME})*)${NA}`,
  'gu',
);
const fullNameRe = new RegExp(`${FULL_NAME}`, 'gu');
const listNext = new RegExp(`^(?:,[^\\S\\n]*|,?[^\\S\\n]+(?:and|и)[^\\S\\n]+)(${FULL_NAME})${NA}`, 'u');

interface Person {
  start: number;
  end: number;
  name: string;
  surname: string;
  confidence: number;
  detail: Record<string, string>;
}

function surnameOf(name: string): string {
  const words = name.replace(new RegExp(INITIALS, 'gu'), '').trim().split(/\s+/);
  return words[words.length - 1] ?? name;
}

// Nouns read as surnames after a title or an initial: "General Collective Agreement", "Labour
// Inspection", the heading "I. Summary", "A. Presentation". English noun endings are not surnames.
const NOUN_ENDING = /(?:tion|sion|ment|ness|ship|ism|ity|ary|ance|ence|ure)$/u;
// Surnames of Russia, Ukraine and Central Asia by their endings: enough, with one initial after
// the name ("Ivanova A.") or a common given name before it, to tell a person from a phrase.
const SURNAME_ENDING =
  /(?:ov|ova|ev|eva|yov|yova|in|ina|yn|yna|sky|skiy|ski|skaya|ska|enko|uk|yuk|chuk|ich|vich|ko|uly|kyzy|yan|ian|dze|shvili|bayev|bayeva|bekov|bekova|ova)$/u;

function plausible(name: string): boolean {
  const words = name.replace(new RegExp(INITIALS, 'gu'), ' ').trim().split(/\s+/);
  const last = words[words.length - 1] ?? '';
  return words.length > 0 && words.every((word) => !NOT_SURNAMES.has(word)) && !NOUN_ENDING.test(last);
}

// Common given names of the region, as English texts transliterate them: a full name that starts
// with one needs no title. Names that are also English words ("Roman", "Victoria", "Nur") are left out.
const GIVEN_NAMES = (
  'Aleksandr Alexander Alexandr Aleksei Alexei Alexey Aleksey Anatoly Anatoliy Andrei Andrey Andriy Anton Arkady ' +
  'Arkadiy Artem Artyom Boris Bulat Daniil Danil Denis Dmitry Dmitri Dmitriy Dmytro Eduard Egor Yegor Evgeny ' +
  'Evgeniy Yevgeny Yevgeniy Fyodor Fedor Gennady Gennadiy Georgy Georgiy Gleb Grigory Grigoriy Igor Ihor Ilya ' +
  'Ivan Kirill Konstantin Leonid Maksim Maxim Mikhail Mykhailo Mykola Nikita Nikolai Nikolay Oleg Oleksandr ' +
  'Oleksiy Pavel Petr Pyotr Petro Ruslan Semyon Sergei Sergey Sergiy Serhiy Stanislav Stepan Taras Timur Vadim ' +
  'Valentin Valery Valeriy Vasily Vasiliy Vasyl Viktor Vitaly Vitaliy Vladimir Volodymyr Vladislav Vyacheslav ' +
  'Yaroslav Yuri Yury Yuriy Yurii Zakhar Aleksandra Alexandra Alla Alina Anastasia Anastasiya Darya Daria ' +
  'Ekaterina Yekaterina Elena Yelena Elizaveta Evgenia Yevgenia Galina Inna Irina Ksenia Kseniya Larisa Lidia ' +
  'Lidiya Lyudmila Ludmila Nadezhda Natalia Natalya Nataliya Oksana Olga Polina Svetlana Tatiana Tatyana ' +
  'Valentina Veronika Yulia Yuliya Zoya Zhanna Aidos Aigul Ainur Akmaral Almas Amangeldy Askar Asel Azamat ' +
  'Baurzhan Bakhyt Bekzhan Bolat Daniyar Dariga Dauren Dinara Erlan Yerlan Ermek Erzhan Yerzhan Gulnara Gulmira ' +
  'Kairat Kanat Marat Meruert Mukhtar Nurlan Nursultan Rustam Saule Serik Talgat Yerbol Erbol Zhanar Zhanibek ' +
  'Bakhtiyor Dilshod Farrukh Jamshid Shukhrat Ulugbek Alisher Bohdan'
).split(' ');
const givenRe = new RegExp(
  `${NB}(?:${GIVEN_NAMES.join('|')})[^\\S\\n]+(${SURNAME})(?:-${UPPER}[a-zа-яё]+)?${NA}`,
  'gu',
);
// "Ivanova A.", "Petrov S." — one initial after the name, where a list or a clause goes on after it.
const surnameInitialRe = new RegExp(
  `${NB}(${SURNAME})[^\\S\\n](${UPPER}\\.)(?=[,;)]|[^\\S\\n]+(?:and|и)[^\\S\\n]|[^\\S\\n]*(?:\\n|$))`,
  'gu',
);

// "the President of the Republic of Kazakhstan, K.K. Tokayev": the role said just before the name.
const ROLE_BEFORE =
  /(?:^|[^\p{L}])((?:President|Vice-President|Prime Minister|Minister|Chair(?:person|man|woman)?|Judge|Prosecutor|Head|Director|Leader|Secretary|Ombudsman|Commissioner)(?: [^.,;\n]{1,60})?),\s*$/u;

/** Finds persons named with an honorific, a title or initials, then later mentions of their surnames. */
export function findPersons(text: string): Suggestion[] {
  const people: Person[] = [];
  for (const m of text.matchAll(honorificRe)) {
    const name = (m[3] ?? '').trim();
    if (!plausible(name)) continue;
    const start = m.index ?? 0;
    people.push({
      start,
      end: start + m[0].length,
      name,
      surname: surnameOf(name),
      confidence: 0.9,
      detail: { honorific: `${m[1]}${m[2]}` },
    });
  }
  for (const m of text.matchAll(titleRe)) {
    const name = (m[2] ?? '').trim();
    if (!plausible(name)) continue;
    const start = m.index ?? 0;
    people.push({
      start,
      end: start + m[0].length,
      name,
      surname: surnameOf(name),
      confidence: 0.8,
      detail: { title: m[1] ?? '' },
    });
  }
  for (const m of text.matchAll(givenRe)) {
    const surname = m[1] ?? '';
    if (!plausible(surname) || LEADING_WORDS.has(surname) || !SURNAME_ENDING.test(surname)) continue;
    const start = m.index ?? 0;
    people.push({ start, end: start + m[0].length, name: m[0], surname, confidence: 0.7, detail: {} });
  }
  for (const m of text.matchAll(surnameInitialRe)) {
    const surname = m[1] ?? '';
    if (!plausible(surname) || !SURNAME_ENDING.test(surname)) continue;
    const start = m.index ?? 0;
    people.push({ start, end: start + m[0].length, name: m[0], surname, confidence: 0.7, detail: {} });
  }
  for (const m of text.matchAll(initialsRe)) {
    const initials = (m[1] ?? '').replace(/\s+/g, '');
    const surname = m[2] ?? '';
    if (NOT_INITIALS.has(initials) || NOT_SURNAMES.has(surname) || NOUN_ENDING.test(surname)) continue;
    const start = m.index ?? 0;
    const detail: Record<string, string> = {};
    const role = ROLE_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
    if (role?.[1]) detail.role = role[1];
    people.push({ start, end: start + m[0].length, name: m[0].trim(), surname, confidence: 0.85, detail });
  }
  for (const m of text.matchAll(roleRe)) {
    const list = m[1] ?? '';
    const offset = (m.index ?? 0) + m[0].length - list.length;
    for (const name of list.matchAll(fullNameRe)) {
      if (!plausible(name[0])) continue;
      const start = offset + (name.index ?? 0);
      people.push({
        start,
        end: start + name[0].length,
        name: name[0],
        surname: surnameOf(name[0]),
        confidence: 0.7,
        detail: {},
      });
    }
  }
  for (const m of text.matchAll(surnameFirstRe)) {
    const surname = m[1] ?? '';
    if (NOT_SURNAMES.has(surname)) continue;
    const start = m.index ?? 0;
    people.push({ start, end: start + m[0].trimEnd().length, name: m[0].trim(), surname, confidence: 0.8, detail: {} });
  }

  // Twice: names listed with a linked mention ("represented by Larisa Kharkova, Nurbek Kushakbaev and
  // Amin Eleusinov") are found in the second pass, and their own later mentions with them.
  let found = withoutOverlaps(people);
  for (let pass = 0; pass < 2; pass++) found = withoutOverlaps([...found, ...listedWith(text, found)]);
  found = withoutOverlaps([...found, ...mentionsOf(text, found)]);
  for (let pass = 0; pass < 2; pass++) {
    found = withoutOverlaps([...found, ...listedWith(text, found)]);
    found = withoutOverlaps([...found, ...mentionsOf(text, found)]);
  }
  return found.map((person) =>
    suggestion(text, 'person', person.start, person.end, person.name, person.confidence, person.detail),
  );
}

/** Names listed with a person's name are persons too: "Larisa Kharkova, Nurbek Kushakbaev and Amin Eleusinov". */
function listedWith(text: string, people: Person[]): Person[] {
  const listed: Person[] = [];
  for (const person of people) {
    let end = person.end;
    for (;;) {
      const next = listNext.exec(text.slice(end));
      if (!next?.[1] || !plausible(next[1])) break;
      const start = end + next[0].length - next[1].length;
      end = start + next[1].length;
      listed.push({ start, end, name: next[1], surname: surnameOf(next[1]), confidence: 0.65, detail: {} });
    }
  }
  return listed;
}

/** Other mentions of a known person: the full name again, or the surname alone ("Kharkova appealed"). */
function mentionsOf(text: string, people: Person[]): Person[] {
  const known = new Map<string, Person>();
  for (const person of people) {
    if (person.detail.linkedTo) continue;
    for (const form of [person.name, person.surname]) if (!known.has(form)) known.set(form, person);
  }
  const repeats: Person[] = [];
  if (known.size === 0) return repeats;
  const covered = new Covered(text.length);
  for (const person of people) covered.add(person);
  // One pass over the text for every known form, longest first ("Larisa Kharkova" before "Kharkova").
  const forms = [...known.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  for (const m of text.matchAll(new RegExp(`${NB}(?:${forms.join('|')})${NA}`, 'gu'))) {
    const form = m[0];
    const person = known.get(form);
    if (!person) continue;
    {
      const start = m.index ?? 0;
      const span = { start, end: start + form.length };
      if (covered.hits(span)) continue;
      repeats.push({
        ...span,
        name: person.name,
        surname: person.surname,
        confidence: 0.6,
        detail: { linkedTo: person.name },
      });
    }
  }
  return repeats;
}
