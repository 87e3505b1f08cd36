// The common passwords that the shipped list leaves out on purpose. @zxcvbn-ts/language-common
// drops every password that zxcvbn's own pattern matchers guess sooner than its rank
// ("aaaaaaaa", "87654321", "12341234", "01012009"), so this app matches those patterns
// itself (docs/decisions/0026-password-policy.md). Each pattern has at most a few million
// members: a guesser tries them all before any word list.

// Runs along the alphabet, the digits or a keyboard row (US layout), read either way.
const RUNS = ["abcdefghijklmnopqrstuvwxyz", "01234567890", "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"];

/** A block shorter than the 8-character minimum, repeated: no stronger than the block. */
const isRepeat = (password: string) => /^(.{1,7}?)\1+$/su.test(password);

function isRun(password: string): boolean {
  const reversed = [...password].reverse().join("");
  return RUNS.some((run) => run.includes(password) || run.includes(reversed));
}

function isCalendarDate(year: string, month: string, day: string): boolean {
  const [y, m, d] = [Number(year), Number(month), Number(day)];
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Eight digits that read as a date: DDMMYYYY, MMDDYYYY or YYYYMMDD (a birthday, usually). */
function isDate(password: string): boolean {
  if (!/^\d{8}$/.test(password)) return false;
  const [a, b, c] = [password.slice(0, 2), password.slice(2, 4), password.slice(4)];
  return isCalendarDate(c, b, a) || isCalendarDate(c, a, b) || isCalendarDate(password.slice(0, 4), password.slice(4, 6), password.slice(6));
}

/** Whether a lower-cased password is a repeat, a run or a date. */
export function isTrivialPattern(folded: string): boolean {
  return isRepeat(folded) || isRun(folded) || isDate(folded);
}
