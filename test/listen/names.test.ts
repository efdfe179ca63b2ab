import { describe, expect, it } from 'vitest';
import type { Person } from '../../src/network/model.js';
import { findByName, MAX_NAMES_PER_ANSWER, type NamedPerson, readNames } from '../../src/network/names.js';

const one = (name: string, note?: string): NamedPerson => (note ? { name, note } : { name });

describe('readNames: names as people write them', () => {
  it.each<[string, NamedPerson[]]>([
    // Quoted in issue 13, item 1.
    [
      'Chris, a health-IT blogger I follow on LinkedIn',
      [one('Chris', 'a health-IT blogger I follow on LinkedIn')],
    ],
    ['Sanne, she moved into nursing informatics', [one('Sanne', 'moved into nursing informatics')]],
    ['Lisa who is our EHR key user', [one('Lisa', 'who is our EHR key user')]],
    ['my cousin Rob who works at a hospital so', [one('Rob', 'my cousin who works at a hospital')]],
    ['Marjolein denk ik', [one('Marjolein')]],
    ['Marjolein (buurvrouw)', [one('Marjolein', 'buurvrouw')]],
    ['Dick - oud-directeur', [one('Dick', 'oud-directeur')]],
    ['Pieter die bij de gemeente werkt', [one('Pieter', 'die bij de gemeente werkt')]],
    // Lists stay lists, in both languages.
    ['Anna, Piet, Mo', [one('Anna'), one('Piet'), one('Mo')]],
    ['Anna, Piet and Mo', [one('Anna'), one('Piet'), one('Mo')]],
    ['Anna en Piet; Mo\nKees', [one('Anna'), one('Piet'), one('Mo'), one('Kees')]],
    ['anna, piet en mo', [one('anna'), one('piet'), one('mo')]],
    ['anna, Bo', [one('anna'), one('Bo')]],
    ['Jan van der Berg, Anna de Vries', [one('Jan van der Berg'), one('Anna de Vries')]],
    // Notes after a comma, a dash, a bracket or a relative clause; our own variants.
    ['Chris, blogger', [one('Chris', 'blogger')]],
    ['Marjolein, buurvrouw', [one('Marjolein', 'buurvrouw')]],
    ['Chris, a blogger and writer, Mo', [one('Chris', 'a blogger and writer'), one('Mo')]],
    ['Dick – oud-directeur, Els', [one('Dick', 'oud-directeur'), one('Els')]],
    ['Dick: my old boss', [one('Dick', 'my old boss')]],
    ['Marjolein (buurvrouw, tuinclub), Kees', [one('Marjolein', 'buurvrouw, tuinclub'), one('Kees')]],
    ['Rob from work, Sara uit de klas', [one('Rob', 'from work'), one('Sara', 'uit de klas')]],
    ['mijn neef Rob, hij werkt bij Philips', [one('Rob', 'mijn neef, werkt bij Philips')]],
    ['buurvrouw Marjolein en Piet', [one('Marjolein', 'buurvrouw'), one('Piet')]],
    ['Anna de Vries die bij de GGD werkt', [one('Anna de Vries', 'die bij de GGD werkt')]],
    ['my neighbour Anna and Piet', [one('Anna', 'my neighbour'), one('Piet')]],
    // After "and", a word for how they are known with a name after it starts the next person.
    [
      'my neighbour Anna and my old colleague Piet',
      [one('Anna', 'my neighbour'), one('Piet', 'my old colleague')],
    ],
    [
      'mijn buurvrouw Anna en mijn oude collega Piet',
      [one('Anna', 'mijn buurvrouw'), one('Piet', 'mijn oude collega')],
    ],
    ['my cousin, Rob', [one('Rob', 'my cousin')]],
    ['Lisa who is our EHR key user and Mark', [one('Lisa', 'who is our EHR key user'), one('Mark')]],
    ['Marjolein (buurvrouw) en Piet', [one('Marjolein', 'buurvrouw'), one('Piet')]],
    ['Marjolein (buurvrouw en tuinclub) en Piet', [one('Marjolein', 'buurvrouw en tuinclub'), one('Piet')]],
    ['Dick - oud-directeur en Els', [one('Dick', 'oud-directeur'), one('Els')]],
    ['Lisa who is our EHR key user.', [one('Lisa', 'who is our EHR key user')]],
    ['Piet., Marjolein?', [one('Piet'), one('Marjolein')]],
    ['Chris, recruiter', [one('Chris', 'recruiter')]],
    ['Ilse, verpleegkundige', [one('Ilse', 'verpleegkundige')]],
    // What many call a parent or grandparent is a name.
    ['Dad, Mum', [one('Dad'), one('Mum')]],
    ['Mama, Papa en Oma', [one('Mama'), one('Papa'), one('Oma')]],
    ['<!channel> @everyone', [one('<!channel> @everyone')]],
    // Hedges are dropped.
    ['maybe Tom, I think Ria', [one('Tom'), one('Ria')]],
    ['misschien Joost, Fleur geloof ik', [one('Joost'), one('Fleur')]],
    ['volgens mij Henk', [one('Henk')]],
    ['Sam perhaps', [one('Sam')]],
    // Names of other scripts and shapes.
    ['Zoë & Jürgen', [one('Zoë'), one('Jürgen')]],
    ['محمد، سارة', [one('محمد'), one('سارة')]],
    ['1, 42, A.B.', [one('A.B.')]],
    ['Anna, anna, ANNA', [one('Anna')]],
  ])('%j', (text, people) => {
    expect(readNames(text)).toEqual({ people, ended: false, over: 0 });
  });

  it.each([
    'no',
    'No.',
    'none',
    'nobody',
    'nobody else',
    'no one',
    "that's all",
    'That’s all!',
    'nee',
    'Nee.',
    'niemand',
    'niemand meer',
    'verder niemand',
    'dat was het',
    'geen',
    'no, that’s all',
    'nee, niemand meer',
    'niemand meer denk ik',
  ])('%j ends the list and is nobody', (text) => {
    expect(readNames(text)).toEqual({ people: [], ended: true, over: 0 });
  });

  it('keeps the names before a list ending', () => {
    expect(readNames('Anna, Piet, that’s all')).toEqual({
      people: [one('Anna'), one('Piet')],
      ended: true,
      over: 0,
    });
    expect(readNames('Fleur, dat was het')).toEqual({ people: [one('Fleur')], ended: true, over: 0 });
    expect(readNames("Anna, Piet. That's all.")).toEqual({
      people: [one('Anna'), one('Piet')],
      ended: true,
      over: 0,
    });
    expect(readNames('Anna. Dat was het')).toEqual({ people: [one('Anna')], ended: true, over: 0 });
  });

  it('does not read words of a sentence as a list ending', () => {
    expect(readNames('Noa, Nina').people.map((p) => p.name)).toEqual(['Noa', 'Nina']);
  });

  it('keeps a long note in full and the name short', () => {
    const note = `who ${'works on the regional care network and '.repeat(5)}knows everyone`;
    const [person] = readNames(`Lisa ${note}`).people;
    expect(person).toEqual({ name: 'Lisa', note });
  });

  it('reads a 2000-character answer of any shape in well under a second', () => {
    const started = performance.now();
    for (const text of ['Anna and '.repeat(220), 'a '.repeat(1000), '('.repeat(2000), 'P, '.repeat(666)])
      readNames(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('counts the names past the per-answer limit', () => {
    const many = Array.from({ length: 80 }, (_, i) => `P${i}`).join(', ');
    const reading = readNames(many);
    expect(reading.people).toHaveLength(MAX_NAMES_PER_ANSWER);
    expect(reading.people.at(-1)).toEqual(one(`P${MAX_NAMES_PER_ANSWER - 1}`));
    expect(reading.over).toBe(80 - MAX_NAMES_PER_ANSWER);
  });
});

describe('findByName: the person a typed name means', () => {
  const person = (id: string, name: string, note?: string): Person => ({
    id,
    name,
    ...(note ? { note } : {}),
    domain: null,
    ring: null,
    contact: null,
    named: [],
    addedAt: '2026-11-30T00:00:00.000Z',
  });
  const map = [
    person('p1', 'Lisa', 'who is our EHR key user'),
    // Stored before notes existed: the note is part of the name.
    person('p2', 'Dick (oud-directeur)'),
    person('p3', 'Rob who works at a hospital'),
    person('p4', 'Anna B'),
    person('p5', 'Anna C'),
  ];

  it.each([
    ['Lisa', 'p1'],
    ['lisa', 'p1'],
    ['Dick', 'p2'],
    ['Rob', 'p3'],
    ['Anna B', 'p4'],
  ])('%j → %s', (typed, id) => {
    expect(findByName(map, typed)?.id).toBe(id);
  });

  it('matches no one when a first name fits two people or a full name fits nobody', () => {
    expect(findByName(map, 'Anna')).toBeUndefined();
    expect(findByName(map, 'Lisa Jansen')).toBeUndefined();
    expect(findByName(map, 'Mo')).toBeUndefined();
  });
});
