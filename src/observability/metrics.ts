import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics on a registry of our own. No label ever carries user data: only kinds and outcomes. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const updates = new Counter({
    name: 'xs_updates_total',
    help: 'Updates handled, by kind (text, button, command, unsupported, edited) or outcome (duplicate, stale, busy, unavailable, deleted)',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'xs_update_duration_seconds',
    help: 'Time to handle one update, from receipt to the last reply sent',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const telegram = new Counter({
    name: 'xs_telegram_calls_total',
    help: 'Bot API calls by method and outcome (ok, retried, failed)',
    labelNames: ['method', 'outcome'] as const,
    registers: [registry],
  });
  const storeErrors = new Counter({ name: 'xs_store_errors_total', help: 'Store operations that failed', registers: [registry] });
  const careSignals = new Counter({
    name: 'xs_care_signals_total',
    help: 'Messages read as a care signal (crisis, threat, paid_agent, self_ask); the words themselves are never kept',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const exports = new Counter({
    name: 'xs_exports_total',
    help: 'Copies of a person\'s data sent (/export), by whether a case was kept (case, none); never their contents',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  return {
    updateHandled(kind: string, seconds: number) {
      updates.inc({ kind });
      duration.observe(seconds);
    },
    telegramCall(method: string, outcome: 'ok' | 'retried' | 'failed') {
      telegram.inc({ method, outcome });
    },
    storeError() {
      storeErrors.inc();
    },
    careSignal(kind: string) {
      careSignals.inc({ kind });
    },
    exported(withCase: boolean) {
      exports.inc({ kind: withCase ? 'case' : 'none' });
    },
    /** For the counters of other modules (reminders) on the same registry. */
    registry,
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
