// The words the editor draws itself (schema.ts), from the message catalog in the interface language.
import type { IntlShape } from 'react-intl';
import type { EditorWords } from './schema.ts';

export function editorWords(intl: IntlShape): EditorWords {
  return {
    heading: intl.formatMessage({ id: 'drafts.editor.placeholder.heading', defaultMessage: 'Heading' }),
    summary: intl.formatMessage({
      id: 'drafts.editor.placeholder.summary',
      defaultMessage: 'Summarise the submission: its scope, how the information was gathered, the period it covers.',
    }),
    followUp: intl.formatMessage({
      id: 'drafts.editor.placeholder.followUp',
      defaultMessage:
        'The recommendation, the State’s position (supported or noted), and how far it was implemented, with evidence.',
    }),
    newDevelopments: intl.formatMessage({
      id: 'drafts.editor.placeholder.newDevelopments',
      defaultMessage: 'Developments and issues not raised at the previous review.',
    }),
    recommendations: intl.formatMessage({
      id: 'drafts.editor.placeholder.recommendations',
      defaultMessage:
        'One action per recommendation, starting with a verb: ratify, amend, repeal, establish, investigate…',
    }),
    paragraph: intl.formatMessage({ id: 'drafts.editor.placeholder.paragraph', defaultMessage: 'Write a paragraph…' }),
    note: (number) => intl.formatMessage({ id: 'drafts.editor.noteCall', defaultMessage: 'Note {number}' }, { number }),
    earlierRecommendation: intl.formatMessage({
      id: 'drafts.editor.earlierRecommendation',
      defaultMessage: 'Earlier recommendation',
    }),
  };
}
