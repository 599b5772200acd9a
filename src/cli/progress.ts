// Progress on stderr: a redrawn bar on a terminal, a plain line per step otherwise (or nothing with --quiet).

export class Progress {
  private readonly tty = process.stderr.isTTY === true;
  private readonly started = Date.now();
  private lastPlain = -1;

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly quiet: boolean,
  ) {}

  update(done: number, detail = ''): void {
    if (this.quiet || this.total === 0) return;
    const fraction = Math.min(1, done / this.total);
    if (this.tty) {
      const width = 30;
      const filled = Math.round(fraction * width);
      const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
      process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${seconds}s ${detail}`.padEnd(100));
      return;
    }
    const step = Math.floor(fraction * 10);
    if (step !== this.lastPlain || done === this.total) {
      this.lastPlain = step;
      process.stderr.write(`${this.label}: ${done}/${this.total}${detail ? ` ${detail}` : ''}\n`);
    }
  }

  finish(): void {
    if (!this.quiet && this.tty && this.total > 0) process.stderr.write('\n');
  }
}
