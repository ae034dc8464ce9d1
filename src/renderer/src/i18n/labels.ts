// A vocabulary's labels (confidentiality, stance, kinds…) in the interface language, for selects and
// badges that take plain strings.
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { MessageDescriptor } from '../../../shared/i18n/define.ts';

export function useLabels<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, string> {
  const intl = useIntl();
  return useMemo(
    () =>
      Object.fromEntries(
        Object.entries<MessageDescriptor>(messages).map(([key, message]) => [key, intl.formatMessage(message)]),
      ) as Record<K, string>,
    [intl, messages],
  );
}
