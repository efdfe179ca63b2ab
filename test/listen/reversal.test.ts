import { describe, expect, it } from 'vitest';
import { type ReversalKind, readReversal } from '../../src/exercises/ask-for-help/reversal.js';

const TABLE: Record<'en' | 'nl', Record<Exclude<ReversalKind, never>, string[]>> = {
  en: {
    help: [
      'I help',
      'I help, of course',
      'I rarely say no',
      'I never say no to anyone',
      'I find it hard to say no, so I help',
      "I don't hesitate to help",
      'Happy to help, always',
      'I usually say yes',
      'Mostly yes',
      'I do what I can. It feels good to be asked.',
      "I'm bad at saying no",
      'When someone asks me for help, I help them',
    ],
    depends: [
      'It depends',
      'depends on who',
      'Depends on who is asking and what they want',
      'Sometimes I help, sometimes I say no',
      'I help if I have time',
      'I help when I can',
      "I help, unless I'm too busy",
      'Case by case really',
      'Not always, it varies',
      'I usually help but I say no when it is too much',
      'If it fits my schedule I will',
    ],
    no: [
      'I often say no',
      'Honestly, I say no a lot',
      "I'm usually too busy",
      "I don't really help, no time",
      'I tend to decline',
      'I turn most of them down',
      'Mostly no',
      "I'd rather not, to be honest",
      "I rarely help, I'm swamped",
      "I don't help much",
      'I avoid it',
    ],
    unclear: [
      "I don't know",
      'no idea',
      'Hmm',
      'good question',
      'never thought about it',
      'what do you mean?',
      'Nothing special',
      'I think about it',
      'It has been a while',
      'Not sure',
    ],
  },
  nl: {
    help: [
      'Ik help',
      'Dan help ik natuurlijk',
      'Ik zeg bijna nooit nee',
      'Ik kan geen nee zeggen',
      'Ik vind het moeilijk om nee te zeggen',
      'Meestal help ik wel',
      'Ik help graag',
      'Meestal ja',
      'Ik doe mijn best',
      'Ik vind het niet erg om te helpen',
      'Als iemand mij om hulp vraagt, help ik',
      'Ik zeg eigenlijk altijd ja',
    ],
    depends: [
      'Hangt ervan af',
      'Dat hangt af van wie het vraagt',
      'Het ligt eraan',
      'Soms wel, soms niet',
      'Ik help als ik tijd heb',
      'Niet altijd',
      'Afhankelijk van de vraag',
      'Ik help, tenzij het te druk is',
      'Meestal help ik, maar soms zeg ik nee',
      'Als het uitkomt, help ik',
      'Verschilt per persoon',
    ],
    no: [
      'Eerlijk gezegd zeg ik vaak nee, ik heb het al zo druk',
      'Ik zeg vaak nee',
      'Meestal nee',
      'Ik heb er geen tijd voor',
      'Ik help niet zo snel',
      'Ik help zelden',
      'Ik wimpel het meestal af',
      'Ik heb het te druk',
      'Liever niet eigenlijk',
      'Ik weiger meestal',
      'Ik sla het vaak af',
    ],
    unclear: [
      'Geen idee',
      'Weet ik niet',
      'Hmm',
      'Goede vraag',
      'Daar heb ik nooit over nagedacht',
      'Wat bedoel je?',
      'Niets bijzonders',
      'Ik denk erover na',
      'Dat is lang geleden',
      'Lastig te zeggen',
    ],
  },
};

describe('the reversal answer, read as help, depends, no or unclear', () => {
  for (const [lang, classes] of Object.entries(TABLE))
    for (const [kind, answers] of Object.entries(classes)) {
      it(`${lang}: ${kind} (${answers.length} answers)`, () => {
        expect(answers.length).toBeGreaterThanOrEqual(10);
        expect(answers.map((a) => [a, readReversal(a)])).toEqual(answers.map((a) => [a, kind]));
      });
    }
});
