/**
 * Structured logs of the real services: one JSON object per line, with the
 * time, the service and an event name. The services take a sink; the
 * process entry points decide where lines go (standard output, a file, or
 * nowhere in a chaos run's quiet mode).
 */
export type LogSink = (event: string, fields?: Record<string, unknown>) => void;

export function jsonLines(service: string, write: (line: string) => void): LogSink {
  return (event, fields = {}) => write(`${JSON.stringify({ t: new Date().toISOString(), service, event, ...fields })}\n`);
}

export const silent: LogSink = () => undefined;
