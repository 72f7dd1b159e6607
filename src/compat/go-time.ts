// time.Parse(time.RFC3339, s)'s errors, word for word (metav1.Time's decoding).
import { goQuote } from './go-format.js';

const RFC3339 = '2006-01-02T15:04:05Z07:00';

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** time.Parse(time.RFC3339, s)'s error, or undefined when s parses. */
export function rfc3339Error(s: string): string | undefined {
  const cannot = (rest: string, elem: string) => `parsing time ${goQuote(s)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(rest)} as ${goQuote(elem)}`;
  const range = (what: string) => `parsing time ${goQuote(s)}: ${what} out of range`;
  let v = s;
  const num = (fixed: boolean): number | undefined => {
    if (!/^[0-9]/.test(v)) return undefined;
    if (!/^[0-9]{2}/.test(v)) {
      if (fixed) return undefined;
      const n = Number(v[0]);
      v = v.slice(1);
      return n;
    }
    const n = Number(v.slice(0, 2));
    v = v.slice(2);
    return n;
  };
  const lit = (l: string): boolean => {
    if (!v.startsWith(l)) return false;
    v = v.slice(l.length);
    return true;
  };
  if (v.length < 4 || !/^[+-]?[0-9]+$/.test(v.slice(0, 4))) return cannot(v, '2006');
  const year = Number(v.slice(0, 4));
  v = v.slice(4);
  if (!lit('-')) return cannot(v, '-');
  let rest = v;
  const month = num(true);
  if (month === undefined) return cannot(rest, '01');
  if (month < 1 || month > 12) return range('month');
  if (!lit('-')) return cannot(v, '-');
  rest = v;
  const day = num(true);
  if (day === undefined) return cannot(rest, '02');
  if (!lit('T')) return cannot(v, 'T');
  rest = v;
  const hour = num(false);
  if (hour === undefined) return cannot(rest, '15');
  if (hour >= 24) return range('hour');
  if (!lit(':')) return cannot(v, ':');
  rest = v;
  const min = num(true);
  if (min === undefined) return cannot(rest, '04');
  if (min >= 60) return range('minute');
  if (!lit(':')) return cannot(v, ':');
  rest = v;
  const sec = num(true);
  if (sec === undefined) return cannot(rest, '05');
  if (sec >= 60) return range('second');
  const frac = /^[.,][0-9]+/.exec(v);
  if (frac) v = v.slice(frac[0].length);
  rest = v;
  if (v.startsWith('Z')) v = v.slice(1);
  else {
    const m = /^([+-])([0-9]{2}):([0-9]{2})/.exec(v);
    if (v.length < 6 || v[3] !== ':' || !m) return cannot(rest, 'Z07:00');
    if (Number(m[2]) > 24) return range('time zone offset hour');
    if (Number(m[3]) > 60) return range('time zone offset minute');
    v = v.slice(6);
  }
  if (v.length > 0) return `parsing time ${goQuote(s)}: extra text: ${goQuote(v)}`;
  if (day < 1 || day > daysIn(month, year)) return `parsing time ${goQuote(s)}: day out of range`;
  return undefined;
}
