// When the database (or kg serve) goes away: a notice in the page that says what failed and how to bring it
// back, checks every few seconds, and the page carries on by itself once it answers again.
import { api, ApiFailure, whenUnavailable } from './api.js';

// Often enough that the page is back soon after the database; rare enough to cost nothing while it is down.
const RETRY_MS = 2000;

export class Availability {
  private readonly notice = document.getElementById('notice')!;
  private timer: number | undefined;

  /** `onBack` runs each time the data answers again after being gone. */
  constructor(private readonly onBack: () => void) {
    whenUnavailable((failure) => this.down(failure));
  }

  /** Whether the data answers now; if not, the notice shows and the checks begin. */
  async check(): Promise<boolean> {
    try {
      await api.health();
      return true;
    } catch (failure) {
      if (!(failure instanceof ApiFailure) || !failure.unavailable) throw failure;
      return false;
    }
  }

  private down(failure: ApiFailure): void {
    this.notice.replaceChildren();
    const title = document.createElement('strong');
    title.textContent = failure.message;
    const fix = document.createElement('p');
    fix.textContent = failure.hint ?? '';
    const status = document.createElement('p');
    status.className = 'retrying';
    status.textContent = `Checking again every ${RETRY_MS / 1000} s…`;
    this.notice.append(title, fix, status);
    this.notice.hidden = false;
    this.notice.dataset.state = 'down';
    if (this.timer === undefined) this.timer = window.setTimeout(() => void this.retry(), RETRY_MS);
  }

  private async retry(): Promise<void> {
    this.timer = undefined;
    // A failed check calls down() again through the API's listener, which schedules the next one.
    if (!(await this.check().catch(() => false))) return;
    this.notice.hidden = true;
    this.notice.dataset.state = 'up';
    this.onBack();
  }
}
