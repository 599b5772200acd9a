// A status line under a control: what an action did, or why it failed and the fix, with `data-state`
// (running, done, error) for anyone waiting on it.
import { ApiFailure } from './api.js';

export function say(status: HTMLElement, message: string, error: boolean): void {
  status.textContent = message;
  status.classList.toggle('error', error);
  status.dataset.state = error ? 'error' : 'done';
}

/** Runs an action, then shows the message it returns, or its failure with the server's hint. */
export async function reportOn(status: HTMLElement, work: () => Promise<string>): Promise<void> {
  status.dataset.state = 'running';
  try {
    say(status, await work(), false);
  } catch (failure) {
    say(status, failure instanceof ApiFailure ? `${failure.message}${failure.hint ? ` ${failure.hint}` : ''}` : String(failure), true);
  }
}
