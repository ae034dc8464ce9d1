// A starter code book for freedom-of-association cases, built on the ILO supervisory bodies'
// headings (Convention No. 87 and No. 98, the CFA Compilation) and the UPR's thematic clusters.
// Offered on an empty code book, never imposed: the lawyer adds it with one click, then renames,
// merges or deletes at will.
import type { Store } from '../store/index.ts';

interface StarterCode {
  name: string;
  colour: string;
  description: string;
  children?: StarterCode[];
}

export const FREEDOM_OF_ASSOCIATION_CODES: StarterCode[] = [
  {
    name: 'Right to organise',
    colour: '#f6d365',
    description: 'C.87 art. 2: workers and employers may establish and join organisations of their own choosing.',
    children: [
      {
        name: 'Registration',
        colour: '#f6d365',
        description: 'Refusals, delays, prior authorisation, re-registration demands.',
      },
      {
        name: 'Dissolution and suspension',
        colour: '#f4a261',
        description: 'Dissolution by court or administration (C.87 art. 4).',
      },
      {
        name: 'Structure and affiliation',
        colour: '#e9c46a',
        description: 'Compulsory affiliation, bans on federations or international affiliation (C.87 art. 5).',
      },
    ],
  },
  {
    name: 'Right to strike',
    colour: '#a8dadc',
    description: 'Derived from C.87 arts. 3 and 10; restrictions, illegality declarations, replacement of strikers.',
    children: [
      {
        name: 'Strike bans and restrictions',
        colour: '#a8dadc',
        description: 'Essential services, minimum services, procedural hurdles.',
      },
      {
        name: 'Sanctions for strikes',
        colour: '#7fb7be',
        description: 'Dismissals, criminal and administrative liability for strikes or calls to strike.',
      },
    ],
  },
  {
    name: 'Civil liberties of trade unionists',
    colour: '#e76f51',
    description: 'Arrest, detention, prosecution, surveillance, travel bans, violence against union members.',
    children: [
      {
        name: 'Criminal prosecution',
        colour: '#e76f51',
        description: 'Charges, trials, sentences, restricted freedom.',
      },
      {
        name: 'Harassment and surveillance',
        colour: '#f28482',
        description: 'Intimidation, searches, monitoring, pressure on family.',
      },
    ],
  },
  {
    name: 'Collective bargaining',
    colour: '#90be6d',
    description: 'C.98 art. 4: voluntary negotiation; interference and anti-union discrimination (C.98 arts. 1–2).',
  },
  {
    name: 'Legislative reform',
    colour: '#b5a1e6',
    description: 'Draft laws, amendments, the State’s announced reforms and their timetable.',
  },
  {
    name: 'State claims',
    colour: '#cdd5df',
    description: 'What the Government says it has done — to set beside the evidence.',
  },
  {
    name: 'UPR recommendations',
    colour: '#8ecae6',
    description: 'Earlier recommendations on freedom of association and their implementation.',
  },
];

/** Adds the starter codes that are not in the code book yet (by name under the same parent). */
export function addStarterCodes(store: Store, codes: StarterCode[] = FREEDOM_OF_ASSOCIATION_CODES): number {
  return store.transaction(() => {
    let added = 0;
    const place = (list: StarterCode[], parentId: string | null) => {
      for (const code of list) {
        const existing = store.codes
          .list()
          .find((c) => c.parentId === parentId && c.name.toLowerCase() === code.name.toLowerCase());
        const id =
          existing?.id ??
          store.codes.create({ name: code.name, parentId, colour: code.colour, description: code.description }).id;
        if (!existing) added++;
        place(code.children ?? [], id);
      }
    };
    place(codes, null);
    return added;
  });
}
