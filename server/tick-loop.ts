/**
 * A worker's loop: run a tick, wait `everyMs` after it finishes, run the next; never two at once.
 * `stop` waits for a tick in progress. Used by the scheduler and the rota notifier.
 */
export class TickLoop {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;

  constructor(
    private readonly tick: () => Promise<void>,
    private readonly everyMs: number,
  ) {}

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    const loop = () => {
      if (this.#stopped) return;
      this.#running = this.tick().finally(() => {
        this.#running = undefined;
        if (!this.#stopped) this.#timer = setTimeout(loop, this.everyMs);
      });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    await this.#running;
  }
}
