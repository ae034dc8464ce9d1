/** When a draft or version was saved, as lists show it: "30 Nov 2026, 07:52". */
export function savedAt(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}
