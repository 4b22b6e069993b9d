/*
 * The certificate's verification code: a short digest of the facts the certificate states, taken
 * from the learner's progress (the name, when the course was completed, when each module's knowledge
 * check was passed). A coordinator checks a certificate by opening the learner's "My data" file on
 * the certificate page (the check for coordinators there): the file gives the same code only if it
 * holds the same facts, so a certificate typed up by hand, or one whose name or dates were edited,
 * does not match. The site is static and the algorithm is public, so the code proves agreement with
 * the learner's data, not authorship; that is all a self-study course without accounts can offer.
 */

/** The facts the code is made from. */
export interface CertificateFacts {
  name: string;
  /** When the whole course was first completed (ISO time). */
  courseCompletedAt: string;
  /** When each module's knowledge check was first passed, by module id (ISO times). */
  passedAt: Record<string, string | undefined>;
}

/** 64-bit FNV-1a over UTF-16 code units, as two 32-bit halves with different offsets. */
function digest(text: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 13), 0x5bd1e995);
  }
  return [a >>> 0, b >>> 0];
}

/** Crockford's base 32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The same name however it was spaced or cased. */
const normalName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('fi');

/** A code such as "7KQ2M-XD4PA": ten characters from the facts, in two groups. */
export function verificationCode(facts: CertificateFacts): string {
  const modules = Object.keys(facts.passedAt)
    .sort()
    .map((id) => `${id}=${facts.passedAt[id] ?? ''}`);
  const [high, low] = digest([normalName(facts.name), facts.courseCompletedAt, ...modules].join('\n'));
  let bits = BigInt(high) * 2n ** 32n + BigInt(low);
  let code = '';
  for (let i = 0; i < 10; i++) {
    code = (ALPHABET[Number(bits % 32n)] ?? '0') + code;
    bits /= 32n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
