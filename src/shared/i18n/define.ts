// Messages declared as data, where the code that needs them lives (main, CLI and renderer alike).
// `formatjs extract` finds these calls by name and collects them into catalogs/en.json, the source
// catalog translators work from; the id is stable, the English text is its default.

export interface MessageDescriptor {
  id: string;
  defaultMessage: string;
  /** Context for translators: where the words appear and what the placeholders hold. */
  description?: string;
}

/** Values a message's placeholders take; dates travel as ISO strings or epoch milliseconds. */
export type MessageParams = Record<string, string | number>;

export function defineMessages<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, MessageDescriptor> {
  return messages;
}

export function defineMessage(message: MessageDescriptor): MessageDescriptor {
  return message;
}
