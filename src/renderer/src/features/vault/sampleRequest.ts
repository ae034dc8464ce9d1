// Opening the sample from Help while the vault is open: the vault locks first, through the one lock
// path (pending edits are saved, then the page is thrown away), and the fresh page — on the unlock
// screen — opens the sample. The wish crosses the reload in this tab's session storage, a flag only.
const KEY = 'upright.openSampleAfterLock';

export function requestSampleAfterLock(): void {
  sessionStorage.setItem(KEY, '1');
}

/** True once after requestSampleAfterLock(); the wish is forgotten as it is read. */
export function takeSampleRequest(): boolean {
  const asked = sessionStorage.getItem(KEY) === '1';
  sessionStorage.removeItem(KEY);
  return asked;
}
