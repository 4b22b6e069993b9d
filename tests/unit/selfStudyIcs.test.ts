import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, type IcsTexts } from '../../src/features/academy/ics';
import type { AcademyView } from '../../src/features/academy/types';

const academy: AcademyView = {
  id: 'esimerkkiakatemia-2026-2027',
  name: 'Esimerkkiakatemia 2026–2027',
  description: 'Esimerkki',
  isDefault: false,
  example: true,
  starts: '2026-09-07',
  meetings: [
    {
      id: 'sprint-1',
      date: '2026-10-22',
      start: '09:00',
      end: '12:00',
      place: null,
      theme: 'Lähtötilanne; tavoitteet, ja vastuut',
      due: ['background', 'teamwork'],
    },
    {
      id: 'sprint-2',
      date: '2026-12-03',
      start: '09:00',
      end: '15:00',
      place: 'Helsinki, Pasila (tarkka paikka ilmoitetaan myöhemmin)',
      theme:
        'Tavoitteet ja vaikuttavuus – pitkä teema, jossa on ääkkösiä ja €-merkkejä, jotta rivi taittuu monta kertaa ilman että yksikään merkki katkeaa kesken',
      due: ['goals'],
    },
    { id: 'sprint-4', date: '2027-03-31', start: '09:00', end: '15:00', place: null, theme: 'Kesäaika', due: [] },
  ],
};
const texts: IcsTexts = {
  calendarName: academy.name,
  summary: (n, theme) => `Sprinttitapaaminen ${n}: ${theme}`,
  description: (titles) => (titles.length ? `Opiskele ennen tapaamista:\n${titles.join(', ')}` : ''),
  online: 'Etäyhteys',
  reminder: (n, theme) => `Sprinttitapaaminen ${n} on huomenna: ${theme}`,
  briefLabel: 'Valmistautumismuistio:',
};
const briefUrl = (meetingId: string): string =>
  `https://kurssi.example.fi/aikataulu/esimerkkiakatemia-2026-2027/${meetingId}/`;
const titles: Record<string, string> = {
  background: 'Taustat ja perustelut',
  teamwork: 'Joukkuelaji',
  goals: 'Tavoitteet',
};
const ics = buildIcs(academy, texts, (id) => titles[id] ?? id, new Date('2026-11-22T08:00:00Z'), briefUrl);

function parsed(): { events: ICAL.Event[]; calendar: ICAL.Component } {
  const jcal = ICAL.parse(ics) as unknown[];
  const calendar = new ICAL.Component(jcal);
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (!zone) throw new Error('no VTIMEZONE');
  ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c)) };
}

describe('calendar export (.ics)', () => {
  it('uses CRLF line endings everywhere and no line is longer than 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n /); // the long theme was folded
  });

  it('is read back by an independent parser with one event per meeting and stable UIDs', () => {
    const { calendar, events } = parsed();
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
    expect(events.map((e) => e.uid)).toEqual([
      'esimerkkiakatemia-2026-2027-sprint-1@hankintapolku',
      'esimerkkiakatemia-2026-2027-sprint-2@hankintapolku',
      'esimerkkiakatemia-2026-2027-sprint-4@hankintapolku',
    ]);
    for (const e of events)
      expect(e.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-11-22T08:00:00Z');
  });

  it('puts the times in Europe/Helsinki with its VTIMEZONE, right in summer and winter time', () => {
    const { events } = parsed();
    for (const e of events) {
      expect(e.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Helsinki');
      expect(e.component.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Helsinki');
      expect(e.startDate.zone.tzid).toBe('Europe/Helsinki');
    }
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      '2026-10-22T06:00:00.000Z', // EEST, +03:00
      '2026-12-03T07:00:00.000Z', // EET, +02:00
      '2027-03-31T06:00:00.000Z', // EEST again
    ]);
    expect(events[1]?.endDate.toJSDate().toISOString()).toBe('2026-12-03T13:00:00.000Z');
  });

  it('escapes commas, semicolons and new lines, which the parser reads back as written', () => {
    const { events } = parsed();
    expect(events[0]?.summary).toBe('Sprinttitapaaminen 1: Lähtötilanne; tavoitteet, ja vastuut');
    expect(events[0]?.location).toBe('Etäyhteys');
    expect(events[0]?.description).toBe(
      `Opiskele ennen tapaamista:\nTaustat ja perustelut, Joukkuelaji\n\nValmistautumismuistio: ${briefUrl('sprint-1')}`,
    );
    expect(events[1]?.summary).toBe(`Sprinttitapaaminen 2: ${academy.meetings[1]?.theme ?? ''}`);
    expect(events[1]?.location).toBe('Helsinki, Pasila (tarkka paikka ilmoitetaan myöhemmin)');
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'ä'.repeat(100)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(part).not.toContain('\uFFFD');
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'ä'.repeat(100)}`);
  });

  it('links every event to its pre-meeting brief and reminds a day before', () => {
    const { events } = parsed();
    expect(events).toHaveLength(academy.meetings.length);
    academy.meetings.forEach((meeting, i) => {
      const event = events[i];
      if (!event) throw new Error('missing event');
      expect(event.component.getFirstPropertyValue('url')).toBe(briefUrl(meeting.id));
      expect(event.description).toContain(briefUrl(meeting.id));
      const alarms = event.component.getAllSubcomponents('valarm');
      expect(alarms).toHaveLength(1);
      expect(alarms[0]?.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(String(alarms[0]?.getFirstPropertyValue('trigger'))).toBe('-P1D');
      expect(alarms[0]?.getFirstPropertyValue('description')).toBe(
        `Sprinttitapaaminen ${i + 1} on huomenna: ${meeting.theme}`,
      );
    });
  });

  it('ends every line, inside alarms too, with CRLF and never a bare LF', () => {
    expect(ics).toContain('END:VALARM\r\nEND:VEVENT\r\n');
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
  });
});
