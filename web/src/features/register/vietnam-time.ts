/**
 * Instants on the register's screens are shown in Viet Nam time, whatever the reader's computer says,
 * because "the register as of a date" means the end of that day in Viet Nam (docs/register.md).
 */
const ZONE = 'Asia/Ho_Chi_Minh';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE });
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day an instant falls on in Viet Nam, as YYYY-MM-DD. */
export const vietnamDay = (instant: string) => dayFormat.format(new Date(instant));

/** An instant as dd/mm/yyyy HH:mm in Viet Nam time. */
export function formatVietnamTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const part = (type: string) => partsFormat.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}
