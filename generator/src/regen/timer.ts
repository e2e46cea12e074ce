/** Wall-clock timing of the regeneration's steps, for the report and the CLI. */

/** One measured step; `detail` carries a sub-breakdown (the generator's own stage timings). */
export interface StepTiming {
  step: string;
  ms: number;
  detail?: string;
}

/** Collects step timings in the order the steps ran. */
export class Stopwatch {
  readonly steps: StepTiming[] = [];
  private readonly started = performance.now();

  /** Runs `fn`, records how long it took under `step`, and returns its result. */
  async time<T>(step: string, fn: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await fn();
    } finally {
      this.steps.push({ step, ms: performance.now() - start });
    }
  }

  /** Milliseconds since the stopwatch was created: the whole run so far. */
  elapsed(): number {
    return performance.now() - this.started;
  }
}
