/** Where phase durations go (`CLEANPATH_TIMINGS`); the clock comes from the CLI, never read here. */
export interface TimingSink {
  clock: () => number;
  record: (phase: string, ms: number) => void;
}

/** `lap("parse")` records the time since the previous lap (or the start) as that phase. */
export function laps(sink: TimingSink | undefined): (phase: string) => void {
  if (!sink) return () => {};
  let mark = sink.clock();
  return (phase) => {
    const now = sink.clock();
    sink.record(phase, now - mark);
    mark = now;
  };
}
