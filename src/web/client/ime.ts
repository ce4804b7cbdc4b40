/**
 * Enter sends, except while an input method is still composing (Chinese pinyin): then Enter picks the candidate.
 * All three signs are read: `isComposing`, keyCode 229, and our own flag from the composition events (Safari ends
 * the composition before the Enter's keydown arrives).
 */
export function onEnterOutsideComposition(input: HTMLInputElement, form: HTMLFormElement, send: () => void): void {
  let composing = false;
  input.addEventListener('compositionstart', () => (composing = true));
  input.addEventListener('compositionend', () => (composing = false));
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    if (e.isComposing || e.keyCode === 229 || composing) return;
    send();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (!composing) send();
  });
}
