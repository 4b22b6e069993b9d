import { describe, expect, it } from 'vitest';
import { verificationCode, type CertificateFacts } from '../../src/certificate/verificationCode';

const facts: CertificateFacts = {
  name: 'Maija Meikäläinen',
  courseCompletedAt: '2026-10-01T09:00:00.000Z',
  passedAt: { background: '2026-09-01T09:00:00.000Z', goals: '2026-09-20T09:00:00.000Z' },
};

describe('the certificate’s verification code', () => {
  it('is ten unambiguous characters in two groups, the same for the same facts', () => {
    const code = verificationCode(facts);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(
      verificationCode({
        ...facts,
        passedAt: { goals: facts.passedAt['goals'], background: facts.passedAt['background'] },
      }),
    ).toBe(code);
  });

  it('does not care how the name was spaced or cased', () => {
    expect(verificationCode({ ...facts, name: '  maija   MEIKÄLÄINEN ' })).toBe(verificationCode(facts));
  });

  it('changes when the name, the completion date or a module’s pass date is different', () => {
    const code = verificationCode(facts);
    expect(verificationCode({ ...facts, name: 'Matti Meikäläinen' })).not.toBe(code);
    expect(verificationCode({ ...facts, courseCompletedAt: '2026-10-02T09:00:00.000Z' })).not.toBe(code);
    expect(verificationCode({ ...facts, passedAt: { ...facts.passedAt, goals: '2026-09-21T09:00:00.000Z' } })).not.toBe(
      code,
    );
  });
});
