/**
 * The classroom keys this browser holds, per class code in localStorage (never in cookies or
 * in an address the server sees): a student's key and name (and, once seated, the match it
 * led to), and a teacher's key. A damaged entry is treated as none.
 */

export interface StudentPass {
  readonly studentKey: string;
  readonly name: string;
  /** The match the class seated this browser in, once it has. */
  readonly matchID?: string;
}

const STUDENT_PREFIX = 'de-risk:class:';
const TEACHER_PREFIX = 'de-risk:teach:';

function read(key: string): unknown {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

function isPass(value: unknown): value is StudentPass {
  const pass = value as Partial<StudentPass> | null;
  return typeof pass?.studentKey === 'string' && typeof pass.name === 'string' && (pass.matchID === undefined || typeof pass.matchID === 'string');
}

export function studentPass(code: string): StudentPass | null {
  const value = read(STUDENT_PREFIX + code);
  return isPass(value) ? value : null;
}

export function keepStudentPass(code: string, pass: StudentPass): void {
  localStorage.setItem(STUDENT_PREFIX + code, JSON.stringify(pass));
}

export function forgetStudentPass(code: string): void {
  localStorage.removeItem(STUDENT_PREFIX + code);
}

/** The class (code and pass) through which this browser was seated in a match, if any. */
export function classOfMatch(matchID: string): { code: string; pass: StudentPass } | null {
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (!key?.startsWith(STUDENT_PREFIX)) continue;
    const pass = read(key);
    if (isPass(pass) && pass.matchID === matchID) return { code: key.slice(STUDENT_PREFIX.length), pass };
  }
  return null;
}

export function teacherKey(code: string): string | null {
  const value = read(TEACHER_PREFIX + code);
  return typeof value === 'string' ? value : null;
}

export function keepTeacherKey(code: string, key: string): void {
  localStorage.setItem(TEACHER_PREFIX + code, JSON.stringify(key));
}
