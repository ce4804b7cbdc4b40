import { Counter, type Registry } from 'prom-client';

/** Reminder counters on the bot's registry; labels carry only the reminder kind, never a chat. */
export function createReminderMetrics(registry: Registry) {
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames: ['kind'] as const, registers: [registry] });
  const scheduled = counter('xs_reminders_scheduled_total', 'Reminder jobs added to the queue, by kind');
  const sent = counter('xs_reminders_sent_total', 'Reminder messages sent, by the kind of the job that sent them');
  const cancelled = counter('xs_reminders_cancelled_total', 'Reminder jobs removed (cancelled, turned off, /delete, blocked), by kind');
  const quiet = counter('xs_reminders_quiet_hours_total', 'Reminders held back to 09:00 because they fell in quiet hours, by kind');
  return {
    scheduled: (kind: string, n = 1) => scheduled.inc({ kind }, n),
    sent: (kind: string) => sent.inc({ kind }),
    cancelled: (kind: string, n = 1) => cancelled.inc({ kind }, n),
    quietHours: (kind: string) => quiet.inc({ kind }),
  };
}

export type ReminderMetrics = ReturnType<typeof createReminderMetrics>;
